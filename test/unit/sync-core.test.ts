import { describe, expect, it } from 'vitest';
import { type SyncedValues, factsOf, syncGroups, valuesOf } from '../../core/sync/facts';
import { checkPolicy } from '../../core/sync/managed';
import { type SyncState, syncRound } from '../../core/sync/round';
import { SHARDS, SYNC_LIMITS, itemBytes, itemChanges, packReplica, packedSize, planSync, shardOf, unpackItems } from '../../core/sync/pack';
import { type Replica, canonicalJson, liveFacts, mergeReplicas, pruneTombstones, recordChanges, wins } from '../../core/sync/replica';

const DAY = 86_400_000;

describe('sync records: dated facts that merge one by one', () => {
  it('writes a value the same whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: '表率' }] })).toBe(canonicalJson({ a: [{ x: '表率', y: 2 }], b: 1 }));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('dates only what changed, and makes a deleted fact a tombstone', () => {
    const first = recordChanges({}, { 'fav:a': true, 'value:单位': '某单位' }, 1000, 'home');
    expect(first['fav:a']).toEqual({ at: 1000, by: 'home', value: true });
    const second = recordChanges(first, { 'fav:a': true, 'value:单位': '另一单位' }, 2000, 'home');
    expect(second['fav:a']!.at, 'unchanged: keeps its time').toBe(1000);
    expect(second['value:单位']).toEqual({ at: 2000, by: 'home', value: '另一单位' });
    const third = recordChanges(second, { 'value:单位': '另一单位' }, 3000, 'home');
    expect(third['fav:a']).toEqual({ at: 3000, by: 'home', gone: true });
    expect(liveFacts(third)).toEqual({ 'value:单位': '另一单位' });
    // A clock set back still makes the change win over the record it replaces.
    const skewed = recordChanges(third, { 'value:单位': '第三' }, 500, 'home');
    expect(skewed['value:单位']!.at).toBe(2001);
  });

  it('merges two devices fact by fact, the later change winning, the same in either order', () => {
    const base = recordChanges({}, { 'fav:a': true, 'fav:b': true, 'value:姓名': '张某' }, 1000, 'office');
    // Offline, each device changes something; both change 姓名, home later.
    const office = recordChanges(base, { 'fav:a': true, 'fav:b': true, 'fav:c': true, 'value:姓名': '王某' }, 2000, 'office');
    const home = recordChanges(base, { 'fav:a': true, 'value:姓名': '李某' }, 3000, 'home');
    const merged = mergeReplicas(office, home);
    expect(mergeReplicas(home, office)).toEqual(merged);
    expect(liveFacts(merged)).toEqual({ 'fav:a': true, 'fav:c': true, 'value:姓名': '李某' });
  });

  it('does not bring back a fact deleted on one device from another that still has it', () => {
    const base = recordChanges({}, { 'fav:a': true }, 1000, 'office');
    const deleted = recordChanges(base, {}, 2000, 'home');
    // The office never touched it: its record is still the old one, which loses.
    expect(liveFacts(mergeReplicas(base, deleted))).toEqual({});
    // Merged again later, by either side, it stays deleted.
    const office = recordChanges(mergeReplicas(base, deleted), {}, 5000, 'office');
    expect(liveFacts(mergeReplicas(office, base))).toEqual({});
    // An edit made after the deletion is a new fact, and wins.
    const readded = recordChanges(office, { 'fav:a': true }, 6000, 'office');
    expect(liveFacts(mergeReplicas(readded, deleted))).toEqual({ 'fav:a': true });
  });

  it('breaks a tie on the same millisecond the same way everywhere, a deletion last', () => {
    expect(wins({ at: 5, by: 'b', value: 1 }, { at: 5, by: 'a', value: 2 })).toBe(true);
    expect(wins({ at: 5, by: 'a', value: 2 }, { at: 5, by: 'b', value: 1 })).toBe(false);
    expect(wins({ at: 5, by: 'a', gone: true }, { at: 5, by: 'a', value: 1 })).toBe(true);
  });

  it('drops tombstones once they are old, never a live fact', () => {
    const replica: Replica = { old: { at: 0, by: 'a', gone: true }, fresh: { at: 200 * DAY, by: 'a', gone: true }, live: { at: 0, by: 'a', value: 1 } };
    expect(Object.keys(pruneTombstones(replica, 200 * DAY)).sort()).toEqual(['fresh', 'live']);
  });
});

/** Text that does not compress: what a large user collection costs at worst. */
function noise(length: number, seed: number): string {
  let x = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    text += String.fromCharCode(0x4e00 + (x % 2000));
  }
  return text;
}

