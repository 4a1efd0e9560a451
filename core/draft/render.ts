/**
 * A draft as the finished document: placeholders filled, numbers written
 * where each heading stands, the 落款's date line told apart from its other
 * lines. Every delivery (insert, copy, .txt, .docx) reads this, so they agree.
 */
import { renderBody } from '../placeholders';
import { countChars } from './count';
import type { DocParagraph } from './document';
import { draftValues } from './edit';
import type { Draft, DraftNode } from './model';
import { headingKind, headingNumber } from './numbering';

/** A 落款 line that is a date: 2026年12月1日, 二〇二六年十二月一日, ××××年××月××日. */
const DATE_LINE = /^[\d〇零一二三四五六七八九十×xX]{2,4}\s*年\s*[\d〇零一二三四五六七八九十×xX]{1,3}\s*月(?:\s*[\d〇零一二三四五六七八九十×xX]{1,3}\s*日)?$/;

export interface RenderOptions {
  /** The day dynamic defaults (@今天) are filled with; now when absent. */
  today?: Date;
}

/** The document's paragraphs, and each part's paragraphs by its id (for counting). */
export function renderDraft(draft: Draft, options: RenderOptions = {}): DocParagraph[] {
  return renderWithParts(draft, options).paragraphs;
}

function renderWithParts(draft: Draft, options: RenderOptions): { paragraphs: DocParagraph[]; byNode: Map<string, DocParagraph[]> } {
  const values = draftValues(draft);
  const today = options.today ?? new Date();
  const fill = (text: string) => renderBody(text, values, today);
  const lines = (text: string) => fill(text).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const byNode = new Map<string, DocParagraph[]>();

  const renderNodes = (nodes: readonly DraftNode[], depth: number): DocParagraph[] => {
    let ordinal = 0;
    return nodes.flatMap((node) => {
      const own: DocParagraph[] = [];
      const body = lines(node.text);
      if (node.kind !== 'text') {
        const heading: DocParagraph = { kind: headingKind(depth), text: headingNumber(depth, ++ordinal) + fill(node.heading).trim() };
        if (node.runIn && body.length > 0) heading.tail = body.shift()!;
        own.push(heading);
      }
      own.push(...body.map((text): DocParagraph => ({ kind: 'body', text })));
      const all = [...own, ...renderNodes(node.children, depth + 1)];
      byNode.set(node.id, all);
      return all;
    });
  };

  const paragraphs: DocParagraph[] = [];
  const title = fill(draft.title).trim();
  if (title) paragraphs.push({ kind: 'title', text: title });
  paragraphs.push(...renderNodes(draft.nodes, 1));
  const signature = lines(draft.signature);
  signature.forEach((text, i) => {
    paragraphs.push({ kind: i === signature.length - 1 && DATE_LINE.test(text) ? 'date' : 'signature', text });
  });
  return { paragraphs, byNode };
}

function countParagraphs(paragraphs: readonly DocParagraph[]): number {
  return paragraphs.reduce((sum, p) => sum + countChars(p.text) + countChars(p.tail ?? ''), 0);
}

export interface DraftCounts {
  /** Characters of the whole document, title and 落款 included. */
  total: number;
  /** Characters of each part with everything under it, numbers included, by the part's id. */
  parts: Map<string, number>;
}

export function countDraft(draft: Draft, options: RenderOptions = {}): DraftCounts {
  const { paragraphs, byNode } = renderWithParts(draft, options);
  return { total: countParagraphs(paragraphs), parts: new Map([...byNode].map(([id, list]) => [id, countParagraphs(list)])) };
}
