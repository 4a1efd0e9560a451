/**
 * Editors that expose an API to the page's own JavaScript and are best (or
 * only) reached through it: page-editors/ has one adapter per editor, each
 * finding the instance that owns the field through what the editor itself
 * exposes. Two phases (page-editors/index.ts): `first`, before the generic
 * strategies, for fields that are only an editor's input sink (a hidden
 * textarea) or a contenteditable an adapter may own; `fallback`, after a
 * paste nobody claimed, for contenteditable regions.
 *
 * The page answers "this editor now holds the text"; that is believed only
 * once the text shows where the user looks (shown-text.ts), except in a
 * document that is hidden, which draws nothing until it is shown again: the
 * editor's model, read back through its API, is all there is to go by then.
 * An editor that was found but did not take the text stops the engine: a
 * second way in could insert twice.
 */
import type { browser as Browser } from '@wxt-dev/browser';
import { pageScriptAccess } from '../../platform';
import { type Field, isTextField } from '../fields';
import { BRIDGE_SCRIPT, parseReply, replyEventOf } from './bridge-channel';
import { insertThroughPageEditor } from './page-editors';
import type { PageEditorReply, PageElement, PageWindow, Phase } from './page-editors/types';
import { isHiddenTextField, shownText, showsInserted } from './shown-text';
import { waitFor } from './text-check';
import type { InsertStrategy, StrategyResult } from './types';

/** How long the bridge script may take to load before the page counts as having no editor API. */
const BRIDGE_LOAD_MS = 3000;

declare function cloneInto<T>(value: T, target: object): T;

export function pageEditorStrategy(phase: Phase): InsertStrategy {
  return {
    name: `page-editor-${phase}`,
    handles: (field) => (phase === 'first' ? !isTextField(field) || isHiddenTextField(field) : !isTextField(field)),
    async insert(field: Field, text: string): Promise<StrategyResult> {
      const win = field.ownerDocument.defaultView;
      if (!win) return { ok: false };
      const before = shownText(field);
      const reply = await askPage(field, win, text, phase);
      if (!reply) return { ok: false, stop: true };
      if (!reply.found) return { ok: false };
      if (!reply.took) return { ok: false, stop: true };
      if (field.ownerDocument.visibilityState === 'hidden') return { ok: true };
      const shown = await waitFor(win, () => showsInserted(before, shownText(field), text));
      return shown ? { ok: true } : { ok: false, stop: true };
    },
  };
}

/** The page world's answer; null when the page did not answer as the bridge would. */
function askPage(field: Field, win: Window, text: string, phase: Phase): Promise<PageEditorReply | null> {
  if (pageScriptAccess === 'waiver') {
    const world = {
      win: (win as unknown as { wrappedJSObject: PageWindow }).wrappedJSObject,
      field: (field as unknown as { wrappedJSObject: PageElement }).wrappedJSObject,
      toPage: <T extends object>(value: T): T => cloneInto(value, win),
    };
    return Promise.resolve(insertThroughPageEditor(world, text, phase));
  }
  return askThroughBridge(field, text, phase);
}

/**
 * Adds the bridge script to the field's document under a fresh channel, then
 * asks on the field. A script that never loads means no bridge (nothing was
 * asked, so the generic strategies may go on); a request without an answer
 * means the page got in the way after the editor may have inserted.
 */
async function askThroughBridge(field: Field, text: string, phase: Phase): Promise<PageEditorReply | null> {
  const doc = field.ownerDocument;
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
  if (!ready) return { found: false };
  let reply: PageEditorReply | null = null;
  const onReply = (event: Event) => {
    reply = parseReply((event as CustomEvent).detail);
  };
  field.addEventListener(replyEventOf(channel), onReply, { once: true });
  field.dispatchEvent(new CustomEvent(channel, { detail: JSON.stringify({ text, phase }), bubbles: true, composed: true }));
  field.removeEventListener(replyEventOf(channel), onReply);
  return reply;
}