describe('sync items: shards, compressed, in chunks within the quota', () => {
  const facts = (count: number, at = 1000) => {
    const replica: Replica = {};
    for (let i = 0; i < count; i++) replica[`entry:c1/${i}`] = { at, by: 'office', value: { title: `第${i}条`, body: `加强理论学习，提高政治站位，第${i}条。` } };
    return replica;
  };

  it('reads back what it wrote, every item within the per-item quota', async () => {
    const replica: Replica = { ...facts(1500), 'fav:x': { at: 9, by: 'home', gone: true } };
    const items = await packReplica(replica);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_LIMITS.itemBytes);
    expect(Object.keys(items).filter((key) => key !== 'root').length).toBeGreaterThanOrEqual(SHARDS);
    const back = await unpackItems(items);
    expect(back).toEqual({ replica, unsettled: [], newer: false });
    expect(await unpackItems({})).toEqual({ replica: {}, unsettled: [], newer: false });
  });

  it('rewrites only the shard of a changed fact, and the root', async () => {
    const before = facts(1500);
    const after = { ...before, 'entry:c1/7': { at: 2000, by: 'home', value: { title: '改过', body: '改过的正文。' } } };
    const stored = await packReplica(before);
    const { set, remove } = itemChanges(stored, await packReplica(after));
    const shard = shardOf('entry:c1/7');
    expect(Object.keys(set).every((key) => key === 'root' || key.startsWith(`s${shard}.`))).toBe(true);
    expect(set.root).toBeDefined();
    expect(remove).toEqual([]);
    // Fewer chunks than before: the extra ones go.
    const smaller = await packReplica({ 'fav:a': { at: 1, by: 'a', value: true } });
    expect(itemChanges(stored, smaller).remove.length).toBeGreaterThan(0);
    expect(itemChanges(stored, smaller).remove).not.toContain('root');
  });

  it('leaves out a shard whose chunks do not match the root (another device half way through writing), reading the rest', async () => {
    const replica = facts(300);
    const items = await packReplica(replica);
    const shard = shardOf('entry:c1/0');
    const torn = { ...items, [`s${shard}.0`]: (await packReplica({ 'x': { at: 1, by: 'a', value: 1 } }))[`s${shardOf('x')}.0`] };
    const back = await unpackItems(torn);
    expect(back.unsettled).toEqual([shard]);
    expect(back.replica['entry:c1/0']).toBeUndefined();
    expect(Object.keys(back.replica).length).toBeGreaterThan(200);
    // A root of a newer format is not read at all.
    expect((await unpackItems({ ...items, root: { v: 99, shards: {} } })).newer).toBe(true);
  });

  it('syncs what fits, in order, and names what does not', async () => {
    const group = (id: string, size: number, seed: number) => ({ id, facts: { [`${id}:body`]: { at: 1, by: 'a', value: noise(size, seed) } } as Replica });
    const plan = await planSync([group('settings', 200, 1), group('big-collection', 60_000, 2), group('mine', 5_000, 3)]);
    expect(plan.synced).toEqual(['settings', 'mine']);
    expect(plan.left).toEqual(['big-collection']);
    expect(plan.bytes).toBe(packedSize(plan.items).bytes);
    expect(plan.bytes).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
    const back = await unpackItems(plan.items);
    expect(Object.keys(back.replica).sort()).toEqual(['mine:body', 'settings:body']);
  });

  it('two devices sharing the items merge their edits without loss', async () => {
    const base = recordChanges({}, { 'fav:a': true, 'value:单位': '某单位' }, 1000, 'office');
    let cloud = await packReplica(base);
    // Each device reads the cloud, changes something, merges what it reads, writes.
    const sync = async (local: Replica, device: string, facts: Record<string, unknown>, now: number) => {
      const changed = recordChanges(local, facts, now, device);
      const merged = mergeReplicas(changed, (await unpackItems(cloud)).replica);
      const next = await packReplica(merged);
      const { set, remove } = itemChanges(cloud, next);
      cloud = { ...cloud, ...set };
      for (const key of remove) delete cloud[key];
      return merged;
    };
    const office = await sync(base, 'office', { 'fav:a': true, 'fav:b': true, 'value:单位': '某单位' }, 2000);
    const home = await sync(base, 'home', { 'value:单位': '新单位' }, 3000);
    expect(liveFacts(home)).toEqual({ 'fav:b': true, 'value:单位': '新单位' });
    const officeAgain = mergeReplicas(office, (await unpackItems(cloud)).replica);
    expect(liveFacts(officeAgain)).toEqual(liveFacts(home));
  });
});

