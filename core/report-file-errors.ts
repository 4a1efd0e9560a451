/**
 * What a report file may be and every way it can be refused, with the words
 * for each refusal in Chinese and English. Apart from the reader
 * (core/report-file.ts) so that a page can check a file's size and say why it
 * was refused without loading the reader (mammoth is large).
 */
import { DOCX_UNPACK_LIMITS } from './docx/bounded-read';

/** Larger text files are not reports; the limit also keeps a stray log or dump out. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;
/** Word documents carry images and fonts, so they may be larger. */
export const MAX_DOCX_FILE_BYTES = 20 * 1024 * 1024;
/** A report's text, from any source, counted in UTF-8 as a text file is: the text file's limit. */
export const MAX_REPORT_TEXT_BYTES = MAX_TEXT_FILE_BYTES;

const MB = 1024 * 1024;

export type ReportFileErrorCode =
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'pdf'
  | 'too-large'
  | 'docx-corrupt'
  | 'docx-encrypted'
  | 'docx-too-large'
  | 'text-too-long'
  | 'legacy-doc';

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
  'docx-too-large': {
    zh: `这个 Word 文档解压后大得异常（某一部分超过 ${DOCX_UNPACK_LIMITS.partBytes / MB} MB，或合计超过 ${DOCX_UNPACK_LIMITS.totalBytes / MB} MB），文件可能已损坏，或并不是真正的 Word 文档；请在 Word 或 WPS 中打开，确认内容无误后另存为 .docx 再导入`,
    en: `This Word document unpacks to an abnormal size (a part over ${DOCX_UNPACK_LIMITS.partBytes / MB} MB, or over ${DOCX_UNPACK_LIMITS.totalBytes / MB} MB in all); it may be damaged or not a real Word document. Open it in Word or WPS, check it, save it again as .docx and import that`,
  },
  'text-too-long': {
    zh: `报告的文字超过 ${MAX_REPORT_TEXT_BYTES / MB} MB，不像是一份报告；请只导入报告本身，篇幅很长的可以拆成几份分别导入`,
    en: `The report's text is over ${MAX_REPORT_TEXT_BYTES / MB} MB, which is not one report; import the report alone, or split a very long one into several imports`,
  },
  'legacy-doc': {
    zh: '这是旧版 Word 文档（.doc），无法直接读取；请在 Word 或 WPS 中“另存为” .docx 格式后再导入',
    en: 'This is an old Word document (.doc), which cannot be read; use “Save As” in Word or WPS to save it as .docx, then import it',
  },
};
