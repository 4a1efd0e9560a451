import EasyMDE from 'easymde';
import 'easymde/dist/easymde.min.css';
import { INIT, CARET, expose } from './common.js';

// EasyMDE is CodeMirror 5 underneath; the page's own <textarea> is hidden and only synced.
const area = document.createElement('textarea');
document.querySelector('#editor').append(area);
const mde = new EasyMDE({
  element: area,
  initialValue: INIT,
  spellChecker: false,
  autoDownloadFontAwesome: false,
  status: false,
  toolbar: false,
});
const cm = mde.codemirror;
cm.clearHistory();
expose({
  name: 'easymde',
  paras: () => mde.value().split('\n'),
  text: () => mde.value(),
  focus: () => cm.focus(),
  place() { cm.focus(); cm.setCursor({ line: 0, ch: CARET }); },
  api: (t) => cm.replaceSelection(t),
});
