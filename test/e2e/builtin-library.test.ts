/**
 * Bixia's own collections in Chromium and Firefox ESR, driven as a user would:
 * with the defaults the popup finds the phrase library and the frameworks and
 * the side panel lists every collection; turning one off in the options page
 * (设置) hides it in the popup, the side panel and search, and the choice
 * survives a browser restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlaceholders } from '../../core/placeholders';
import { buildSearchIndex, searchEntries } from '../../core/search';
import { readBuiltinLibrary } from '../../scripts/builtin-library-plugin';
import { readAllRows } from './harness/popup-driving';
import { type AnyPage, type BrowserDriver, browsers, click, closePage, evaluate, press, selectOption, storageSnapshot, storedLibrary, type } from './harness/driver';

const POLL = { timeout: 15_000, interval: 100 };
const PHRASES = 'builtin-phrases';
const builtins = readBuiltinLibrary().collections;
/** The popup's result rows, all of them (scrolled through): entry ids, in order. */
const rowIds = async (page: AnyPage) => (await evaluate(page, readAllRows, undefined)).map((row) => row.id);

const collectionOf = (id: string) => id.slice(0, id.indexOf(':'));

async function openPopup(driver: BrowserDriver): Promise<AnyPage> {
  return driver.openExtensionPage('popup.html', '[data-library="loaded"]');
}

/**
 * What the popup must list for `query` in a fresh profile with `hidden`
 * collections turned off: the search over the shown built-in collections, in
 * their order.
 */
function expectedIds(query: string, hidden: readonly string[] = []): string[] {
  const shown = builtins.filter((c) => !hidden.includes(c.id)).flatMap((c) => c.entries);
  return searchEntries(buildSearchIndex(shown), query).slice().map((e) => e.id);
}

/** The popup after typing `query`, once its list is the one the search gives. */
async function search(driver: BrowserDriver, query: string, hidden: readonly string[] = []): Promise<{ page: AnyPage; ids: string[] }> {
  const page = await openPopup(driver);
  await type(page, query);
  const expected = expectedIds(query, hidden);
  await expect.poll(() => rowIds(page), POLL).toEqual(expected);
  return { page, ids: expected };
}

/** The side panel's collection picker: the values offered. */
const pickerValues = (page: AnyPage) =>
  evaluate(page, () => Array.from(document.querySelectorAll<HTMLOptionElement>('select[name="collection"] option'), (o) => o.value), undefined);

async function setShown(driver: BrowserDriver, id: string, shown: boolean): Promise<void> {
  const options = await driver.openExtensionPage('options.html#settings', `input[data-builtin-id="${id}"]`);
  const checked = () => evaluate(options, (sel) => document.querySelector<HTMLInputElement>(sel)!.checked, `input[data-builtin-id="${id}"]`);
  if ((await checked()) !== shown) await click(options, `input[data-builtin-id="${id}"]`);
  await expect.poll(checked, POLL).toBe(shown);
  await expect.poll(async () => (await storageSnapshot(options)).settings, POLL).toMatchObject({ builtins: expect.arrayContaining([[id, shown]]) });
  await closePage(options);
}

