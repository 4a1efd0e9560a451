/**
 * The document's paragraphs as mammoth reads them (runs, fields, tracked
 * changes, text boxes, tables, symbols), each joined to its note
 * (paragraph-notes.ts) through the bookmark that marks it.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { SourceParagraph } from '../report-source';
import { DocxError } from './error';
import type { WordPackage } from './package';
import { NOTE_BOOKMARK_PREFIX, type ParagraphNote } from './paragraph-notes';

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  name?: string;
}

/**
 * The paragraphs of the package's annotated document, blank ones left out;
 * a line break inside a paragraph stays in its text as '\n'. The document
 * goes to mammoth in a package rebuilt from the XML parts already unpacked
 * (within their limits), without the media, which mammoth would only read to
 * convert images.
 */
export async function readParagraphs(pkg: WordPackage, notes: ParagraphNote[]): Promise<SourceParagraph[]> {
  const zip = new JSZip();
  for (const [path, xml] of pkg.parts) zip.file(path, xml);
  zip.file(pkg.documentPath, new XMLSerializer().serializeToString(pkg.document));
  const arrayBuffer = await zip.generateAsync({ type: 'arraybuffer' });

  let body: MammothElement | null = null;
  try {
    await mammoth.convertToHtml(
      // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`;
      // both take an ArrayBuffer.
      { arrayBuffer, buffer: arrayBuffer as unknown as Buffer },
      {
        transformDocument: (element: MammothElement) => {
          body = element;
          // The HTML is not needed: give mammoth nothing to convert.
          return { ...element, children: [] };
        },
      },
    );
  } catch (cause) {
    throw new DocxError('corrupt', 'The Word document could not be read', { cause });
  }
  if (!body) throw new DocxError('corrupt', 'The Word document could not be read');
  const paragraphs: SourceParagraph[] = [];
  collectParagraphs(body, notes, paragraphs);
  return paragraphs;
}

interface ParagraphState {
  text: string;
  note: ParagraphNote | undefined;
}

function collectParagraphs(element: MammothElement, notes: ParagraphNote[], out: SourceParagraph[]) {
  if (element.type === 'paragraph') {
    const state: ParagraphState = { text: '', note: undefined };
    inlineText(element, notes, state);
    // Page and column breaks around a paragraph's text are no lines of their own.
    const text = (state.note?.marker ?? '') + state.text.replace(/^\n+|\n+$/g, '');
    if (isBlank(text)) return;
    const level = state.note?.level;
    out.push({ text, ...(level === undefined ? {} : { level }), ...(state.note?.bold ? { bold: true } : {}) });
    return;
  }
  for (const child of element.children ?? []) collectParagraphs(child, notes, out);
}

function inlineText(element: MammothElement, notes: ParagraphNote[], state: ParagraphState) {
  switch (element.type) {
    case 'text':
      state.text += element.value ?? '';
      return;
    case 'tab':
      state.text += '\t';
      return;
    case 'break':
      state.text += '\n';
      return;
    case 'bookmarkStart':
      if (element.name?.startsWith(NOTE_BOOKMARK_PREFIX)) {
        state.note = notes[Number(element.name.slice(NOTE_BOOKMARK_PREFIX.length))];
      }
      return;
    default:
      for (const child of element.children ?? []) inlineText(child, notes, state);
  }
}

function isBlank(text: string): boolean {
  return /^[\s\u3000\u00a0\u200b\ufeff]*$/.test(text);
}
