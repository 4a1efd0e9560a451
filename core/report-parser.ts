/**
 * Parses a report of the 党性分析 / 对照检查 genre into an outline.
 *
 * The text is cut into blocks: a block is a paragraph, or a part of a paragraph
 * when a numbered heading runs into its body on the same line
 * ("（一）理论学习方面。1.学习的系统性不够。…", "主观上：一是……。二是……。").
 * Joining every block, with a line break before each block that began a line,
 * gives back the normalised text exactly, so any node's text can be cut out of
 * the document without losing or doubling a character.
 */
import {
  type Family,
  type Marker,
  STRICT_RANK,
  isEnumerator,
  isNextInSeries,
  isStrict,
  matchMarker,
} from './markers';

export interface Block {
  /** The block's text exactly as in the normalised document. */
  text: string;
  /** True when the block starts a line (a paragraph) rather than continuing one. */
  newLine: boolean;
  marker: Marker | null;
  /** The heading, for a block with a marker: its first sentence, numbering and end punctuation removed. */
  title: string | null;
  /** True when the block carries text beyond its heading. */
  hasBody: boolean;
}

export type NodeType = 'document' | 'heading' | 'group' | 'item';

export interface ReportNode {
  type: NodeType;
  title: string;
  marker: Marker | null;
  /** Index of the node's first block. */
  start: number;
  /** One past the index of the last block of the node and its descendants. */
  end: number;
  children: ReportNode[];
}

export interface ParsedReport {
  title: string;
  /** True when the first paragraph was taken as the document's title. */
  hasTitleLine: boolean;
  blocks: Block[];
  root: ReportNode;
}

export interface ParseOptions {
  /** Used when the text has no title line, e.g. the file name. */
  fallbackTitle?: string;
}

const MARKERS_RE = /##paid(?:begin|end)##/gi;
/** Every kind of blank that indents or pads Chinese text, including U+3000 and NBSP. */
const EDGE_SPACE_RE = /^[\s\u3000\u00a0\u200b\u2002-\u200a\ufeff]+|[\s\u3000\u00a0\u200b\u2002-\u200a\ufeff]+$/g;
const SENTENCE_END = '。！？!?；;';
const MAX_HEADING = 60;
const MAX_TITLE_LINE = 60;

/**
 * The paragraphs of a text: BOM and zero-width characters removed, any line
 * ending accepted, the source site's ##paidbegin## / ##paidend## markers removed
 * (the text around them is kept), each line trimmed, blank lines dropped.
 */
export function normalizeReportText(raw: string): string[] {
  return raw
    .replace(/[\ufeff\u200b]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(MARKERS_RE, '')
    .split('\n')
    .map((line) => line.replace(EDGE_SPACE_RE, ''))
    .filter((line) => line !== '');
}

export function parseReport(raw: string, options: ParseOptions = {}): ParsedReport {
  const lines = normalizeReportText(raw);
  const blocks = demoteLoneLeads(lines.flatMap(splitLine));
  const hasTitleLine = isTitleLine(blocks);
  const title = hasTitleLine
    ? blocks[0]!.text
    : options.fallbackTitle?.trim() || untitled(lines[0] ?? '');
  const root = buildTree(blocks, hasTitleLine ? 1 : 0);
  return { title, hasTitleLine, blocks, root };
}

/** The text of a node and all its descendants, exactly as in the document. */
export function nodeText(report: ParsedReport, node: ReportNode): string {
  return joinBlocks(report.blocks, node.start, node.end);
}

export function joinBlocks(blocks: Block[], start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const block = blocks[i]!;
    if (i > start && block.newLine) out += '\n';
    out += block.text;
  }
  return out;
}

/** The whole normalised document. */
export function documentText(report: ParsedReport): string {
  return joinBlocks(report.blocks, 0, report.blocks.length);
}

function isTitleLine(blocks: Block[]): boolean {
  const first = blocks[0];
  if (!first || blocks.length < 2 || first.marker) return false;
  if (first.text.length > MAX_TITLE_LINE) return false;
  return ![...SENTENCE_END, '，', ','].some((c) => first.text.includes(c));
}

