import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import builtin from 'virtual:bixia-builtin-library';
import { type Collection, type Entry, libraryDocument } from '../../core/library';
import { MAX_BACKUP_BYTES, checkLibraryBytes, checkLibraryText, checkLibraryValue } from '../../core/library-schema';
import { planImport } from '../../core/library-import';
import { addReport, copyEntryInto, createCollection, duplicateEntry, withCollectionId } from '../../core/library-edit';
import { buildCollection } from '../../core/library';
import { collectionIdFor } from '../../core/collection-id';
import { applyImport, exportDocument, previewImport, rawStoredDocument } from '../../utils/library-backup';
import { EMPTY_TRIGGERS, readStored } from '../../utils/stored';
import { readLibrary, updateLibrary } from '../../utils/library-store';
import { readPreferences, toggleFavorite } from '../../utils/preferences';
import { resetStored } from '../../utils/stored';

const setPreferences = (items: Record<string, unknown>) => fakeBrowser.storage.local.set(items);
const preferences = async () => {
  const reads = await readPreferences();
  return { favorites: reads.favorites.ok ? reads.favorites.value : null, placeholderValues: reads.placeholderValues.ok ? reads.placeholderValues.value : null };
};

const entry = (id: string, body: string, extra: Partial<Entry> = {}): Entry => ({
  id,
  kind: 'snippet',
  title: body,
  body,
  path: [],
  tags: [],
  ...extra,
});
const collection = (id: string, entries: Entry[], extra: Partial<Collection> = {}): Collection => ({
  id,
  name: `集合 ${id}`,
  readOnly: false,
  entries,
  ...extra,
});
const encode = (text: string) => new TextEncoder().encode(text);

describe('checking a library file', () => {
  const good = libraryDocument([collection('c-1', [entry('c-1:s-a', '说实话、办实事')])]);

  it('accepts what npm run parse prints and what a backup holds', () => {
    const parsed = libraryDocument([buildCollection('报告\n一、问题\n一是学习不够。', { collectionId: 'c-x' })]);
    expect(checkLibraryText(JSON.stringify(parsed))).toMatchObject({ ok: true });
    const backup = { ...good, favorites: ['c-1:s-a'], placeholderValues: { 单位: '园区' }, exportedAt: '2026-12-01T00:00:00.000Z' };
    const checked = checkLibraryBytes(encode(`\ufeff${JSON.stringify(backup)}`));
    expect(checked).toEqual({ ok: true, document: backup });
  });

  it.each([
    ['not JSON', encode('{"format": "bixia-library", '), 'not-json'],
    ['binary', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x9f]), 'not-json'],
    ['another program’s JSON', encode('{"snippets": []}'), 'not-library'],
    ['a list', encode('[1,2,3]'), 'not-library'],
    ['a newer format version', encode(JSON.stringify({ ...good, version: 2 })), 'wrong-version'],
    ['no collections', encode(JSON.stringify({ ...good, collections: [] })), 'empty'],
  ])('refuses %s', (_name, bytes, code) => {
    const checked = checkLibraryBytes(bytes);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error.code).toBe(code);
  });

  it('says where a file is wrong', () => {
    const bad = JSON.parse(JSON.stringify(good));
    bad.collections[0].entries[0].kind = 'paragraph';
    const checked = checkLibraryValue(bad);
    expect(checked).toMatchObject({
      ok: false,
      error: { code: 'invalid', path: ['collections', 0, 'entries', 0, 'kind'], problem: { kind: 'choice', choices: ['template', 'snippet'] } },
    });
  });

  it('refuses an oversized file before reading it, and one with too many entries', () => {
    const huge = new Uint8Array(MAX_BACKUP_BYTES + 1);
    expect(checkLibraryBytes(huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const many = libraryDocument([collection('c-1', Array.from({ length: 50_001 }, (_, i) => entry(`c-1:s-${i}`, `第${i}条`)))]);
    expect(checkLibraryValue(many)).toMatchObject({ ok: false, error: { code: 'too-many-entries', count: 50_001 } });
  });

  it('refuses two entries with one id', () => {
    const twice = libraryDocument([collection('c-1', [entry('c-1:s-a', '甲'), entry('c-1:s-a', '乙')])]);
    expect(checkLibraryValue(twice)).toMatchObject({ ok: false, error: { code: 'duplicate-id', id: 'c-1:s-a' } });
  });
});

