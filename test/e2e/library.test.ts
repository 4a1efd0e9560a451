/**
 * The user's own library, driven through the real options page (管理模板库)
 * in Chromium and Firefox ESR: importing a report as .txt and as .docx, bad
 * files refused with the library unchanged, an edit that survives a browser
 * restart, two pages editing at once, and a backup restored into a fresh profile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionIdFor } from '../../core/collection-id';
import { parseReport } from '../../core/report-parser';
import { choicesFrom, chosenRules, parsedImport } from '../../entrypoints/options/import-placeholders';
import { makeReportDocx } from '../fixtures/docx/make-docx';
import {
  type AnyPage,
  type BrowserDriver,
  attribute,
  browsers,
  chooseFile,
  click,
  closePage,
  downloadedTexts,
  evaluate,
  recordDownloads,
  setValue,
  storageSnapshot,
  storedLibrary,
  text,
  waitFor,
} from './harness/driver';

const POLL = { timeout: 15_000, interval: 100 };
/** How many entries a page's result list has (it renders only the rows in view). */
const listSize = (page: AnyPage) =>
  evaluate(page, () => Number(document.querySelector('li.row[role="option"]')?.getAttribute('aria-setsize') ?? 0), undefined);
const SEED_PATH = new URL('../../data/seed-report.txt', import.meta.url);
const seedText = readFileSync(SEED_PATH, 'utf8');
/**
 * What the parser makes of the seed, with the placeholders the preview
 * proposes (ticked by default): the collection every import must store.
 */
const expected = (() => {
  const parsed = parsedImport(parseReport(seedText, { fallbackTitle: 'seed-report' }), { collectionId: collectionIdFor(seedText) });
  return parsed.withPlaceholders(chosenRules(choicesFrom(parsed.proposals)));
})();

let files: string;
const file = (name: string) => join(files, name);

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'bixia-e2e-library-'));
  writeFileSync(file('seed-report.txt'), seedText);
  // Headings numbered by Word's automatic numbering, not typed (test/fixtures/docx/make-docx.ts).
  writeFileSync(file('seed-report.docx'), await makeReportDocx(seedText));
  writeFileSync(file('picture.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'));
  writeFileSync(file('huge.txt'), '学习'.repeat(1_200_000));
  writeFileSync(file('broken.json'), '{"format": "bixia-library", "version": 1, "collections": [');
  writeFileSync(file('future.json'), JSON.stringify({ format: 'bixia-library', version: 9, collections: [] }));
  writeFileSync(file('other.json'), JSON.stringify({ snippets: [{ abbreviation: 'xx', text: '说实话' }] }));
  writeFileSync(file('huge.json'), `{"format":"bixia-library","version":1,"collections":[],"pad":"${'x'.repeat(33 * 1024 * 1024)}"}`);
  writeFileSync(file('string-version.json'), JSON.stringify({ format: 'bixia-library', version: '1', collections: [] }));
  writeFileSync(file('replace.json'), JSON.stringify({ format: 'bixia-library', version: 1, collections: [userCollection('c-y', '备份中的集合')] }));
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

const OPTIONS = 'options.html';

/** A user collection of one entry, as storage and backups hold it. */
function userCollection(id: string, name: string) {
  return { id, name, readOnly: false, createdAt: 1, updatedAt: 1, entries: [{ id: `${id}:s-1`, kind: 'snippet', title: name, body: `${name}的短语`, path: [], tags: [] }] };
}

/** Writes storage.local from an extension page, as another page (or a damaged profile) would. */
function setStorage(page: AnyPage, items: Record<string, unknown>): Promise<void> {
  return evaluate(
    page,
    async (values) => {
      type Api = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      await (scope.browser ?? scope.chrome).storage.local.set(values);
    },
    items,
  );
}

const count = (page: AnyPage, selector: string) => evaluate(page, (sel) => document.querySelectorAll(sel).length, selector);

async function openOptions(driver: BrowserDriver, view: 'library' | 'import' | 'backup'): Promise<AnyPage> {
  return driver.openExtensionPage(`${OPTIONS}#${view}`);
}

/** The preview's entries, in order, as the user sees them ticked. */
const previewIds = (page: AnyPage) =>
  evaluate(page, () => Array.from(document.querySelectorAll('[data-import-preview] input[type="checkbox"][data-entry-id]'), (box) => box.getAttribute('data-entry-id')!), undefined);