function untitled(firstLine: string): string {
  const clause = firstLine.split(/[，。！？；,.!?;：:]/)[0] ?? '';
  return clause.length > 20 ? `${clause.slice(0, 20)}…` : clause || '未命名报告';
}

// ---------------------------------------------------------------------------
// Lines into blocks

function splitLine(line: string): Block[] {
  const blocks: Block[] = [];
  const series: Marker[] = [];
  let rest = line;
  let newLine = true;
  while (rest !== '') {
    const marker = matchMarker(rest);
    if (!marker) {
      const cut = findSeriesContinuation(rest, series, 1);
      blocks.push(plainBlock(rest.slice(0, cut), newLine));
      rest = rest.slice(cut);
      newLine = false;
      continue;
    }
    series.push(marker);
    const afterMarker = rest.slice(marker.text.length);
    const headingEnd = marker.family === 'group' ? 0 : headingLength(afterMarker);
    const heading = afterMarker.slice(0, headingEnd);
    const afterHeading = afterMarker.slice(headingEnd);
    // A body that starts with its own numbering is a new block:
    // "（一）理论学习方面。1.学习的系统性不够。" or "主观上：一是…".
    let cut: number;
    if (afterHeading !== '' && matchMarker(afterHeading)) {
      cut = marker.text.length + headingEnd;
    } else {
      cut = marker.text.length + headingEnd + findSeriesContinuation(afterHeading, series, 0);
    }
    const text = rest.slice(0, cut);
    blocks.push({
      text,
      newLine,
      marker,
      title: marker.family === 'group' ? marker.label! : headingTitle(heading, afterMarker),
      hasBody: cut > marker.text.length + headingEnd,
    });
    rest = rest.slice(cut);
    newLine = false;
  }
  return blocks;
}

function plainBlock(text: string, newLine: boolean): Block {
  return { text, newLine, marker: null, title: null, hasBody: true };
}

/**
 * Where in `text` (searching from `from`) a sentence begins with the next
 * member of a series already open on this line, or text.length.
 */
function findSeriesContinuation(text: string, series: Marker[], from: number): number {
  if (series.length === 0) return text.length;
  for (let i = Math.max(from, 1); i < text.length; i++) {
    if (!SENTENCE_END.includes(text[i - 1]!)) continue;
    const next = matchMarker(text.slice(i));
    if (next && series.some((open) => isNextInSeries(open, next))) return i;
  }
  return text.length;
}

/** Length of the heading sentence at the start of `text`, end punctuation included. */
function headingLength(text: string): number {
  for (let i = 0; i < text.length && i <= MAX_HEADING; i++) {
    if (SENTENCE_END.includes(text[i]!)) return i + 1;
  }
  // No sentence end near the start: a heading line on its own ("一、主要差距不足"),
  // or a long sentence whose first clause stands for its title.
  return text.length <= MAX_HEADING ? text.length : 0;
}

function headingTitle(heading: string, afterMarker: string): string {
  const source = heading !== '' ? heading : afterMarker;
  let title = source.replace(/[。！？!?；;：:，,、\s]+$/u, '');
  if (title.length > MAX_HEADING || heading === '') {
    const clause = title.split(/[，,；;：:]/)[0] ?? title;
    title = clause.length > 30 ? `${clause.slice(0, 30)}…` : clause;
  }
  return title;
}

/**
 * Paragraph leads come in series: a lone "一要素不全" or "首先是思想问题" is a
 * sentence, not an item. Such a lead counts only when another member of its
 * series stands between the same headings.
 */
function demoteLoneLeads(blocks: Block[]): Block[] {
  let start = 0;
  for (let i = 0; i <= blocks.length; i++) {
    const marker = blocks[i]?.marker;
    if (i < blocks.length && !(marker && isStrict(marker.family))) continue;
    const span = blocks.slice(start, i);
    for (const block of span) {
      const lead = block.marker;
      // 一是 leads a paragraph only as a lead; 一要 and 首先 are often plain words.
      if (!lead || !isEnumerator(lead.family) || lead.family === 'enumShi') continue;
      const hasSibling = span.some(
        (other) => other !== block && other.marker && (isNextInSeries(lead, other.marker) || isNextInSeries(other.marker, lead)),
      );
      if (!hasSibling) Object.assign(block, { marker: null, title: null, hasBody: true });
    }
    start = i + 1;
  }
  return blocks;
}

