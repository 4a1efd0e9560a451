/**
 * Reads a Word document (.docx) as a report's paragraphs: one paragraph a
 * line, table cells paragraph by paragraph, line breaks kept, every
 * automatically numbered paragraph prefixed by the number Word shows for it
 * ("一、", "（二）", "3.", "①"), and each paragraph's outline level (heading
 * styles, outline levels, the Title style) and boldness, which is how Word
 * itself marks a report's structure.
 *
 * mammoth reads the document body; what it drops (list numbers, outline
 * levels, bold from styles) is computed from document.xml, styles.xml and
 * numbering.xml beforehand and joined to its paragraphs (paragraph-notes.ts).
 *
 * Works in Node and in an extension page: JSZip, @xmldom/xmldom and mammoth's
 * browser build; no browser DOM (DOMParser, innerHTML), no node: modules.
 */
import type { SourceParagraph } from '../report-source';
import type { UnpackLimits } from './bounded-read';
import { DocxError } from './error';
import { readNumbering } from './numbering';
import { openWordPackage } from './package';
import { annotateParagraphs } from './paragraph-notes';
import { readParagraphs } from './paragraphs';
import { readStyles } from './styles';

export { DOCX_UNPACK_LIMITS, type UnpackLimits } from './bounded-read';
export { type Container, isZip, oleContainerKind, sniffContainer } from './container';
export { DocxError, type DocxErrorCode } from './error';
export { formatListNumber } from './number-format';

/**
 * The paragraphs of a .docx file with their outline levels and boldness,
 * blank ones left out, a line break inside a paragraph kept as '\n'. Throws
 * DocxError; 'too-large' as soon as its parts would unpack past `limits`.
 */
export async function readDocx(bytes: Uint8Array, limits?: UnpackLimits): Promise<SourceParagraph[]> {
  const pkg = await openWordPackage(bytes, limits);
  const styles = readStyles(pkg.styles);
  const notes = annotateParagraphs(pkg.document, styles, readNumbering(pkg.numbering, styles));
  const paragraphs = await readParagraphs(pkg, notes);
  if (paragraphs.length === 0) throw new DocxError('empty', 'The document has no text');
  return paragraphs;
}

/** The text of a .docx file, paragraphs separated by '\n', blank ones left out. Throws DocxError. */
export async function docxToText(bytes: Uint8Array, limits?: UnpackLimits): Promise<string> {
  return (await readDocx(bytes, limits)).map((paragraph) => paragraph.text).join('\n');
}
