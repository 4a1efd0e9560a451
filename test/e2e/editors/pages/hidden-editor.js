// An editor of the page's own making that no adapter knows: its model is a
// string, drawn into a <div>, and it takes only real key presses from a
// hidden textarea (it ignores input events, as editors that poll only while
// focused do when their page has no focus). Bixia cannot reach it, so it
// must say so and copy the text.
import { INIT, CARET, expose } from './common.js';

let model = INIT;
let caret = CARET;
const box = document.querySelector('#editor');
box.style.cssText = 'position:relative;border:1px solid #999;min-height:4em;padding:4px;white-space:pre-wrap';
const view = document.createElement('div');
const sink = document.createElement('textarea');
sink.style.cssText = 'position:absolute;top:0;left:0;width:1px;height:1px;opacity:0;border:0;padding:0;resize:none';
box.append(view, sink);
const draw = () => { view.textContent = model; };
draw();
sink.addEventListener('keydown', (event) => {
  if (event.key.length !== 1 || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  model = model.slice(0, caret) + event.key + model.slice(caret);
  caret += 1;
  draw();
});
box.addEventListener('mousedown', (event) => { event.preventDefault(); sink.focus(); });
expose({
  name: 'hidden-editor',
  paras: () => model.split('\n'),
  text: () => model,
  focus: () => sink.focus(),
  place() { sink.focus(); caret = CARET; },
});