// ---------------------------------------------------------------------------
// Blocks into a tree

interface OpenNode {
  node: ReportNode;
  /** Paragraph leads (一是…) and groups with content take no further paragraphs. */
  closedToParagraphs: boolean;
}

/** A closing paragraph that belongs to the whole report, not to its last section. */
const EPILOGUE_RE = /批评指正|以上是我|以上就是|以上为|不妥之处|^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/;

function buildTree(blocks: Block[], firstBodyBlock: number): ReportNode {
  const root: ReportNode = {
    type: 'document',
    title: '',
    marker: null,
    start: 0,
    end: blocks.length,
    children: [],
  };
  const stack: OpenNode[] = [{ node: root, closedToParagraphs: false }];
  const top = () => stack[stack.length - 1]!;
  const endOf = new Map<ReportNode, number>();

  for (let i = firstBodyBlock; i < blocks.length; i++) {
    const block = blocks[i]!;
    const marker = block.marker;
    if (!marker) {
      if (block.newLine) {
        if (EPILOGUE_RE.test(block.text) && isNearEnd(blocks, i)) stack.length = 1;
        while (stack.length > 1 && top().closedToParagraphs) stack.pop();
      }
      markOwned(stack, i, endOf);
      const owner = top();
      if (owner.node.type === 'group') owner.closedToParagraphs = true;
      continue;
    }
    placeMarker(stack, marker.family);
    const node: ReportNode = {
      type: nodeType(marker.family),
      title: block.title ?? '',
      marker,
      start: i,
      end: i + 1,
      children: [],
    };
    top().node.children.push(node);
    if (top().node.type === 'group') top().closedToParagraphs = true;
    stack.push({
      node,
      closedToParagraphs: isEnumerator(marker.family) || (marker.family === 'group' && block.hasBody),
    });
    markOwned(stack, i, endOf);
  }
  for (const [node, end] of endOf) node.end = end;
  root.end = blocks.length;
  return root;
}

function isNearEnd(blocks: Block[], index: number): boolean {
  return blocks.slice(index + 1).every((b) => !b.marker);
}

function markOwned(stack: OpenNode[], index: number, endOf: Map<ReportNode, number>): void {
  for (const open of stack) endOf.set(open.node, index + 1);
}

function nodeType(family: Family): NodeType {
  if (family === 'group') return 'group';
  if (isEnumerator(family)) return 'item';
  return 'heading';
}

/** Pops the stack until the top is where a node of `family` belongs. */
function placeMarker(stack: OpenNode[], family: Family): void {
  const sameFamily = findLast(stack, (open) => open.node.marker?.family === family);
  if (sameFamily > 0) {
    stack.length = sameFamily;
    return;
  }
  const familyOf = (open: OpenNode) => open.node.marker?.family;
  if (isStrict(family)) {
    const rank = STRICT_RANK[family]!;
    // A heading closes whatever paragraph leads, groups and 第一-style leads sit
    // below the deepest open heading, then every less major heading.
    const deepestHeading = findLast(stack, (open) => isStrictFamily(familyOf(open)));
    if (deepestHeading > 0) {
      stack.length = deepestHeading + 1;
      while (stack.length > 1) {
        const f = familyOf(stack[stack.length - 1]!);
        if (f && isStrict(f) && STRICT_RANK[f]! > rank) stack.pop();
        else break;
      }
      return;
    }
  }
  if (isStrict(family) || family === 'group' || family === 'ordinal') {
    while (stack.length > 1 && isEnumerator(familyOf(stack[stack.length - 1]!)!)) stack.pop();
  }
}

function isStrictFamily(family: Family | undefined): boolean {
  return family !== undefined && isStrict(family);
}

function findLast<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
