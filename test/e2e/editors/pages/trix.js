import Trix from 'trix';
import 'trix/dist/trix.css';
import { INIT, CARET, expose } from './common.js';

// Trix keeps its document in its own model and records undo entries only for what it does itself.
void Trix;
const host = document.createElement('trix-editor');
document.querySelector('#editor').append(host);
host.addEventListener('trix-initialize', () => {
  const editor = host.editor;
  editor.loadHTML(`<div>${INIT}</div>`);
  expose({
    name: 'trix',
    // Trix ends its document with a newline; each block or line break is a paragraph here.
    paras: () => editor.getDocument().toString().replace(/\n$/, '').split('\n'),
    text: () => editor.getDocument().toString(),
    focus: () => host.focus(),
    place() { host.focus(); editor.setSelectedRange([CARET, CARET]); },
    api: (t) => editor.insertString(t),
  });
}, { once: true });