describe('planning an import', () => {
  const mine = collection('c-1', [entry('c-1:s-a', '甲'), entry('c-1:s-b', '乙'), entry('c-1:u-c', '丙')]);
  const other = collection('c-2', [entry('c-2:s-x', '戊')]);
  const current = { library: { collections: [mine, other] }, favorites: ['c-1:s-a'], placeholderValues: { 单位: '园区' }, triggers: EMPTY_TRIGGERS };

  it('merges: adds the new, updates the changed, skips duplicates, keeps the rest', () => {
    const file = libraryDocument([
      collection('c-1', [entry('c-1:s-a', '甲'), entry('c-1:s-b', '乙（新）'), entry('c-1:s-d', '丙'), entry('c-1:s-e', '丁')]),
      collection('c-3', [entry('c-3:s-y', '己')]),
      builtin,
    ]);
    const plan = planImport(current, { ...file, favorites: ['c-3:s-y'] }, 'merge', 100);
    expect(plan.totals).toEqual({ added: 2, updated: 1, unchanged: 1, duplicates: 1, removed: 0 });
    expect(plan.skippedReadOnly).toBe(1);
    expect(plan.changes.map((c) => [c.id, c.status])).toEqual([
      ['c-1', 'merged'],
      ['c-3', 'new'],
    ]);
    const merged = plan.library.collections.find((c) => c.id === 'c-1')!;
    expect(merged.entries.map((e) => e.body)).toEqual(['甲', '乙（新）', '丙', '丁']);
    expect(plan.library.collections.map((c) => c.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(plan.favorites).toEqual(['c-1:s-a', 'c-3:s-y']);
    expect(plan.noop).toBe(false);
  });

  it('replaces: the library becomes the file’s, and the plan counts what goes', () => {
    const file = libraryDocument([collection('c-1', [entry('c-1:s-a', '甲')])]);
    const plan = planImport(current, { ...file, favorites: [] }, 'replace', 100);
    expect(plan.changes.map((c) => [c.id, c.status, c.removed])).toEqual([
      ['c-2', 'removed', 1],
      ['c-1', 'replaced', 2],
    ]);
    expect(plan.totals.removed).toBe(3);
    expect(plan.library.collections.map((c) => c.id)).toEqual(['c-1']);
    expect(plan.favorites).toEqual([]);
  });

  it('sees that importing the same backup again changes nothing', () => {
    const file = { ...libraryDocument([mine, other]), favorites: ['c-1:s-a'], placeholderValues: { 单位: '园区' } };
    expect(planImport(current, file, 'merge', 100).noop).toBe(true);
  });

  describe('typed shortcuts', () => {
    const mineShortcuts = { rows: [{ entryId: 'c-1:s-a', trigger: ';ja' }], enabled: false, offSites: ['oa.example.cn'] };
    const withShortcuts = { ...current, triggers: mineShortcuts };

    it("merging adds the file's, leaves out one that would clash with the user's and counts it, and joins the sites", () => {
      const file = {
        ...libraryDocument([mine]),
        triggers: {
          rows: [
            { entryId: 'c-1:s-b', trigger: ';yi' },
            { entryId: 'c-1:s-b', trigger: '；JA' },
            { entryId: 'c-1:u-c', trigger: ';j' },
            { entryId: 'c-1:s-a', trigger: ';ja' },
          ],
          enabled: true,
          offSites: ['example.com'],
        },
      };
      const plan = planImport(withShortcuts, file, 'merge', 100);
      expect(plan.triggers).toEqual({
        rows: [
          { entryId: 'c-1:s-a', trigger: ';ja' },
          { entryId: 'c-1:s-b', trigger: ';yi' },
        ],
        enabled: false,
        offSites: ['oa.example.cn', 'example.com'],
      });
      expect(plan.shortcuts).toEqual({ added: 1, skipped: 2 });
      expect(plan.noop).toBe(false);
      expect(planImport({ ...withShortcuts, triggers: plan.triggers }, file, 'merge', 101).noop, 'the same file again').toBe(true);
    });

    it("replacing takes the backup's, switch and sites included; a file without any leaves the user's", () => {
      const backup = { ...libraryDocument([mine]), triggers: { rows: [{ entryId: 'c-1:s-b', trigger: ';yi' }], enabled: true, offSites: [] } };
      expect(planImport(withShortcuts, backup, 'replace', 100).triggers).toEqual(backup.triggers);
      expect(planImport(withShortcuts, libraryDocument([mine]), 'replace', 100).triggers).toEqual(mineShortcuts);
    });

    it("follows an entry that gets an id of its own, as favourites do", () => {
      const file = { ...libraryDocument([collection('c-1', [entry('x:s-z', '庚')])]), triggers: { rows: [{ entryId: 'x:s-z', trigger: ';gg' }] } };
      const plan = planImport(current, file, 'merge', 100);
      const moved = plan.library.collections[0]!.entries.find((e) => e.body === '庚')!.id;
      expect(plan.triggers.rows).toEqual([{ entryId: moved, trigger: ';gg' }]);
    });
  });
});

describe('recognising a report imported twice', () => {
  it('gives the same collection id whatever the line endings, indentation and site markers', () => {
    expect(collectionIdFor('报告\r\n\u3000\u3000一、问题\r\n##paidbegin##一是学习不够。\r\n')).toBe(collectionIdFor('报告\n一、问题\n一是学习不够。'));
    expect(collectionIdFor('报告\n一、问题')).not.toBe(collectionIdFor('报告\n二、问题'));
  });
});

describe('editing', () => {
  it('duplicates an entry right after the original and copies a built-in entry into a user collection', () => {
    const { library } = createCollection({ collections: [] }, '我的模板', 1, () => 'm');
    const source = builtin.entries[3]!;
    const copied = copyEntryInto(library, source, 'c-m', 2, () => 'k');
    expect(copied.entry).toMatchObject({ id: 'c-m:u-k', title: source.title, body: source.body, path: source.path, tags: source.tags });
    const dup = duplicateEntry(copied.library, 'c-m', 'c-m:u-k', '（副本）', 3, () => 'd');
    expect(dup.library.collections[0]!.entries.map((e) => e.id)).toEqual(['c-m:u-k', 'c-m:u-d']);
    expect(dup.entry.title).toBe(`${source.title}（副本）`);
    expect(() => copyEntryInto(library, source, 'builtin', 2)).toThrow();
  });

  it('moves a collection to a new id with its entries', () => {
    const moved = withCollectionId(collection('c-1', [entry('c-1:t-a', '甲')]), 'c-1-2');
    expect(moved.entries[0]!.id).toBe('c-1-2:t-a');
  });
});

describe('backup and restore through storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('restores exactly what was exported, into an empty profile', async () => {
    await updateLibrary(() => ({ collections: [collection('c-1', [entry('c-1:s-a', '甲', { tags: ['我的'], updatedAt: 5 })], { createdAt: 1, updatedAt: 5, source: 'a.docx' })] }));
    await setPreferences({ favorites: ['c-1:s-a', builtin.entries[0]!.id], placeholderValues: { 单位: '园区' } });
    const exported = await exportDocument('all');
    const before = await readLibrary();
    const text = JSON.stringify(exported);

    fakeBrowser.reset();
    const checked = checkLibraryText(text);
    if (!checked.ok) throw new Error(checked.error.code);
    const preview = await previewImport(checked.document, 'merge');
    expect(preview.plan.totals.added).toBe(1);
    expect(await readLibrary()).toEqual({ collections: [] });
    const done = await applyImport(checked.document, 'merge', preview.basis);
    expect(done).toMatchObject({ applied: true, library: before });
    expect(await readLibrary()).toEqual(before);
    expect(await preferences()).toEqual({ favorites: ['c-1:s-a', builtin.entries[0]!.id], placeholderValues: { 单位: '园区' } });
  });

  it('backs up the typed shortcuts and restores them; one collection takes its own rows only', async () => {
    await updateLibrary(() => ({ collections: [collection('c-1', [entry('c-1:s-a', '甲')]), collection('c-2', [entry('c-2:s-b', '乙')])] }));
    const shortcuts = { rows: [{ entryId: 'c-1:s-a', trigger: ';ja' }, { entryId: 'c-2:s-b', trigger: ';yi' }], enabled: true, offSites: ['oa.example.cn'] };
    await fakeBrowser.storage.local.set({ triggers: shortcuts, triggers$: { v: 1 } });
    const all = await exportDocument('all');
    expect(all.triggers).toEqual(shortcuts);
    expect((await exportDocument({ collectionId: 'c-2' })).triggers).toEqual({ rows: [{ entryId: 'c-2:s-b', trigger: ';yi' }] });
    const text = JSON.stringify(all);
    fakeBrowser.reset();
    const checked = checkLibraryText(text);
    if (!checked.ok) throw new Error(checked.error.code);
    const preview = await previewImport(checked.document, 'merge');
    await applyImport(checked.document, 'merge', preview.basis);
    const { triggers } = await readStored(['triggers']);
    expect(triggers).toMatchObject({ ok: true, value: shortcuts });
  });

  it('exports one collection with its favourites only', async () => {
    await updateLibrary(() => ({ collections: [collection('c-1', [entry('c-1:s-a', '甲')]), collection('c-2', [entry('c-2:s-b', '乙')])] }));
    await setPreferences({ favorites: ['c-2:s-b', 'c-1:s-a'] });
    const one = await exportDocument({ collectionId: 'c-2' });
    expect(one.collections.map((c) => c.id)).toEqual(['c-2']);
    expect(one.favorites).toEqual(['c-2:s-b']);
    expect(one.placeholderValues).toBeUndefined();
  });
});

