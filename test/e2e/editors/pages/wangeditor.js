import { createEditor, createToolbar, SlateNode } from '@wangeditor/editor';
import '@wangeditor/editor/dist/css/style.css';
import { INIT, CARET, toHtml, expose } from './common.js';

const editor = createEditor({ selector: '#editor', html: `<p>${INIT}</p>`, config: {}, mode: 'default' });
createToolbar({ editor, selector: '#toolbar', config: {}, mode: 'default' });
window.editor = editor;
setTimeout(() => expose({
  name: 'wangeditor',
  paras: () => editor.children.map((n) => SlateNode.string(n)),
  text: () => editor.getText(),
  root: () => document.querySelector('[data-slate-editor]'),
  focus: () => editor.focus(),
  place() {
    editor.focus();
    editor.select({ anchor: { path: [0, 0], offset: CARET }, focus: { path: [0, 0], offset: CARET } });
  },
  api: (t) => editor.dangerouslyInsertHtml(toHtml(t)),
}), 300);
