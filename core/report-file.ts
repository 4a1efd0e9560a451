/**
 * The bytes of a file the user gave us → a report to parse. One entry for
 * every surface that imports a report (the extension's import, the command
 * line): a Word document (.docx, recognised by its content, not its name) is
 * read as paragraphs with their automatic numbering and heading levels
 * (core/docx/), anything else is decoded as text (core/decode.ts). Refusals
 * come with a message in Chinese and English.
 */
import { decodeReportBytes } from './decode';
import type { ReportSource } from './report-source';
import { DocxError, readDocx, sniffContainer } from './docx';

/** Larger text files are not reports; the limit also keeps a stray log or dump out. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;
/** Word documents carry images and fonts, so they may be larger. */
export const MAX_DOCX_FILE_BYTES = 20 * 1024 * 1024;

export type ReportFileErrorCode =
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'pdf'
  | 'too-large'
  | 'docx-corrupt'
  | 'docx-encrypted'
  | 'legacy-doc';

export type ReportFileResult =
  | {
      ok: true;
      /** What the parser reads: the text, or a Word document's paragraphs with their outline levels. */
      report: ReportSource;
      /** The report's plain text, one paragraph a line (what identifies it: core/collection-id.ts). */
      text: string;
      source: 'docx' | 'text';
      encoding?: string;
    }
  | { ok: false; error: ReportFileErrorCode };

export const REPORT_FILE_MESSAGES: Record<ReportFileErrorCode, { zh: string; en: string }> = {
  empty: {
    zh: '文件是空的',
    en: 'The file is empty',
  },
  binary: {
    zh: '这不是文本文件，也不是 Word 文档（看起来是二进制文件）；请选择 .txt 或 .docx 文件',
    en: 'This is not a text file or a Word document (it looks binary); choose a .txt or .docx file',
  },
  undecodable: {
    zh: '无法识别文件的编码（支持 UTF-8、UTF-16、GBK/GB18030）',
    en: 'Unknown text encoding (UTF-8, UTF-16 and GBK/GB18030 are supported)',
  },
  pdf: {
    zh: '这是 PDF 文件，无法直接读取；请复制其中的文字另存为 .txt，或导入原来的 Word 文档',
    en: 'This is a PDF, which cannot be read; copy its text into a .txt file, or import the original Word document',
  },
  'too-large': {
    zh: `文件太大：文本文件不能超过 ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB，Word 文档不能超过 ${MAX_DOCX_FILE_BYTES / 1024 / 1024} MB`,
    en: `The file is too large: at most ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB for a text file, ${MAX_DOCX_FILE_BYTES / 1024 / 1024} MB for a Word document`,
  },
  'docx-corrupt': {
    zh: 'Word 文档已损坏或不完整，无法读取；请在 Word 或 WPS 中打开，另存为 .docx 后再试',
    en: 'The Word document is damaged or incomplete; open it in Word or WPS, save it again as .docx and retry',
  },
  'docx-encrypted': {
    zh: '这个 Word 文档设置了打开密码；请在 Word 或 WPS 中取消密码后另存，再导入',
    en: 'This Word document is password protected; remove the password in Word or WPS, save it, then import it',
  },
  'legacy-doc': {
    zh: '这是旧版 Word 文档（.doc），无法直接读取；请在 Word 或 WPS 中“另存为” .docx 格式后再导入',
    en: 'This is an old Word document (.doc), which cannot be read; use “Save As” in Word or WPS to save it as .docx, then import it',
  },
};

const DOCX_ERRORS: Record<DocxError['code'], ReportFileErrorCode> = {
  corrupt: 'docx-corrupt',
  encrypted: 'docx-encrypted',
  'not-docx': 'binary',
  empty: 'empty',
};

/**
 * Reads a report from a file's bytes. `fileName` only helps tell an old .doc
 * from other files in the same container format; the content decides the rest.
 */
export async function readReportFile(bytes: Uint8Array, fileName?: string): Promise<ReportFileResult> {
  if (bytes.length === 0) return fail('empty');
  if (bytes.length > MAX_DOCX_FILE_BYTES) return fail('too-large');

  // One look at the container decides: Word's old and encrypted files, a .docx, or text.
  const container = sniffContainer(bytes);
  if (container === 'ole-encrypted') return fail('docx-encrypted');
  if (container === 'ole-word' || (container === 'ole-other' && /\.(doc|dot|wps)$/i.test(fileName ?? ''))) return fail('legacy-doc');
  if (container === 'ole-other') return fail('binary');

  if (container === 'zip') {
    try {
      const paragraphs = await readDocx(bytes);
      return { ok: true, report: paragraphs, text: paragraphs.map((p) => p.text).join('\n'), source: 'docx' };
    } catch (error) {
      if (!(error instanceof DocxError)) throw error;
      // A package that names itself .docx but has no Word document in it is a broken one.
      if (error.code === 'not-docx' && /\.docx$/i.test(fileName ?? '')) return fail('docx-corrupt');
      return fail(DOCX_ERRORS[error.code]);
    }
  }

  if (bytes.length > MAX_TEXT_FILE_BYTES) return fail('too-large');
  const decoded = decodeReportBytes(bytes, container);
  if (decoded.ok) return { ok: true, report: decoded.text, text: decoded.text, source: 'text', encoding: decoded.encoding };
  return fail(decoded.error === 'docx' ? 'docx-corrupt' : decoded.error);
}

/** "中文 / English", as the command line prints it. */
export function reportFileMessage(code: ReportFileErrorCode): string {
  const { zh, en } = REPORT_FILE_MESSAGES[code];
  return `${zh} / ${en}`;
}

function fail(error: ReportFileErrorCode): ReportFileResult {
  return { ok: false, error };
}
