/**
 * The side panel inserts as the popup does, without closing: search and
 * Enter, a phrase chip in the outline, a paragraph of the reading view. The
 * panel is opened as sidepanel.html?tab=<id> in a tab of its own, and says
 * what happened in its status line.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBody } from '../../core/placeholders';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { launchChromium } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };
const INITIAL = '前半句，后半句。';
const MIDDLE = 4;
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const whole = readBuiltinCollection().entries.find((e) => e.kind === 'template' && e.path.length === 0)!;
/** The opening paragraph of the report: the reading view's second paragraph, with no placeholders. */
const OPENING = renderBody(whole.body.split('\n')[1]!);

/** The same few steps in either driver. */
interface Driver {
  openPage(path: string): Promise<{ tabId: number; page: AnyPage }>;
  openPanel(tabId: number): Promise<AnyPage>;
  openPopup(): Promise<AnyPage>;
  /** What a user does in Firefox's real sidebar implicitly: the page stays visible and can take focus. */
  returnToPage(page: AnyPage): Promise<void>;
  close(): Promise<void>;
}

type AnyPage = PlaywrightPage | PuppeteerPage;

/** The calls both drivers share with the same meaning, typed once. */
interface CommonPage {
  click(selector: string): Promise<void>;
  waitForSelector(selector: string): Promise<unknown>;
  close(): Promise<void>;
  keyboard: {
    type(text: string): Promise<void>;
    press(key: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
}
const common = (page: AnyPage) => page as unknown as CommonPage;

async function evaluate<R, A>(page: AnyPage, fn: (arg: A) => R, arg: A): Promise<R> {
  // Both drivers take (fn, arg); their typings differ only in how they unwrap the argument.
  const run = page.evaluate.bind(page) as unknown as (f: (arg: A) => R, a: A) => Promise<R>;
  return run(fn, arg);
}

/** Puts the caret in a field as a keyboard user does: focus alone, by script, is no choice for Bixia; a key pressed in the field is. */
async function putCaret(page: AnyPage, selector: string): Promise<void> {
  await evaluate(page, (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.focus(), selector);
  await common(page).keyboard.press('Escape');
  await evaluate(
    page,
    ([sel, middle]) => document.querySelector<HTMLTextAreaElement>(sel)!.setSelectionRange(middle, middle),
    [selector, MIDDLE] as const,
  );
}

const valueOf = (page: AnyPage, selector: string) =>
  evaluate(page, (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.value, selector);
/** The status line as the user reads it, with its tone (success, fallback, error). */
const statusOf = (panel: AnyPage) =>
  evaluate(
    panel,
    () => {
      const status = document.querySelector('[role="status"]');
      return `${status?.getAttribute('data-tone')}: ${status?.textContent ?? ''}`;
    },
    undefined,
  );

/**
 * Types a query into the panel's search box and waits, as a user does, until the
 * first result is the phrase looked for; says where the keys went if not.
 */
async function searchFor(panel: AnyPage, query: string): Promise<void> {
  await common(panel).keyboard.type(query);
  const seen = () =>
    evaluate(
      panel,
      () => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const first = document.querySelector('li.row[role="option"]');
        return `query "${input?.value ?? '(no search box)'}", focus on ${document.activeElement?.tagName}, first result ${first?.textContent ?? '(none)'}`;
      },
      undefined,
    );
  await expect.poll(seen, POLL).toMatch(new RegExp(`query "${query}".*first result .*${PHRASE}`));
}

/** The id of the tab showing `url`, asked of the extension from one of its pages (Firefox shows URLs). */
async function tabIdOf(extensionPage: AnyPage, url: string): Promise<number> {
  return evaluate(
    extensionPage,
    async (u) => {
      type Tab = { id?: number; url?: string; active?: boolean };
      const scope = globalThis as unknown as { browser?: { tabs: { query(q: object): Promise<Tab[]> } }; chrome: { tabs: { query(q: object): Promise<Tab[]> } } };
      const tabs = await (scope.browser ?? scope.chrome).tabs.query({});
      return tabs.find((t) => t.url === u)!.id!;
    },
    url,
  );
}

/**
 * The panel, brought to the front as a user's click would: a page in the background has
 * no focus, and the browser refuses it the clipboard (seen once under CI load in Firefox).
 */
async function openPanelInFront(
  harness: { openExtensionPage(path: string): Promise<AnyPage> },
  tabId: number,
): Promise<AnyPage> {
  const panel = await harness.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await (panel as { bringToFront(): Promise<void> }).bringToFront();
  return panel;
}

/** Each test's page gets an address of its own, so the tab it is in can be told apart. */
let run = 0;
const uniqueUrl = (site: TestSite, path: string) => `${site.url(path)}?run=${++run}`;

const drivers: { name: string; launch(site: TestSite): Promise<Driver> }[] = [
  {
    name: 'Chromium',
    async launch(site) {
      const harness = await launchChromium({ locale: 'zh-CN' });
      const control = await harness.openExtensionPage('popup.html');
      return {
        async openPage(path) {
          // Chromium hides tab URLs without the tabs permission: the extension opens the
          // tab itself, so it knows the id.
          const url = uniqueUrl(site, path);
          const [page, tabId] = await Promise.all([
            harness.context.waitForEvent('page', (p) => p.url() === url),
            evaluate(
              control,
              async (u) => {
                const api = (globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<{ id?: number }> } } }).chrome;
                return (await api.tabs.create({ url: u, active: true })).id!;
              },
              url,
            ),
          ]);
          await page.waitForLoadState('load');
          return { page, tabId };
        },
        openPanel: (tabId) => openPanelInFront(harness, tabId),
        openPopup: () => harness.openExtensionPage('popup.html'),
        returnToPage: async () => undefined,
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    async launch(site) {
      const harness = await launchFirefox({ locale: 'zh-CN' });
      const control = await harness.openExtensionPage('popup.html');
      return {
        async openPage(path) {
          const url = uniqueUrl(site, path);
          const page = await harness.browser.newPage();
          await page.goto(url);
          await page.bringToFront();
          return { page, tabId: await tabIdOf(control, url) };
        },
        openPanel: (tabId) => openPanelInFront(harness, tabId),
        openPopup: () => harness.openExtensionPage('popup.html'),
        // The panel here is a tab, which hides the page; the real sidebar does not.
        returnToPage: (page) => (page as PuppeteerPage).bringToFront(),
        close: () => harness.close(),
      };
    },
  },
];

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});

