/**
 * The import preview's proposed placeholders as the user reviews them: which
 * are kept, under what name, whether each name can be used, and how a body
 * reads with the kept ones marked. Pure, no browser API, no translations
 * (unit-tested in test/unit/import-placeholders.test.ts).
 */
import { NOTHING_REMOVED, type RemovedCharacters } from '../../core/clean-text';
import { type BuildOptions, type Collection, collectionFromReport } from '../../core/library';
import { type PlaceholderRule, placeholderMatcher } from '../../core/placeholders';
import type { ParsedReport } from '../../core/report-parser';
import { type PlaceholderProposal, type SpecificKind, proposePlaceholders } from '../../core/specifics';

/**
 * A report parsed for the import preview, as plain data: what the import
 * worker (import-work.ts) hands the page.
 */
export interface PreparedImport {
  /** The parse, kept to build the collection again with the placeholders the user keeps. */
  report: ParsedReport;
  options: BuildOptions;
  /** Built without placeholders: every entry's id and title, and its text in the report's own words. */
  collection: Collection;
  /** The report's specifics, proposed as placeholders. */
  proposals: PlaceholderProposal[];
  /** The invisible controls and broken characters taken out of the report's text on import. */
  removed: RemovedCharacters;
  /** The file it came from, kept as the collection's source. */
  source?: string;
}

/** A prepared import with the means to build it again with placeholders. */
export interface ParsedImport extends PreparedImport {
  /** The same collection with these placeholders: the same entries under the same ids (ids hash the plain text). */
  withPlaceholders: (rules: readonly PlaceholderRule[]) => Collection;
}

/**
 * A parsed report for the preview: its collection without placeholders and
 * the proposals found in its paragraphs (which every entry is cut from).
 */
export function prepareImport(report: ParsedReport, options: BuildOptions, removed: RemovedCharacters = NOTHING_REMOVED, source?: string): PreparedImport {
  let proposals: PlaceholderProposal[] = [];
  try {
    proposals = proposePlaceholders(report.paragraphs);
  } catch (error) {
    // Proposals are a suggestion: the report still imports without them.
    console.error(error);
  }
  return { report, options, collection: collectionFromReport(report, options), proposals, removed, ...(source ? { source } : {}) };
}

/** A prepared import (as the worker hands it over) able to build its collection again with the placeholders kept, from the same parse. */
export function withRebuild(prepared: PreparedImport): ParsedImport {
  return { ...prepared, withPlaceholders: (placeholders) => collectionFromReport(prepared.report, { ...prepared.options, placeholders }) };
}

/** prepareImport and withRebuild in one, for a caller on the thread that parses. */
export function parsedImport(report: ParsedReport, options: BuildOptions, source?: string): ParsedImport {
  return withRebuild(prepareImport(report, options, NOTHING_REMOVED, source));
}

/** One proposal as the user has it now: ticked or not, and the name as typed. */
export interface PlaceholderChoice {
  text: string;
  kind: SpecificKind;
  /** How often the report has the words, as the proposal counted them. */
  count: number;
  /** The name as typed, blanks and all; trimmed when used. */
  name: string;
  ticked: boolean;
}

/** The grammar's limit on a name (core/placeholders.ts). */
export const MAX_PLACEHOLDER_NAME = 30;

/**
 * The proposals the user is offered, each ticked: proposals are precise, and a
 * kept placeholder costs nothing (its default is the report's own words).
 * Words a placeholder's default cannot hold (braces, line breaks) are left out.
 */
export function choicesFrom(proposals: readonly PlaceholderProposal[]): PlaceholderChoice[] {
  const seen = new Set<string>();
  const choices: PlaceholderChoice[] = [];
  for (const p of proposals) {
    if (p.text === '' || /[{}\n]/.test(p.text) || seen.has(p.text)) continue;
    seen.add(p.text);
    choices.push({ text: p.text, kind: p.kind, count: p.count, name: p.name, ticked: true });
  }
  return choices;
}

export type NameProblem = 'empty' | 'too-long' | 'bad-character' | 'duplicate';

/** Why the choice at `index` cannot be used as it is named, or null; an unticked choice is never a problem. */
export function nameProblem(choices: readonly PlaceholderChoice[], index: number): NameProblem | null {
  const choice = choices[index];
  if (!choice?.ticked) return null;
  const name = choice.name.trim();
  if (name === '') return 'empty';
  if (/[{}|\r\n]/.test(name)) return 'bad-character';
  if (name.length > MAX_PLACEHOLDER_NAME) return 'too-long';
  const same = choices.findIndex((other) => other.ticked && other.name.trim() === name);
  return same !== index ? 'duplicate' : null;
}

export function hasNameProblems(choices: readonly PlaceholderChoice[]): boolean {
  return choices.some((_, index) => nameProblem(choices, index) !== null);
}

/** The ticked choices as rules for buildCollection, names trimmed. */
export function chosenRules(choices: readonly PlaceholderChoice[]): PlaceholderRule[] {
  return choices.filter((c) => c.ticked).map((c) => ({ name: c.name.trim(), text: c.text }));
}

/** A piece of a body: the report's own words, or words a placeholder stands for. */
export type BodySegment = { text: string; placeholder?: string };

/** A body's plain text cut where the rules' words occur, as applyPlaceholderRules finds them (placeholderMatcher). */
export function bodySegments(plain: string, rules: readonly PlaceholderRule[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let at = 0;
  for (const { index, length, rule } of placeholderMatcher(rules)(plain)) {
    if (index > at) segments.push({ text: plain.slice(at, index) });
    segments.push({ text: plain.slice(index, index + length), placeholder: rule.name });
    at = index + length;
  }
  if (at < plain.length) segments.push({ text: plain.slice(at) });
  return segments;
}

/** The segments line by line (a body's paragraphs are separated by \n), for a pane that shows paragraphs. */
export function segmentLines(segments: readonly BodySegment[]): BodySegment[][] {
  const lines: BodySegment[][] = [[]];
  for (const segment of segments) {
    const parts = segment.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...segment, text: part });
    });
  }
  return lines;
}

/** How many times each rule's words become its placeholder among the segments, by words. */
export function placeholderTextCounts(segments: readonly BodySegment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of segments) if (s.placeholder !== undefined) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
  return counts;
}
