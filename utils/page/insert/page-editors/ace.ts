/**
 * Ace (Cloud9's editor, in many admin and OA code fields). Like CodeMirror 5
 * it takes input through a hidden textarea and keeps its own document. The
 * `.ace_editor` container carries `env.editor`. Ace's own paste command
 * inserts as one undo group (typing merges with what came just before).
 */
import type { PageEditorAdapter } from './types';

interface AcePoint {
  row: number;
  column: number;
}
interface AceEditor {
  getValue(): string;
  execCommand(command: string, args: string): unknown;
  getCursorPosition(): AcePoint;
  selection: { isEmpty(): boolean; setSelectionRange(range: { start: AcePoint; end: AcePoint }): void };
  session: { getLine(row: number): string };
}

export const ace: PageEditorAdapter = {
  name: 'ace',
  phase: 'first',
  find({ field, toPage }) {
    const container = field.closest('.ace_editor') as (Element & { env?: { editor?: AceEditor } }) | null;
    const editor = container?.env?.editor;
    if (!editor || typeof editor.execCommand !== 'function' || typeof editor.getValue !== 'function') return null;
    return {
      read: () => String(editor.getValue()),
      insert: (text) => void editor.execCommand('paste', text),
      beforeCaret(max) {
        if (!editor.selection.isEmpty()) return null;
        const { row, column } = editor.getCursorPosition();
        return String(editor.session.getLine(row)).slice(Math.max(0, column - max), column);
      },
      selectBefore(n) {
        const { row, column } = editor.getCursorPosition();
        editor.selection.setSelectionRange(toPage({ start: { row, column: column - n }, end: { row, column } }));
      },
    };
  },
};
