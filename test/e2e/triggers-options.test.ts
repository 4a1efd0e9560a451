/**
 * The options page's 快捷输入 view (issue 13), driven as a user would in
 * Chromium and Firefox ESR: find an entry by its words and give it a shortcut;
 * a malformed, taken or clashing shortcut is refused beside the field, in
 * Chinese, with storage unchanged; edit and remove; a site turned off, and a
 * site typed wrong refused; the global switch. What is stored is checked, and
 * the shortcut then works in a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { type AnyPage, type BrowserDriver, browsers, click, closePage, evaluate, setValue, storageSnapshot, text, type, waitFor } from './harness/driver';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 15_000, interval: 100 };
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const phraseEntry = readBuiltinCollection().entries.find((entry) => entry.body === PHRASE);

const storedTriggers = async (page: AnyPage) => (await storageSnapshot(page)).triggers as { rows: { entryId: string; trigger: string }[]; enabled: boolean; offSites: string[] } | undefined;

for (const target of browsers) {
  describe(`${target.name}: 快捷输入 in the options page`, () => {
    let driver: BrowserDriver | undefined;
    let site: TestSite | undefined;
    let options: AnyPage | undefined;

    beforeAll(async () => {
      site = await startTestSite();
      driver = await target.launch({ locale: 'zh-CN' });
      options = await driver.openExtensionPage('options.html#triggers', '#trigger-new');
    });

    afterAll(async () => {
      await driver?.close();
      await site?.close();
    });

    const page = () => {
      if (!options) throw new Error(`${target.name} did not start`);
      return options;
    };

    /** Types the shortcut, finds the entry by `words`, picks the first match whose id is `entryId`, and adds. */
    const add = async (trigger: string, words: string, entryId: string) => {
      await setValue(page(), '#trigger-new', trigger);
      await setValue(page(), '#trigger-entry-search', words);
      await waitFor(page(), `.trigger-choice input[data-entry-id="${entryId}"]`);
      await click(page(), `.trigger-choice input[data-entry-id="${entryId}"]`);
      await click(page(), '[data-action="add-trigger"]');
    };

    it('adds a shortcut to a built-in phrase, found by its words, and stores it', async () => {
      expect(phraseEntry).toBeDefined();
      await add(';bl', '说实话', phraseEntry!.id);
      await waitFor(page(), '[data-trigger=";bl"]');
      expect(await text(page(), '[data-trigger=";bl"] .trigger-entry-title')).toBe(PHRASE);
      expect(await storedTriggers(page())).toEqual({ rows: [{ entryId: phraseEntry!.id, trigger: ';bl' }], enabled: true, offSites: [] });
    });

    it('refuses a shortcut without a leading mark, one taken in full width, and a prefix, saying why and storing nothing', async () => {
      const before = await storageSnapshot(page());
      for (const [trigger, message] of [
        ['bl', /以标点或符号开头/],
        ['；BL', /已经设置过了/],
        [';b', /冲突/],
      ] as const) {
        await add(trigger, '说实话', phraseEntry!.id);
        await expect.poll(() => text(page(), '#trigger-add-error'), POLL).toMatch(message);
        // What was typed stays, for the user to correct.
        expect(await evaluate(page(), () => (document.querySelector('#trigger-new') as HTMLInputElement).value, undefined)).toBe(trigger);
      }
      expect(await storageSnapshot(page())).toEqual(before);
    });

    it('edits and removes a shortcut', async () => {
      await click(page(), '[data-trigger=";bl"] [data-action="edit-trigger"]');
      await waitFor(page(), '.trigger-edit input');
      await setValue(page(), '.trigger-edit input', ';sh');
      await click(page(), '[data-action="save-trigger"]');
      await waitFor(page(), '[data-trigger=";sh"]');
      expect((await storedTriggers(page()))?.rows).toEqual([{ entryId: phraseEntry!.id, trigger: ';sh' }]);
      await click(page(), '[data-trigger=";sh"] [data-action="remove-trigger"]');
      await expect.poll(() => evaluate(page(), () => document.querySelectorAll('.trigger-row').length, undefined), POLL).toBe(0);
      expect((await storedTriggers(page()))?.rows).toEqual([]);
    });

    it('turns a site off from an address, refuses what is no site, and has a global switch', async () => {
      await setValue(page(), '#trigger-site-new', 'not a site');
      await click(page(), '[data-action="add-site"]');
      await expect.poll(() => text(page(), '#trigger-site-error'), POLL).toMatch(/不是有效的网站地址/);
      await setValue(page(), '#trigger-site-new', 'https://OA.Example.cn/portal/index.html');
      await click(page(), '[data-action="add-site"]');
      await waitFor(page(), '[data-site="oa.example.cn"]');
      await click(page(), '#triggers-enabled');
      await expect.poll(async () => (await storedTriggers(page()))?.enabled, POLL).toBe(false);
      await click(page(), '#triggers-enabled');
      await expect.poll(async () => (await storedTriggers(page()))?.enabled, POLL).toBe(true);
      expect((await storedTriggers(page()))?.offSites).toEqual(['oa.example.cn']);
    });

    it('a shortcut added here works in a page at once', async () => {
      await add(';bl', '说实话', phraseEntry!.id);
      await waitFor(page(), '[data-trigger=";bl"]');
      const tab = await driver!.openWebPage(site!.url('shortcuts.html?from=options'), READY);
      try {
        await click(tab.page, '#area');
        await type(tab.page, ';bl');
        await expect
          .poll(() => evaluate(tab.page, () => (document.querySelector('#area') as HTMLTextAreaElement).value, undefined), POLL)
          .toBe(`开头文字。${PHRASE}`);
      } finally {
        await closePage(tab.page);
      }
    });
  });
}
