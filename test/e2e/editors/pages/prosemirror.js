import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { DOMParser as PMDOMParser } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { exampleSetup } from 'prosemirror-example-setup';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-menu/style/menu.css';
import 'prosemirror-example-setup/style/style.css';
import { INIT, CARET, toHtml, expose } from './common.js';

const holder = document.createElement('div');
holder.innerHTML = `<p>${INIT}</p>`;
const view = new EditorView(document.querySelector('#editor'), {
  state: EditorState.create({ doc: PMDOMParser.fromSchema(schema).parse(holder), plugins: exampleSetup({ schema }) }),
});
window.view = view;
expose({
  name: 'prosemirror',
  paras: () => { const out = []; view.state.doc.forEach((n) => out.push(n.textBetween(0, n.content.size, '', (leaf) => (leaf.type.name.startsWith('hard') ? '⏎' : '')))); return out; },
  text: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
  root: () => view.dom,
  focus: () => view.focus(),
  place() {
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1 + CARET)));
    view.focus();
  },
});
