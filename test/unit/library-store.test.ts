import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addEntry, createCollection, deleteEntries, restoreEntries, updateEntry } from '../../core/library-edit';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/storage/library-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const { _comment, ...storedV1 } = fixture;

/** The store as a page that has just started loads it: a fresh module, which runs the migrations. */
async function freshStore() {
  vi.resetModules();
  return import('../../utils/library-store');
}

const draft = (body: string) => ({ kind: 'snippet' as const, title: '', body, path: [], tags: [] });

describe('the stored library', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates a version-1 library on the first read after an update, keeping every entry', async () => {
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
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw['library$']).toEqual({ v: 2 });
    // Version 2 keeps the library as JSON text, which Chrome hands back twice as fast.
    expect(JSON.parse(raw.library as string)).toEqual(library);
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
      name: 'LibraryStoreError',
      code: 'quota',
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
    await expect(store.updateLibrary((lib) => lib)).rejects.toMatchObject({ code: 'damaged' });
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