for (const { name, launch } of browsers) {
  describe(`the built-in library in ${name}`, () => {
    it('lists the phrase library and the frameworks by default, and a choice to hide one lasts across a restart', async () => {
      const profile = mkdtempSync(join(tmpdir(), 'bixia-e2e-builtin-'));
      try {
        const before = await launch({ locale: 'zh-CN', userDataDir: profile });
        try {
          // The genre's most common word finds phrases of the phrase library, and frameworks.
          const first = await search(before, '担当');
          expect(first.ids.filter((id) => collectionOf(id) === PHRASES).length).toBeGreaterThanOrEqual(3);
          await closePage(first.page);
          // A slot frame asks for its blank, prefilled with a default that reads.
          const frame = builtins.flatMap((c) => c.entries).find((e) => e.id === `${PHRASES}:measure-001`)!;
          const framed = await search(before, frame.title);
          expect(framed.ids[0]).toBe(frame.id);
          await press(framed.page, 'Enter');
          await expect
            .poll(() => evaluate(framed.page, () => Array.from(document.querySelectorAll<HTMLInputElement>('form.placeholder-form input'), (i) => [i.labels?.[0]?.textContent ?? '', i.value]), undefined), POLL)
            .toEqual(listPlaceholders(frame.body).map((p) => [p.name, p.defaultValue]));
          await closePage(framed.page);
          const closing = await search(before, '以上发言');
          expect(new Set(closing.ids.map(collectionOf)).size).toBeGreaterThanOrEqual(2);
          await closePage(closing.page);

          // The side panel offers every built-in collection, and shows the phrase library by function.
          const panel = await before.openExtensionPage('sidepanel.html', 'select[name="collection"]');
          expect(await pickerValues(panel)).toEqual(builtins.map((c) => c.id));
          await selectOption(panel, 'select[name="collection"]', PHRASES);
          await expect
            .poll(() => evaluate(panel, () => Array.from(document.querySelectorAll('ul.outline > li[data-group]'), (li) => li.getAttribute('data-group')), undefined), POLL)
            .toEqual(['开头', '学习体会', '问题查摆', '原因剖析', '整改措施', '表态与结尾']);
          await click(panel, 'ul.outline > li[data-group="问题查摆"] .node-group');
          await expect
            .poll(() => evaluate(panel, () => Array.from(document.querySelectorAll('li[data-group="问题查摆"] li[data-group]'), (li) => li.getAttribute('data-group')), undefined), POLL)
            .toContain('担当作为');
          await closePage(panel);

          // Any built-in entry can be copied into the user's own collection, which keeps it whatever is hidden.
          // One that 担当 does not find, so the searches below list built-in entries only.
          const phrase = builtins.find((c) => c.id === PHRASES)!.entries.find((e) => !e.body.includes('担当'))!;
          const options = await before.openExtensionPage('options.html#library', '[data-ready="true"]');
          await click(options, `[data-collection-id="${PHRASES}"]`);
          await click(options, `li[data-entry-id="${phrase.id}"] .entry-main`);
          await click(options, '[data-action="copy-to-mine"]');
          await expect
            .poll(async () => (await storedLibrary(options)).collections.flatMap((c) => c.entries.map((e) => [e.title, e.body])), POLL)
            .toEqual([[phrase.title, phrase.body]]);
          await closePage(options);

          // Hidden: gone from search, from the side panel, and from the options page's library.
          await setShown(before, PHRASES, false);
          const hidden = await search(before, '担当', [PHRASES]);
          expect(hidden.ids.filter((id) => collectionOf(id) === PHRASES)).toEqual([]);
          await closePage(hidden.page);
          const panelAfter = await before.openExtensionPage('sidepanel.html', 'select[name="collection"]');
          const offered = await pickerValues(panelAfter);
          expect(offered.filter((id) => id.startsWith('builtin'))).toEqual(builtins.map((c) => c.id).filter((id) => id !== PHRASES));
          // The copy stays, in the user's own collection.
          expect(offered.filter((id) => !id.startsWith('builtin'))).toHaveLength(1);
          await closePage(panelAfter);
        } finally {
          await before.close();
        }

        const after = await launch({ locale: 'zh-CN', userDataDir: profile });
        try {
          const again = await search(after, '担当', [PHRASES]);
          expect(again.ids.length).toBeGreaterThan(0);
          expect(again.ids.filter((id) => collectionOf(id) === PHRASES)).toEqual([]);
          await closePage(again.page);
          const library = await after.openExtensionPage('options.html#library', '[data-ready="true"]');
          const listed = await evaluate(library, () => Array.from(document.querySelectorAll('[data-collection-id]'), (el) => el.getAttribute('data-collection-id')), undefined);
          expect(listed).not.toContain(PHRASES);
          expect(listed).toContain('builtin');
          await closePage(library);
          // Turned back on, it is found again at once.
          await setShown(after, PHRASES, true);
          const back = await search(after, '担当');
          expect(back.ids.filter((id) => collectionOf(id) === PHRASES).length).toBeGreaterThanOrEqual(3);
          await closePage(back.page);
        } finally {
          await after.close();
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    });
  });
}
