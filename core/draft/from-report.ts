/**
 * Turns report text — a whole-report template, a section, an item, a user's
 * own report — into draft parts. The report parser finds the structure; the
 * numbers it found are dropped (the draft writes its own), the words of each
 * heading and its text are kept exactly.
 */
import { type ParsedReport, type ReportNode, parseReport } from '../report-parser';
import type { Draft, DraftNode } from './model';
import { MAX_DRAFT_DEPTH } from './model';

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
    else nodes.push(...fromReportNode(child, newId, 1));
  }
  return { title, nodes, signature };
}

export function draftFromText(
  text: string,
  options: { id: string; now: number; newId: NewId; name?: string; source?: string },
): Draft {
  const { title, nodes, signature } = partsFromText(text, options.newId, true);
  return {
    id: options.id,
    name: options.name ?? title,
    title,
    nodes,
    signature,
    values: [],
    ...(options.source ? { source: options.source } : {}),
    createdAt: options.now,
    updatedAt: options.now,
  };
}

function textNode(text: string, newId: NewId): DraftNode {
  return { id: newId(), kind: 'text', heading: '', runIn: false, text, children: [] };
}

function fromReportNode(node: ReportNode, newId: NewId, depth: number): DraftNode[] {
  if (node.type === 'opening' || node.type === 'closing') return [textNode(node.text, newId)];
  const [first = '', ...rest] = node.ownText;
  const { heading, tail } = splitHeading(node, first);
  const text = [tail, ...rest].filter((t) => t.trim() !== '').join('\n');
  const children = node.children.flatMap((child) => fromReportNode(child, newId, depth + 1));
  const made: DraftNode = {
    id: newId(),
    kind: 'heading',
    heading,
    runIn: tail !== '',
    text,
    children: depth < MAX_DRAFT_DEPTH ? children : [],
  };
  // Deeper than the genre numbers: the parts below the last level become its text.
  if (depth >= MAX_DRAFT_DEPTH && children.length > 0) {
    made.text = [made.text, ...node.children.map((child) => child.text)].filter((t) => t !== '').join('\n');
  }
  return [made];
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
