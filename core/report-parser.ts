/**
 * Parses a report of the 党性分析 / 对照检查 genre into an outline.
 *
 * The source's paragraphs (plain text is first cleaned of what a PDF or web
 * copy adds: core/copied-text.ts) are cut into blocks: a block is a
 * paragraph, or a part of a paragraph when a numbered heading runs into its
 * body on the same line ("（一）理论学习方面。1.学习的系统性不够。…",
 * "主观上：一是……。二是……。") or items are written inside a paragraph
 * ("……还有差距。一是……二是……"). The blocks become a tree: the opening, the
 * numbered (or, in a Word document, heading-styled) sections and their items,
 * the closing and the 落款. Each node carries its text exactly as in the
 * document, so joining the tree gives back the cleaned document without
 * losing or doubling a character.
 */
import { cleanCopiedText } from './copied-text';
import { findFrame } from './report-frame';
import {
  type Family,
  type Marker,
  STRICT_RANK,
  isEnumerator,
  isNextInSeries,
  isStrict,
  matchMarker,
} from './markers';
import type { ReportSource, SourceParagraph } from './report-source';

interface Block {
  /** The block's text exactly as in the cleaned document. */
  text: string;
  /** True when the block starts a paragraph rather than continuing one. */
  newLine: boolean;
  marker: Marker | null;
  /** The heading, for a block with a marker or a heading level. */
  title: string | null;
  /** True when the block carries text beyond its heading. */
  hasBody: boolean;
  /** The source's own outline level of the paragraph (Word heading styles): 1–9. */
  level?: number;
}

/** The parts of a document: its frame (opening, closing, 落款) and its numbered outline. */
export type NodeType = 'document' | 'opening' | 'heading' | 'group' | 'item' | 'closing' | 'signature';

export interface ReportNode {
  type: NodeType;
  title: string;
  marker: Marker | null;
  /** The node's text with its descendants', exactly as in the document. */
  text: string;
  /** The pieces of the node's text that belong to no child, in order (its heading, its intro). */
  ownText: string[];
  children: ReportNode[];
}

export interface ParsedReport {
  title: string;
  /** True when the first paragraph was taken as the document's title. */
  hasTitleLine: boolean;
  /** The cleaned document, one paragraph a line; `root.text` is them joined by '\n'. */
  paragraphs: string[];
  /** Page furniture taken out of a PDF or web copy (page numbers, running headers). */
  dropped: string[];
  root: ReportNode;
}

export interface ParseOptions {
  /** Used when the text has no title line, e.g. the file name. */
  fallbackTitle?: string;
}

/** Titles of the frame's parts, as lists show them. */
export const FRAME_TITLES = { opening: '开头', closing: '结尾', signature: '落款' } as const;

const MARKERS_RE = /##paid(?:begin|end)##/gi;
/** Every kind of blank that indents or pads Chinese text, including U+3000 and NBSP. */
const EDGE_SPACE_RE = /^[\s\u3000\u00a0\u200b\u2002-\u200a\ufeff]+|[\s\u3000\u00a0\u200b\u2002-\u200a\ufeff]+$/g;
const SENTENCE_END = '。！？!?；;';
const MAX_HEADING = 60;
const MAX_TITLE_LINE = 60;

/**
 * The lines of a text: BOM and zero-width characters removed, any line
 * ending accepted, the source site's ##paidbegin## / ##paidend## markers removed
 * (the text around them is kept), each line trimmed, blank lines dropped.
 */
export function normalizeReportText(raw: string): string[] {
  return textLines(raw).filter((line) => line !== '');
}

