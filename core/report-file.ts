/**
 * The bytes of a file the user gave us → a report to parse. One entry for
 * every surface that imports a report (the extension's import, the command
 * line): a Word document (.docx, recognised by its content, not its name) is
 * read as paragraphs with their automatic numbering and heading levels
 * (core/docx/), anything else is decoded as text (core/decode.ts). Either
 * way the text is cleaned of invisible controls (core/clean-text.ts) and held
 * to the same size. Refusals come with a message in Chinese and English.
 */
import { type RemovedCharacters, NOTHING_REMOVED, addRemoved, cleanText } from './clean-text';
import { decodeReportBytes } from './decode';
import type { ReportSource, SourceParagraph } from './report-source';
import { DocxError, type UnpackLimits, readDocx, sniffContainer } from './docx';
import { MAX_DOCX_FILE_BYTES, MAX_REPORT_TEXT_BYTES, MAX_TEXT_FILE_BYTES, type ReportFileErrorCode, REPORT_FILE_MESSAGES } from './report-file-errors';

export * from './report-file-errors';

export type ReportFileResult =
  | {
      ok: true;
      /** What the parser reads: the text, or a Word document's paragraphs with their outline levels. */
      report: ReportSource;
      /** The report's plain text, one paragraph a line (what identifies it: core/collection-id.ts). */
      text: string;
      source: 'docx' | 'text';
      encoding?: string;
      /** The invisible controls and broken characters taken out of the text (core/clean-text.ts). */
      removed: RemovedCharacters;
    }
  | { ok: false; error: ReportFileErrorCode };

const DOCX_ERRORS: Record<DocxError['code'], ReportFileErrorCode> = {
  corrupt: 'docx-corrupt',
  encrypted: 'docx-encrypted',
  'not-docx': 'binary',
  empty: 'empty',
  'too-large': 'docx-too-large',
};

export interface ReadReportOptions {
  /** What a Word document's parts may unpack to; the default suits every real report. */
  unpackLimits?: UnpackLimits;
}

/**
 * Reads a report from a file's bytes. `fileName` only helps tell an old .doc
 * from other files in the same container format; the content decides the rest.
 */
export async function readReportFile(bytes: Uint8Array, fileName?: string, options: ReadReportOptions = {}): Promise<ReportFileResult> {
  if (bytes.length === 0) return fail('empty');
  if (bytes.length > MAX_DOCX_FILE_BYTES) return fail('too-large');

  // One look at the container decides: Word's old and encrypted files, a .docx, or text.
  const container = sniffContainer(bytes);
  if (container === 'ole-encrypted') return fail('docx-encrypted');
  if (container === 'ole-word' || (container === 'ole-other' && /\.(doc|dot|wps)$/i.test(fileName ?? ''))) return fail('legacy-doc');
  if (container === 'ole-other') return fail('binary');

  if (container === 'zip') {
    let read: SourceParagraph[];
    try {
      read = await readDocx(bytes, options.unpackLimits);
    } catch (error) {
      if (!(error instanceof DocxError)) throw error;
      // A package that names itself .docx but has no Word document in it is a broken one.
      if (error.code === 'not-docx' && /\.docx$/i.test(fileName ?? '')) return fail('docx-corrupt');
      return fail(DOCX_ERRORS[error.code]);
    }
    const { paragraphs, removed } = cleanParagraphs(read);
    if (paragraphs.length === 0) return fail('empty');
    const text = paragraphs.map((p) => p.text).join('\n');
    if (utf8Length(text) > MAX_REPORT_TEXT_BYTES) return fail('text-too-long');
    return { ok: true, report: paragraphs, text, source: 'docx', removed };
  }

  if (bytes.length > MAX_TEXT_FILE_BYTES) return fail('too-large');
  const decoded = decodeReportBytes(bytes, container);
  if (!decoded.ok) return fail(decoded.error === 'docx' ? 'docx-corrupt' : decoded.error);
  const { text, removed } = cleanText(decoded.text);
  if (text.trim() === '') return fail('empty');
  return { ok: true, report: text, text, source: 'text', encoding: decoded.encoding, removed };
}

/**
 * A pasted report, held to what a file's text is held to: cleaned the same
 * way, refused when empty or over the size of a report.
 */
export function readReportText(pasted: string): ReportFileResult {
  const { text, removed } = cleanText(pasted);
  if (text.trim() === '') return fail('empty');
  if (utf8Length(text) > MAX_REPORT_TEXT_BYTES) return fail('text-too-long');
  return { ok: true, report: text, text, source: 'text', removed };
}

/** The paragraphs cleaned; a paragraph that was nothing but such characters goes too. */
function cleanParagraphs(read: readonly SourceParagraph[]): { paragraphs: SourceParagraph[]; removed: RemovedCharacters } {
  let removed = NOTHING_REMOVED;
  const paragraphs: SourceParagraph[] = [];
  for (const paragraph of read) {
    const cleaned = cleanText(paragraph.text);
    removed = addRemoved(removed, cleaned.removed);
    if (cleaned.text === paragraph.text) paragraphs.push(paragraph);
    else if (cleaned.text.trim() !== '') paragraphs.push({ ...paragraph, text: cleaned.text });
  }
  return { paragraphs, removed };
}

/** The bytes `text` takes in UTF-8, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "中文 / English", as the command line prints it. */
export function reportFileMessage(code: ReportFileErrorCode): string {
  const { zh, en } = REPORT_FILE_MESSAGES[code];
  return `${zh} / ${en}`;
}

function fail(error: ReportFileErrorCode): ReportFileResult {
  return { ok: false, error };
}
