/**
 * Typed shortcuts, loaded by the content script into a frame only once a key
 * has been typed in one of its fields and the user has shortcuts that work on
 * the site, so pages where nobody types a shortcut carry none of this code.
 * It takes over the content script's typing hook and uses its insertion
 * engine (utils/page/page-hooks.ts).
 */
import type { browser as Browser } from '@wxt-dev/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { AskedEntry, PageToBackground, PageTriggers } from '../utils/messages';
import type { Field } from '../utils/page/fields';
import { ENGINE_SCRIPT, PAGE_HOOKS, PICKER_SCRIPT, type PageCaret, type PageHooks } from '../utils/page/page-hooks';
import { typedShortcuts } from '../utils/page/typed-shortcuts';

export default defineUnlistedScript(() => {
  const hooks = (globalThis as unknown as Record<string, PageHooks | undefined>)[PAGE_HOOKS];
  // Loaded twice (the site's shortcuts changed meanwhile): the first one is at work.
  if (!hooks || hooks.onTyping) return;
  const scope = globalThis as unknown as { browser?: typeof Browser; chrome: typeof Browser };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  const ask = () => {
    const request: PageToBackground = { type: 'page→background:triggers', origin: self.origin };
    return (api.runtime.sendMessage(request) as Promise<PageTriggers | undefined>).catch(() => undefined);
  };
  // An entry with blanks: the picker's form at the caret, loaded only then.
  const askFor = async (field: Field, entry: AskedEntry) => {
    try {
      await import(/* @vite-ignore */ api.runtime.getURL(`/${PICKER_SCRIPT}`));
    } catch {
      return false;
    }
    return hooks.askAtCaret?.(field, entry) ?? false;
  };
  // Editors that type through a hidden field are read through the engine's page-side adapters.
  const engine = async () => {
    await import(/* @vite-ignore */ api.runtime.getURL(`/${ENGINE_SCRIPT}`));
    return hooks.engine!;
  };
  const pageCaret: PageCaret = {
    before: (field, max) => engine().then((loaded) => loaded.pageCaret.before(field, max)),
    select: (field, typed) => engine().then((loaded) => loaded.pageCaret.select(field, typed)),
  };
  // The engine (and in Chrome the bridge, for rich editors) now, so the first expansion is as quick as the next.
  const typedIn = hooks.typedIn;
  if (typedIn) void engine().then((loaded) => loaded.prepare(typedIn), () => undefined);
  const shortcuts = typedShortcuts(ask, hooks.insert, () => hooks.composing, askFor, pageCaret);
  hooks.onTyping = shortcuts.onTyping;
  hooks.onChanged = shortcuts.forget;
  shortcuts.start(hooks.typedIn, hooks.triggers);
  hooks.triggers = null;
});
