import React from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Transforms, Node } from 'slate';
import { Slate, Editable, withReact, ReactEditor } from 'slate-react';
import { withHistory } from 'slate-history';
import { INIT, CARET, toHtml, expose } from './common.js';

const editor = withHistory(withReact(createEditor()));
window.editor = editor;
const initialValue = [{ type: 'paragraph', children: [{ text: INIT }] }];
function App() {
  return React.createElement(Slate, { editor, initialValue },
    React.createElement(Editable, { id: 'slate-editable', style: { border: '1px solid #ccc', minHeight: '80px' } }));
}
createRoot(document.querySelector('#editor')).render(React.createElement(App));
setTimeout(() => expose({
  name: 'slate',
  paras: () => editor.children.map((n) => Node.string(n)),
  text: () => editor.children.map((n) => Node.string(n)).join('\n'),
  root: () => ReactEditor.toDOMNode(editor, editor),
  focus: () => ReactEditor.focus(editor),
  place() {
    ReactEditor.focus(editor);
    Transforms.select(editor, { path: [0, 0], offset: CARET });
  },
  api(t) {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    ReactEditor.insertData(editor, dt);
  },
}), 300);
