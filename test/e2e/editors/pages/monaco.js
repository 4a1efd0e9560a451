// Monaco's AMD build is loaded by <script src="/monaco/vs/loader.js"> (served from node_modules).
import { INIT, CARET, expose } from './common.js';

window.require.config({ paths: { vs: '/monaco/vs' } });
window.require(['vs/editor/editor.main'], () => {
  const editor = window.monaco.editor.create(document.querySelector('#editor'), {
    value: INIT,
    language: 'plaintext',
    minimap: { enabled: false },
    wordWrap: 'on',
  });
  const model = editor.getModel();
  expose({
    name: 'monaco',
    paras: () => model.getLinesContent(),
    text: () => model.getValue(),
    focus: () => editor.focus(),
    place() { editor.focus(); editor.setPosition({ lineNumber: 1, column: CARET + 1 }); },
    api: (t) => editor.trigger('keyboard', 'type', { text: t }),
  });
});
