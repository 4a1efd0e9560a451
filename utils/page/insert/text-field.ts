/**
 * <input> and <textarea>: document.execCommand('insertText') keeps the
 * browser's own undo (one Ctrl+Z removes the insertion) and fires a trusted
 * `input` event, so React- and Vue-controlled fields update their state.
 * When a page blocks it, setRangeText() plus an `input` event still gets the
 * text in (undo is lost then, which is why it comes second).
 */
import { type Field, type TextField, isTextField } from '../fields';
import type { InsertStrategy, StrategyResult } from './types';

export const textFieldStrategy: InsertStrategy = {
  name: 'text-field',
  handles: isTextField,
  insert(field: Field, text: string): StrategyResult {
    const input = field as TextField;
    const before = input.value;
    const start = input.selectionStart ?? before.length;
    const end = input.selectionEnd ?? start;
    // A one-line input drops line breaks; keep the paragraphs apart with a space.
    let insert = input instanceof HTMLInputElement ? text.replace(/\s*\n\s*/g, ' ') : text;
    let kept: number | undefined;
    if (input.maxLength >= 0) {
      const room = Math.max(0, input.maxLength - (before.length - (end - start)));
      const chars = Array.from(insert);
      if (chars.length > room) {
        insert = chars.slice(0, room).join('');
        kept = room;
      }
    }
    if (insert === '') return { ok: true, kept: 0 };
    const expected = before.slice(0, start) + insert + before.slice(end);
    input.ownerDocument.execCommand('insertText', false, insert);
    if (input.value === expected) return { ok: true, kept };
    // The page rewrote the value in its own input handler: the text went in.
    if (input.value !== before) return { ok: true, kept };
    input.setRangeText(insert, start, end, 'end');
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insert }));
    return input.value === expected ? { ok: true, kept } : { ok: false };
  },
};
