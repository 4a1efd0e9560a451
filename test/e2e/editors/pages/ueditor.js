// A UEditor-style editor: a contenteditable <body> in a src-less iframe that
// handles paste itself (reads clipboardData, inserts with its own DOM code) and
// keeps its own undo stack (snapshots; Ctrl+Z is intercepted), as Baidu UEditor does.
import { INIT, CARET, toHtml, htmlParas, expose } from './common.js';

const frame = document.createElement('iframe');
frame.style.cssText = 'width:100%;height:200px;border:1px solid #ccc';
document.querySelector('#editor').appendChild(frame);
const doc = frame.contentDocument;
doc.open();
doc.write(`<!doctype html><html><head><style>body{font:16px sans-serif}</style></head><body class="view" contenteditable="true"><p>${INIT}</p></body></html>`);
doc.close();
const body = doc.body;
const undo = [];
let lastSnap = 0;
const snapshot = (force) => {
  const now = Date.now();
  if (force || now - lastSnap > 500) undo.push(body.innerHTML);
  lastSnap = now;
};
function insertHtml(html) {
  snapshot(true);
  const sel = doc.getSelection();
  const range = sel.getRangeAt(0);
  range.deleteContents();
  const tmp = doc.createElement('div');
  tmp.innerHTML = html;
  const blocks = [...tmp.children].filter((c) => c.nodeName === 'P');
  if (blocks.length <= 1) {
    const t = doc.createTextNode(tmp.textContent);
    range.insertNode(t);
    range.setStartAfter(t);
  } else {
    // Split the current paragraph at the caret and put the pasted paragraphs between its halves.
    const p = range.startContainer.nodeType === 1 ? range.startContainer.closest('p') : range.startContainer.parentElement.closest('p');
    const tail = doc.createRange();
    tail.setStart(range.startContainer, range.startOffset);
    tail.setEndAfter(p.lastChild);
    const rest = tail.extractContents();
    p.append(...blocks[0].childNodes);
    let after = p;
    const mids = blocks.slice(1);
    mids.forEach((b) => { const np = doc.createElement('p'); np.append(...b.childNodes); after.after(np); after = np; });
    const caretNode = after.lastChild;
    after.append(...rest.childNodes);
    range.setStartAfter(caretNode);
  }
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
}
body.addEventListener('paste', (e) => {
  e.preventDefault();
  const html = e.clipboardData.getData('text/html');
  const plain = e.clipboardData.getData('text/plain');
  if (!html && !plain) return;
  insertHtml(html || toHtml(plain));
});
body.addEventListener('beforeinput', () => snapshot(false));
body.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (undo.length) body.innerHTML = undo.pop();
  }
});
window.UE = { insertHtml, getContent: () => body.innerHTML };
expose({
  name: 'ueditor',
  frame: 'iframe',
  paras: () => htmlParas(body.innerHTML),
  text: () => body.innerText,
  root: () => body,
  focus() { frame.focus(); body.focus(); },
  place() {
    frame.focus();
    body.focus();
    const r = doc.createRange();
    r.setStart(body.firstChild.firstChild, CARET);
    doc.getSelection().removeAllRanges();
    doc.getSelection().addRange(r);
  },
  api: (t) => insertHtml(toHtml(t)),
});