describe('what a writer syncs, as facts and back', () => {
  const entry = (id: string, title: string) => ({ id, kind: 'snippet' as const, title, body: `${title}。`, path: ['存在的问题'], tags: [] });
  const values = (): SyncedValues => ({
    library: { collections: [{ id: 'c-mine', name: '我的材料', readOnly: false, createdAt: 5, entries: [entry('c-mine:2', '学得不深'), entry('c-mine:1', '用得不实')] }] },
    favorites: ['b', 'a'],
    recent: [{ id: 'x', at: 30 }, { id: 'y', at: 20 }],
    placeholderValues: { 单位: '某单位' },
    settings: { builtins: [['builtin:a', false]] },
    triggers: { rows: [{ entryId: 'c-mine:1', trigger: ';yd' }, { entryId: 'x', trigger: '//表率' }], enabled: false, offSites: ['oa.example.cn'] },
  });

  it('gives back what it was made of', () => {
    expect(valuesOf(recordChanges({}, factsOf(values()), 1, 'home'), 20)).toEqual(values());
  });

  it('keeps favourites and entries added on two devices, each list in a sensible order', () => {
    const base = recordChanges({}, factsOf(values()), 1, 'base');
    const home = values();
    home.favorites.push('c');
    home.library.collections[0]!.entries.push(entry('c-mine:3', '在家加的'));
    const office = values();
    office.favorites.push('d');
    office.library.collections[0]!.entries.unshift(entry('c-mine:4', '单位加的'));
    const merged = mergeReplicas(recordChanges(base, factsOf(home), 10, 'home'), recordChanges(base, factsOf(office), 20, 'office'));
    const got = valuesOf(merged, 20);
    expect(got.favorites).toEqual(['b', 'a', 'c', 'd']);
    // The office's order won (the later), and the entry it does not name follows.
    expect(got.library.collections[0]!.entries.map((e) => e.id)).toEqual(['c-mine:4', 'c-mine:2', 'c-mine:1', 'c-mine:3']);
  });

  it('groups what sync takes whole: settings first, collections smallest first', () => {
    const more = values();
    more.library.collections.push({ id: 'c-big', name: '大', readOnly: false, entries: Array.from({ length: 30 }, (_, i) => entry(`c-big:${i}`, `第${i}条`)) });
    const groups = syncGroups(recordChanges({}, factsOf(more), 1, 'home'));
    expect(groups.map((group) => group.id)).toEqual(['settings', 'favorites', 'recent', 'values', 'collection:c-mine', 'collection:c-big']);
    expect(Object.keys(groups[4]!.facts)).toHaveLength(3);
  });
});

describe("an organisation's policy, checked like an import", () => {
  const library = (id: string, entryIds: string[]) => ({
    format: 'bixia-library',
    version: 1,
    collections: [{ id, name: '支部统一模板', readOnly: false, entries: entryIds.map((entryId) => ({ id: entryId, kind: 'snippet', title: '示例短语', body: '示例短语正文。', path: [], tags: [] })) }],
  });

  it('reads nothing from no policy, and refuses one that is not an object', () => {
    expect(checkPolicy(undefined)).toEqual({ policy: null, problems: [] });
    expect(checkPolicy({})).toEqual({ policy: null, problems: [] });
    expect(checkPolicy('x').problems).toEqual([{ where: 'policy', problem: 'not-object' }]);
  });

  it('takes libraries as JSON text (Chrome) or as objects (Firefox), read-only, under the organisation\'s name', () => {
    const { policy, problems } = checkPolicy({
      organizationName: ' 某机关党委 ',
      libraries: [JSON.stringify(library('c-org1', ['c-org1:1'])), library('c-org2', ['c-org2:1'])],
      builtinCollections: { 'builtin:report': false },
      syncAllowed: false,
    });
    expect(problems).toEqual([]);
    expect(policy!.name).toBe('某机关党委');
    expect(policy!.collections.map((c) => [c.id, c.readOnly])).toEqual([['c-org1', true], ['c-org2', true]]);
    expect(policy!.builtins).toEqual([['builtin:report', false]]);
    expect(policy!.syncAllowed).toBe(false);
  });

  it('names each bad part and keeps the rest', () => {
    const { policy, problems } = checkPolicy({
      organizationName: '某机关党委',
      libraries: ['{not json', 42, library('c-org1', ['c-org1:1']), library('c-org3', ['c-org1:1'])],
      syncAllowed: 'no',
    });
    expect(problems).toEqual([
      { where: 'library', index: 0, problem: 'invalid', error: { code: 'not-json' } },
      { where: 'library', index: 1, problem: 'not-text-or-object' },
      { where: 'library', index: 3, problem: 'duplicate-id', id: 'c-org1:1' },
      { where: 'syncAllowed', problem: 'not-boolean' },
    ]);
    expect(policy!.collections.map((c) => c.id)).toEqual(['c-org1']);
    // Without a name to show them under, libraries are not shown.
    const unnamed = checkPolicy({ libraries: [library('c-org1', ['c-org1:1'])] });
    expect(unnamed.problems).toEqual([{ where: 'organizationName', problem: 'missing' }]);
    expect(unnamed.policy!.collections).toEqual([]);
  });
});

