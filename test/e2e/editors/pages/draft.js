import React from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState, ContentState, SelectionState, Modifier, convertFromHTML, BlockMapBuilder } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { INIT, CARET, toHtml, expose } from './common.js';

let current = EditorState.createWithContent(ContentState.createFromText(INIT));
let setOutside;
let editorRef;
function App() {
  const [state, setState] = React.useState(current);
  current = state;
  setOutside = setState;
  return React.createElement('div', { style: { border: '1px solid #ccc', minHeight: '80px' } },
    React.createElement(Editor, { editorState: state, onChange: (s) => { current = s; setState(s); }, ref: (r) => { editorRef = r; } }));
}
createRoot(document.querySelector('#editor')).render(React.createElement(App));
const set = (s) => { current = s; setOutside(s); };
setTimeout(() => expose({
  name: 'draft',
  paras: () => current.getCurrentContent().getBlocksAsArray().map((b) => b.getText()),
  text: () => current.getCurrentContent().getPlainText('\n'),
  root: () => document.querySelector('.public-DraftEditor-content'),
  focus: () => editorRef.focus(),
  place() {
    editorRef.focus();
    const key = current.getCurrentContent().getFirstBlock().getKey();
    set(EditorState.forceSelection(current, SelectionState.createEmpty(key).merge({ anchorOffset: CARET, focusOffset: CARET })));
  },
  api(t) {
    const { contentBlocks, entityMap } = convertFromHTML(toHtml(t));
    const frag = BlockMapBuilder.createFromArray(contentBlocks);
    const content = Modifier.replaceWithFragment(current.getCurrentContent(), current.getSelection(), frag);
    set(EditorState.push(current, content, 'insert-fragment'));
  },
}), 300);
