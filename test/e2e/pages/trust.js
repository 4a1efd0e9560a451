// Builds trust.html's frames from its query (the cross-origin server's port is
// only known at run time), then marks the page ready once they have loaded.
'use strict';

const params = new URLSearchParams(location.search);
const cross = params.get('cross');

function addFrame(id, className, query) {
  const frame = document.createElement('iframe');
  frame.id = id;
  frame.className = className;
  frame.title = id;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${cross}/thief.html${query}`;
  document.getElementById('frames').append(frame);
  return loaded;
}

const frames = [];
const hide = params.get('hide');
if (hide) frames.push(addFrame('thief', hide, ''));
if (params.get('scripted')) frames.push(addFrame('scripted', 'visible', '?autofocus=1'));

const refusing = document.getElementById('refusing');
for (const type of ['paste', 'beforeinput']) refusing.addEventListener(type, (event) => event.preventDefault());

/** What the page does behind the user's back: the hidden frame grabs the focus. */
function stealFocus() {
  document.getElementById('thief')?.contentWindow.postMessage('steal', '*');
}
window.addEventListener('blur', stealFocus);
document.addEventListener('visibilitychange', () => {
  if (document.hidden) stealFocus();
});
window.stealFocus = stealFocus;

Promise.all([...frames, new Promise((resolve) => window.addEventListener('load', resolve, { once: true }))]).then(() => {
  document.documentElement.dataset.ready = 'true';
});