function textLines(raw: string): string[] {
  return raw
    .replace(/[\ufeff\u200b]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(MARKERS_RE, '')
    .split('\n')
    .map((line) => line.replace(EDGE_SPACE_RE, ''));
}

/**
 * A source's paragraphs as the parser reads them: plain text cleaned of what a
 * PDF or web copy adds, a structured source's paragraphs trimmed.
 */
export function reportParagraphs(source: ReportSource): { paragraphs: SourceParagraph[]; dropped: string[] } {
  if (typeof source === 'string') {
    const cleaned = cleanCopiedText(textLines(source));
    return { paragraphs: cleaned.paragraphs.map((text) => ({ text })), dropped: cleaned.dropped };
  }
  const paragraphs: SourceParagraph[] = [];
  for (const paragraph of source) {
    const text = textLines(paragraph.text).filter((line) => line !== '').join('');
    if (text !== '') paragraphs.push({ ...paragraph, text });
  }
  return { paragraphs, dropped: [] };
}

export function parseReport(source: ReportSource, options: ParseOptions = {}): ParsedReport {
  const { paragraphs, dropped } = reportParagraphs(source);
  const split = paragraphs.flatMap((paragraph, i) => splitParagraph(paragraph, paragraphs[i + 1]?.text));
  const blocks = markBoldHeadings(demoteLoneLeads(split), paragraphs);
  const hasTitleLine = isTitleLine(blocks, paragraphs);
  const title = hasTitleLine
    ? blocks[0]!.text
    : options.fallbackTitle?.trim() || untitled(paragraphs[0]?.text ?? '');
  const root = buildTree(blocks, hasTitleLine ? 1 : 0);
  return { title, hasTitleLine, paragraphs: paragraphs.map((p) => p.text), dropped, root };
}

/** The whole cleaned document. */
export function documentText(report: ParsedReport): string {
  return report.root.text;
}

function joinBlocks(blocks: Block[], start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const block = blocks[i]!;
    if (i > start && block.newLine) out += '\n';
    out += block.text;
  }
  return out;
}

function isTitleLine(blocks: Block[], paragraphs: SourceParagraph[]): boolean {
  const first = blocks[0];
  if (!first || blocks.length < 2) return false;
  if (paragraphs[0]?.level === 0) return true;
  if (first.marker || first.level !== undefined) return false;
  if (first.text.length > MAX_TITLE_LINE) return false;
  return ![...SENTENCE_END, '，', ','].some((c) => first.text.includes(c));
}

function untitled(firstLine: string): string {
  const clause = firstLine.split(/[，。！？；,.!?;：:]/)[0] ?? '';
  return clause.length > 20 ? `${clause.slice(0, 20)}…` : clause || '未命名报告';
}

// ---------------------------------------------------------------------------
// Paragraphs into blocks

/** `next` is the following paragraph's text: a series opened inside this one may go on there. */
function splitParagraph(paragraph: SourceParagraph, next?: string): Block[] {
  const level = paragraph.level;
  if (level === undefined || level < 1) return splitLine(paragraph.text, next);
  // A heading-styled paragraph is one heading, whatever it holds.
  const marker = matchMarker(paragraph.text);
  const heading = marker ? paragraph.text.slice(marker.text.length) : paragraph.text;
  return [{ text: paragraph.text, newLine: true, marker, title: headingTitle(heading, heading), hasBody: false, level }];
}

