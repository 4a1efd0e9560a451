// CKEditor 4, loaded by <script src="/ckeditor4/ckeditor.js"> (served from node_modules), in its
// classic iframe; still the editor of many OA systems.
import { INIT, CARET, toHtml, htmlParas, expose } from './common.js';

const area = document.createElement('textarea');
document.querySelector('#editor').append(area);
const editor = window.CKEDITOR.replace(area, { versionCheck: false, language: 'zh-cn' });
editor.on('instanceReady', () => {
  editor.setData(`<p>${INIT}</p>`, {
    callback() {
      editor.resetUndo();
      expose({
        name: 'ckeditor4',
        frame: 'iframe',
        paras: () => htmlParas(editor.getData()),
        text: () => editor.editable().getText(),
        focus: () => editor.focus(),
        place() {
          editor.focus();
          const range = editor.createRange();
          range.setStart(editor.editable().getFirst().getFirst(), CARET);
          range.collapse(true);
          editor.getSelection().selectRanges([range]);
        },
        api: (t) => editor.insertHtml(toHtml(t)),
      });
    },
  });
});