describe('a restore and another page at the same time', () => {
  beforeEach(() => fakeBrowser.reset());
  const mineA = collection('c-a', [entry('c-a:s-1', '甲')]);
  const backup = { ...libraryDocument([collection('c-b', [entry('c-b:s-1', '乙')])]), favorites: ['c-b:s-1'] };

  it('refuses to replace a library that changed after the plan was made, writes nothing, and hands back the new plan', async () => {
    await updateLibrary(() => ({ collections: [mineA] }));
    const planned = await previewImport(backup, 'replace');
    expect(planned.plan.changes.filter((c) => c.status === 'removed').map((c) => c.id)).toEqual(['c-a']);
    // Another tab adds a report meanwhile: library B.
    await updateLibrary((library) => ({ collections: [...library.collections, collection('c-new', [entry('c-new:s-1', '丙')])] }));
    const storedB = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const outcome = await applyImport(backup, 'replace', planned.basis);
    expect(outcome.applied).toBe(false);
    if (outcome.applied) return;
    expect(outcome.changed.plan.changes.filter((c) => c.status === 'removed').map((c) => c.id)).toEqual(['c-a', 'c-new']);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(storedB);
    // Asked again, the user confirms the new plan: now it is applied.
    const again = await applyImport(backup, 'replace', outcome.changed.basis);
    expect(again.applied).toBe(true);
    expect((await readLibrary()).collections.map((c) => c.id)).toEqual(['c-b']);
  });

  it('refuses too when favourites the file replaces changed meanwhile', async () => {
    await updateLibrary(() => ({ collections: [mineA] }));
    const planned = await previewImport(backup, 'replace');
    await toggleFavorite('c-a:s-1');
    expect((await applyImport(backup, 'replace', planned.basis)).applied).toBe(false);
    expect((await preferences()).favorites).toEqual(['c-a:s-1']);
  });

  it('keeps a star toggled while a restore is reading and writing', async () => {
    await updateLibrary(() => ({ collections: [mineA] }));
    await setPreferences({ favorites: ['c-a:s-1'] });
    const planned = await previewImport(backup, 'merge');
    // The star is toggled just after the restore has read storage, before it writes.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let toggled: Promise<string[]> | undefined;
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys?: unknown) => {
      const result = await get(keys as string[]);
      toggled ??= toggleFavorite('builtin:t-star');
      return result;
    });
    const outcome = await applyImport(backup, 'merge', planned.basis);
    spy.mockRestore();
    expect(outcome.applied).toBe(true);
    await toggled;
    expect((await preferences()).favorites).toEqual(['builtin:t-star', 'c-a:s-1', 'c-b:s-1']);
  });

  it('restores into a library that was damaged, once it has been reset', async () => {
    await fakeBrowser.storage.local.set({ library: '{"collections": [', library$: { v: 2 } });
    await expect(previewImport(backup, 'merge')).rejects.toMatchObject({ key: 'library', code: 'damaged' });
    expect(JSON.parse(await rawStoredDocument('library'))).toEqual({ library: '{"collections": [', library$: { v: 2 } });
    await resetStored('library');
    const planned = await previewImport(backup, 'merge');
    expect(await applyImport(backup, 'merge', planned.basis)).toMatchObject({ applied: true });
    expect((await readLibrary()).collections.map((c) => c.id)).toEqual(['c-b']);
  });
});

