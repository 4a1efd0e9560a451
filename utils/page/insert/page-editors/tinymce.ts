/**
 * TinyMCE, any version. 6 and later (and 4/5 with the paste plugin) take the
 * simulated paste, so this adapter comes after it: TinyMCE 4 and 5 without the
 * paste plugin ignore that paste, and execCommand would insert with no undo
 * level while TinyMCE's own Ctrl+Z handler blocks the browser's. insertContent
 * records one level. The global lives in the page, the field is the editing
 * iframe's body (or, inline, the editor's element).
 */
import { type PageEditorAdapter, listOf, paragraphsOf, windowsOf } from './types';

interface TinyEditor {
  getBody(): Element | null;
  getDoc(): Document | null;
  insertContent(html: string): void;
  getContent(options: object): string;
}
type TinyGlobal = { get?(): unknown; editors?: unknown };

export const tinyMce: PageEditorAdapter = {
  name: 'tinymce',
  phase: 'fallback',
  find({ win, field, toPage }) {
    const editor = windowsOf(win)
      .flatMap((w) => {
        const tinymce = w.tinymce as TinyGlobal | undefined;
        if (!tinymce) return [];
        // 5 and later list their editors with get(); 4's get() needs an id, its list is .editors.
        const all = typeof tinymce.get === 'function' ? listOf<TinyEditor>(tinymce.get()) : [];
        return all.length > 0 ? all : listOf<TinyEditor>(tinymce.editors);
      })
      .find((e) => typeof e.insertContent === 'function' && (e.getBody() === field || e.getDoc() === field.ownerDocument));
    if (!editor) return null;
    return {
      read: () => String(editor.getContent(toPage({ format: 'text' }))),
      insert: (text) => editor.insertContent(paragraphsOf(text)),
    };
  },
};
