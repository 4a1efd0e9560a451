/**
 * Chrome only: adds the bridge script (entrypoints/editor-bridge.ts) to the
 * target's document under a fresh channel, then asks on the target. A script
 * that never loads means no bridge (`undefined`: nothing was asked, so the
 * caller may go another way); a request without an answer gives `null` (the
 * page got in the way after its editor may have acted).
 */
import type { browser as Browser } from '@wxt-dev/browser';
import { BRIDGE_SCRIPT, type BridgeRequest, replyEventOf } from './bridge-channel';

/** How long the bridge script may take to load before the page counts as having none. */
const BRIDGE_LOAD_MS = 3000;

export async function askBridge(target: Element, request: BridgeRequest): Promise<unknown> {
  const doc = target.ownerDocument;
  // getRandomValues, not randomUUID: many OA systems are served over plain http, not a secure context.
  const channel = `c${Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')}`;
  const script = doc.createElement('script');
  script.dataset.channel = channel;
  script.src = (globalThis as unknown as { chrome: typeof Browser }).chrome.runtime.getURL(`/${BRIDGE_SCRIPT}`);
  const loaded = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), BRIDGE_LOAD_MS);
    script.addEventListener('load', () => (clearTimeout(timer), resolve(true)), { once: true });
    script.addEventListener('error', () => (clearTimeout(timer), resolve(false)), { once: true });
  });
  (doc.head ?? doc.documentElement).append(script);
  const ready = await loaded;
  script.remove();
  if (!ready) return undefined;
  let reply: unknown = null;
  const onReply = (event: Event) => {
    reply = (event as CustomEvent).detail;
  };
  target.addEventListener(replyEventOf(channel), onReply, { once: true });
  target.dispatchEvent(new CustomEvent(channel, { detail: JSON.stringify(request), bubbles: true, composed: true }));
  target.removeEventListener(replyEventOf(channel), onReply);
  return reply;
}
