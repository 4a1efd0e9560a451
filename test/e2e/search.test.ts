/**
 * Searching as a Chinese writer does, in both browsers: while an input method composes
 * (`biao` on its way to 表率) the list keeps its last results and updates when the text is
 * committed; pinyin, full and by initials, finds and inserts the phrase its Han text would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PlaywrightPage } from 'playwright-core';
import { listPlaceholders, renderBody } from '../../core/placeholders';
import { pinyinTable } from '../../core/pinyin';
import { buildSearchIndex, searchEntries, searchTexts } from '../../core/search';
import { readBuiltinLibrary } from '../../scripts/builtin-library-plugin';
import { type AnyPage, type BrowserDriver, browsers, closePage, evaluate, press, type, waitFor } from './harness/driver';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };
const INITIAL = '前半句，后半句。';
const MIDDLE = 4;

/** What a new user's popup searches: the built-in collections shown by default, with their readings. */
const library = readBuiltinLibrary();
const shownEntries = library.collections.filter((c) => library.shownByDefault[c.id]).flatMap((c) => c.entries);
const readings = pinyinTable(shownEntries.flatMap(searchTexts));
const index = buildSearchIndex(shownEntries, { pinyin: (text) => readings[text] });
/** The entry the search puts first for `query`. */
const firstFor = (query: string) => searchEntries(index, query).at(0)!;

/** What the list shows: how many results, the first one, and what the box holds. */
const listOf = (page: AnyPage) =>
  evaluate(
    page,
    () => {
      const first = document.querySelector('[role="listbox"] li[role="option"]');
      return {
        text: document.querySelector<HTMLInputElement>('#search-input')?.value ?? '',
        count: Number(first?.getAttribute('aria-setsize') ?? 0),
        first: first?.getAttribute('data-entry-id') ?? '',
        empty: document.querySelector('.empty[role="status"]') !== null,
      };
    },
    undefined,
  );

/**
 * The events an input method sends while `steps` are composed and `committed` is chosen, in the
 * order the browser sends them: Chromium ends with compositionend and no input after it, Firefox
 * sends an input event (not composing) after compositionend. After each step, `check` reads the page.
 */
async function compose(page: AnyPage, browser: 'chromium' | 'firefox', steps: string[], committed: string, check: () => Promise<void>) {
  const fire = (kind: 'start' | 'update' | 'end', value: string, inputAfter: boolean) =>
    evaluate(
      page,
      ([what, text, after]) => {
        const input = document.querySelector<HTMLInputElement>('#search-input')!;
        if (what === 'start') input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
        input.value = text;
        if (what === 'update') {
          input.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: text }));
          input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: text }));
        }
        if (what === 'end') {
          input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: text }));
          if (after) input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: false, inputType: 'insertCompositionText', data: text }));
        }
      },
      [kind, value, inputAfter] as const,
    );
  await fire('start', '', false);
  for (const step of steps) {
    await fire('update', step, false);
    await check();
  }
  await fire('end', committed, browser === 'firefox');
}

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});
let run = 0;

