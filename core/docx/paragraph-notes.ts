/**
 * What Word shows of each paragraph that mammoth's reading loses: the list
 * number in front of it, its outline level, whether all its text is bold.
 *
 * The notes are computed from document.xml in document order; each paragraph
 * is then marked with a bookmark naming its note, which mammoth keeps, so the
 * paragraphs mammoth reads (from tables and text boxes too, with tracked
 * changes applied) find their notes whatever order or grouping mammoth gives
 * them.
 */
import { type Numbering, listCounter } from './numbering';
import { outlineLevel } from './outline-level';
import { type Styles, chainBold, isRunBold, paragraphStyleChain } from './styles';
import { elementChildren, isOn, isW, wChild, wName, wVal } from './xml';

export interface ParagraphNote {
  /** The list number Word shows in front of the paragraph, '' when none. */
  marker: string;
  level?: number;
  bold: boolean;
}

/** A paragraph's bookmark is named this prefix and the index of its note. */
export const NOTE_BOOKMARK_PREFIX = '__bixia_paragraph_';

/** Containers of runs inside a paragraph, as mammoth reads them. */
const INLINE_CONTAINERS = new Set(['hyperlink', 'ins', 'moveTo', 'smartTag', 'sdt', 'sdtContent', 'fldSimple', 'customXml', 'dir', 'bdo']);

/**
 * Notes every paragraph of `document` and marks it with its bookmark,
 * changing `document` in place.
 */
export function annotateParagraphs(document: Document, styles: Styles, numbering: Numbering): ParagraphNote[] {
  const notes: ParagraphNote[] = [];
  const numberOf = listCounter(numbering);
  // Whether the text of paragraphs whose mark is deleted (a tracked change)
  // is all bold: that text joins the next paragraph's, as mammoth reads it.
  let joined: boolean | null = null;

  const note = (paragraph: Element) => {
    const pPr = wChild(paragraph, 'pPr');
    const chain = paragraphStyleChain(styles, wVal(wChild(pPr, 'pStyle')));
    const runs = runsBold(paragraph, chainBold(chain), styles);
    if (isOn(wChild(wChild(pPr, 'rPr'), 'del'))) {
      joined = both(joined, runs);
      return;
    }
    const bold = both(joined, runs) === true;
    joined = null;
    const level = outlineLevel(pPr, chain);
    insertBookmark(document, paragraph, `${NOTE_BOOKMARK_PREFIX}${notes.length}`);
    notes.push({ marker: numberOf(pPr, chain), ...(level === undefined ? {} : { level }), bold });
  };

  const visit = (element: Element) => {
    for (const child of elementChildren(element)) {
      // Deleted and moved-away content is not part of the document mammoth reads.
      if (isW(child, 'del') || isW(child, 'moveFrom')) continue;
      if (isW(child, 'p')) note(child);
      visit(child);
      // mammoth skips a simple field (a date, a page number) with its text; keep the text.
      if (isW(child, 'fldSimple')) unwrap(child);
    }
  };
  visit(document.documentElement!);
  return notes;
}

/**
 * Whether every run of the paragraph that shows text is bold; null when no
 * run shows text. Runs of text boxes inside it belong to their own paragraphs.
 */
function runsBold(paragraph: Element, paragraphBold: boolean | null, styles: Styles): boolean | null {
  let result: boolean | null = null;
  const visit = (element: Element) => {
    for (const child of elementChildren(element)) {
      const name = wName(child);
      if (name === 'r') {
        if (showsText(child)) result = both(result, isRunBold(wChild(child, 'rPr'), paragraphBold, styles));
      } else if (name !== null && INLINE_CONTAINERS.has(name)) {
        visit(child);
      }
    }
  };
  visit(paragraph);
  return result;
}

function showsText(run: Element): boolean {
  return elementChildren(run).some((child) => {
    const name = wName(child);
    return name === 'sym' || (name === 't' && !/^[\s\u3000\u00a0\u200b\ufeff]*$/.test(child.textContent ?? ''));
  });
}

function both(a: boolean | null, b: boolean | null): boolean | null {
  return a === null ? b : b === null ? a : a && b;
}

function unwrap(element: Element) {
  const parent = element.parentNode!;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function insertBookmark(document: Document, paragraph: Element, name: string) {
  const ns = paragraph.namespaceURI;
  const prefix = paragraph.prefix ? `${paragraph.prefix}:` : '';
  const bookmark = document.createElementNS(ns, `${prefix}bookmarkStart`);
  bookmark.setAttributeNS(ns, `${prefix}id`, '0');
  bookmark.setAttributeNS(ns, `${prefix}name`, name);
  const pPr = wChild(paragraph, 'pPr');
  paragraph.insertBefore(bookmark, pPr ? pPr.nextSibling : paragraph.firstChild);
}
