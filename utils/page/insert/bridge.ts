/**
 * Chrome only: the bridge script (entrypoints/editor-bridge.ts) in the target's
 * document, added the first time it is needed there under a fresh channel and
 * then kept, so later requests (a typed shortcut's expansion) are answered at
 * once rather than after a script load. It gives the page nothing it could not
 * do itself: it dispatches events and calls the page's own editor APIs.
 *
 * A script that never loads means no bridge (`undefined`: nothing was asked,
 * so the caller may go another way). A request without an answer gives `null`
 * (the page got in the way after its editor may have acted), except the first
 * time on a kept bridge: `document.open()` (UEditor, classic TinyMCE) drops the
 * listeners of the document it rewrites, so a fresh bridge is asked once more.
 */
import type { browser as Browser } from '@wxt-dev/browser';
import { BRIDGE_SCRIPT, type BridgeRequest, replyEventOf } from './bridge-channel';

/** How long the bridge script may take to load before the page counts as having none. */
const BRIDGE_LOAD_MS = 3000;

const bridges = new WeakMap<Document, Promise<string | null>>();

/** Adds the bridge to the document; its channel once it has loaded, or null. */
function load(doc: Document): Promise<string | null> {
  // getRandomValues, not randomUUID: many OA systems are served over plain http, not a secure context.
  const channel = `c${Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')}`;
  const script = doc.createElement('script');
  script.dataset.channel = channel;
  script.src = (globalThis as unknown as { chrome: typeof Browser }).chrome.runtime.getURL(`/${BRIDGE_SCRIPT}`);
  const loaded = new Promise<string | null>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      script.remove();
      resolve(ok ? channel : null);
    };
    const timer = setTimeout(() => done(false), BRIDGE_LOAD_MS);
    script.addEventListener('load', () => done(true), { once: true });
    script.addEventListener('error', () => done(false), { once: true });
  });
  (doc.head ?? doc.documentElement).append(script);
  return loaded;
}

function channelIn(doc: Document): Promise<string | null> {
  let ready = bridges.get(doc);
  if (!ready) {
    ready = load(doc);
    bridges.set(doc, ready);
    // A page that refused the script may allow it later (its policy changed with a navigation of the frame).
    void ready.then((channel) => channel ?? bridges.delete(doc));
  }
  return ready;
}

/** Loads the bridge into the document ahead of a request (a typed shortcut's first expansion). */
export function prepareBridge(doc: Document): void {
  void channelIn(doc);
}

/** Fires the request on the target; the bridge answers before the dispatch returns. */
function requestOn(target: Element, channel: string, request: BridgeRequest): unknown {
  let reply: unknown = null;
  const onReply = (event: Event) => {
    reply = (event as CustomEvent).detail;
  };
  target.addEventListener(replyEventOf(channel), onReply, { once: true });
  target.dispatchEvent(new CustomEvent(channel, { detail: JSON.stringify(request), bubbles: true, composed: true }));
  target.removeEventListener(replyEventOf(channel), onReply);
  return reply;
}

export async function askBridge(target: Element, request: BridgeRequest): Promise<unknown> {
  const doc = target.ownerDocument;
  const kept = bridges.has(doc);
  const channel = await channelIn(doc);
  if (!channel) return undefined;
  const reply = requestOn(target, channel, request);
  if (reply !== null || !kept) return reply;
  bridges.delete(doc);
  const fresh = await channelIn(doc);
  return fresh ? requestOn(target, fresh, request) : undefined;
}
