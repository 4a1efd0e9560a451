/**
 * contenteditable regions and design-mode documents: execCommand keeps the
 * browser's undo and lets the page see ordinary input events.
 * Several lines become several paragraphs: Chrome's insertText makes a block
 * per line by itself; Firefox turns the line breaks into <br>, so there each
 * line is inserted and followed by insertParagraph. A plaintext-only region
 * keeps line breaks as they are.
 */
import { isFirefox } from '../../platform';
import { type Field, isTextField } from '../fields';
import type { InsertStrategy, StrategyResult } from './types';

export const contentEditableStrategy: InsertStrategy = {
  name: 'content-editable',
  handles: (field) => !isTextField(field),
  insert(field: Field, text: string): StrategyResult {
    const doc = field.ownerDocument;
    const before = field.textContent ?? '';
    const plainOnly = field.contentEditable === 'plaintext-only';
    if (!isFirefox || plainOnly || !text.includes('\n')) {
      doc.execCommand('insertText', false, text);
    } else {
      text.split('\n').forEach((line, i) => {
        if (i > 0) doc.execCommand('insertParagraph', false);
        if (line) doc.execCommand('insertText', false, line);
      });
    }
    return tookText(before, field.textContent ?? '', text) ? { ok: true } : { ok: false };
  },
};

/** Whether the region now holds the text (line breaks become element boundaries). */
function tookText(before: string, after: string, text: string): boolean {
  if (after === before) return false;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  return squash(after).includes(squash(first)) && squash(after).includes(squash(last));
}
