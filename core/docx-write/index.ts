/**
 * Writes a document (core/draft/document.ts) as a Word file laid out to
 * GB/T 9704-2012: A4, margins 37/35/28/26 mm, 22 lines of 28 characters,
 * 2号方正小标宋简体 title, 3号仿宋_GB2312 body, headings in 黑体 / 楷体_GB2312 /
 * 仿宋_GB2312, "— 1 —" page numbers right on odd pages and left on even ones.
 * docs/research/docx-gbt9704.md has the arithmetic and what LibreOffice
 * measured.
 *
 * Deterministic: the same paragraphs and meta give the same bytes (every date
 * is meta.modifiedAt, parts in a fixed order, [Content_Types].xml first).
 * Runs in Node and in an extension page: JSZip and strings, no DOM, no node: modules.
 */
import JSZip from 'jszip';
import type { DocParagraph, DocumentMeta } from '../draft/document';
import { documentXml } from './document';
import { fontTableXml } from './fonts';
import { footerXml } from './footer';
import { PART, appXml, contentTypesXml, coreXml, documentRelsXml, rootRelsXml } from './package';
import { settingsXml } from './settings';
import { stylesXml } from './styles';

/** The range of a zip entry's (MS-DOS) date. */
const ZIP_EARLIEST = Date.UTC(1980, 0, 1);
const ZIP_LATEST = Date.UTC(2107, 11, 31, 23, 59, 58);
/** The range of a JavaScript Date. */
const DATE_LIMIT = 8.64e15;

/**
 * The document as .docx bytes. Text that XML cannot hold (control
 * characters, lone surrogates) is dropped; everything else is kept as written.
 */
export async function writeDocx(paragraphs: readonly DocParagraph[], meta: DocumentMeta): Promise<Uint8Array> {
  const modifiedAt = Number.isFinite(meta.modifiedAt) && Math.abs(meta.modifiedAt) <= DATE_LIMIT ? meta.modifiedAt : 0;
  const date = new Date(modifiedAt);
  const zipDate = new Date(Math.min(ZIP_LATEST, Math.max(ZIP_EARLIEST, modifiedAt)));
  const parts: [string, string][] = [
    [PART.contentTypes, contentTypesXml()],
    [PART.rootRels, rootRelsXml()],
    [PART.document, documentXml(paragraphs)],
    [PART.documentRels, documentRelsXml()],
    [PART.styles, stylesXml()],
    [PART.settings, settingsXml()],
    [PART.fontTable, fontTableXml()],
    [PART.footerOdd, footerXml('right')],
    [PART.footerEven, footerXml('left')],
    [PART.core, coreXml(meta.title, date)],
    [PART.app, appXml()],
  ];
  const zip = new JSZip();
  // No folder entries: JSZip would date them now.
  for (const [path, xml] of parts) zip.file(path, xml, { date: zipDate, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
