import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftListError, duplicateDraft, removeDraft, renameDraft, restoreDraft, upsertDraft } from '../../core/draft/list';
import { type Draft, type DraftNode, MAX_DRAFT_DEPTH } from '../../core/draft/model';
import {
  DraftSchema,
  DraftsSchema,
  MAX_DRAFT_NAME_LENGTH,
  MAX_DRAFT_NODES,
  MAX_DRAFT_TARGET,
  MAX_DRAFT_TEXT_LENGTH,
  MAX_DRAFT_VALUES,
} from '../../core/draft/schema';

// The first import transforms the storage modules, which takes seconds on a busy machine.
beforeAll(() => import('../../utils/drafts'), 30_000);

/** The store as a page that has just started loads it. */
async function fresh() {
  vi.resetModules();
  return { ...(await import('../../utils/drafts')), ...(await import('../../utils/stored')), ...(await import('../../utils/preferences')) };
}

const node = (id: string, children: DraftNode[] = [], extra: Partial<DraftNode> = {}): DraftNode => ({
  id,
  kind: 'heading',
  heading: `标题${id}：`,
  runIn: false,
  text: `正文${id}`,
  children,
  ...extra,
});

const draft = (id: string, extra: Partial<Draft> = {}): Draft => ({
  id,
  name: `草稿${id}`,
  title: '关于某事的报告',
  nodes: [node('n1', [node('n2')]), node('n3', [], { kind: 'text', heading: '' })],
  signature: '某单位\n2026年1月1日',
  values: [],
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

/** A chain of `depth` nodes, each the only child of the one above. */
function chain(depth: number): DraftNode[] {
  let nodes: DraftNode[] = [];
  for (let i = depth; i >= 1; i--) nodes = [node(`n${i}`, nodes)];
  return nodes;
}

/** Everything in storage.local, as exact text: "unchanged" means byte for byte. */
const snapshot = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

/** What the previous version of Bixia left in storage: every key but drafts. */
const PREVIOUS = {
  library: JSON.stringify({ collections: [{ id: 'c-1', name: '我的', readOnly: false, entries: [], createdAt: 1, updatedAt: 1 }] }),
  library$: { v: 2 },
  favorites: ['builtin:t-a'],
  favorites$: { v: 1 },
  recent: [{ id: 'builtin:t-a', at: 5 }],
  recent$: { v: 1 },
  placeholderValues: [['单位', '园区']],
  placeholderValues$: { v: 2 },
  settings: { builtins: [['builtin-phrases', false]] },
  settings$: { v: 1 },
};

describe('the stored drafts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts empty, and stores a draft as JSON text marked version 1', async () => {
    const store = await fresh();
    expect(await store.readDrafts()).toMatchObject({ ok: true, value: { drafts: [] } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const saved = draft('d-1', { target: 3000, source: '我的模板 › 对照检查材料', nodes: [node('n1', [node('n2', [], { target: 500 })], { runIn: true })] });
    expect(await store.saveDraft(saved)).toEqual([saved]);
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw.drafts$).toEqual({ v: 1 });
    expect(typeof raw.drafts).toBe('string');
    expect(JSON.parse(raw.drafts as string)).toEqual({ drafts: [saved] });
    const again = await fresh();
    expect(await again.readDrafts()).toMatchObject({ ok: true, value: { drafts: [saved] } });
  });

  it('keeps placeholder names such as constructor, __proto__ and toString, as pairs', async () => {
    const values: [string, string][] = [
      ['单位', '开发区'],
      ['constructor', '甲'],
      ['__proto__', '乙'],
      ['toString', '丙'],
      ['hasOwnProperty', '丁'],
    ];
    await (await fresh()).saveDraft(draft('d-1', { values }));
    const read = await (await fresh()).readDrafts();
    if (!read.ok) throw new Error('drafts unreadable');
    expect(read.value.drafts[0]!.values).toEqual(values);
    expect(read.value.drafts[0]!.values.map(([name]) => name)).toContain('__proto__');
  });

  it('replaces a draft saved again, in its place, and puts a new one first', async () => {
    const store = await fresh();
    await store.saveDraft(draft('a'));
    await store.saveDraft(draft('b'));
    const list = await store.saveDraft(draft('a', { title: '改过', updatedAt: 9 }));
    expect(list.map((d) => [d.id, d.title])).toEqual([
      ['b', '关于某事的报告'],
      ['a', '改过'],
    ]);
  });

  it('keeps both of two drafts saved at the same time from two pages', async () => {
    const store = await fresh();
    await store.saveDraft(draft('old'));
    await Promise.all([store.saveDraft(draft('a')), store.saveDraft(draft('b')), store.renameStoredDraft('old', '旧的', 5)]);
    const read = await store.readDrafts();
    if (!read.ok) throw new Error('drafts unreadable');
    expect(read.value.drafts.map((d) => d.id).sort()).toEqual(['a', 'b', 'old']);
    expect(read.value.drafts.find((d) => d.id === 'old')!.name).toBe('旧的');
  });

  it('tells a watching page when the drafts change', async () => {
    const store = await fresh();
    const seen: unknown[] = [];
    const stop = store.watchDrafts((read) => seen.push(read.ok ? read.value.drafts.map((d) => d.id) : read.problem.code));
    await store.saveDraft(draft('a'));
    await vi.waitFor(() => expect(seen).toEqual([['a']]));
    await fakeBrowser.storage.local.set({ drafts: '{' });
    await vi.waitFor(() => expect(seen).toEqual([['a'], 'damaged']));
    stop();
  });

  it('undoes a delete, putting the draft back where it stood, and keeps what changed meanwhile', async () => {
    const store = await fresh();
    for (const id of ['a', 'b', 'c']) await store.saveDraft(draft(id));
    const { drafts, removed } = await store.deleteDraft('b');
    expect(drafts.map((d) => d.id)).toEqual(['c', 'a']);
    expect(removed).toMatchObject({ index: 1, draft: { id: 'b' } });
    await store.renameStoredDraft('a', '改名', 7);
    expect((await store.undoDelete(removed!)).map((d) => [d.id, d.name])).toEqual([
      ['c', '草稿c'],
      ['b', '草稿b'],
      ['a', '改名'],
    ]);
    // A second undo finds the draft there and adds no second one.
    const before = await snapshot();
    expect((await store.undoDelete(removed!)).map((d) => d.id)).toEqual(['c', 'b', 'a']);
    expect(await snapshot()).toBe(before);
  });

  it('deletes a draft already deleted in another page without writing', async () => {
    const store = await fresh();
    await store.saveDraft(draft('a'));
    const before = await snapshot();
    expect(await store.deleteDraft('gone')).toEqual({ drafts: [draft('a')] });
    expect(await snapshot()).toBe(before);
  });

  it('duplicates a draft right after it, with a new id, name and dates', async () => {
    const store = await fresh();
    await store.saveDraft(draft('a'));
    await store.saveDraft(draft('b', { values: [['单位', '园区']] }));
    const { drafts, draft: copy } = await store.duplicateStoredDraft('b', 50, { newId: 'b2', copyName: (name) => `${name}（副本）` });
    expect(drafts.map((d) => d.id)).toEqual(['b', 'b2', 'a']);
    expect(copy).toEqual({ ...draft('b', { values: [['单位', '园区']] }), id: 'b2', name: '草稿b（副本）', createdAt: 50, updatedAt: 50 });
    // By default the name gets the options page's copy suffix, in the user's language.
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => (key === 'optCopySuffix' ? '（副本）' : ''));
    const made = await store.duplicateStoredDraft('a', 60);
    getMessage.mockRestore();
    expect(made.draft.id).toMatch(/^d-\w+$/);
    expect(made.draft.name).toBe('草稿a（副本）');
    expect(made.drafts.map((d) => d.id)).toEqual(['b', 'b2', 'a', made.draft.id]);
  });

  it('renames a draft, and refuses a draft that is not there, writing nothing', async () => {
    const store = await fresh();
    await store.saveDraft(draft('a'));
    expect(await store.renameStoredDraft('a', '第一季度', 8)).toEqual([{ ...draft('a'), name: '第一季度', updatedAt: 8 }]);
    const before = await snapshot();
    await expect(store.renameStoredDraft('gone', '无', 9)).rejects.toMatchObject({ name: 'DraftListError', code: 'no-draft', id: 'gone' });
    await expect(store.duplicateStoredDraft('gone', 9)).rejects.toMatchObject({ name: 'DraftListError', code: 'no-draft' });
    expect(await snapshot()).toBe(before);
  });

  it('refuses to store a draft the schema does not accept, leaving the list as it was', async () => {
    const store = await fresh();
    await store.saveDraft(draft('a'));
    const before = await snapshot();
    await expect(store.saveDraft(draft('b', { nodes: chain(MAX_DRAFT_DEPTH + 1) }))).rejects.toMatchObject({ name: 'StoreError', code: 'write-failed', key: 'drafts' });
    await expect(store.renameStoredDraft('a', '名'.repeat(MAX_DRAFT_NAME_LENGTH + 1), 2)).rejects.toMatchObject({ code: 'write-failed' });
    expect(await snapshot()).toBe(before);
  });

  it('resets the drafts to an empty list, leaving every other key as it was', async () => {
    await fakeBrowser.storage.local.set({ ...PREVIOUS, drafts: '{', drafts$: { v: 1 } });
    const store = await fresh();
    await store.resetStored('drafts');
    const after = await fakeBrowser.storage.local.get(null);
    expect(after.drafts).toBe('{"drafts":[]}');
    expect(after.drafts$).toEqual({ v: 1 });
    const { drafts: _d, drafts$: _m, ...others } = after;
    expect(JSON.stringify(others)).toBe(JSON.stringify(PREVIOUS));
    expect(await store.readDrafts()).toMatchObject({ ok: true, value: { drafts: [] } });
  });
});

