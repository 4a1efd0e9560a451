/**
 * CodeMirror 5 (and what is built on it: EasyMDE, SimpleMDE, many OA code and
 * Markdown fields). Its field is a hidden textarea (or, with inputStyle
 * contenteditable, a contenteditable) that it polls only while its page has
 * focus: text put there from a side panel never reaches its model. The
 * `.CodeMirror` wrapper carries the instance as its `CodeMirror` property.
 * The origin 'paste' keeps the insertion one history event (CodeMirror merges
 * only '+'-origins with what was typed just before).
 */
import type { PageEditorAdapter } from './types';

interface Position {
  line: number;
  ch: number;
}
interface CodeMirror5 {
  getValue(): string;
  getCursor(which?: string): Position;
  somethingSelected(): boolean;
  getLine(line: number): string;
  setSelection(anchor: Position, head: Position): void;
  replaceSelection(text: string, select?: string, origin?: string): void;
  scrollIntoView(what: null): void;
}

export const codeMirror5: PageEditorAdapter = {
  name: 'codemirror5',
  phase: 'first',
  find({ field, toPage }) {
    const wrapper = field.closest('.CodeMirror') as (Element & { CodeMirror?: CodeMirror5 }) | null;
    const cm = wrapper?.CodeMirror;
    if (!cm || typeof cm.replaceSelection !== 'function' || typeof cm.getValue !== 'function') return null;
    return {
      read: () => String(cm.getValue()),
      insert(text) {
        cm.replaceSelection(text, 'end', 'paste');
        cm.scrollIntoView(null);
      },
      beforeCaret(max) {
        if (cm.somethingSelected()) return null;
        const { line, ch } = cm.getCursor();
        return String(cm.getLine(line)).slice(Math.max(0, ch - max), ch);
      },
      selectBefore(n) {
        const { line, ch } = cm.getCursor();
        cm.setSelection(toPage({ line, ch: ch - n }), toPage({ line, ch }));
      },
    };
  },
};
