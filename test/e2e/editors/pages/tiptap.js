import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { INIT, CARET, toHtml, expose } from './common.js';

const editor = new Editor({ element: document.querySelector('#editor'), extensions: [StarterKit], content: `<p>${INIT}</p>` });
window.editor = editor;
expose({
  name: 'tiptap',
  paras: () => { const out = []; editor.state.doc.forEach((n) => out.push(n.textBetween(0, n.content.size, '', (leaf) => (leaf.type.name.startsWith('hard') ? '⏎' : '')))); return out; },
  text: () => editor.getText({ blockSeparator: '\n' }),
  root: () => editor.view.dom,
  // Tiptap's focus command focuses the view a frame later, where keys typed meanwhile can be
  // lost: the view is focused at once, as a user's click would.
  focus: () => editor.view.focus(),
  place() { editor.commands.setTextSelection(1 + CARET); editor.view.focus(); },
});
