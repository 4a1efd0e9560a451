/** 'too-large': the package unpacks to more than a report's text and markup can be (core/docx/bounded-read.ts). */
export type DocxErrorCode = 'corrupt' | 'encrypted' | 'not-docx' | 'empty' | 'too-large';

/** Why a file could not be read as a Word document. */
export class DocxError extends Error {
  readonly code: DocxErrorCode;

  constructor(code: DocxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocxError';
    this.code = code;
  }
}
