/**
 * The welcome page, shown once per profile. `runtime.onInstalled` says
 * `install` more often than a user installs: Firefox installs a temporary
 * add-on anew at every start, with its storage kept. So a flag in
 * storage.local records that the page was shown, and only its absence opens it.
 *
 * The flag is a plain key, not one of utils/stored.ts's typed keys: it has no
 * schema to migrate, no page reads it, and backups and resets, which name
 * their keys, leave it alone (docs/library-format.md, "Storage").
 */
export const WELCOME_SHOWN_KEY = 'welcomeShown';
export const WELCOME_PAGE = '/welcome.html';

/** The slice of the extension API this needs, so a unit test can hand in a fake. */
export interface WelcomeApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: { getURL(path: typeof WELCOME_PAGE): string };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens the welcome page unless it was shown before. The flag is set before the tab opens, and
 * calls run one after another, so two events at once open one tab.
 */
export function showWelcomeOnce(api: WelcomeApi): Promise<boolean> {
  const run = queue.then(async () => {
    const stored = await api.storage.local.get(WELCOME_SHOWN_KEY);
    if (stored[WELCOME_SHOWN_KEY] !== undefined) return false;
    await api.storage.local.set({ [WELCOME_SHOWN_KEY]: Date.now() });
    await api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE) });
    return true;
  });
  queue = run.catch(() => undefined);
  return run;
}
