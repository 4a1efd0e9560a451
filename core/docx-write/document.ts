/**
 * word/document.xml: one w:p per paragraph, a blank line after the title and
 * before the 落款, and the section's page setup (A4, margins, the 22 × 28
 * grid, odd and even footers).
 */
import type { DocParagraph } from '../draft/document';
import { CHAR, FOOTER_DISTANCE, GRID, MARGIN, PAGE } from './layout';
import { STYLE } from './styles';
import { R_NS, W_NS, XML_DECLARATION, el, escapeText, wVal } from './xml';

/** The footers' relationship ids in word/_rels/document.xml.rels. */
export const FOOTER_REL = { odd: 'rIdFooterOdd', even: 'rIdFooterEven' } as const;

const HEADING_LEVEL: Partial<Record<DocParagraph['kind'], number>> = { heading1: 0, heading2: 1, heading3: 2, heading4: 3 };

export function documentXml(paragraphs: readonly DocParagraph[]): string {
  const indents = closingIndents(paragraphs);
  const depth = outlineDepth(paragraphs);
  let body = '';
  paragraphs.forEach((paragraph, i) => {
    const previous = paragraphs[i - 1];
    if (previous?.kind === 'title' && paragraph.kind !== 'title') body += BLANK_LINE;
    if (isClosing(paragraph) && previous && !isClosing(previous)) body += BLANK_LINE;
    body += paragraphXml(paragraph, depth, indents.get(i));
  });
  return `${XML_DECLARATION}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sectionXml()}</w:body></w:document>`;
}

const BLANK_LINE = '<w:p/>';

/**
 * How many heading levels, from 一、 down, carry an outline level (Word's
 * heading styles, its navigation pane): those at which no heading runs into
 * its body. A run-in heading is a body paragraph to a reader (the importer
 * finds its heading in the text, as in plain text), and a styled heading
 * above it in a deeper level would take it in: 一、 styled, then （一）… run
 * in, reads as the text does; （1） styled, then （二）… run in, would not.
 */
function outlineDepth(paragraphs: readonly DocParagraph[]): number {
  let depth = 4;
  for (const paragraph of paragraphs) {
    const level = HEADING_LEVEL[paragraph.kind];
    if (level !== undefined && (paragraph.tail ?? '') !== '') depth = Math.min(depth, level);
  }
  return depth;
}

function paragraphXml(paragraph: DocParagraph, outlineDepth: number, rightIndent: number | undefined): string {
  const level = HEADING_LEVEL[paragraph.kind];
  const tail = paragraph.tail ?? '';
  let pPr = '';
  let runs: string;
  if (level !== undefined && level >= outlineDepth) {
    // A body paragraph, the heading in its level's font (see outlineDepth).
    runs = runXml(paragraph.text, wVal('rStyle', STYLE.headingRun[level]!)) + runXml(tail);
  } else {
    if (paragraph.kind === 'title') pPr = wVal('pStyle', STYLE.title);
    else if (level !== undefined) pPr = wVal('pStyle', STYLE.heading[level]!);
    else if (paragraph.kind === 'signature' || paragraph.kind === 'date') {
      pPr = wVal('pStyle', paragraph.kind === 'signature' ? STYLE.signature : STYLE.date);
      const chars = rightIndent ?? 2;
      pPr += el('w:ind', { 'w:rightChars': Math.round(chars * 100), 'w:right': Math.round(chars * CHAR) });
    }
    runs = runXml(paragraph.text) + runXml(tail);
  }
  return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
}

/** A run of text; line breaks and tabs inside it as Word writes them. */
function runXml(text: string, rPr = ''): string {
  if (text === '') return '';
  let content = '';
  for (const piece of text.replace(/\r\n?/g, '\n').split(/(\n|\t)/)) {
    if (piece === '\n') content += '<w:br/>';
    else if (piece === '\t') content += '<w:tab/>';
    else if (piece !== '') content += `<w:t xml:space="preserve">${escapeText(piece)}</w:t>`;
  }
  return `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}${content}</w:r>`;
}

function isClosing(paragraph: DocParagraph): boolean {
  return paragraph.kind === 'signature' || paragraph.kind === 'date';
}

/**
 * The right indent, in characters, of each 落款 line (GB/T 9704-2012 7.3.5.3,
 * unsealed): the signature 2 characters from the right, the date on the next
 * line starting 2 characters right of the signature's first character; a date
 * longer than the signature stands 2 characters from the right and the
 * signature moves left to keep that offset. Consecutive signature lines (unit,
 * name) share one indent, reckoned from the longest.
 */
function closingIndents(paragraphs: readonly DocParagraph[]): Map<number, number> {
  const indents = new Map<number, number>();
  let i = 0;
  while (i < paragraphs.length) {
    if (!isClosing(paragraphs[i]!)) {
      i++;
      continue;
    }
    const signatures: number[] = [];
    while (i < paragraphs.length && paragraphs[i]!.kind === 'signature') signatures.push(i++);
    const dates: number[] = [];
    while (i < paragraphs.length && paragraphs[i]!.kind === 'date') dates.push(i++);
    const signatureWidth = Math.max(0, ...signatures.map((j) => textWidth(paragraphs[j]!)));
    const dateWidth = Math.max(0, ...dates.map((j) => textWidth(paragraphs[j]!)));
    let signatureIndent = 2;
    let dateIndent = signatureWidth - dateWidth;
    if (signatures.length === 0) dateIndent = 2;
    else if (dateWidth > signatureWidth) {
      dateIndent = 2;
      signatureIndent = dateWidth - signatureWidth + 4;
    }
    for (const j of signatures) indents.set(j, signatureIndent);
    for (const j of dates) indents.set(j, dateIndent);
  }
  return indents;
}

/** A line's width in characters: half-width (ASCII) characters count half. */
function textWidth(paragraph: DocParagraph): number {
  let width = 0;
  for (const char of paragraph.text + (paragraph.tail ?? '')) width += char >= ' ' && char <= '~' ? 0.5 : 1;
  return width;
}

function sectionXml(): string {
  return (
    '<w:sectPr>' +
    el('w:footerReference', { 'w:type': 'default', 'r:id': FOOTER_REL.odd }) +
    el('w:footerReference', { 'w:type': 'even', 'r:id': FOOTER_REL.even }) +
    el('w:pgSz', { 'w:w': PAGE.width, 'w:h': PAGE.height }) +
    el('w:pgMar', {
      'w:top': MARGIN.top,
      'w:right': MARGIN.right,
      'w:bottom': MARGIN.bottom,
      'w:left': MARGIN.left,
      'w:header': MARGIN.header,
      'w:footer': FOOTER_DISTANCE,
      'w:gutter': MARGIN.gutter,
    }) +
    el('w:pgNumType', { 'w:fmt': 'decimal' }) +
    el('w:cols', { 'w:space': 425 }) +
    el('w:docGrid', { 'w:type': GRID.type, 'w:linePitch': GRID.linePitch, 'w:charSpace': GRID.charSpace }) +
    '</w:sectPr>'
  );
}