describe('a round of sync between devices sharing one sync area', () => {
  /** The sync area as the browser keeps it, shared by the devices; `fail` makes its next write throw as a quota would. */
  const sharedArea = () => {
    const items: Record<string, unknown> = {};
    const area = {
      items,
      writes: 0,
      fail: '',
      async get() {
        return structuredClone(items);
      },
      async set(changes: Record<string, unknown>) {
        if (area.fail) throw new Error(area.fail);
        area.writes += 1;
        Object.assign(items, structuredClone(changes));
      },
      async remove(keys: string[]) {
        for (const key of keys) delete items[key];
      },
    };
    return area;
  };
  const empty = (): SyncedValues => ({
    library: { collections: [] },
    favorites: [],
    recent: [],
    placeholderValues: {},
    settings: { builtins: [] },
    triggers: { rows: [], enabled: true, offSites: [] },
  });
  const run = async (state: SyncState, local: SyncedValues, area: ReturnType<typeof sharedArea>, now: number) => {
    const outcome = await syncRound(state, local, area, now, 20);
    if (outcome.status !== 'synced') throw new Error(`round: ${outcome.status}`);
    return outcome;
  };

  it("a new device keeps what the others share over its own defaults, and adds what only it has", async () => {
    const area = sharedArea();
    const office = { ...empty(), favorites: ['a'], triggers: { rows: [], enabled: false, offSites: [] } };
    const first = await run({ device: 'office', replica: null }, office, area, 1000);
    expect(first.values).toBeNull();
    expect(area.writes).toBeGreaterThan(0);
    const home = { ...empty(), favorites: ['h'] };
    const joined = await run({ device: 'home', replica: null }, home, area, 2000);
    expect(joined.values!.triggers.enabled, "the office's switch, not the new browser's default").toBe(false);
    expect(joined.values!.favorites).toEqual(['a', 'h']);
    const back = await run(first.state, office, area, 3000);
    expect(back.values!.favorites).toEqual(['a', 'h']);
  });

  it('merges edits made on both without loss, and a deletion stays deleted', async () => {
    const area = sharedArea();
    let office = await run({ device: 'office', replica: null }, { ...empty(), favorites: ['a', 'b'], placeholderValues: { 单位: '某单位' } }, area, 1000);
    let home = await run({ device: 'home', replica: null }, empty(), area, 1100);
    const atHome = home.values!;
    // Home removes b and changes the value; the office stars c, not having seen either.
    home = await run(home.state, { ...atHome, favorites: ['a'], placeholderValues: { 单位: '新单位' } }, area, 2000);
    office = await run(office.state, { ...empty(), favorites: ['a', 'b', 'c'], placeholderValues: { 单位: '某单位' } }, area, 3000);
    expect(office.values!.favorites).toEqual(['a', 'c']);
    expect(office.values!.placeholderValues).toEqual({ 单位: '新单位' });
    home = await run(home.state, { ...atHome, favorites: ['a'], placeholderValues: { 单位: '新单位' } }, area, 4000);
    expect(home.values!.favorites).toEqual(['a', 'c']);
  });

  it('syncs what fits and names what does not; a failed write or a newer format changes nothing', async () => {
    const area = sharedArea();
    const big = { id: 'c-big', name: '大材料', readOnly: false, entries: Array.from({ length: 40 }, (_, i) => ({ id: `c-big:${i}`, kind: 'template' as const, title: `第${i}节`, body: noise(1200, i + 1), path: [], tags: [] })) };
    const local = { ...empty(), favorites: ['a'], library: { collections: [big] } };
    const outcome = await run({ device: 'office', replica: null }, local, area, 1000);
    expect(outcome.left).toEqual(['collection:c-big']);
    expect(outcome.synced).toEqual(['settings', 'favorites']);
    expect(outcome.bytes).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
    // The quota refusing a write: the round says so and keeps its state.
    area.fail = 'QUOTA_BYTES quota exceeded';
    const before = structuredClone(area.items);
    const failed = await syncRound(outcome.state, { ...local, favorites: ['a', 'b'] }, area, 2000, 20);
    expect(failed).toEqual({ status: 'failed', state: outcome.state, stage: 'write', message: 'QUOTA_BYTES quota exceeded' });
    expect(area.items).toEqual(before);
    area.fail = '';
    // A later Bixia's format: nothing read, nothing written.
    area.items.root = { v: 99, shards: {} };
    const writes = area.writes;
    expect((await syncRound(outcome.state, local, area, 3000, 20)).status).toBe('newer-format');
    expect(area.writes).toBe(writes);
  });
});
