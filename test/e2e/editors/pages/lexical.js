import { createEditor, $getRoot, $createParagraphNode, $createTextNode, $getSelection } from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { INIT, CARET, toHtml, expose } from './common.js';

const editor = createEditor({ namespace: 'lab', nodes: [HeadingNode, QuoteNode], onError: (e) => { throw e; } });
const rootEl = document.querySelector('#editor');
rootEl.contentEditable = 'true'; // vanilla Lexical does not set it (the React ContentEditable does)
editor.setRootElement(rootEl);
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
editor.update(() => {
  $getRoot().clear().append($createParagraphNode().append($createTextNode(INIT)));
}, { tag: 'historic', discrete: true });
window.editor = editor;
expose({
  name: 'lexical',
  paras: () => editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent())),
  text: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
  root: () => editor.getRootElement(),
  focus: () => editor.focus(),
  place() {
    editor.focus();
    editor.update(() => { $getRoot().getFirstChild().getFirstChild().select(CARET, CARET); }, { discrete: true });
  },
  api(t) {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    dt.setData('text/html', toHtml(t));
    editor.update(() => $insertDataTransferForRichText(dt, $getSelection(), editor), { discrete: true });
  },
});
