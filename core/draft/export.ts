/**
 * The files a finished document is exported as, written the same way by the
 * composer and by `npm run export`, so both give the same bytes for a draft.
 * The .docx writer is loaded only when a .docx is asked for: it is large, and
 * the pages that never export must not carry it.
 */
import { type DocParagraph, documentPlainText } from './document';

/** The .txt export: UTF-8, one paragraph a line, numbers as text, a final line break. */
export function plainTextFile(paragraphs: readonly DocParagraph[]): string {
  return `${documentPlainText(paragraphs)}\n`;
}

/** The .docx export (GB/T 9704-2012 layout); its dates are `modifiedAt`, so the same draft gives the same file. */
export async function docxFile(paragraphs: readonly DocParagraph[], modifiedAt: number): Promise<Uint8Array> {
  const { writeDocx } = await import('../docx-write');
  return writeDocx(paragraphs, { title: paragraphs.find((p) => p.kind === 'title')?.text ?? '', modifiedAt });
}