describe('entry ids belong to their collection', () => {
  const current = { library: { collections: [] }, favorites: [], placeholderValues: {}, triggers: EMPTY_TRIGGERS };
  const builtinId = builtin.entries[0]!.id;

  it('gives an entry that claims a built-in or another collection’s id one of its own; favourites follow, except the built-in’s', () => {
    const file = {
      ...libraryDocument([collection('c-1', [entry(builtinId, '借了内置编号'), entry('c-2:s-x', '借了别的'), entry('c-1:s-ok', '本来就对')]), collection('c-2', [entry('c-2:s-y', '乙')])]),
      favorites: [builtinId, 'c-2:s-x'],
    };
    const plan = planImport(current, file, 'merge', 1);
    const ids = plan.library.collections.flatMap((c) => c.entries.map((e) => e.id));
    expect(ids).toEqual([`c-1:${builtinId.slice('builtin:'.length)}`, 'c-1:s-x', 'c-1:s-ok', 'c-2:s-y']);
    expect(ids.every((id, i) => id.startsWith(`${plan.library.collections[i < 3 ? 0 : 1]!.id}:`))).toBe(true);
    expect(plan.renamed).toBe(2);
    // The star on the built-in entry stays on the built-in entry; the other follows its entry.
    expect(plan.favorites).toEqual([builtinId, 'c-1:s-x']);
    // The same file again gives the same ids: nothing changes.
    expect(planImport({ ...current, library: plan.library, favorites: plan.favorites }, file, 'merge', 2).noop).toBe(true);
  });

  it('never gives two entries one id', () => {
    const file = libraryDocument([collection('c-1', [entry('c-1:s-a', '甲'), entry('x:s-a', '乙'), entry('y:s-a', '丙')])]);
    const ids = planImport(current, file, 'merge', 1).library.collections[0]!.entries.map((e) => e.id);
    expect(ids).toEqual(['c-1:s-a', 'c-1:s-a-2', 'c-1:s-a-3']);
  });
});

