import { describe, expect, it } from 'vitest';
import { WELCOME_PAGE, WELCOME_SHOWN_KEY, type WelcomeApi, showWelcomeOnce } from '../../utils/welcome';

function fakeApi(initial: Record<string, unknown> = {}) {
  const store: Record<string, unknown> = { ...initial };
  const opened: string[] = [];
  const api: WelcomeApi = {
    storage: {
      local: {
        get: async (key) => (key in store ? { [key]: store[key] } : {}),
        set: async (items) => void Object.assign(store, items),
      },
    },
    tabs: { create: async ({ url }) => void opened.push(url) },
    runtime: { getURL: (path) => `chrome-extension://bixia${path}` },
  };
  return { api, store, opened };
}

describe('showWelcomeOnce', () => {
  it('opens the welcome page on the first install and records it', async () => {
    const { api, store, opened } = fakeApi();
    expect(await showWelcomeOnce(api)).toBe(true);
    expect(opened).toEqual([`chrome-extension://bixia${WELCOME_PAGE}`]);
    expect(typeof store[WELCOME_SHOWN_KEY]).toBe('number');
  });

  it('does not open it again: a later install event (Firefox restarting a temporary add-on) or an update', async () => {
    const { api, opened } = fakeApi();
    await showWelcomeOnce(api);
    expect(await showWelcomeOnce(api)).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it('opens one tab for two events at once', async () => {
    const { api, opened } = fakeApi();
    const answers = await Promise.all([showWelcomeOnce(api), showWelcomeOnce(api)]);
    expect(answers.sort()).toEqual([false, true]);
    expect(opened).toHaveLength(1);
  });

  it('leaves a profile that saw it alone, and keeps working after a failed call', async () => {
    const seen = fakeApi({ [WELCOME_SHOWN_KEY]: 1 });
    expect(await showWelcomeOnce(seen.api)).toBe(false);
    expect(seen.opened).toEqual([]);
    const broken = fakeApi();
    broken.api.storage.local.get = async () => {
      throw new Error('storage unavailable');
    };
    await expect(showWelcomeOnce(broken.api)).rejects.toThrow('storage unavailable');
    const fresh = fakeApi();
    expect(await showWelcomeOnce(fresh.api)).toBe(true);
  });
});
