// Builds the parts of fields.html that need script, then marks the page
// ready (data-ready on <html>) once every frame has loaded.
'use strict';

const INITIAL = '前半句，后半句。';

// A src-less iframe whose body script makes editable. With `write`, the
// document is first rewritten through document.open()/write()/close(), which
// is how Baidu UEditor and classic TinyMCE set up their editing area; note that
// document.open() removes every event listener already on the document.
function addBlankFrameEditor(id, write) {
  const frame = document.createElement('iframe');
  frame.id = id;
  frame.title = write ? '脚本写入的编辑器（document.write）' : '脚本生成的编辑器';
  document.getElementById('blank-frame-slot').append(frame);
  fillBlankFrame(frame.contentDocument, write);
}

function fillBlankFrame(doc, write) {
  if (write) {
    doc.open();
    doc.write('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    doc.close();
  }
  doc.body.textContent = INITIAL;
  doc.body.dataset.editor = 'blank';
  doc.body.contentEditable = 'true';
}

// Firefox may still swap a src-less frame's first about:blank document for a
// fresh one when that frame's load completes (seen under CI load), wiping
// what the script wrote. Pages that build editors this way wait for the load;
// this one writes its editor again into the document that replaced it.
function keepBlankFrameEditor(id, write) {
  const frame = document.getElementById(id);
  return new Promise((resolve) => {
    const check = () => {
      // Told by its mark, not its text: a fast test may already have inserted when the later check runs.
      if (frame.contentDocument.body?.dataset.editor !== 'blank') fillBlankFrame(frame.contentDocument, write);
      resolve();
    };
    frame.addEventListener('load', check, { once: true });
    // Chromium has already fired that load, synchronously, while the frame was appended.
    setTimeout(check, 300);
  });
}

// Baidu UEditor's own way: the frame's src is a javascript: URL that writes
// the editing document. Chromium injects no content script into such a frame,
// so the page's own content script has to look after it.
function addJavascriptUrlFrame() {
  const frame = document.createElement('iframe');
  frame.id = 'js-frame';
  frame.title = 'javascript: 地址写入的编辑器（UEditor 方式）';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body contenteditable="true">${INITIAL}</body></html>`;
  frame.src = `javascript:void(function(){document.open();document.write(${JSON.stringify(html).replace(/"/g, "'")});document.close();}())`;
  document.getElementById('blank-frame-slot').append(frame);
  return loaded;
}

// Web components keep their fields in a shadow root; focus events from inside
// are retargeted to the host.
function addShadowFields() {
  const root = document.getElementById('shadow-host').attachShadow({ mode: 'open' });
  const input = document.createElement('input');
  input.id = 'shadow-input';
  input.value = INITIAL;
  const editable = document.createElement('div');
  editable.id = 'shadow-ce';
  editable.contentEditable = 'true';
  editable.textContent = INITIAL;
  editable.style.border = '1px solid #888';
  root.append(input, editable);
}

// Load events of all frames, including the cross-origin one added here.
function addCrossOriginFrame() {
  const crossOrigin = new URLSearchParams(location.search).get('cross');
  if (!crossOrigin) return Promise.resolve();
  const frame = document.createElement('iframe');
  frame.id = 'cross-frame';
  frame.title = '跨源框架';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${crossOrigin}/cross.html`;
  document.getElementById('cross-frame-slot').append(frame);
  return loaded;
}

addBlankFrameEditor('blank-frame', true);
addBlankFrameEditor('blank-frame-plain', false);
addShadowFields();
const jsFrameLoaded = addJavascriptUrlFrame();
const crossLoaded = addCrossOriginFrame();
const pageLoaded = new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
const blankFramesKept = Promise.all([keepBlankFrameEditor('blank-frame', true), keepBlankFrameEditor('blank-frame-plain', false)]);
Promise.all([jsFrameLoaded, crossLoaded, pageLoaded, blankFramesKept]).then(() => {
  document.documentElement.dataset.ready = 'true';
});
