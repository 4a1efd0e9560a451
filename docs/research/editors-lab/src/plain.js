// Control: a bare contenteditable div (browser-native editing and undo).
import { INIT, CARET, htmlParas, expose } from './common.js';
const el = document.querySelector('#editor');
el.contentEditable = 'true';
el.innerHTML = `<p>${INIT}</p>`;
expose({
  name: 'plain',
  paras: () => htmlParas(el.innerHTML),
  text: () => el.innerText,
  root: () => el,
  place() {
    el.focus();
    const r = document.createRange();
    r.setStart(el.firstChild.firstChild, CARET);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  },
  api: null,
});
