// Appended after mech.js: the content script (isolated world) of the lab extension.
document.documentElement.setAttribute('data-lab-cs', '1');
// document.open()/write() replaces the <html> element (and, per spec, erases event listeners);
// a MutationObserver on the Document (which survives) notices and re-marks.
new MutationObserver(function () {
  if (document.documentElement && !document.documentElement.hasAttribute('data-lab-cs')) document.documentElement.setAttribute('data-lab-cs', 'reobserved');
}).observe(document, { childList: true });
window.addEventListener('message', function (e) { if (e.data && e.data.labPing) document.documentElement.setAttribute('data-lab-pong', 'window-listener-alive'); });
window.addEventListener('message', function (e) {
  if (!e.data || !e.data.labMech) return;
  var r = labInsert(e.data.labMech, e.data.text, document);
  r.world = 'isolated';
  document.documentElement.setAttribute('data-lab-result', JSON.stringify(r));
});
// Frame probe: can this (top) content script reach same-origin child documents?
window.addEventListener('message', function (e) {
  if (!e.data || !e.data.labProbeFrames) return;
  var out = [];
  document.querySelectorAll('iframe').forEach(function (f) {
    var o = { id: f.id };
    try { var d = f.contentDocument; o.reach = !!d; o.editable = !!(d && d.body && d.body.isContentEditable); o.childCs = d && d.documentElement.getAttribute('data-lab-cs'); o.pong = d && d.documentElement.getAttribute('data-lab-pong'); o.url = d && d.URL.slice(0, 30); } catch (err) { o.err = String(err); }
    out.push(o);
  });
  document.documentElement.setAttribute('data-lab-frames', JSON.stringify(out));
});
