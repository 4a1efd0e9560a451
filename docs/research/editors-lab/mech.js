// Insertion mechanisms under test. Plain script (no imports): loaded into pages,
// evaluated in frames by the runner, and concatenated into the test extension's
// content script (isolated world). Globals: labTarget, labInsert, LAB_MECHS.
var LAB_MECHS = ['exec', 'execHtml', 'execLines', 'paste', 'pastePlain', 'pasteSet', 'pasteBoth', 'pasteMeta', 'pasteSeq', 'biPaste', 'biText', 'biReplace'];

/** The element a real paste/beforeinput would target: the caret's element inside the focused editable. */
function labTarget(doc) {
  var sel = doc.getSelection();
  var n = sel && sel.anchorNode;
  var el = n && (n.nodeType === 1 ? n : n.parentElement);
  if (el && el.isContentEditable) return el;
  var a = doc.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a || doc.body;
}

function labInsert(mech, text, doc) {
  doc = doc || document;
  var win = doc.defaultView;
  var el = labTarget(doc);
  var esc = function (s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); };
  var html = text.split('\n').map(function (l) { return '<p>' + (l ? esc(l) : '<br>') + '</p>'; }).join('');
  var dt = function (withHtml) {
    var d = new win.DataTransfer();
    d.setData('text/plain', text);
    if (withHtml) d.setData('text/html', html);
    return d;
  };
  var init = { bubbles: true, cancelable: true, composed: true };
  var host = el.isContentEditable ? el : null;
  while (host && host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
  var before = host ? host.textContent : null;
  var r = { target: el.nodeName + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') };
  try {
    switch (mech) {
      case 'exec':
        r.ret = doc.execCommand('insertText', false, text);
        break;
      case 'execHtml':
        // One execCommand = one native undo step in Firefox too (execLines is one step per command there).
        r.ret = doc.execCommand('insertHTML', false, html);
        break;
      case 'execLines':
        text.split('\n').forEach(function (line, i) {
          if (i > 0) doc.execCommand('insertParagraph', false);
          if (line) doc.execCommand('insertText', false, line);
        });
        r.ret = true;
        break;
      case 'paste':
      case 'pastePlain': {
        var ev = new win.ClipboardEvent('paste', Object.assign({ clipboardData: dt(mech === 'paste') }, init));
        r.seenPlain = ev.clipboardData ? ev.clipboardData.getData('text/plain').length : -1;
        r.notPrevented = el.dispatchEvent(ev);
        break;
      }
      case 'pasteSet': {
        var ev2 = new win.ClipboardEvent('paste', init);
        if (!ev2.clipboardData) { r.ret = 'no clipboardData on constructed event'; break; }
        ev2.clipboardData.setData('text/plain', text);
        ev2.clipboardData.setData('text/html', html);
        r.seenPlain = ev2.clipboardData.getData('text/plain').length;
        r.notPrevented = el.dispatchEvent(ev2);
        break;
      }
      case 'pasteMeta':
      case 'pasteBoth': {
        // pasteMeta: the HTML starts with <meta charset="utf-8"> as real Chrome/Firefox clipboard HTML
        // does; TinyMCE treats attribute-less <p>-only HTML as plain text (single \n -> <br>).
        if (mech === 'pasteMeta') html = '<meta charset="utf-8">' + html;
        // Portable recipe: Chromium takes the DataTransfer from the init dict (and a
        // constructed event without one has clipboardData === null); Firefox ignores the
        // init dict's data but lets the page fill the event's own clipboardData.
        var ev5 = new win.ClipboardEvent('paste', Object.assign({ clipboardData: dt(true) }, init));
        if (ev5.clipboardData && ev5.clipboardData.getData('text/plain') !== text) {
          ev5.clipboardData.setData('text/plain', text);
          ev5.clipboardData.setData('text/html', html);
          r.filledAfter = true;
        }
        r.seenPlain = ev5.clipboardData ? ev5.clipboardData.getData('text/plain').length : -1;
        r.notPrevented = el.dispatchEvent(ev5);
        break;
      }
      case 'pasteSeq': {
        // The browser's own paste sequence: 'paste' (ClipboardEvent); if nobody cancelled it,
        // 'beforeinput' insertFromPaste with the same data (slate-react and wangEditor insert
        // HTML pastes only there, and only right after a paste event). Both cancelable; stop at
        // the first one the editor cancels. (A real browser would then insert by itself.)
        var html6 = '<meta charset="utf-8">' + html;
        var d6 = new win.DataTransfer();
        d6.setData('text/plain', text);
        d6.setData('text/html', html6);
        var p6 = new win.ClipboardEvent('paste', Object.assign({ clipboardData: d6 }, init));
        if (p6.clipboardData && p6.clipboardData.getData('text/plain') !== text) {
          p6.clipboardData.setData('text/plain', text);
          p6.clipboardData.setData('text/html', html6);
          r.filledAfter = true;
        }
        r.seenPlain = p6.clipboardData ? p6.clipboardData.getData('text/plain').length : -1;
        r.pasteTaken = !el.dispatchEvent(p6);
        if (!r.pasteTaken) {
          var b6 = new win.InputEvent('beforeinput', Object.assign({ inputType: 'insertFromPaste', dataTransfer: d6 }, init));
          r.beforeinputTaken = !el.dispatchEvent(b6);
        }
        break;
      }
      case 'biPaste':
      case 'biReplace': {
        var ev3 = new win.InputEvent('beforeinput', Object.assign({
          inputType: mech === 'biPaste' ? 'insertFromPaste' : 'insertReplacementText',
          dataTransfer: dt(mech === 'biPaste'),
        }, init));
        r.seenPlain = ev3.dataTransfer ? ev3.dataTransfer.getData('text/plain').length : -1;
        r.notPrevented = el.dispatchEvent(ev3);
        break;
      }
      case 'biText': {
        var ev4 = new win.InputEvent('beforeinput', Object.assign({ inputType: 'insertText', data: text }, init));
        r.notPrevented = el.dispatchEvent(ev4);
        break;
      }
      default:
        r.ret = 'unknown mech';
    }
    if (host) r.syncChanged = host.textContent !== before;
  } catch (e) {
    r.error = String(e && e.message || e);
  }
  return r;
}

/** What a content script could see to detect the editor: the editing host and its ancestors' markers. */
function labDetect(doc) {
  var el = labTarget(doc);
  var host = el;
  while (host && host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
  var marks = [];
  for (var n = host, depth = 0; n && n.nodeType === 1 && depth < 4; n = n.parentElement, depth++) {
    var attrs = [];
    for (var i = 0; i < n.attributes.length; i++) {
      var a = n.attributes[i];
      if (a.name === 'class' || a.name.indexOf('data-') === 0 || a.name === 'contenteditable' || a.name === 'role' || a.name === 'id') attrs.push(a.name + '=' + String(a.value).slice(0, 60));
    }
    marks.push(n.nodeName.toLowerCase() + '[' + attrs.join(' ') + ']');
  }
  var probes = {
    prosemirror: '.ProseMirror', quill: '.ql-editor', ckeditor: '.ck-editor__editable', lexical: '[data-lexical-editor]',
    slate: '[data-slate-editor]', draft: '.public-DraftEditor-content, [data-contents]', codemirror: '.cm-content',
    wangeditor: '[data-w-e-textarea], .w-e-text-container', tinymce: 'body#tinymce.mce-content-body', tiptap: '.tiptap',
  };
  var hits = [];
  for (var k in probes) if (host && host.closest && host.closest(probes[k])) hits.push(k);
  return { active: doc.activeElement && doc.activeElement.nodeName, host: marks, hits: hits, frameIsTop: doc.defaultView === doc.defaultView.top };
}
