/**
 * Text copied out of a PDF or a web page, made into paragraphs again.
 *
 * A PDF copy breaks every line where the page broke it (every 28 characters
 * or so in a document set to GB/T 9704), puts page numbers and footers
 * (`第 1 页 共 3 页`, `- 2 -`, `3/5`) and running headers between the lines
 * of a sentence, and adds blank lines at random. A web copy keeps its
 * paragraphs but may break a sentence where the page's layout did. Chinese
 * has no spaces between words, so a broken line is rejoined with nothing in
 * between.
 *
 * The rules never drop words a person wrote: only lines that are page
 * furniture (a page number, or a short line repeated at page breaks) go, and
 * the caller is told which.
 */
import { matchMarker } from './markers';
import { DATE_LINE_RE, LOOKING_BACK } from './report-frame';

export interface CleanedText {
  paragraphs: string[];
  /** The lines taken out as page furniture, in order. */
  dropped: string[];
}

const PAGE_NUMBER_RES: RegExp[] = [
  /^第\s*[0-9０-９]{1,4}\s*页\s*[，,/／]?\s*(?:共\s*[0-9０-９]{1,4}\s*页)?$/,
  /^[-—–－~～]{1,2}\s*[0-9０-９]{1,4}\s*[-—–－~～]{1,2}$/,
  /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/,
  /^(?:page|p\.)\s*[0-9]{1,4}(?:\s*(?:of|\/)\s*[0-9]{1,4})?$/i,
];
const LONE_NUMBER_RE = /^[0-9０-９]{1,3}$/;

/** Ends a sentence or a lead-in: the line break after it is a real one. */
const SENTENCE_END_RE = /(?:[。！？!?；;：:…]|[。！？!?][”’」』）)】]?)$/;
/** Cannot end a paragraph: the text goes on on the next line. */
const OPEN_END_RE = /[，,、（(“‘《〈【—\-]$/;
/** The last line of a title split in two: the kind of document it is. */
const TITLE_TAIL_RE = /(?:报告|材料|提纲|发言|剖析|检查|汇报|总结|体会)$/;
const LATIN_END_RE = /[A-Za-z0-9]$/;
const LATIN_START_RE = /^[A-Za-z0-9]/;
const MAX_HEADER = 40;
/** Narrower than this, equal lengths are headings or names, not a page's width. */
const MIN_WRAP_WIDTH = 18;
/** Half-width digits and letters let a line hold a character or so more or less than the width. */
const INDENT_SLACK = 1;

/**
 * `lines` are the text's lines, trimmed, blank ones kept as ''. Returns its
 * paragraphs (no blank ones) and the page furniture dropped.
 */
export function cleanCopiedText(lines: readonly string[]): CleanedText {
  const dropped: string[] = [];
  const isPageNumber = lines.map((line) => PAGE_NUMBER_RES.some((re) => re.test(line)));
  const hasPageNumbers = isPageNumber.some(Boolean);
  const kept: string[] = [];
  const repeated = runningHeaders(lines, isPageNumber, hasPageNumbers);
  let firstText = true;
  lines.forEach((line, i) => {
    // The header's first occurrence is the title, unless the title follows it split over two lines.
    const isTitle = firstText && line !== '' && !headsSplitTitle(line, lines.slice(i + 1));
    const furniture = isPageNumber[i] || (hasPageNumbers && LONE_NUMBER_RE.test(line)) || (repeated.has(line) && !isTitle);
    if (line !== '') firstText = false;
    if (furniture) dropped.push(line);
    else kept.push(line);
  });
  return { paragraphs: splitRunTogether(rejoin(kept, pageLayout(kept))), dropped };
}

function headsSplitTitle(line: string, rest: readonly string[]): boolean {
  const [first, second] = rest.filter((next) => next !== '');
  return first !== undefined && second !== undefined && first.length < line.length && first + second === line;
}

/** Fewer paragraphs than this per character: the copy lost its line breaks. */
const RUN_TOGETHER_CHARS = 1000;
const RUN_TOGETHER_TITLE_RE = /^(.{6,60}?(?:报告|材料|提纲|发言|剖析|汇报|体会))(?=按照|根据|近期|结合|通过|今年|本人|我|为|在)/;
const RUN_TOGETHER_CLOSING_RE = new RegExp(`(?<=[。！？])(${LOOKING_BACK}[^\\n]{0,200})$`);

/**
 * A report pasted from a page that lost every line break runs its title into
 * the opening and its closing into the last item: cut them apart again. The
 * sections inside are found by the parser, as items written inside a paragraph.
 */
function splitRunTogether(paragraphs: string[]): string[] {
  const chars = paragraphs.reduce((sum, p) => sum + p.length, 0);
  if (paragraphs.length > 3 || chars < RUN_TOGETHER_CHARS) return paragraphs;
  const out = [...paragraphs];
  const title = out[0]!.match(RUN_TOGETHER_TITLE_RE)?.[1];
  if (title && !/[，。；！？]/.test(title)) out.splice(0, 1, title, out[0]!.slice(title.length));
  const last = out[out.length - 1]!;
  const closing = last.match(RUN_TOGETHER_CLOSING_RE)?.[1];
  if (closing && closing.length < last.length) out.splice(out.length - 1, 1, last.slice(0, -closing.length), closing);
  return out;
}

/**
 * Short lines repeated across pages: each occurrence stands next to a page
 * number (when the text has them) or, without page numbers, the line comes
 * back at least three times. Headings never count (a report may repeat 存在的问题).
 */
function runningHeaders(lines: readonly string[], isPageNumber: boolean[], hasPageNumbers: boolean): Set<string> {
  const seen = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line === '' || line.length > MAX_HEADER || isPageNumber[i] || SENTENCE_END_RE.test(line)) return;
    const at = seen.get(line);
    if (at) at.push(i);
    else seen.set(line, [i]);
  });
  const nearPageNumber = (i: number) => {
    for (let d = 1; d <= 3; d++) {
      if (isPageNumber[i - d] || isPageNumber[i + d]) return true;
      if (lines[i - d] !== '' && lines[i + d] !== '') break;
    }
    return false;
  };
  const headers = new Set<string>();
  for (const [line, at] of seen) {
    if (at.length < 2 || matchMarker(line)) continue;
    // The first occurrence may be the title at the top of page one.
    const later = at.slice(1);
    if (hasPageNumbers ? later.every(nearPageNumber) : at.length >= 3) headers.add(line);
  }
  return headers;
}

