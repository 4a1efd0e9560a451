/**
 * Chrome only: the part of an insertion that must run in the page's own
 * JavaScript world, where editors such as CodeMirror 5, Monaco, Trix and
 * TinyMCE expose their APIs. The content script adds this file (a
 * web-accessible resource with a per-session URL) to the page only when the
 * user inserts, and it stays to answer later requests on its channel
 * (utils/page/insert/bridge.ts, bridge-channel.ts): an insertion through an
 * editor's API, a simulated paste with the page's clock moved on for it
 * (utils/page/insert/page-clock.ts), a typed trigger read or selected.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { parseRequest, replyEventOf } from '../utils/page/insert/bridge-channel';
import { withClockAhead } from '../utils/page/insert/page-clock';
import { caretOfPageEditor, insertThroughPageEditor, selectInPageEditor } from '../utils/page/insert/page-editors';
import { type PageElement, type PageWindow, windowsOf } from '../utils/page/insert/page-editors/types';
import { type EventWorld, dispatchPaste } from '../utils/page/insert/paste-dispatch';

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
    const world = { win, field, toPage: <T extends object>(value: T) => value };
    const answer = () => {
      switch (request.kind) {
        case 'insert':
          return insertThroughPageEditor(world, request.text, request.phase);
        case 'paste':
          return { taken: withClockAhead(windowsOf(win), (fn) => fn, () => dispatchPaste(win as unknown as EventWorld, (value) => value, field, request.text, request.html, true)) };
        case 'caret':
          return caretOfPageEditor(world, request.max);
        case 'select':
          return selectInPageEditor(world, request.typed);
      }
    };
    const reply = answer();
    field.dispatchEvent(new CustomEvent(replyEventOf(channel), { detail: JSON.stringify(reply), composed: true }));
  };
  document.addEventListener(channel, onRequest, { capture: true });
}