for (const { name, launch } of drivers) {
  describe(`side panel in ${name}`, () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = await launch(site);
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('inserts the first search result at the caret with Enter, and says so', async () => {
      const { page, tabId } = await driver.openPage('fields.html');
      await putCaret(page, '#textarea');
      const panel = await driver.openPanel(tabId);
      await searchFor(panel, '说实话');
      await common(panel).keyboard.press('Enter');
      await driver.returnToPage(page);
      await expect.poll(() => valueOf(page, '#textarea'), POLL).toBe(INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE));
      await expect.poll(() => statusOf(panel), POLL).toBe('success: ✓已插入');
      await common(panel).close();
      await common(page).close();
    });

    it('inserts a paragraph of the reading view with one click', async () => {
      const { page, tabId } = await driver.openPage('fields.html');
      await putCaret(page, '#textarea');
      const panel = await driver.openPanel(tabId);
      await common(panel).click('#tab-read');
      await common(panel).waitForSelector('.reading-paragraph');
      await common(panel).click('.reading-paragraph:nth-of-type(2)');
      // The paragraph names the organisers, a placeholder: its form opens, Enter takes the defaults.
      await common(panel).waitForSelector('form.placeholder-form');
      await common(panel).keyboard.press('Enter');
      await driver.returnToPage(page);
      await expect.poll(() => valueOf(page, '#textarea'), POLL).toBe(INITIAL.slice(0, MIDDLE) + OPENING + INITIAL.slice(MIDDLE));
      await common(panel).close();
      await common(page).close();
    });

    it('inserts a phrase chip of the outline with one click', async () => {
      const { page, tabId } = await driver.openPage('fields.html');
      await putCaret(page, '#textarea');
      const panel = await driver.openPanel(tabId);
      // 学与思、学与议、学与行 hangs under the opening (开头), open from the start like every section.
      const chip = '.outline > li > div > ul > li:first-child > div > .phrases .phrase';
      await common(panel).waitForSelector(chip);
      const text = await evaluate(panel, (sel) => document.querySelector(sel)!.textContent!, chip);
      await common(panel).click(chip);
      await driver.returnToPage(page);
      await expect.poll(() => valueOf(page, '#textarea'), POLL).toBe(INITIAL.slice(0, MIDDLE) + text + INITIAL.slice(MIDDLE));
      await common(panel).close();
      await common(page).close();
    });

    it('shows a starred entry first in the popup and under 收藏 in the side panel', async () => {
      const firstRows = (popup: AnyPage) =>
        evaluate(
          popup,
          () => Array.from(document.querySelectorAll('li.row[role="option"]'), (row) => row.getAttribute('data-entry-id')).slice(0, 3),
          undefined,
        );
      const popup = await driver.openPopup();
      const [, second] = await firstRows(popup);
      await common(popup).keyboard.press('ArrowDown');
      await common(popup).keyboard.down('Control');
      await common(popup).keyboard.press('s');
      await common(popup).keyboard.up('Control');
      await expect
        .poll(() => evaluate(popup, () => document.querySelector('li.row[data-favorite="true"]')?.getAttribute('data-entry-id'), undefined), POLL)
        .toBe(second);
      await common(popup).close();

      const again = await driver.openPopup();
      await expect.poll(async () => (await firstRows(again))[0], POLL).toBe(second);
      await common(again).close();

      const { page, tabId } = await driver.openPage('fields.html');
      const panel = await driver.openPanel(tabId);
      await expect
        .poll(() => evaluate(panel, () => document.querySelector('section.pinned li.row')?.getAttribute('data-entry-id'), undefined), POLL)
        .toBe(second);
      await common(panel).close();
      await common(page).close();

      // Leave no star behind: a starred entry comes first among matches, and a later test's
      // search would get it (the whole report, say, with its placeholder form) instead of its phrase.
      const last = await driver.openPopup();
      await expect.poll(async () => (await firstRows(last))[0], POLL).toBe(second);
      await common(last).keyboard.down('Control');
      await common(last).keyboard.press('s');
      await common(last).keyboard.up('Control');
      await expect
        .poll(() => evaluate(last, () => document.querySelectorAll('li.row[data-favorite="true"]').length, undefined), POLL)
        .toBe(0);
      await common(last).close();
    });

    it('copies and says so, never as a success, when nothing in the tab has focus', async () => {
      const { page, tabId } = await driver.openPage('fields.html');
      const panel = await driver.openPanel(tabId);
      await searchFor(panel, '说实话');
      await common(panel).keyboard.press('Enter');
      await expect.poll(() => statusOf(panel), POLL).toMatch(/^fallback: ⚠未插入，文字已复制到剪贴板没有找到您点过或输入过的输入框。/);
      expect(await statusOf(panel)).not.toContain('已插入');
      await common(panel).close();
      await common(page).close();
    });
  });
}