describe('stored drafts Bixia cannot read', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['a list of the wrong shape', { drafts: JSON.stringify({ drafts: 'x' }) }, 'damaged'],
    ['a draft of the wrong shape', { drafts: JSON.stringify({ drafts: [{ id: 'a' }] }) }, 'damaged'],
    ['text that is not JSON', { drafts: '{"drafts": [' }, 'damaged'],
    ['a list stored as an object, not as text', { drafts: { drafts: [] } }, 'damaged'],
    ['two drafts with one id', { drafts: JSON.stringify({ drafts: [draft('a'), draft('a')] }) }, 'damaged'],
    ['a mark whose v is not a number', { drafts: JSON.stringify({ drafts: [] }), drafts$: { v: 'x' } }, 'damaged'],
    ['a mark that is not an object', { drafts: JSON.stringify({ drafts: [] }), drafts$: 'x' }, 'damaged'],
    ['drafts saved by a newer version', { drafts: JSON.stringify({ drafts: [], folders: [] }), drafts$: { v: 2 } }, 'too-new'],
  ] as const)('reports %s, refuses every change, and leaves storage byte for byte as it was', async (_name, bad, code) => {
    await fakeBrowser.storage.local.set({ ...PREVIOUS, ...bad });
    const before = await snapshot();
    const store = await fresh();
    expect(await store.readDrafts()).toMatchObject({ ok: false, problem: { key: 'drafts', code } });
    const refused = { name: 'StoreError', key: 'drafts', code };
    await expect(store.saveDraft(draft('b'))).rejects.toMatchObject(refused);
    await expect(store.deleteDraft('a')).rejects.toMatchObject(refused);
    await expect(store.undoDelete({ draft: draft('b'), index: 0 })).rejects.toMatchObject(refused);
    await expect(store.duplicateStoredDraft('a', 2, { newId: 'c' })).rejects.toMatchObject(refused);
    await expect(store.renameStoredDraft('a', '新', 2)).rejects.toMatchObject(refused);
    expect(await snapshot()).toBe(before);
    // The other keys still read and change.
    const reads = await store.readStored(store.STORED_KEYS);
    for (const key of store.STORED_KEYS) expect(reads[key].ok, key).toBe(key !== 'drafts');
    expect(await store.toggleFavorite('builtin:t-b')).toEqual(['builtin:t-b', 'builtin:t-a']);
  });
});

