import CodeMirror from 'codemirror5';
import 'codemirror5/lib/codemirror.css';
import { INIT, CARET, expose } from './common.js';

// CodeMirror 5 reads input from a hidden textarea, and only while its page has focus.
const cm = CodeMirror(document.querySelector('#editor'), { value: INIT, lineWrapping: true });
cm.clearHistory();
expose({
  name: 'codemirror5',
  paras: () => cm.getValue().split('\n'),
  text: () => cm.getValue(),
  focus: () => cm.focus(),
  place() { cm.focus(); cm.setCursor({ line: 0, ch: CARET }); },
  api: (t) => cm.replaceSelection(t, 'end', 'paste'),
});
