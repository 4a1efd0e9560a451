import { ClassicEditor, Essentials, Paragraph, Bold, Italic } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { INIT, CARET, toHtml, expose } from './common.js';

ClassicEditor.create(document.querySelector('#editor'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic],
  toolbar: ['undo', 'redo', 'bold', 'italic'],
  initialData: `<p>${INIT}</p>`,
}).then((editor) => {
  window.editor = editor;
  const root = editor.model.document.getRoot();
  const text = (el) => [...el.getChildren()].map((c) => (c.is('$text') ? c.data : c.is('element', 'softBreak') ? '⏎' : text(c))).join('');
  expose({
    name: 'ckeditor',
    paras: () => [...root.getChildren()].map(text),
    text: () => editor.getData(),
    root: () => editor.editing.view.getDomRoot(),
    focus: () => editor.editing.view.focus(),
    place() {
      editor.editing.view.focus();
      editor.model.change((w) => w.setSelection(root.getChild(0), CARET));
    },
    api(t) {
      const frag = editor.data.toModel(editor.data.processor.toView(toHtml(t)));
      editor.model.insertContent(frag);
    },
  });
});
