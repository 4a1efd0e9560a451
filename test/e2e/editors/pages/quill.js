import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { INIT, CARET, toHtml, expose } from './common.js';

const quill = new Quill('#editor', { theme: 'snow' });
quill.setText(INIT + '\n', 'silent');
quill.history.clear();
window.quill = quill;
expose({
  name: 'quill',
  paras: () => quill.getText().replace(/\n$/, '').split('\n'),
  text: () => quill.getText(),
  root: () => quill.root,
  focus: () => quill.focus(),
  place() { quill.focus(); quill.setSelection(CARET, 0, 'user'); },
  api: (text) => { const r = quill.getSelection(true); quill.clipboard.dangerouslyPasteHTML(r.index, toHtml(text), 'user'); },
});