function splitLine(line: string, nextLine?: string): Block[] {
  const blocks: Block[] = [];
  const series: Marker[] = [];
  let rest = line;
  let newLine = true;
  while (rest !== '') {
    const marker = matchMarker(rest);
    if (!marker) {
      const cut = Math.min(findSeriesContinuation(rest, series, 1), findInlineSeries(rest, series, nextLine));
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
      // The body runs to the next member of an open series, or to items written inside it
      // ("（二）在为民服务方面。……。一是……二是……").
      const next = findSeriesContinuation(afterHeading, series, 0);
      const inline = findInlineSeries(afterHeading.slice(0, next), series, next === afterHeading.length ? nextLine : undefined);
      cut = marker.text.length + headingEnd + Math.min(next, inline);
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
 * Numbering that may stand inside a paragraph: paragraph leads and ordinals as
 * writers put them there, and headings of a text whose line breaks were lost.
 */
const INLINE_FAMILIES: ReadonlySet<Family> = new Set(['enumShi', 'enumYao', 'enumSeq', 'enumQi', 'ordinal', 'part', 'cn', 'cnParen']);

/** Where a sentence or clause may end and the next begin with an item's lead. */
const ITEM_BOUNDARY = '。！？!?；;：:';

/**
 * Where in a plain paragraph items written inside it begin ("……还有差距。
 * 一是……二是……", "具体表现在：首先，……其次，……"), or text.length. The first
 * lead must open its series and another member must follow it — after the end
 * of a sentence in this paragraph, or at the start of the next — so a lone
 * "一是" or "第一次" stays a word.
 */
function findInlineSeries(text: string, open: readonly Marker[], nextLine?: string): number {
  const nextMarker = nextLine === undefined ? null : matchMarker(nextLine);
  for (let i = 1; i < text.length - 2; i++) {
    if (!ITEM_BOUNDARY.includes(text[i - 1]!)) continue;
    const marker = matchMarker(text.slice(i));
    if (!marker || !INLINE_FAMILIES.has(marker.family) || marker.ordinal !== 1) continue;
    if (open.some((member) => member.family === marker.family)) continue;
    const after = text.slice(i + marker.text.length);
    if (findSeriesContinuation(after, [marker], 1) < after.length) return i;
    if (nextMarker && isNextInSeries(marker, nextMarker)) return i;
  }
  return text.length;
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
    // A heading run together with the first of its sub-items: "存在的主要问题（一）理论学习……".
    if (i > 0 && (text[i] === '（' || text[i] === '(') && opensBracketSeries(text.slice(i))) return i;
  }
  // No sentence end near the start: a heading line on its own ("一、主要差距不足"),
  // or a long sentence whose first clause stands for its title.
  return text.length <= MAX_HEADING ? text.length : 0;
}

function opensBracketSeries(text: string): boolean {
  const marker = matchMarker(text);
  return marker !== null && (marker.family === 'cnParen' || marker.family === 'arabicParen') && marker.ordinal === 1;
}

/** Longest title that still reads at a glance in a list. */
const MAX_LIST_TITLE = 24;

/**
 * A heading's title: its first sentence; when that is too long to scan, its
 * first clause, if the clause says enough on its own (4 characters or more).
 */
function headingTitle(heading: string, afterMarker: string): string {
  const source = heading !== '' ? heading : afterMarker;
  const sentence = source.replace(/[。！？!?；;：:，,、\s]+$/u, '');
  // A heading alone on its line is what its writer chose to say; a run-in one is cut to fit.
  const alone = heading !== '' && heading === afterMarker && !SENTENCE_END.includes(heading[heading.length - 1]!);
  if ((sentence.length <= MAX_LIST_TITLE || (alone && sentence.length <= MAX_HEADING)) && heading !== '') return sentence;
  const clause = sentence.split(/[，,、；;：:]/)[0] ?? sentence;
  if (clause.length >= 4 && clause.length <= MAX_LIST_TITLE) return clause;
  if (sentence.length <= MAX_HEADING && heading !== '') return sentence;
  return clause.length > 30 ? `${clause.slice(0, 30)}…` : clause;
}

/**
 * Paragraph leads come in series: a lone "一要素不全" or "首先是思想问题" is a
 * sentence, not an item. Such a lead counts only when another member of its
 * series stands between the same headings.
 */
function demoteLoneLeads(blocks: Block[]): Block[] {
  let start = 0;
  for (let i = 0; i <= blocks.length; i++) {
    const block = blocks[i];
    const marker = block?.marker;
    if (i < blocks.length && !(marker && isStrict(marker.family)) && block!.level === undefined) continue;
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

const MAX_BOLD_HEADING = 40;
const MAX_PLAIN_HEADING = 20;
const ANY_PUNCTUATION_RE = /[，。；：！？、,.;:!?“”"（）()—\-]/;

/**
 * A report whose top headings carry no numbers: with no 一、 or 第一部分 and no
 * heading styles anywhere, its sections are the short paragraphs that stand
 * above its text — bold ones in a Word document that has bold, else short
 * lines without punctuation followed by a sentence or the first of a series
 * of items. Two at least, or a short line is just a short line.
 */
function markBoldHeadings(blocks: Block[], paragraphs: SourceParagraph[]): Block[] {
  // Typed numbering below the top (（一）, 1.) may sit under unnumbered headings; 一、 or 第一部分 is the top itself.
  if (blocks.some((b) => b.level !== undefined || (b.marker && TOP_FAMILIES.has(b.marker.family)))) return blocks;
  // The title is often bold; bold below it is the writer's mark for headings.
  const hasBold = paragraphs.slice(1).some((p) => p.bold);
  const isHeading = (p: SourceParagraph, i: number) => {
    if (hasBold) return Boolean(p.bold) && p.text.length <= MAX_BOLD_HEADING && !/[。！？!?]$/.test(p.text);
    const next = paragraphs[i + 1]?.text ?? '';
    return (
      p.text.length >= 2 &&
      p.text.length <= MAX_PLAIN_HEADING &&
      !ANY_PUNCTUATION_RE.test(p.text) &&
      !matchMarker(p.text) &&
      (/[。！？!?；;]$/.test(next) || opensItem(matchMarker(next)))
    );
  };
  const headings = new Set(paragraphs.filter((p, i) => i > 0 && isHeading(p, i)).map((p) => p.text));
  if (headings.size < 2) return blocks;
  return blocks.map((block, i) =>
    i > 0 && block.newLine && !block.marker && headings.has(block.text)
      ? { ...block, level: 1, title: headingTitle(block.text, block.text), hasBody: false }
      : block,
  );
}

const TOP_FAMILIES: ReadonlySet<Family> = new Set(['part', 'cn']);

function opensItem(marker: Marker | null): boolean {
  return marker !== null && marker.family !== 'group' && marker.ordinal === 1;
}

// ---------------------------------------------------------------------------
// Blocks into a tree

interface DraftNode {
  type: NodeType;
  title: string;
  marker: Marker | null;
  /** Heading level from the source's styles, for headings that have one. */
  level?: number;
  start: number;
  end: number;
  owned: number[];
  children: DraftNode[];
}

interface OpenNode {
  node: DraftNode;
  /** Paragraph leads (一是…) and groups with content take no further paragraphs. */
  closedToParagraphs: boolean;
}

function buildTree(blocks: Block[], firstBodyBlock: number): ReportNode {
  const frame = findFrame(blocks, firstBodyBlock);
  const root = draft('document', '', null, 0, blocks.length);
  root.owned.push(...range(0, firstBodyBlock));
  const framePart = (type: 'opening' | 'closing' | 'signature', start: number, end: number) => {
    if (start >= end) return;
    const node = draft(type, FRAME_TITLES[type], null, start, end);
    node.owned.push(...range(start, end));
    root.children.push(node);
  };
  framePart('opening', firstBodyBlock, frame.bodyStart);
  buildOutline(blocks, frame.bodyStart, frame.closingStart, root);
  root.end = blocks.length;
  framePart('closing', frame.closingStart, frame.signatureStart);
  framePart('signature', frame.signatureStart, blocks.length);
  return finish(root, blocks);
}

function buildOutline(blocks: Block[], start: number, end: number, root: DraftNode): void {
  const stack: OpenNode[] = [{ node: root, closedToParagraphs: false }];
  const top = () => stack[stack.length - 1]!;
  const endOf = new Map<DraftNode, number>();

  for (let i = start; i < end; i++) {
    const block = blocks[i]!;
    const marker = block.marker;
    if (!marker && block.level === undefined) {
      if (block.newLine) {
        while (stack.length > 1 && top().closedToParagraphs) stack.pop();
      }
      top().node.owned.push(i);
      markOwned(stack, i, endOf);
      const owner = top();
      if (owner.node.type === 'group') owner.closedToParagraphs = true;
      continue;
    }
    if (block.level !== undefined) placeStyledHeading(stack, block.level);
    else placeMarker(stack, marker!.family);
    const node = draft(block.level !== undefined ? 'heading' : nodeType(marker!.family), block.title ?? '', marker, i, i + 1);
    node.level = block.level;
    node.owned.push(i);
    top().node.children.push(node);
    if (top().node.type === 'group') top().closedToParagraphs = true;
    stack.push({
      node,
      closedToParagraphs:
        block.level === undefined && (isEnumerator(marker!.family) || (marker!.family === 'group' && block.hasBody)),
    });
    markOwned(stack, i, endOf);
  }
  for (const [node, last] of endOf) node.end = last;
}

function draft(type: NodeType, title: string, marker: Marker | null, start: number, end: number): DraftNode {
  return { type, title, marker, start, end, owned: [], children: [] };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
}

/** The finished node: its text and its own pieces instead of block indices. */
function finish(node: DraftNode, blocks: Block[]): ReportNode {
  return {
    type: node.type,
    title: node.title,
    marker: node.marker,
    text: joinBlocks(blocks, node.start, node.end),
    ownText: node.owned.map((i) => blocks[i]!.text),
    children: node.children.map((child) => finish(child, blocks)),
  };
}

function markOwned(stack: OpenNode[], index: number, endOf: Map<DraftNode, number>): void {
  for (const open of stack) endOf.set(open.node, index + 1);
}

function nodeType(family: Family): NodeType {
  if (family === 'group') return 'group';
  if (isEnumerator(family)) return 'item';
  return 'heading';
}

/** A heading-styled paragraph closes every node down to a styled heading of a more major level. */
function placeStyledHeading(stack: OpenNode[], level: number): void {
  while (stack.length > 1) {
    const open = stack[stack.length - 1]!.node;
    if (open.level !== undefined && open.level < level) return;
    stack.pop();
  }
}

/**
 * Pops the stack until the top is where a node of `family` belongs. Typed
 * numbering nests inside the deepest heading-styled section: a style is the
 * writer's own statement of the structure.
 */
function placeMarker(stack: OpenNode[], family: Family): void {
  const styled = () => Math.max(0, stack.findLastIndex((open) => open.node.level !== undefined));
  let floor = styled();
  // A typed （四） after a heading-styled （三）: the writer forgot the style, not the level.
  while (floor > 0 && stack[floor]!.node.marker?.family === family) {
    stack.length = floor;
    floor = styled();
  }
  const sameFamily = stack.findLastIndex((open) => open.node.marker?.family === family && open.node.level === undefined);
  if (sameFamily > floor) {
    stack.length = sameFamily;
    return;
  }
  const familyOf = (open: OpenNode) => open.node.marker?.family;
  if (isStrict(family)) {
    const rank = STRICT_RANK[family]!;
    // A heading closes whatever paragraph leads, groups and 第一-style leads sit
    // below the deepest open heading, then every less major heading.
    const deepestHeading = stack.findLastIndex((open) => open.node.level === undefined && isStrictFamily(familyOf(open)));
    if (deepestHeading > floor) {
      stack.length = deepestHeading + 1;
      while (stack.length > floor + 1) {
        const f = familyOf(stack[stack.length - 1]!);
        if (f && isStrict(f) && STRICT_RANK[f]! > rank) stack.pop();
        else break;
      }
      return;
    }
  }
  if (isStrict(family) || family === 'group' || family === 'ordinal') {
    while (stack.length > floor + 1 && isEnumerator(familyOf(stack[stack.length - 1]!)!)) stack.pop();
  }
}

function isStrictFamily(family: Family | undefined): boolean {
  return family !== undefined && isStrict(family);
}
