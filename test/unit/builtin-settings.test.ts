import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The first import transforms the storage modules, which takes seconds on a busy machine.
beforeAll(() => import('../../utils/library-source'), 30_000);

/** The modules as a page that has just started loads them. */
async function fresh() {
  vi.resetModules();
  const source = await import('../../utils/library-source');
  const preferences = await import('../../utils/preferences');
  return { ...source, ...preferences };
}

describe('which built-in collections show', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows each as its default says until the user chooses', async () => {
    const { readPreferences, shownBuiltins, builtinCollections, loadBuiltinCollections } = await fresh();
    const { settings } = await readPreferences();
    expect(settings).toMatchObject({ ok: true, value: { builtins: [] } });
    const all = await loadBuiltinCollections();
    expect(all.map((c) => c.id)).toEqual(builtinCollections.map((c) => c.id));
    expect(shownBuiltins(settings.ok ? settings.value : { builtins: [] }, all).map((c) => c.id)).toEqual(builtinCollections.map((c) => c.id));
  });

  it('keeps a choice across a restart, and changes only the collection chosen', async () => {
    const first = await fresh();
    await first.setBuiltinShown('builtin-phrases', false);
    await first.setBuiltinShown('builtin-piping', false);
    await first.setBuiltinShown('builtin-piping', true);
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { builtins: [['builtin-phrases', false], ['builtin-piping', true]] },
      settings$: { v: 1 },
    });
    const again = await fresh();
    const { settings } = await again.readPreferences();
    if (!settings.ok) throw new Error('settings unreadable');
    const ids = again.shownBuiltins(settings.value, await again.loadBuiltinCollections()).map((c) => c.id);
    expect(ids).not.toContain('builtin-phrases');
    expect(ids).toContain('builtin-piping');
    expect(ids[0]).toBe('builtin');
  });

  it('hides the model report too, when the user asks', async () => {
    const { setBuiltinShown, isBuiltinShown } = await fresh();
    const settings = await setBuiltinShown('builtin', false);
    expect(isBuiltinShown(settings, 'builtin')).toBe(false);
    expect(isBuiltinShown(settings, 'builtin-phrases')).toBe(true);
  });

  it('never overwrites settings it cannot read', async () => {
    await fakeBrowser.storage.local.set({ settings: { builtins: 'all' }, settings$: { v: 1 } });
    const { setBuiltinShown, readPreferences } = await fresh();
    await expect(setBuiltinShown('builtin-phrases', false)).rejects.toMatchObject({ name: 'StoreError', key: 'settings', code: 'damaged' });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ builtins: 'all' });
    expect((await readPreferences()).settings).toMatchObject({ ok: false, problem: { key: 'settings', code: 'damaged' } });
  });
});
