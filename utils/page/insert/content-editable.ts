/**
 * contenteditable regions and design-mode documents: execCommand keeps the
 * browser's undo (one Ctrl+Z removes the insertion) and lets the page see
 * ordinary input events.
 *
 * Several lines must arrive as paragraphs, with the first joining the text
 * before the caret and the last the text after it. Chrome's insertText does
 * exactly that by itself. Firefox's would make <br>s, and inserting line by
 * line makes one undo step per line, so there the lines go in as one
 * insertHTML whose middle lines are paragraphs. Every character of the user's
 * text is escaped first: it can only ever be text, never markup. A
 * plaintext-only region keeps line breaks as they are.
 */
import { isFirefox } from '../../platform';
import { type Field, isTextField } from '../fields';
import { escapeHtml, tookText } from './text-check';
import type { InsertStrategy, StrategyResult } from './types';

export const contentEditableStrategy: InsertStrategy = {
  name: 'content-editable',
  handles: (field) => !isTextField(field),
  insert(field: Field, text: string): StrategyResult {
    const doc = field.ownerDocument;
    const before = field.textContent ?? '';
    const plainOnly = field.contentEditable === 'plaintext-only';
    if (isFirefox && !plainOnly && text.includes('\n')) {
      doc.execCommand('insertHTML', false, paragraphsHtml(text, paragraphTag(doc)));
    } else {
      doc.execCommand('insertText', false, text);
    }
    return tookText(before, field.textContent ?? '', text) ? { ok: true } : { ok: false };
  },
};

function paragraphTag(doc: Document): 'div' | 'p' {
  return doc.queryCommandValue('defaultParagraphSeparator') === 'p' ? 'p' : 'div';
}

/** "a\nb\nc" → "a<div>b</div>c": the first and last lines join the text around the caret. */
export function paragraphsHtml(text: string, tag: 'div' | 'p'): string {
  const lines = text.split('\n').map(escapeHtml);
  if (lines.length === 1) return lines[0]!;
  const middle = lines.slice(1, -1).map((line) => `<${tag}>${line || '<br>'}</${tag}>`);
  return lines[0]! + (middle.length ? middle.join('') : '<br>') + lines[lines.length - 1]!;
}
