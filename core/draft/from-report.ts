/**
 * Turns report text — a whole-report template, a section, an item, a user's
 * own report — into draft parts. The report parser finds the structure; the
 * numbers it found are dropped (the draft writes its own), the words of each
 * heading and its text are kept exactly.
 */
import { type ParsedReport, type ReportNode, parseReport } from '../report-parser';
import type { Draft, DraftNode } from './model';
import { fitDepth } from './edit';

export type NewId = () => string;

/** What a piece of report text gives a draft: its title line, its parts and its 落款. */
export interface DraftParts {
  title: string;
  nodes: DraftNode[];
  signature: string;
}

/** Punctuation that may close a heading before its text runs on in the same paragraph. */
const HEADING_END = '。：:；;．.，,！!？?';

/**
 * The parts of a text. `withTitle`: the first line may be the document's
 * title (a whole report); otherwise a line the parser took for a title stays a
 * paragraph of text.
 */
export function partsFromText(text: string, newId: NewId, withTitle: boolean): DraftParts {
  return partsFromReport(parseReport(text), newId, withTitle);
}

export function partsFromReport(report: ParsedReport, newId: NewId, withTitle: boolean): DraftParts {
  const nodes: DraftNode[] = [];
  let signature = '';
  const title = report.hasTitleLine && withTitle ? report.title : '';
  const intro = report.root.ownText.slice(report.hasTitleLine && withTitle ? 1 : 0).filter((t) => t.trim() !== '');
  if (intro.length > 0) nodes.push(textNode(intro.join('\n'), newId));
  for (const child of report.root.children) {
    if (child.type === 'signature') signature = child.text;
    // Parts deeper than the genre numbers join their parent's text, as when they are inserted there.
    else nodes.push(...fromReportNode(child, newId).map((node) => fitDepth(node, 1)));
  }
  return { title, nodes, signature };
}

export interface NewDraft {
  id: string;
  now: number;
  /** What the list shows; the title when absent. */
  name?: string;
  source?: string;
}

/** A draft holding `parts`, with no values yet, created and changed `now`. */
export function draftFromParts(parts: DraftParts, options: NewDraft): Draft {
  return {
    id: options.id,
    name: options.name ?? parts.title,
    title: parts.title,
    nodes: parts.nodes,
    signature: parts.signature,
    values: [],
    ...(options.source ? { source: options.source } : {}),
    createdAt: options.now,
    updatedAt: options.now,
  };
}

export function draftFromText(text: string, options: NewDraft & { newId: NewId }): Draft {
  return draftFromParts(partsFromText(text, options.newId, true), options);
}

function textNode(text: string, newId: NewId): DraftNode {
  return { id: newId(), kind: 'text', heading: '', runIn: false, text, children: [] };
}

function fromReportNode(node: ReportNode, newId: NewId): DraftNode[] {
  if (node.type === 'opening' || node.type === 'closing') return [textNode(node.text, newId)];
  const [first = '', ...rest] = node.ownText;
  const { heading, tail } = splitHeading(node, first);
  const text = [tail, ...rest].filter((t) => t.trim() !== '').join('\n');
  const children = node.children.flatMap((child) => fromReportNode(child, newId));
  return [{ id: newId(), kind: 'heading', heading, runIn: tail !== '', text, children }];
}

/** A heading's words without their number, and the text that runs on after them in the same paragraph. */
function splitHeading(node: ReportNode, first: string): { heading: string; tail: string } {
  const marker = node.marker;
  if (node.type === 'group' && marker) {
    return { heading: marker.label ?? node.title, tail: first.slice(marker.text.length).trim() };
  }
  const rest = marker && first.startsWith(marker.text) ? first.slice(marker.text.length).trimStart() : first;
  if (node.title && rest.startsWith(node.title)) {
    const after = rest.slice(node.title.length);
    const end = after[0] !== undefined && HEADING_END.includes(after[0]) ? after[0] : '';
    return { heading: node.title + end, tail: after.slice(end.length).trim() };
  }
  return { heading: rest.trim(), tail: '' };
}
