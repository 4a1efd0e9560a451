/**
 * The popup's first screen, before the popup's code has loaded (a classic script at the end of
 * popup.html, a few hundred bytes): shows the screen rendered for the locale the browser picked
 * (scripts/first-screen-plugin.ts), focuses the search box, keeps the keys that act on the list
 * until the popup takes over (entrypoints/popup/early-keys.ts), and marks the popup ready once
 * storage confirms that the rows shown are the rows the popup will show.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BUILTIN_COLLECTION_ID } from '../core/builtin-ids';
import { earlyKeyOf, keepEarlyKeys } from './popup/early-keys';

interface Api {
  i18n: { getMessage(key: string): string };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

const isEmptyList = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

/** No favourite and no recent use reorder the list, and the model report's collection is not hidden. */
function rowsAreFinal(stored: Record<string, unknown>): boolean {
  const settings = stored.settings as { builtins?: unknown } | undefined;
  const choices = settings?.builtins;
  const seedShown = settings === undefined || (Array.isArray(choices) && !choices.some((c) => Array.isArray(c) && c[0] === BUILTIN_COLLECTION_ID && c[1] !== true));
  return isEmptyList(stored.favorites) && isEmptyList(stored.recent) && seedShown;
}

export default defineUnlistedScript(() => {
  const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome)!;
  const app = document.getElementById('app');
  if (!app) return;
  const locale = api.i18n.getMessage('uiLocale');
  if (app.dataset.locale !== locale) {
    const screen = document.getElementById(`first-screen-${locale}`) as HTMLTemplateElement | null;
    if (screen) {
      app.replaceChildren(screen.content.cloneNode(true));
      app.dataset.locale = locale;
    } else {
      // A locale with no screen rendered: the popup renders its own.
      app.replaceChildren();
      delete app.dataset.locale;
      return;
    }
  }
  document.documentElement.lang = locale.replace('_', '-');
  document.title = api.i18n.getMessage('appName');
  document.getElementById('search-input')?.focus();

  const keep = keepEarlyKeys();
  const onKeyDown = (event: KeyboardEvent) => {
    const key = earlyKeyOf(event);
    if (!key) return;
    if (keep(key)) event.preventDefault();
    else document.removeEventListener('keydown', onKeyDown, true);
  };
  document.addEventListener('keydown', onKeyDown, true);

  void api.storage.local.get(['favorites', 'recent', 'settings']).then((stored) => {
    if (!rowsAreFinal(stored)) return;
    // After the frame that shows them, as the popup's own mark.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (performance.getEntriesByName('bixia-ready').length === 0) performance.mark('bixia-ready');
      }),
    );
  });
});
