/**
 * Trix (Basecamp's editor; Rails' Action Text). The field is the
 * <trix-editor> element, whose `editor` property is the instance. Trix
 * records undo entries only for what it does itself, so an insertion
 * announces one first; line breaks become Trix's own paragraph breaks.
 */
import type { PageEditorAdapter } from './types';

interface TrixEditor {
  getDocument(): { toString(): string };
  recordUndoEntry(description: string): void;
  insertString(text: string): void;
  insertLineBreak(): void;
}

export const trix: PageEditorAdapter = {
  name: 'trix',
  phase: 'first',
  find({ field }) {
    const host = field.closest('trix-editor') as (Element & { editor?: TrixEditor }) | null;
    const editor = host?.editor;
    if (!editor || typeof editor.insertString !== 'function' || typeof editor.recordUndoEntry !== 'function') return null;
    return {
      read: () => String(editor.getDocument().toString()),
      insert(text) {
        editor.recordUndoEntry('Typing');
        text.split('\n').forEach((line, index) => {
          if (index > 0) editor.insertLineBreak();
          if (line) editor.insertString(line);
        });
      },
    };
  },
};