interface Layout {
  /** The width lines were broken at, or 0 for text not broken at a fixed width. */
  width: number;
  /** The first line of a paragraph is two characters short: its indent was lost in the copy. */
  indented: boolean;
}

/**
 * The width a PDF copy was broken at: the commonest length among long lines,
 * when enough lines have it, and whether paragraphs were indented.
 */
function pageLayout(lines: readonly string[]): Layout {
  const counts = new Map<number, number>();
  let long = 0;
  for (const line of lines) {
    if (line.length < 12) continue;
    long++;
    counts.set(line.length, (counts.get(line.length) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [length, count] of counts) {
    if (count > bestCount || (count === bestCount && length > best)) {
      best = length;
      bestCount = count;
    }
  }
  const none = { width: 0, indented: false };
  if (best < MIN_WRAP_WIDTH || bestCount < 4 || bestCount < long * 0.25) return none;
  // Lines of one length that end sentences are paragraphs that happen to match; a
  // page's width cuts sentences.
  const cut = lines.filter((line) => Math.abs(line.length - best) <= 1 && !SENTENCE_END_RE.test(line)).length;
  if (cut < 3) return none;
  // Long lines after a short one start paragraphs: mostly two characters short when indented.
  const text = lines.filter((line) => line !== '');
  const starts = text.filter((line, i) => i > 0 && text[i - 1]!.length < best - 3 && line.length >= best - 3);
  const short = starts.filter((line) => line.length < best - INDENT_SLACK).length;
  return { width: best, indented: starts.length >= 3 && short >= starts.length * 0.6 };
}

function rejoin(lines: readonly string[], layout: Layout): string[] {
  const out: string[] = [];
  let current = '';
  let lastLine = '';
  let pendingBreak = false;
  for (const line of lines) {
    if (line === '') {
      // A PDF puts blank lines anywhere; elsewhere a blank line ends a paragraph.
      if (layout.width === 0) pendingBreak = true;
      continue;
    }
    if (current !== '' && !pendingBreak && continues(current, lastLine, line, layout, out.length === 0)) {
      current += LATIN_END_RE.test(current) && LATIN_START_RE.test(line) ? ` ${line}` : line;
    } else {
      if (current !== '') out.push(current);
      current = line;
    }
    lastLine = line;
    pendingBreak = false;
  }
  if (current !== '') out.push(current);
  return out;
}

/** Whether `next` continues the paragraph `current` (whose last line is `last`) rather than starting one. */
function continues(current: string, last: string, next: string, layout: Layout, isFirst: boolean): boolean {
  if (matchMarker(next) || DATE_LINE_RE.test(next)) return false;
  if (isFirst) {
    // A title split over two lines; the body never continues a title.
    return !/[，。！？；：,.!?;:]/.test(current) && next.length <= 30 && TITLE_TAIL_RE.test(next) && !/[，。；]/.test(next);
  }
  if (OPEN_END_RE.test(current)) return true;
  const { width } = layout;
  const full = (line: string) => line.length >= width - INDENT_SLACK;
  if (SENTENCE_END_RE.test(current)) {
    // A sentence that ends at the edge of the page, followed by a line that is not
    // indented, is followed by more of its paragraph.
    return width > 0 && layout.indented && full(last) && full(next);
  }
  // A line cut by the page's width; a paragraph's first line is indented by two characters.
  if (width > 0) return last.length >= width - 2 - INDENT_SLACK;
  // A web page's layout broke a sentence: the line already reads as part of one, and
  // so does the next (a name or a unit under the text has no punctuation).
  return !matchMarker(current) && /[，、；,;]/.test(current) && current.length >= 16 && /[，。；！？、,.;!?]/.test(next);
}
