/**
 * The content script. It runs in every frame of every page, so it stays small
 * and idle: it only listens for focus on editable fields, for keys typed in
 * them (typed shortcuts, utils/page/typed-shortcuts.ts) and for requests from
 * the background. Nothing else happens until the user acts; even the insertion
 * engine comes into the frame only when something is to be inserted there.
 *
 * Until the user's first key or pointer in the frame, or the window's first
 * blur, only a stub listens, on the window: even touching `document` makes the browser build
 * the DOM's bindings in the extension's world, about 19 KB of heap on every
 * page (npm run bench); the rest of this script is then parsed but never
 * compiled on pages where nobody acts.
 *
 * It is built as an unlisted script and declared in wxt.config.ts, rather than
 * with defineContentScript, because WXT's content-script wrapper announces
 * itself to every page with window.postMessage and a DOM event: work, and a
 * trace, that every page would pay for.
 */
import type { browser as Browser } from '@wxt-dev/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type BackgroundToPage, type InsertResult, type PageToBackground, isMessage } from '../utils/messages';
import { WATCHED_EVENTS, type FocusWatch, rememberFocus, restoreSelection } from '../utils/page/focus-memory';
import { fieldOf, focusField } from '../utils/page/fields';
import { ENGINE_SCRIPT, NOTICE_SCRIPT, PAGE_HOOKS, PICKER_SCRIPT, SELECTION_SCRIPT, SHORTCUT_SCRIPT, type PageHooks } from '../utils/page/page-hooks';

type InsertRequest = Extract<BackgroundToPage, { type: 'background→page:insert' }>;

/**
 * The extension API, looked up only once the user focuses a field: the first
 * touch of `runtime` makes the browser build its bindings, which costs every
 * page about 2 ms of script time (measured by npm run bench).
 */
function extensionApi(): typeof Browser {
  const scope = globalThis as unknown as { browser?: typeof Browser; chrome: typeof Browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

export default defineUnlistedScript(() => {
  // The stub: the first event of the user's it hears starts the script, which then listens for
  // itself. Focus moving before any key or pointer is no choice (utils/page/focus-memory.ts).
  const first = (event: Event) => {
    if (!event.isTrusted || event.type === 'focusin' || event.type === 'focusout') return;
    for (const type of WATCHED_EVENTS) removeEventListener(type, first, true);
    removeEventListener('blur', first);
    start().handle(event);
  };
  for (const type of WATCHED_EVENTS) addEventListener(type, first, true);
  addEventListener('blur', first);
});

function start(): FocusWatch {
  const focused: PageToBackground = { type: 'page→background:field-focused' };
  let listening = false;
  const listen = () => {
    const api = extensionApi();
    if (!listening) {
      listening = true;
      api.runtime.onMessage.addListener(onMessage);
    }
    return api;
  };
  /** Runs one of the extension's scripts in this frame's isolated world (utils/page/page-hooks.ts). */
  const load = (file: string) => import(/* @vite-ignore */ listen().runtime.getURL(`/${file}`));
  // Typed shortcuts: the first key typed in a field asks the background for the site's table,
  // and the matcher comes into this frame only when the user has shortcuts that work on it.
  // The insertion engine comes into the frame the first time it is needed.
  const engine = () => load(ENGINE_SCRIPT).then(() => hooks.engine!);
  const hooks: PageHooks = {
    insert: (field, text, options) => engine().then((loaded) => loaded.insert(field, text, options)),
    get memory() {
      return memory;
    },
    typedIn: null,
    triggers: null,
    composing: false,
    field: () => memory.field(),
    giveBack() {
      const field = memory.field();
      if (!field) return;
      focusField(field);
      restoreSelection(field, memory.savedSelection());
    },
    insertHere: (text) => engine().then((loaded) => loaded.insertRemembered(text, false)),
  };
  (globalThis as unknown as Record<string, PageHooks>)[PAGE_HOOKS] = hooks;
  let told = false;
  const onTyping = (event: Event) => {
    // Only the browser's own events say whether an input method composes: a page's fake
    // compositionend must not end a composition the user is still in.
    if (!event.isTrusted) return;
    hooks.composing = event.type === 'beforeinput' && (event as InputEvent).isComposing;
    if (hooks.onTyping) return hooks.onTyping(event);
    const field = fieldOf(event.composedPath()[0] ?? event.target);
    if (!field) return;
    hooks.typedIn = field;
    if (told) return;
    told = true;
    const typing: PageToBackground = { type: 'page→background:typing', origin: self.origin };
    void (listen().runtime.sendMessage(typing) as Promise<PageHooks['triggers'] | undefined>)
      .then((table) => {
        if (!table) return;
        hooks.triggers = table;
        // The engine on its way beside the matcher: the first expansion needs both.
        void engine().catch(() => undefined);
        return load(SHORTCUT_SCRIPT);
      })
      .catch(() => (told = false));
  };
  const memory = rememberFocus(document, () => void listen().runtime.sendMessage(focused).catch(() => undefined), undefined, onTyping);
  return memory;

  function onMessage(message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): true | undefined {
    if (isMessage(message, 'background→page:triggers-changed')) {
      // Shortcuts may have been added for this site: the next key asks again.
      told = false;
      hooks.triggers = null;
      return void hooks.onChanged?.();
    }
    if (isMessage(message, 'background→page:selection')) {
      void load(SELECTION_SCRIPT)
        .then(() => hooks.selection?.() ?? null)
        .then(sendResponse, () => sendResponse(null));
      return true;
    }
    if (isMessage(message, 'background→page:open-picker')) {
      const field = memory.field();
      // Only where the user is writing: a frame whose field has gone, or lost the focus, stays silent.
      if (!field?.isConnected || !document.hasFocus()) return undefined;
      void load(PICKER_SCRIPT)
        .then(() => hooks.openPicker?.())
        .then(() => sendResponse(true), () => sendResponse(false));
      return true;
    }
    if (isMessage<Extract<BackgroundToPage, { type: 'background→page:probe' }>>(message, 'background→page:probe')) {
      void engine()
        .then((loaded) => loaded.probe(message.text))
        .then(sendResponse, () => sendResponse({ ok: false, reason: 'refused' }));
      return true;
    }
    if (isMessage<InsertRequest>(message, 'background→page:insert')) {
      const failed: InsertResult = { status: 'failed', reason: 'refused' };
      void engine()
        .then((loaded) => loaded.insertRemembered(message.text, message.waitForFocus), () => failed)
        .then(async (result) => {
          // After the popup has closed, the page is the only place left to say what happened.
          if (message.notices && (result.status === 'truncated' || result.status === 'failed')) {
            await load(NOTICE_SCRIPT)
              .then(() => hooks.tellUser?.(result, message.text, message.notices!))
              .catch(() => undefined);
          }
          sendResponse(result);
        });
      // Keeps the channel open for the asynchronous answer (Chrome and Firefox alike).
      return true;
    }
    return undefined;
  }
}