for (const target of browsers) {
  describe(`search in ${target.name}`, () => {
    let driver: BrowserDriver | undefined;
    const opened: AnyPage[] = [];
    const browser = target.name === 'Chromium' ? 'chromium' : 'firefox';
    beforeAll(async () => {
      driver = await target.launch({ locale: 'zh-CN' });
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });
    afterAll(async () => {
      await driver?.close();
    });
    const openPopup = async () => {
      if (!driver) throw new Error(`${target.name} did not start`);
      const page = await driver.openExtensionPage('popup.html', '[data-library="loaded"]');
      opened.push(page);
      return page;
    };

    it('keeps the last results while an input method composes, and searches what is committed', async () => {
      const popup = await openPopup();
      await type(popup, '学习');
      await expect.poll(async () => (await listOf(popup)).text, POLL).toBe('学习');
      await expect.poll(async () => (await listOf(popup)).count, POLL).toBeGreaterThan(0);
      const before = await listOf(popup);

      // 学习 then composing "biao": the list stays the list for 学习, never blank.
      await compose(popup, browser, ['学习b', '学习bi', '学习bia', '学习biao'], '学习表', async () => {
        const now = await listOf(popup);
        expect(now.empty).toBe(false);
        expect({ count: now.count, first: now.first }).toEqual({ count: before.count, first: before.first });
      });
      await expect.poll(async () => (await listOf(popup)).text, POLL).toBe('学习表');
      // Committed: searched once, for what was committed.
      await expect.poll(async () => (await listOf(popup)).count, POLL).not.toBe(before.count);

      await evaluate(popup, () => {
        const input = document.querySelector<HTMLInputElement>('#search-input')!;
        input.value = '';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, undefined);
      await expect.poll(async () => (await listOf(popup)).count, POLL).toBeGreaterThan(before.count);
    });

    if (target.name === 'Chromium') {
      it("keeps the list through a real input method's composition (DevTools IME)", async () => {
        const popup = (await openPopup()) as PlaywrightPage;
        const before = await listOf(popup);
        const cdp = await popup.context().newCDPSession(popup);
        for (const text of ['b', 'bi', 'bia', 'biao']) {
          await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
          await expect.poll(async () => (await listOf(popup)).text, POLL).toBe(text);
          const now = await listOf(popup);
          expect({ count: now.count, first: now.first, empty: now.empty }).toEqual({ count: before.count, first: before.first, empty: false });
        }
        await cdp.send('Input.insertText', { text: '表率' });
        await expect.poll(async () => (await listOf(popup)).text, POLL).toBe('表率');
        await expect.poll(async () => (await listOf(popup)).count, POLL).toBeLessThan(before.count);
        // Keys go to the list again once nothing is being composed.
        await press(popup, 'ArrowDown');
        await expect
          .poll(() => evaluate(popup, () => document.querySelector('li[role="option"][aria-selected="true"]')?.getAttribute('aria-posinset'), undefined), POLL)
          .toBe('2');
      });
    }

    it('inserts the phrase a pinyin query finds, typed in full, by initials and mixed with Han', async () => {
      if (!driver) throw new Error(`${target.name} did not start`);
      for (const [query, han] of [
        ['shuoshihua', '说实话'],
        ['ssh', '说实话'],
        ['biaolv', '表率'],
        ['bl作用', '表率作用'],
      ] as const) {
        const expected = firstFor(query);
        // The query finds what its Han text names, the pinyin having been read at build time.
        expect(expected.title, query).toContain(han);
        const tab = await driver.openWebPage(`${site.url('fields.html')}?run=${++run}`, READY);
        opened.push(tab.page);
        await evaluate(tab.page, (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.focus(), '#textarea');
        await press(tab.page, 'Escape');
        await evaluate(tab.page, (at) => document.querySelector<HTMLTextAreaElement>('#textarea')!.setSelectionRange(at, at), MIDDLE);
        const panel = await driver.openSidePanel(tab.tabId);
        opened.push(panel);
        await evaluate(panel, () => document.querySelector<HTMLInputElement>('#search-input')?.focus(), undefined);
        await type(panel, query);
        await expect
          .poll(() => evaluate(panel, () => document.querySelector('li.row[role="option"][aria-selected="true"]')?.getAttribute('data-entry-id') ?? '', undefined), POLL)
          .toBe(expected.id);
        // The matched characters are marked in the title.
        expect(await evaluate(panel, () => document.querySelector('li.row[aria-selected="true"] .row-title mark')?.textContent ?? '', undefined)).not.toBe('');
        await press(panel, 'Enter');
        if (listPlaceholders(expected.body).length > 0) {
          // Its blanks are asked for first, prefilled with their defaults: Enter inserts them.
          await waitFor(panel, 'form.placeholder-form');
          await press(panel, 'Enter');
        }
        await driver.returnToPage(tab.page);
        const text = renderBody(expected.body);
        await expect
          .poll(() => evaluate(tab.page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.value, undefined), POLL)
          .toBe(INITIAL.slice(0, MIDDLE) + text + INITIAL.slice(MIDDLE));
      }
    });
  });
}
