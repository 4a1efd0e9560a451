// TinyMCE is loaded by a <script src="/tinymce/tinymce.min.js"> tag (self-hosted from node_modules).
import { INIT, CARET, toHtml, htmlParas, expose } from './common.js';

tinymce.init({
  selector: '#editor',
  license_key: 'gpl',
  base_url: '/tinymce',
  suffix: '.min',
  menubar: false,
  promotion: false,
  plugins: [],
  setup(ed) {
    ed.on('init', () => {
      ed.setContent(`<p>${INIT}</p>`);
      ed.undoManager.clear();
      window.editor = ed;
      expose({
        name: 'tinymce',
        frame: 'iframe',
        paras: () => htmlParas(ed.getContent()),
        text: () => ed.getContent({ format: 'text' }),
        root: () => ed.getBody(),
        focus: () => ed.focus(),
        place() {
          ed.focus();
          ed.selection.setCursorLocation(ed.getBody().firstChild.firstChild, CARET);
        },
        api: (t) => ed.insertContent(toHtml(t)),
      });
    });
  },
});
