/**
 * A short message in the page, for what happens after the popup has closed
 * (the text was cut by a length limit, or the field refused it and went to the
 * clipboard instead). It lives in a shadow root so the page's styles cannot
 * hide or restyle it, and it is announced to screen readers.
 */
const SHOW_MS = 7000;

export function showNotice(doc: Document, message: string): void {
  const host = doc.createElement('bixia-notice');
  const root = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  box.style.cssText =
    'position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px;padding:10px 14px;' +
    'border-radius:8px;background:#1f1f1f;color:#fff;font:14px/1.5 system-ui,"Microsoft YaHei",sans-serif;' +
    'box-shadow:0 4px 16px rgba(0,0,0,.3)';
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), SHOW_MS);
}