describe('a storage the previous version of Bixia wrote', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads no drafts, writes nothing on reading, and keeps every other key when the first draft is saved', async () => {
    await fakeBrowser.storage.local.set(PREVIOUS);
    const before = await snapshot();
    const store = await fresh();
    const reads = await store.readStored(store.STORED_KEYS);
    for (const key of store.STORED_KEYS) expect(reads[key].ok, key).toBe(true);
    expect(reads.drafts).toMatchObject({ ok: true, value: { drafts: [] } });
    expect(reads.placeholderValues).toMatchObject({ ok: true, value: { 单位: '园区' } });
    expect(await snapshot()).toBe(before);
    await store.saveDraft(draft('a'));
    const { drafts, drafts$, ...others } = await fakeBrowser.storage.local.get(null);
    expect(drafts$).toEqual({ v: 1 });
    expect(JSON.parse(drafts as string)).toEqual({ drafts: [draft('a')] });
    expect(JSON.stringify(others)).toBe(JSON.stringify(PREVIOUS));
  });
});

describe('DraftSchema', () => {
  const accepts = (value: unknown) => v.is(DraftSchema, value);

  it('accepts a draft as the composer makes it, and the fullest draft the limits allow', () => {
    expect(accepts(draft('a'))).toBe(true);
    expect(accepts(draft('a', { nodes: chain(MAX_DRAFT_DEPTH), target: MAX_DRAFT_TARGET }))).toBe(true);
    const many = Array.from({ length: MAX_DRAFT_NODES }, (_, i) => node(`n${i}`));
    expect(accepts(draft('a', { nodes: many }))).toBe(true);
    const values = Array.from({ length: MAX_DRAFT_VALUES }, (_, i): [string, string] => [`名${i}`, '值']);
    expect(accepts(draft('a', { values, name: '名'.repeat(MAX_DRAFT_NAME_LENGTH) }))).toBe(true);
    expect(accepts(draft('a', { nodes: [node('n1', [], { text: '字'.repeat(MAX_DRAFT_TEXT_LENGTH) })] }))).toBe(true);
  });

  it('refuses a tree deeper than the genre numbers', () => {
    expect(accepts(draft('a', { nodes: chain(MAX_DRAFT_DEPTH + 1) }))).toBe(false);
  });

  it('refuses a hostile tree a thousand times too deep without running out of stack', () => {
    let nodes: unknown[] = [];
    for (let i = 0; i < 100_000; i++) nodes = [{ ...node(`n${i}`), children: nodes }];
    expect(() => v.safeParse(DraftSchema, { ...draft('a'), nodes })).not.toThrow();
    expect(accepts({ ...draft('a'), nodes })).toBe(false);
  });

  it('refuses more parts than the limit, counted at every level', () => {
    const flat = Array.from({ length: MAX_DRAFT_NODES + 1 }, (_, i) => node(`n${i}`));
    expect(accepts(draft('a', { nodes: flat }))).toBe(false);
    const nested = Array.from({ length: MAX_DRAFT_NODES / 2 }, (_, i) => node(`p${i}`, [node(`c${i}`)]));
    expect(accepts(draft('a', { nodes: nested }))).toBe(true);
    expect(accepts(draft('a', { nodes: [...nested, node('one-more')] }))).toBe(false);
  });

  it.each<[string, Partial<Draft>]>([
    ['a text too long', { nodes: [node('n1', [], { text: '字'.repeat(MAX_DRAFT_TEXT_LENGTH + 1) })] }],
    ['a heading too long', { nodes: [node('n1', [], { heading: '字'.repeat(MAX_DRAFT_TEXT_LENGTH + 1) })] }],
    ['a title too long', { title: '字'.repeat(MAX_DRAFT_TEXT_LENGTH + 1) }],
    ['a name too long', { name: '名'.repeat(MAX_DRAFT_NAME_LENGTH + 1) }],
    ['too many values', { values: Array.from({ length: MAX_DRAFT_VALUES + 1 }, (_, i): [string, string] => [`名${i}`, '值']) }],
    ['a value name given twice', { values: [['单位', '甲'], ['单位', '乙']] }],
    ['a target of 0', { target: 0 }],
    ['a fractional target', { target: 1.5 }],
    ['a target too large', { target: MAX_DRAFT_TARGET + 1 }],
    ['a part target too large', { nodes: [node('n1', [], { target: MAX_DRAFT_TARGET + 1 })] }],
    ['an empty id', { id: '' }],
    ['an id too long', { id: 'x'.repeat(101) }],
    ['an empty part id', { nodes: [node('')] }],
    ['two parts with one id', { nodes: [node('n1', [node('n1')])] }],
    ['a kind the composer does not know', { nodes: [node('n1', [], { kind: 'table' as DraftNode['kind'] })] }],
    ['a negative date', { createdAt: -1 }],
  ])('refuses %s', (_name, extra) => {
    expect(accepts(draft('a', extra))).toBe(false);
  });

  it('refuses what is not a draft at all', () => {
    for (const value of [null, 'x', 1, [], {}, { ...draft('a'), nodes: 'x' }, { ...draft('a'), nodes: [null] }, { ...draft('a'), values: [['a']] }]) {
      expect(accepts(value)).toBe(false);
    }
    expect(v.is(DraftsSchema, { drafts: [draft('a'), draft('b')] })).toBe(true);
    expect(v.is(DraftsSchema, { drafts: [draft('a'), draft('a')] })).toBe(false);
  });
});

