// TinyMCE 4 without its paste plugin, loaded by <script src="/tinymce4/tinymce.min.js">.
// It ignores a simulated paste, and its own Ctrl+Z knows only the undo levels it recorded.
import { INIT, CARET, toHtml, htmlParas, expose } from './common.js';

tinymce.init({
  selector: '#editor',
  base_url: '/tinymce4',
  suffix: '.min',
  menubar: false,
  branding: false,
  plugins: [],
  setup(ed) {
    ed.on('init', () => {
      ed.setContent(`<p>${INIT}</p>`);
      ed.undoManager.clear();
      ed.undoManager.add();
      expose({
        name: 'tinymce4',
        frame: 'iframe',
        paras: () => htmlParas(ed.getContent()),
        text: () => ed.getContent({ format: 'text' }),
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