describe('adding a report as a collection', () => {
  const report = collection('c-r', [entry('c-r:t-1', '报告')]);
  const library = { collections: [{ ...report, name: '旧的', createdAt: 1, updatedAt: 1 }] };

  it('adds a new report, stamped', () => {
    const out = addReport({ collections: [] }, report, 'fail', 5);
    expect(out.result).toEqual({ added: { ...report, createdAt: 5, updatedAt: 5 } });
    expect(out.library.collections).toHaveLength(1);
  });

  it('hands back the very library when the report is there and the user has not chosen yet', () => {
    const out = addReport(library, report, 'fail', 5);
    expect(out).toEqual({ library, result: { exists: true } });
    expect(out.library).toBe(library);
  });

  it('replaces the earlier import in its place, or keeps both with the copy’s ids in its own namespace', () => {
    expect(addReport(library, report, 'replace', 5).library.collections).toEqual([{ ...report, createdAt: 5, updatedAt: 5 }]);
    const twice = addReport(addReport(library, report, 'copy', 5).library, report, 'copy', 6);
    expect(twice.library.collections.map((c) => c.id)).toEqual(['c-r', 'c-r-2', 'c-r-3']);
    expect(twice.library.collections[2]!.entries[0]!.id).toBe('c-r-3:t-1');
  });
});
