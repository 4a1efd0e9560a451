// Shared by the editor pages (adapted from docs/research/editors-lab/src): the
// initial text, the caret offset, and window.lab, through which the tests read
// each editor's model and place its caret with the editor's own API.
export const INIT = '开头文字。结尾文字。';
export const CARET = 5; // after 开头文字。
export const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const toHtml = (text) => text.split('\n').map((l) => `<p>${l ? esc(l) : '<br>'}</p>`).join('');
/** Paragraph texts of an HTML string (TinyMCE / UEditor / CKEditor getData). */
export function htmlParas(html) {
  const d = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks = [...d.body.children];
  if (blocks.length === 0) return d.body.textContent ? [d.body.textContent] : [];
  d.body.querySelectorAll('br').forEach((br) => { if (br.nextSibling) br.replaceWith('⏎'); });
  return blocks.map((b) => b.textContent);
}
export function expose(lab) {
  window.lab = Object.assign({ frame: 'main' }, lab);
  document.title = lab.name + ' ready';
  window.labReady = true;
  // What the e2e harness waits for before it uses a page.
  document.documentElement.dataset.ready = 'true';
}
