import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SyncArea } from '../../core/sync/round';
import { readStored, updateStored } from '../../utils/stored';
import { runSyncRound, syncState } from '../../utils/sync';

/** The sync area as the browser keeps it, shared by the "devices" the test plays one after the other. */
function sharedArea(): SyncArea & { items: Record<string, unknown>; onRead?: () => Promise<void> } {
  const items: Record<string, unknown> = {};
  const area = {
    items,
    onRead: undefined as (() => Promise<void>) | undefined,
    async get() {
      await area.onRead?.();
      return structuredClone(items);
    },
    async set(changes: Record<string, unknown>) {
      Object.assign(items, structuredClone(changes));
    },
    async remove(keys: string[]) {
      for (const key of keys) delete items[key];
    },
  };
  return area;
}

const mine = {
  id: 'c-mine',
  name: '我的材料',
  readOnly: false,
  entries: [{ id: 'c-mine:1', kind: 'snippet' as const, title: '学用结合不紧', body: '学用结合不紧。', path: ['存在的问题'], tags: [] }],
};

describe('sync on this device', () => {
  beforeEach(() => fakeBrowser.reset());

  it("brings another device's favourites and collection in, and keeps its own", async () => {
    const area = sharedArea();
    await updateStored(['favorites', 'library'], () => ({ write: { favorites: ['a'], library: { collections: [mine] } } }));
    expect((await runSyncRound(area, 1000)).status).toBe('synced');
    expect(await syncState.getValue()).not.toBeNull();
    // Another browser: its own storage, its own state.
    fakeBrowser.reset();
    await updateStored(['favorites'], () => ({ write: { favorites: ['b'] } }));
    const outcome = await runSyncRound(area, 2000);
    expect(outcome.status).toBe('synced');
    const stored = await readStored(['favorites', 'library']);
    expect(stored.favorites).toMatchObject({ ok: true, value: ['a', 'b'] });
    expect(stored.library.ok && stored.library.value.collections.map((c) => c.id)).toEqual(['c-mine']);
  });

  it('touches neither side when a synced key cannot be read', async () => {
    const area = sharedArea();
    await fakeBrowser.storage.local.set({ library: 'damaged', library$: { v: 2 } });
    expect(await runSyncRound(area, 1000)).toEqual({ status: 'unreadable', key: 'library' });
    expect(area.items).toEqual({});
    expect(await fakeBrowser.storage.local.get('library')).toEqual({ library: 'damaged' });
  });

  it('applies nothing when the user changed something while the round ran', async () => {
    const area = sharedArea();
    await updateStored(['favorites'], () => ({ write: { favorites: ['a'] } }));
    await runSyncRound(area, 1000);
    fakeBrowser.reset();
    await updateStored(['favorites'], () => ({ write: { favorites: ['b'] } }));
    area.onRead = async () => void (await updateStored(['favorites'], () => ({ write: { favorites: ['b', 'c'] } })));
    expect(await runSyncRound(area, 2000)).toEqual({ status: 'changed-meanwhile' });
    expect((await readStored(['favorites'])).favorites).toMatchObject({ ok: true, value: ['b', 'c'] });
    // The next round takes the change in.
    area.onRead = undefined;
    expect((await runSyncRound(area, 3000)).status).toBe('synced');
    expect((await readStored(['favorites'])).favorites).toMatchObject({ ok: true, value: ['a', 'b', 'c'] });
  });
});
