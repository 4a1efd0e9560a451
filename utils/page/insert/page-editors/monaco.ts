/**
 * Monaco (VS Code's editor), loaded as the global `monaco` (its AMD build, as
 * most pages that embed it do). Its field is a hidden textarea that it reads
 * only while focused. The editor whose DOM node holds the field inserts with
 * executeEdits, between two undo stops so one Ctrl+Z removes exactly it.
 * An ESM bundle exposes no global: the generic check then reports the truth.
 */
import { type PageEditorAdapter, listOf, windowsOf } from './types';

interface Range {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}
interface MonacoEditor {
  getDomNode(): Element | null;
  getValue(): string;
  getSelection(): Range | null;
  getPosition(): { lineNumber: number; column: number } | null;
  getModel(): { getLineContent(line: number): string } | null;
  setSelection(range: Range): void;
  pushUndoStop(): void;
  executeEdits(source: string, edits: object[]): boolean;
  revealPositionInCenterIfOutsideViewport(position: object): void;
}
type MonacoGlobal = { editor?: { getEditors?(): unknown } };

export const monaco: PageEditorAdapter = {
  name: 'monaco',
  phase: 'first',
  find({ win, field, toPage }) {
    const editor = windowsOf(win)
      .flatMap((w) => listOf<MonacoEditor>((w.monaco as MonacoGlobal | undefined)?.editor?.getEditors?.()))
      .find((e) => typeof e.executeEdits === 'function' && e.getDomNode()?.contains(field));
    if (!editor) return null;
    return {
      read: () => String(editor.getValue()),
      insert(text) {
        const selection = editor.getSelection();
        if (!selection) return;
        const range = {
          startLineNumber: selection.startLineNumber,
          startColumn: selection.startColumn,
          endLineNumber: selection.endLineNumber,
          endColumn: selection.endColumn,
        };
        editor.pushUndoStop();
        editor.executeEdits('bixia', toPage([{ range, text, forceMoveMarkers: true }]));
        editor.pushUndoStop();
        const position = editor.getPosition();
        if (position) editor.revealPositionInCenterIfOutsideViewport(position);
      },
      beforeCaret(max) {
        const selection = editor.getSelection();
        const model = editor.getModel();
        if (!selection || !model) return null;
        const { startLineNumber: line, startColumn: column } = selection;
        if (line !== selection.endLineNumber || column !== selection.endColumn) return null;
        return String(model.getLineContent(line)).slice(Math.max(0, column - 1 - max), column - 1);
      },
      selectBefore(n) {
        const position = editor.getPosition();
        if (!position) return;
        const { lineNumber, column } = position;
        editor.setSelection(toPage({ startLineNumber: lineNumber, startColumn: column - n, endLineNumber: lineNumber, endColumn: column }));
      },
    };
  },
};