describe('the list of drafts', () => {
  const ids = (list: readonly Draft[]) => list.map((d) => d.id);
  const list = [draft('a'), draft('b'), draft('c')];

  it('upserts by id in place, or adds at the front', () => {
    expect(ids(upsertDraft(list, draft('d')))).toEqual(['d', 'a', 'b', 'c']);
    const changed = upsertDraft(list, draft('b', { title: '新' }));
    expect(ids(changed)).toEqual(['a', 'b', 'c']);
    expect(changed[1]!.title).toBe('新');
    expect(list[1]!.title).toBe('关于某事的报告');
  });

  it('removes a draft with where it stood, and puts it back there', () => {
    const { list: without, removed } = removeDraft(list, 'b');
    expect(ids(without)).toEqual(['a', 'c']);
    expect(removed).toEqual({ draft: list[1], index: 1 });
    expect(ids(restoreDraft(without, removed!))).toEqual(['a', 'b', 'c']);
    // The list has shrunk since: the draft goes last.
    expect(ids(restoreDraft([], { draft: draft('b'), index: 5 }))).toEqual(['b']);
    // A draft with its id is there again: it stays, and no second one is added.
    expect(restoreDraft(list, removed!)).toEqual(list);
    expect(removeDraft(list, 'gone')).toEqual({ list });
  });

  it('duplicates a draft into a copy sharing nothing with it, right after it', () => {
    const original = draft('b', { values: [['单位', '园区']] });
    const { list: out, draft: copy } = duplicateDraft([draft('a'), original, draft('c')], 'b', 'b2', 9, (name) => `${name} 2`);
    expect(ids(out)).toEqual(['a', 'b', 'b2', 'c']);
    expect(copy).toMatchObject({ id: 'b2', name: '草稿b 2', createdAt: 9, updatedAt: 9 });
    expect(copy.nodes).toEqual(original.nodes);
    copy.nodes[0]!.children[0]!.text = '改了';
    copy.values[0]![1] = '改了';
    expect(original.nodes[0]!.children[0]!.text).toBe('正文n2');
    expect(original.values[0]![1]).toBe('园区');
    expect(() => duplicateDraft(list, 'gone', 'x', 9, String)).toThrow(DraftListError);
    expect(() => duplicateDraft(list, 'a', 'b', 9, String)).toThrow(expect.objectContaining({ code: 'exists', id: 'b' }));
  });

  it('renames a draft and dates the change, and throws for a draft that is not there', () => {
    const out = renameDraft(list, 'c', '年终总结', 4);
    expect(out[2]).toEqual({ ...draft('c'), name: '年终总结', updatedAt: 4 });
    expect(out.slice(0, 2)).toEqual(list.slice(0, 2));
    expect(() => renameDraft(list, 'gone', 'x', 4)).toThrow(expect.objectContaining({ name: 'DraftListError', code: 'no-draft' }));
  });
});
