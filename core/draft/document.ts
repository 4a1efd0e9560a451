/**
 * A finished document as a list of paragraphs: what a draft renders to, and
 * what every way of delivering it reads (the page insertion, the clipboard,
 * the .txt and the .docx export). Placeholders are already filled and the
 * numbering is already written as text.
 */
export type DocParagraphKind =
  /** The document's title (居中, 2号小标宋 in a .docx). */
  | 'title'
  /** 一、 */
  | 'heading1'
  /** （一） */
  | 'heading2'
  /** 1. */
  | 'heading3'
  /** （1） */
  | 'heading4'
  | 'body'
  /** A line of the 落款 (unit, name), right-aligned. */
  | 'signature'
  /** The 落款's date line, right-aligned. */
  | 'date';

export interface DocParagraph {
  kind: DocParagraphKind;
  /** The paragraph's text; for a heading its number and words ("一、主要问题"). */
  text: string;
  /**
   * A heading that runs into its body in one paragraph ("（一）理论学习方面。近年来……"):
   * the body's text after the heading, set in the body's font. Absent otherwise.
   */
  tail?: string;
}

export interface DocumentMeta {
  /** The document's title for the file's properties (may be ''). */
  title: string;
  /** When the draft was last changed (ms since 1970): the file's dates, so the same draft gives the same bytes. */
  modifiedAt: number;
}

/** A paragraph's whole text as plain text shows it. */
export function paragraphText(paragraph: DocParagraph): string {
  return paragraph.text + (paragraph.tail ?? '');
}

/**
 * The document as plain text, one paragraph a line: the title, a blank line,
 * the body, and a blank line before the 落款. What the .txt export writes
 * (with a final line break) and what the parser reads back as the same tree.
 */
export function documentPlainText(paragraphs: readonly DocParagraph[]): string {
  const lines: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    const previous = paragraphs[i - 1];
    const startsSignature = (paragraph.kind === 'signature' || paragraph.kind === 'date') && previous && previous.kind !== 'signature' && previous.kind !== 'date';
    if ((previous?.kind === 'title' && paragraph.kind !== 'title') || startsSignature) lines.push('');
    lines.push(paragraphText(paragraph));
  });
  return lines.join('\n');
}

/** The document as the page receives it: one paragraph a line, no blank lines between them. */
export function documentInsertText(paragraphs: readonly DocParagraph[]): string {
  return paragraphs.map(paragraphText).join('\n');
}
