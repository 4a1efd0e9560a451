/**
 * Ace (Cloud9's editor, in many admin and OA code fields). Like CodeMirror 5
 * it takes input through a hidden textarea and keeps its own document. The
 * `.ace_editor` container carries `env.editor`. Ace's own paste command
 * inserts as one undo group (typing merges with what came just before).
 */
import type { PageEditorAdapter } from './types';

interface AceEditor {
  getValue(): string;
  execCommand(command: string, args: string): unknown;
}

export const ace: PageEditorAdapter = {
  name: 'ace',
  phase: 'first',
  find({ field }) {
    const container = field.closest('.ace_editor') as (Element & { env?: { editor?: AceEditor } }) | null;
    const editor = container?.env?.editor;
    if (!editor || typeof editor.execCommand !== 'function' || typeof editor.getValue !== 'function') return null;
    return {
      read: () => String(editor.getValue()),
      insert: (text) => void editor.execCommand('paste', text),
    };
  },
};
