import 'ace-builds';
import { INIT, CARET, expose } from './common.js';

// Ace takes input through a hidden textarea and keeps its own document, like CodeMirror 5.
const editor = window.ace.edit(document.querySelector('#editor'), { value: INIT, wrap: true, useWorker: false });
editor.session.getUndoManager().reset();
expose({
  name: 'ace',
  paras: () => editor.getValue().split('\n'),
  text: () => editor.getValue(),
  focus: () => editor.focus(),
  place() { editor.focus(); editor.moveCursorTo(0, CARET); editor.clearSelection(); },
  api: (t) => editor.insert(t),
});
