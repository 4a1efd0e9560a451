/**
 * A short message in the page, for what happens after the popup has closed
 * (the text was cut by a length limit, or nothing was inserted and the text
 * went to the clipboard instead). It lives in a shadow root so the page's
 * styles cannot hide or restyle it, and it is announced to screen readers.
 *
 * A fallback (nothing inserted) is a light, bordered block with a bold heading
 * and a warning mark, stays longer and is announced assertively; a note about
 * a partial insertion is the quiet dark box. The two must never look alike.
 */
export interface Notice {
  tone: 'fallback' | 'note';
  /** The bold first line of a fallback. */
  title?: string;
  text: string;
}

const SHOW_MS: Record<Notice['tone'], number> = { fallback: 12000, note: 7000 };

const BOX =
  'position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:380px;padding:10px 14px;border-radius:8px;' +
  'font:14px/1.5 system-ui,"Microsoft YaHei",sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3);text-align:left';
const TONE: Record<Notice['tone'], string> = {
  fallback: 'background:#fff4d6;color:#3d2700;border:1px solid #d89b00;border-left:6px solid #d89b00',
  note: 'background:#1f1f1f;color:#fff',
};

export function showNotice(doc: Document, notice: Notice): void {
  const host = doc.createElement('bixia-notice');
  const root = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', notice.tone === 'fallback' ? 'alert' : 'status');
  box.dataset.tone = notice.tone;
  box.style.cssText = `${BOX};${TONE[notice.tone]}`;
  if (notice.title) {
    const title = doc.createElement('strong');
    title.style.cssText = 'display:block;margin-bottom:2px';
    title.textContent = `⚠ ${notice.title}`;
    box.append(title);
  }
  box.append(notice.text);
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), SHOW_MS[notice.tone]);
}
