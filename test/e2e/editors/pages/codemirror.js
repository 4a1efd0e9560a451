import { EditorView, basicSetup } from 'codemirror';
import { INIT, CARET, expose } from './common.js';

const view = new EditorView({ doc: INIT, extensions: [basicSetup], parent: document.querySelector('#editor') });
window.view = view;
expose({
  name: 'codemirror',
  paras: () => view.state.doc.toString().split('\n'),
  text: () => view.state.doc.toString(),
  root: () => view.contentDOM,
  focus: () => view.focus(),
  place() { view.focus(); view.dispatch({ selection: { anchor: CARET } }); },
  api: (t) => view.dispatch(view.state.replaceSelection(t), { userEvent: 'input.paste', scrollIntoView: true }),
});