async function importReport(page: AnyPage, path: string): Promise<void> {
  await chooseFile(page, 'input[type="file"][name="report-file"]', path);
  await waitFor(page, '[data-import-preview]');
}

/** Compares a stored collection with the parser's, entry by entry. */
function expectSameAsParser(stored: { entries: Record<string, unknown>[] }) {
  const strip = (e: object) => {
    const { id, kind, title, body, path, tags } = e as Record<string, unknown>;
    return { id, kind, title, body, path, tags };
  };
  expect(stored.entries.map(strip)).toEqual(expected.entries.map(strip));
}

for (const { name, launch } of browsers) {
  describe(`the user's library in ${name}`, () => {
    let driver: BrowserDriver;
    beforeAll(async () => {
      driver = await launch({ locale: 'zh-CN' });
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('imports the seed report as .txt with the same structure the parser gives', async () => {
      const page = await openOptions(driver, 'import');
      await importReport(page, file('seed-report.txt'));
      expect(await previewIds(page)).toEqual(expected.entries.map((e) => e.id));
      expect(Number(await attribute(page, '[data-import-preview]', 'data-template-count'))).toBe(expected.entries.filter((e) => e.kind === 'template').length);
      expect(Number(await attribute(page, '[data-import-preview]', 'data-snippet-count'))).toBe(expected.entries.filter((e) => e.kind === 'snippet').length);
      await click(page, '[data-action="add-collection"]');
      await expect.poll(async () => (await storedLibrary(page)).collections.length, POLL).toBe(1);
      const [stored] = (await storedLibrary(page)).collections;
      expect(stored!.id).toBe(expected.id);
      expect(stored!.name).toBe(expected.name);
      expectSameAsParser(stored!);
      await closePage(page);
    });

    it('imports the same report as .docx (Word numbering) with the same structure, and knows it is the same report', async () => {
      const page = await openOptions(driver, 'import');
      await importReport(page, file('seed-report.docx'));
      expect(await previewIds(page)).toEqual(expected.entries.map((e) => e.id));
      await click(page, '[data-action="add-collection"]');
      // Imported before as .txt: the user chooses to keep both.
      await waitFor(page, '[data-action="keep-both"]');
      await click(page, '[data-action="keep-both"]');
      await expect.poll(async () => (await storedLibrary(page)).collections.length, POLL).toBe(2);
      const copy = (await storedLibrary(page)).collections[1]!;
      expect(copy.id).toBe(`${expected.id}-2`);
      const strip = (e: object) => {
        const { kind, title, body, path, tags } = e as Record<string, unknown>;
        return { kind, title, body, path, tags };
      };
      expect(copy.entries.map(strip)).toEqual(expected.entries.map(strip));
      await closePage(page);
    });

    it('refuses binary, oversized and malformed files and leaves the library as it was', async () => {
      const page = await openOptions(driver, 'import');
      const before = await storageSnapshot(page);
      for (const [path, code] of [
        ['picture.txt', 'binary'],
        ['huge.txt', 'too-large'],
      ] as const) {
        await chooseFile(page, 'input[type="file"][name="report-file"]', file(path));
        await waitFor(page, `[role="alert"][data-error-code="${code}"]`);
        expect((await evaluate(page, () => document.querySelector('[role="alert"]')!.textContent!, undefined)).length).toBeGreaterThan(5);
      }
      await click(page, '[data-view="backup"]');
      for (const [path, code] of [
        ['broken.json', 'not-json'],
        ['future.json', 'wrong-version'],
        ['other.json', 'not-library'],
        ['huge.json', 'too-large'],
        ['string-version.json', 'invalid'],
      ] as const) {
        await chooseFile(page, 'input[type="file"][name="backup-file"]', file(path));
        await waitFor(page, `[role="alert"][data-error-code="${code}"]`);
      }
      // A version that is text is a damaged file, said in the UI's language with the field in the user's terms.
      expect(await evaluate(page, () => document.querySelector('[role="alert"][data-error-code="invalid"]')!.textContent!, undefined)).toContain(
        '备份文件已损坏或被改动过：“版本号”应为数字。模板库没有改动。',
      );
      expect(await storageSnapshot(page)).toEqual(before);
      await closePage(page);
    });

    it('keeps both of two edits saved at the same moment from two pages', async () => {
      const [a, b] = [await openOptions(driver, 'library'), await openOptions(driver, 'library')];
      const [first, second] = expected.entries.filter((e) => e.kind === 'snippet');
      for (const [page, entry, body] of [
        [a, first!, '甲页改过的短语'],
        [b, second!, '乙页改过的短语'],
      ] as const) {
        await click(page, `[data-collection-id="${expected.id}"]`);
        await click(page, `[data-entry-id="${entry.id}"]`);
        await waitFor(page, 'textarea[name="body"]');
        await setValue(page, 'textarea[name="body"]', body);
      }
      await Promise.all([click(a, '[data-action="save"]'), click(b, '[data-action="save"]')]);
      await expect
        .poll(async () => {
          const stored = (await storedLibrary(a)).collections.find((c) => c.id === expected.id)!;
          return [first!.id, second!.id].map((id) => stored.entries.find((e) => e.id === id)?.body);
        }, POLL)
        .toEqual(['甲页改过的短语', '乙页改过的短语']);
      for (const page of [a, b]) await closePage(page);
    });

    it('says so when storage is full, keeps the text being edited, and changes nothing', async () => {
      const page = await openOptions(driver, 'library');
      const before = await storageSnapshot(page);
      const entry = expected.entries.find((e) => e.kind === 'snippet')!;
      await click(page, `[data-collection-id="${expected.id}"]`);
      await click(page, `[data-entry-id="${entry.id}"]`);
      await setValue(page, 'textarea[name="body"]', '存储满时写下的字');
      // The browser refuses every write from now on, as with a full disk or quota.
      await evaluate(
        page,
        () => {
          type Area = { set(items: object): Promise<void> };
          const scope = globalThis as unknown as { browser?: { storage: { local: Area } }; chrome: { storage: { local: Area } } };
          for (const api of [scope.browser, scope.chrome]) {
            if (api) api.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
          }
        },
        undefined,
      );
      await click(page, '[data-action="save"]');
      await waitFor(page, '[role="alert"][data-error-code="quota"]');
      expect(await evaluate(page, () => document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!.value, undefined)).toBe('存储满时写下的字');
      expect(await storageSnapshot(page)).toEqual(before);
      await closePage(page);
    });

    it('restores everything exactly from an exported backup into a fresh profile', async () => {
      const page = await openOptions(driver, 'backup');
      // A favourite and a remembered placeholder value belong to the backup too.
      await evaluate(
        page,
        async (id) => {
          type Api = { storage: { local: { set(items: object): Promise<void> } } };
          const scope = globalThis as unknown as { browser?: Api; chrome: Api };
          await (scope.browser ?? scope.chrome).storage.local.set({ favorites: [id], placeholderValues: { 单位全称: '经开区' } });
        },
        expected.entries[5]!.id,
      );
      await recordDownloads(page);
      await click(page, '[data-action="export-all"]');
      await expect.poll(async () => (await downloadedTexts(page)).length, POLL).toBe(1);
      const [backup] = await downloadedTexts(page);
      writeFileSync(file('backup.json'), backup!);
      const original = await storageSnapshot(page);
      await closePage(page);

      const fresh = await launch({ locale: 'zh-CN' });
      try {
        const restore = await fresh.openExtensionPage(`${OPTIONS}#backup`);
        expect((await storedLibrary(restore)).collections).toEqual([]);
        await chooseFile(restore, 'input[type="file"][name="backup-file"]', file('backup.json'));
        await waitFor(restore, '[data-import-plan]');
        expect(Number(await attribute(restore, '[data-import-plan]', 'data-added'))).toBe(expected.entries.length * 2);
        await click(restore, '[data-action="apply-import"]');
        await expect.poll(async () => (await storageSnapshot(restore)).library, POLL).toBeDefined();
        const restored = await storageSnapshot(restore);
        expect(JSON.parse(restored.library as string)).toEqual(JSON.parse(original.library as string));
        expect(restored.favorites).toEqual(original.favorites);
        // Seeded as an object (version 1); a restore writes the current form, [name, value] pairs.
        expect(original.placeholderValues).toEqual({ 单位全称: '经开区' });
        expect(restored.placeholderValues).toEqual([['单位全称', '经开区']]);
        expect(restored['placeholderValues$']).toEqual({ v: 2 });
      } finally {
        await fresh.close();
      }
    });
  });

  describe(`stored values that cannot be read, in ${name}`, () => {
    let driver: BrowserDriver;
    beforeAll(async () => {
      driver = await launch({ locale: 'zh-CN' });
    });
    afterAll(async () => {
      await driver?.close();
    });

    for (const { key, bad, label } of [
      { key: 'favorites', bad: 'x', label: '收藏' },
      { key: 'recent', bad: { a: 1 }, label: '最近使用' },
      { key: 'recent', bad: [1, 2, 3], label: '最近使用' },
      { key: 'placeholderValues', bad: [1], label: '占位符记忆' },
    ]) {
      it(`${key}: ${JSON.stringify(bad)} — every page lists the built-in entries, names ${label}, changes nothing, and resets only that key`, async () => {
        const options = await openOptions(driver, 'library');
        await setStorage(options, { library: JSON.stringify({ collections: [userCollection('c-mine', '我的集合')] }), 'library$': { v: 2 }, favorites: ['builtin:x'], recent: [], placeholderValues: { 单位: '园区' } });
        await setStorage(options, { [key]: bad });
        const before = await storageSnapshot(options);
        const problem = `[data-problem-key="${key}"]`;

        const popup = await driver.openExtensionPage('popup.html');
        await waitFor(popup, problem);
        expect(await listSize(popup)).toBeGreaterThan(10);
        expect(await text(popup, problem)).toContain(`“${label}”的存储数据无法读取`);
        const panel = await driver.openExtensionPage('sidepanel.html');
        await waitFor(panel, problem);
        expect(await count(panel, '[data-entry-id^="builtin:"]')).toBeGreaterThan(10);
        await waitFor(options, problem);
        expect(await count(options, '[data-collection-id="builtin"]')).toBe(1);
        expect(await count(options, '[data-collection-id="c-mine"]')).toBe(1);
        // Opening three pages wrote nothing.
        expect(await storageSnapshot(options)).toEqual(before);

        await click(popup, `${problem} [data-action="reset-stored"]`);
        await click(popup, `${problem} [data-action="confirm-reset"]`);
        for (const page of [popup, panel, options]) await expect.poll(() => count(page, problem), POLL).toBe(0);
        const after = await storageSnapshot(options);
        // Placeholder values are stored as [name, value] pairs since version 2 (docs/library-format.md).
        expect(after[key]).toEqual([]);
        expect(after[`${key}$`]).toEqual({ v: key === 'placeholderValues' ? 2 : 1 });
        const others = (snapshot: Record<string, unknown>) => Object.fromEntries(Object.entries(snapshot).filter(([k]) => k !== key && k !== `${key}$`));
        expect(others(after)).toEqual(others(before));
        for (const page of [popup, panel, options]) await closePage(page);
      });
    }

    it('a library it cannot read: the built-in entries still work, its raw data is saved exactly, then it is reset, and a restore works again', async () => {
      const options = await openOptions(driver, 'backup');
      const stored = JSON.stringify({ collections: [userCollection('c-old', '旧集合')] });
      await setStorage(options, { library: stored, 'library$': 'xx', favorites: ['builtin:x'] });
      const before = await storageSnapshot(options);
      const problem = '[data-problem-key="library"]';

      const popup = await driver.openExtensionPage('popup.html');
      await waitFor(popup, problem);
      expect(await listSize(popup)).toBeGreaterThan(10);
      expect(await text(popup, problem)).toContain('“我的模板库”的存储数据无法读取');
      expect(await count(popup, `${problem} [data-action="open-manager"]`)).toBe(1);
      await closePage(popup);

      await waitFor(options, problem);
      expect(await storageSnapshot(options)).toEqual(before);
      await recordDownloads(options);
      await click(options, `${problem} [data-action="save-raw"]`);
      await expect.poll(async () => (await downloadedTexts(options)).length, POLL).toBe(1);
      expect(JSON.parse((await downloadedTexts(options))[0]!)).toEqual({ library: stored, 'library$': 'xx' });

      await click(options, `${problem} [data-action="reset-stored"]`);
      await click(options, `${problem} [data-action="confirm-reset"]`);
      await expect.poll(() => count(options, problem), POLL).toBe(0);
      const after = await storageSnapshot(options);
      expect(after.library).toBe('{"collections":[]}');
      expect(after['library$']).toEqual({ v: 2 });
      expect(after.favorites).toEqual(['builtin:x']);

      await chooseFile(options, 'input[type="file"][name="backup-file"]', file('replace.json'));
      await waitFor(options, '[data-import-plan][data-added="1"]');
      await click(options, '[data-action="apply-import"]');
      await expect.poll(async () => (await storedLibrary(options)).collections.map((c) => c.id), POLL).toEqual(['c-y']);
      await closePage(options);
    });

    it('a replace confirmed after another page changed the library shows the new plan and asks again', async () => {
      const a = await openOptions(driver, 'backup');
      await setStorage(a, { library: JSON.stringify({ collections: [userCollection('c-x', '原有集合')] }), 'library$': { v: 2 } });
      await chooseFile(a, 'input[type="file"][name="backup-file"]', file('replace.json'));
      await waitFor(a, '[data-import-plan]');
      await click(a, 'input[name="import-mode"][value="replace"]');
      await waitFor(a, '[data-import-plan][data-mode="replace"][data-removed="1"]');
      await click(a, '[data-action="apply-import"]');
      await waitFor(a, '[data-action="confirm-replace"]');
      expect(await text(a, '#confirm-message')).toContain('删除 1 个现有条目');

      // Meanwhile another tab adds a collection.
      const b = await openOptions(driver, 'library');
      await setStorage(b, { library: JSON.stringify({ collections: [userCollection('c-x', '原有集合'), userCollection('c-z', '另一页刚加的')] }), 'library$': { v: 2 } });
      await waitFor(b, '[data-collection-id="c-z"]');
      const written = await storageSnapshot(b);

      await click(a, '[data-action="confirm-replace"]');
      await waitFor(a, '[data-confirm-notice]');
      expect(await text(a, '[data-confirm-notice]')).toContain('模板库已在其他页面中被修改');
      expect(await text(a, '#confirm-message')).toContain('删除 2 个现有条目');
      expect(await count(a, '[data-import-plan][data-removed="2"] [data-plan-collection-id="c-z"][data-status="removed"]')).toBe(1);
      expect(await count(a, '[data-plan-changed]')).toBe(1);
      // Nothing was written.
      expect(await storageSnapshot(a)).toEqual(written);

      // The user has seen that 另一页刚加的 goes, and confirms.
      await click(a, '[data-action="confirm-replace"]');
      await expect.poll(async () => (await storedLibrary(a)).collections.map((c) => c.id), POLL).toEqual(['c-y']);
      for (const page of [a, b]) await closePage(page);
    });
  });

  describe(`a restart in ${name}`, () => {
    it('keeps an edit made before the browser closed', async () => {
      const profile = mkdtempSync(join(tmpdir(), 'bixia-e2e-profile-'));
      try {
        const before = await launch({ locale: 'zh-CN', userDataDir: profile });
        try {
          const page = await openOptions(before, 'import');
          await importReport(page, file('seed-report.txt'));
          await click(page, '[data-action="add-collection"]');
          await expect.poll(async () => (await storedLibrary(page)).collections.length, POLL).toBe(1);
          await click(page, '[data-view="library"]');
          const entry = expected.entries.find((e) => e.kind === 'template' && e.path.length === 1)!;
          await click(page, `[data-collection-id="${expected.id}"]`);
          await click(page, `[data-entry-id="${entry.id}"]`);
          await setValue(page, 'textarea[name="body"]', `${entry.body}\n（重启前加的一句）`);
          await click(page, '[data-action="save"]');
          await expect
            .poll(async () => (await storedLibrary(page)).collections[0]!.entries.find((e) => e.id === entry.id)?.body, POLL)
            .toBe(`${entry.body}\n（重启前加的一句）`);
        } finally {
          await before.close();
        }

        const after = await launch({ locale: 'zh-CN', userDataDir: profile });
        try {
          const popup = await after.openExtensionPage('popup.html', '[data-library="loaded"]');
          await (popup as unknown as { keyboard: { type(t: string): Promise<void> } }).keyboard.type('重启前加的一句');
          await expect
            .poll(() => evaluate(popup, () => document.querySelector('li.row[role="option"]')?.getAttribute('data-entry-id') ?? null, undefined), POLL)
            .toBe(expected.entries.find((e) => e.kind === 'template' && e.path.length === 1)!.id);
        } finally {
          await after.close();
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    });
  });
}
