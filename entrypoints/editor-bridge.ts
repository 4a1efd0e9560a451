/**
 * Chrome only: the part of an insertion that must run in the page's own
 * JavaScript world, where editors such as CodeMirror 5, Monaco, Trix and
 * TinyMCE expose their APIs. The content script adds this file (a
 * web-accessible resource with a per-session URL) to the page only when the
 * user inserts; it answers one request on its channel and is done
 * (utils/page/insert/bridge-channel.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { parseRequest, replyEventOf } from '../utils/page/insert/bridge-channel';
import { insertThroughPageEditor } from '../utils/page/insert/page-editors';
import type { PageElement, PageWindow } from '../utils/page/insert/page-editors/types';

export default defineUnlistedScript({
  // Firefox reaches page objects from the content script itself (utils/platform.ts).
  exclude: ['firefox'],
  main() {
    bridge();
  },
});

function bridge(): void {
  const channel = (document.currentScript as HTMLScriptElement | null)?.dataset.channel;
  if (!channel) return;
  const onRequest = (event: Event) => {
    const field = event.composedPath()[0] as PageElement | undefined;
    const request = parseRequest((event as CustomEvent).detail);
    const win = field?.ownerDocument?.defaultView as PageWindow | null | undefined;
    if (!field || !request || !win) return;
    const reply = insertThroughPageEditor({ win, field, toPage: (value) => value }, request.text, request.phase);
    field.dispatchEvent(new CustomEvent(replyEventOf(channel), { detail: JSON.stringify(reply), composed: true }));
  };
  document.addEventListener(channel, onRequest, { once: true, capture: true });
}
