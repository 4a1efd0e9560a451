import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type UserLibrary, addEntry, createCollection, deleteEntries, renameCollection, restoreEntries, updateEntry } from '../../core/library-edit';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/storage/library-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const { _comment, ...storedV1 } = fixture;

/** The store as a page that has just started loads it: a fresh module. */
async function freshStore() {
  vi.resetModules();
  return import('../../utils/library-store');
}

const draft = (body: string) => ({ kind: 'snippet' as const, title: '', body, path: [], tags: [] });

// The first import transforms the storage modules, which takes seconds on a busy machine.
beforeAll(() => import('../../utils/library-source'), 30_000);

describe('the stored library', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a version-1 library, keeping every entry, and stores it as version 2 only with the next change', async () => {
    await fakeBrowser.storage.local.set(storedV1);
    const store = await freshStore();
    const library = await store.readLibrary();
    const v1 = storedV1.library as { id: string; name: string; entries: object[] }[];
    expect(library.collections.map((c) => [c.id, c.name])).toEqual(v1.map((c) => [c.id, c.name]));
    expect(library.collections.map((c) => c.entries)).toEqual(v1.map((c) => c.entries));
    for (const c of library.collections) {
      expect(c.readOnly).toBe(false);
      expect(c.createdAt).toBeTypeOf('number');
      expect(c.updatedAt).toBeTypeOf('number');
    }
    // Reading never writes.
    expect(await fakeBrowser.storage.local.get(null)).toEqual(storedV1);
    await store.updateLibrary((lib) => renameCollection(lib, v1[0]!.id, '改名', 7));
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw['library$']).toEqual({ v: 2 });
    // Version 2 keeps the library as JSON text, which Chrome hands back twice as fast.
    const stored = JSON.parse(raw.library as string) as UserLibrary;
    expect(stored.collections.map((c) => c.entries)).toEqual(v1.map((c) => c.entries));
    expect(stored.collections[0]!.name).toBe('改名');
    // What else version 1 kept is untouched.
    expect(raw.favorites).toEqual(storedV1.favorites);
    expect(raw.recent).toEqual(storedV1.recent);
    expect(raw.placeholderValues).toEqual(storedV1.placeholderValues);
  });

  it('starts empty and marks its version with the first write', async () => {
    const store = await freshStore();
    expect(await store.readLibrary()).toEqual({ collections: [] });
    await store.updateLibrary((lib) => createCollection(lib, '我的模板', 1, () => 'a'));
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw['library$']).toEqual({ v: 2 });
    expect(JSON.parse(raw.library as string).collections).toHaveLength(1);
  });

  it('keeps both of two edits made at the same time from two pages', async () => {
    const store = await freshStore();
    await store.updateLibrary((lib) => createCollection(lib, '我的模板', 1, () => 'a'));
    let n = 0;
    const id = () => `e${++n}`;
    // Two pages, each applying its change to the library as it finds it.
    await Promise.all([
      store.updateLibrary((lib) => addEntry(lib, 'c-a', draft('从弹出窗口添加'), 2, id)),
      store.updateLibrary((lib) => addEntry(lib, 'c-a', draft('从侧边栏添加'), 3, id)),
      store.updateLibrary((lib) => addEntry(lib, 'c-a', draft('从管理页添加'), 4, id)),
    ]);
    const library = await store.readLibrary();
    expect(library.collections[0]!.entries.map((e) => e.body).sort()).toEqual(['从侧边栏添加', '从弹出窗口添加', '从管理页添加'].sort());
  });

  it('leaves the library as it was when storage is full, and says so', async () => {
    const store = await freshStore();
    await store.updateLibrary((lib) => createCollection(lib, '我的模板', 1, () => 'a'));
    const before = await fakeBrowser.storage.local.get(null);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.updateLibrary((lib) => addEntry(lib, 'c-a', draft('太长了'), 2))).rejects.toMatchObject({
      name: 'StoreError',
      code: 'quota',
      key: 'library',
    });
    set.mockRestore();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('refuses to write a library the schema does not accept', async () => {
    const store = await freshStore();
    await store.updateLibrary((lib) => createCollection(lib, '我的模板', 1, () => 'a'));
    const before = await fakeBrowser.storage.local.get(null);
    await expect(
      store.updateLibrary((lib) => ({ collections: [...lib.collections, { id: 'bad id with spaces', name: '', readOnly: false, entries: [] }] })),
    ).rejects.toMatchObject({ code: 'write-failed' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('reports a damaged stored library instead of handing it out, and never overwrites it', async () => {
    await fakeBrowser.storage.local.set({ library: { collections: 'not a list' }, library$: { v: 2 } });
    const store = await freshStore();
    await expect(store.readLibrary()).rejects.toMatchObject({ code: 'damaged' });
    await expect(store.updateLibrary((lib) => createCollection(lib, '新', 1))).rejects.toMatchObject({ code: 'damaged' });
    expect((await fakeBrowser.storage.local.get('library')).library).toEqual({ collections: 'not a list' });
  });

  it('will not touch a library saved by a newer version', async () => {
    await fakeBrowser.storage.local.set({ library: { collections: [], more: 1 }, library$: { v: 3 } });
    const store = await freshStore();
    await expect(store.readLibrary()).rejects.toMatchObject({ code: 'too-new' });
    expect((await fakeBrowser.storage.local.get('library')).library).toEqual({ collections: [], more: 1 });
  });

  it('undoes a delete, and an edit made in between survives the undo', async () => {
    const store = await freshStore();
    await store.updateLibrary((lib) => createCollection(lib, '我的模板', 1, () => 'a'));
    const ids = ['x', 'y', 'z'];
    for (const [i, body] of ['甲', '乙', '丙'].entries()) {
      await store.updateLibrary((lib) => addEntry(lib, 'c-a', draft(body), 2, () => ids[i]!));
    }
    const { result: removed } = await store.updateLibrary((lib) => {
      const out = deleteEntries(lib, 'c-a', ['c-a:u-y'], 3);
      return { library: out.library, result: out.removed };
    });
    await store.updateLibrary((lib) => updateEntry(lib, 'c-a', 'c-a:u-z', draft('丙（改）'), 4));
    await store.updateLibrary((lib) => restoreEntries(lib, removed!, 5));
    const library = await store.readLibrary();
    expect(library.collections[0]!.entries.map((e) => e.body)).toEqual(['甲', '乙', '丙（改）']);
  });
});

/** Everything in storage.local, as exact text: "unchanged" means byte for byte. */
const snapshot = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

const GOOD = {
  library: JSON.stringify({ collections: [{ id: 'c-1', name: '我的', readOnly: false, entries: [], createdAt: 1, updatedAt: 1 }] }),
  library$: { v: 2 },
  favorites: ['builtin:t-a'],
  favorites$: { v: 1 },
  recent: [{ id: 'builtin:t-a', at: 5 }],
  recent$: { v: 1 },
  placeholderValues: { 单位: '园区' },
  placeholderValues$: { v: 1 },
  settings: { builtins: [['builtin-phrases', false]] },
  settings$: { v: 1 },
};

describe('stored values Bixia cannot read', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['recent: {a:1}', { recent: { a: 1 } }, 'recent', 'damaged'],
    ['favorites: "x"', { favorites: 'x' }, 'favorites', 'damaged'],
    ['recent: [1,2,3]', { recent: [1, 2, 3] }, 'recent', 'damaged'],
    ['placeholderValues: [1]', { placeholderValues: [1] }, 'placeholderValues', 'damaged'],
    ['a library version mark "xx"', { library$: 'xx' }, 'library', 'damaged'],
    ['a library mark whose v is not a number', { library$: { v: '2' } }, 'library', 'damaged'],
    ['a library that is not JSON', { library: '{"collections": [' }, 'library', 'damaged'],
    ['a library of the wrong shape', { library: JSON.stringify({ collections: [{ id: 'c-1' }] }) }, 'library', 'damaged'],
    ['a library saved by a newer version', { library$: { v: 3 } }, 'library', 'too-new'],
    ['favourites saved by a newer version', { favorites$: { v: 2 } }, 'favorites', 'too-new'],
    ['a favourites mark that is a list', { favorites$: [1] }, 'favorites', 'damaged'],
    ['settings whose choices are not pairs', { settings: { builtins: ['builtin-phrases'] } }, 'settings', 'damaged'],
    ['settings saved by a newer version', { settings$: { v: 2 } }, 'settings', 'too-new'],
  ] as const)('reports %s for that key alone and leaves storage byte for byte as it was', async (_name, bad, key, code) => {
    await fakeBrowser.storage.local.set({ ...GOOD, ...bad });
    const before = await snapshot();
    vi.resetModules();
    const { readStored, STORED_KEYS } = await import('../../utils/stored');
    // The drafts key's format is defined by the module that owns it.
    await import('../../utils/drafts');
    const { loadCollections } = await import('../../utils/library-source');
    const { readPreferences } = await import('../../utils/preferences');
    const reads = await readStored(STORED_KEYS);
    for (const k of STORED_KEYS) {
      expect(reads[k].ok, k).toBe(k !== key);
    }
    expect(reads[key]).toMatchObject({ ok: false, problem: { key, code } });
    // What the popup, the side panel and the options page read when they open.
    const collections = await loadCollections();
    expect(collections.collections.map((c) => c.id)).toEqual(key === 'library' ? [] : ['c-1']);
    expect(collections.problem).toEqual(key === 'library' ? { key, code } : undefined);
    await readPreferences();
    expect(await snapshot()).toBe(before);
  });

  it('refuses a change to a key it cannot read, leaving it as it was, while other keys still change', async () => {
    await fakeBrowser.storage.local.set({ ...GOOD, favorites: 'x' });
    const { toggleFavorite, recordUse } = await import('../../utils/preferences');
    await expect(toggleFavorite('builtin:t-b')).rejects.toMatchObject({ name: 'StoreError', key: 'favorites', code: 'damaged' });
    expect((await fakeBrowser.storage.local.get('favorites')).favorites).toBe('x');
    expect(await recordUse('builtin:t-b', 9)).toEqual([
      { id: 'builtin:t-b', at: 9 },
      { id: 'builtin:t-a', at: 5 },
    ]);
  });

  it('resets one key to its empty value and leaves every other key untouched', async () => {
    await fakeBrowser.storage.local.set({ ...GOOD, recent: { a: 1 }, library$: 'xx' });
    const { resetStored, readStored } = await import('../../utils/stored');
    const before = await fakeBrowser.storage.local.get(null);
    await resetStored('recent');
    const after = await fakeBrowser.storage.local.get(null);
    expect(after.recent).toEqual([]);
    expect(after.recent$).toEqual({ v: 1 });
    const { recent, recent$, ...others } = after;
    const { recent: _r, recent$: _m, ...othersBefore } = before;
    expect(JSON.stringify(others)).toBe(JSON.stringify(othersBefore));
    expect((await readStored(['recent'])).recent).toMatchObject({ ok: true, value: [] });

    await resetStored('library');
    const reset = await fakeBrowser.storage.local.get(null);
    expect(reset.library$).toEqual({ v: 2 });
    expect((await readStored(['library'])).library).toMatchObject({ ok: true, value: { collections: [] } });
    expect(reset.favorites).toEqual(GOOD.favorites);
    expect(reset.placeholderValues).toEqual(GOOD.placeholderValues);
  });

  it('tells a watching page when a key is damaged and when it is reset', async () => {
    await fakeBrowser.storage.local.set(GOOD);
    const { resetStored, watchStored } = await import('../../utils/stored');
    const seen: unknown[] = [];
    const stop = watchStored('favorites', (read) => seen.push(read.ok ? read.value : read.problem.code));
    await fakeBrowser.storage.local.set({ favorites: 'x' });
    await vi.waitFor(() => expect(seen).toEqual(['damaged']));
    await resetStored('favorites');
    await vi.waitFor(() => expect(seen).toEqual(['damaged', []]));
    stop();
  });
});

describe('storage locks', () => {
  it('takes several locks in one order, so changes naming them in opposite orders never wait on each other', async () => {
    const { withStorageLocks } = await import('../../utils/storage-lock');
    const done: string[] = [];
    await Promise.all([
      withStorageLocks(['recent', 'library'], async () => void done.push('first')),
      withStorageLocks(['library', 'recent'], async () => void done.push('second')),
      withStorageLocks(['recent'], async () => void done.push('third')),
    ]);
    expect(done.sort()).toEqual(['first', 'second', 'third']);
  });
});
