/**
 * <input> and <textarea>: document.execCommand('insertText') keeps the
 * browser's own undo (one Ctrl+Z removes the insertion) and fires a trusted
 * `input` event, so React- and Vue-controlled fields update their state.
 * When a page blocks it, setRangeText() plus an `input` event still gets the
 * text in (undo is lost then, which is why it comes second).
 *
 * A field the user cannot see (an editor's hidden input textarea, with no
 * adapter in page-editors/ that knows the editor) proves nothing by its
 * value: the insertion counts only once it shows in the editor around it
 * (shown-text.ts). If it does not, the engine stops; trying the value setter
 * too would only fill the hidden field twice.
 */
import { type Field, type TextField, isTextField } from '../fields';
import { isHiddenTextField, shownText, showsInserted } from './shown-text';
import { waitFor } from './text-check';
import type { InsertStrategy, StrategyResult } from './types';

/** The text as the field will hold it: a one-line input keeps paragraphs apart with a space. */
export function textForField(field: TextField, text: string): string {
  return field.localName === 'input' ? text.replace(/\s*\n\s*/g, ' ') : text;
}

/** How many characters the field's maxlength leaves for the insertion, or Infinity. */
export function roomIn(field: TextField): number {
  if (field.maxLength < 0) return Infinity;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  return Math.max(0, field.maxLength - (field.value.length - (end - start)));
}

export const textFieldStrategy: InsertStrategy = {
  name: 'text-field',
  handles: isTextField,
  async insert(field: Field, text: string): Promise<StrategyResult> {
    const input = field as TextField;
    if (isHiddenTextField(input)) return insertUnseen(input, text);
    const before = input.value;
    const start = input.selectionStart ?? before.length;
    const end = input.selectionEnd ?? start;
    let insert = textForField(input, text);
    let kept: number | undefined;
    const room = roomIn(input);
    const chars = Array.from(insert);
    if (chars.length > room) {
      insert = chars.slice(0, room).join('');
      kept = room;
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

/** Into a field whose editor shows its text elsewhere: only what shows there counts. */
async function insertUnseen(input: TextField, text: string): Promise<StrategyResult> {
  const win = input.ownerDocument.defaultView;
  if (!win) return { ok: false };
  const before = shownText(input);
  input.ownerDocument.execCommand('insertText', false, text);
  const shown = await waitFor(win, () => showsInserted(before, shownText(input), text));
  return shown ? { ok: true } : { ok: false, stop: true };
}
