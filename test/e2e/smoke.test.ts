/**
 * Smoke tests of the built extension in real browsers: what a user sees when
 * opening the popup and the side panel, typing a query and moving through the
 * results. Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumHasLanguagePack, launchChromium } from './harness/chromium';
import { firefoxHasLanguagePack, launchFirefox } from './harness/firefox';
import { readAllRows } from './harness/popup-driving';

/** The locale every browser is launched in: the extension's main audience. */
const LOCALE = 'zh-CN';

/** The slice of a browser page these tests need, the same for both drivers. */
interface UiPage {
  /** Runs `fn` in the page; it must not close over anything from the test. */
  evaluate<T>(fn: () => T): Promise<T>;
  /** Types into the focused element through the browser's keyboard input. */
  type(text: string): Promise<void>;
  press(key: 'ArrowDown'): Promise<void>;
  /** A real (trusted) mouse click on the first element matching `selector`. */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

interface BrowserSession {
  open(path: 'popup.html' | 'sidepanel.html'): Promise<UiPage>;
  close(): Promise<void>;
}

interface BrowserUnderTest {
  name: string;
  hasLanguagePack: (locale: string) => boolean;
  /** What to install so that `hasLanguagePack` holds on Debian. */
  languagePackPackage: string;
  launch(locale: string): Promise<BrowserSession>;
}

const browsers: BrowserUnderTest[] = [
  {
    name: 'Chromium',
    hasLanguagePack: (locale) => chromiumHasLanguagePack(locale),
    languagePackPackage: 'chromium-l10n',
    async launch(locale) {
      const harness = await launchChromium({ locale });
      return {
        async open(path) {
          const page = await harness.openExtensionPage(path);
          return {
            evaluate: (fn) => page.evaluate(fn),
            type: (text) => page.keyboard.type(text),
            press: (key) => page.keyboard.press(key),
            click: (selector) => page.click(selector),
            close: () => page.close(),
          };
        },
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    hasLanguagePack: (locale) => firefoxHasLanguagePack(locale),
    languagePackPackage: 'firefox-esr-l10n-zh-cn',
    async launch(locale) {
      const harness = await launchFirefox({ locale });
      return {
        async open(path) {
          const page = await harness.openExtensionPage(path);
          return {
            // Puppeteer types the result as Awaited<T>; our functions are synchronous.
            evaluate: async <T>(fn: () => T) => (await page.evaluate(fn)) as T,
            type: (text) => page.keyboard.type(text),
            press: (key) => page.keyboard.press(key),
            click: (selector) => page.click(selector),
            // The never-settling goto() (see the harness) can make close() reject.
            close: () => page.close().catch(() => undefined),
          };
        },
        close: () => harness.close(),
      };
    },
  },
];

interface RowView {
  id: string;
  title: string;
  selected: boolean;
}

interface PopupView {
  activeElementId: string | undefined;
  query: string | undefined;
  listboxCount: number;
  /** The rows rendered: those in view (the list renders no others). */
  rows: RowView[];
  /** How many results the list has in all (its rows' aria-setsize). */
  count: number;
}

/** Everything the popup shows, read in one round trip (runs in the page). */
function readPopup(): PopupView {
  const input = document.querySelector<HTMLInputElement>('#search-input');
  return {
    activeElementId: document.activeElement?.id,
    query: input?.value,
    listboxCount: document.querySelectorAll('[role="listbox"]').length,
    rows: Array.from(document.querySelectorAll('[role="listbox"] > li.row[role="option"]'), (row) => ({
      id: row.getAttribute('data-entry-id') ?? '',
      title: row.querySelector('.row-title')?.textContent?.trim() ?? '',
      selected: row.getAttribute('aria-selected') === 'true',
    })),
    count: Number(document.querySelector('[role="listbox"] > li.row[role="option"]')?.getAttribute('aria-setsize') ?? 0),
  };
}

interface OutlineNodeView {
  title: string;
  expanded: boolean | undefined;
  phrases: string[];
  children: OutlineNodeView[];
}

/** The side panel's outline as a tree of what is rendered (runs in the page). */
function readOutline(): OutlineNodeView[] {
  // Declared inside: only this function's source text reaches the page.
  function readList(list: Element | null): OutlineNodeView[] {
    if (!list) return [];
    return Array.from(list.children, (item) => {
      const row = item.querySelector(':scope > .node-row');
      const phrases = item.querySelectorAll(':scope > div > .phrases > .phrase');
      return {
        title: item.querySelector(':scope > .node-row > .node-title')?.textContent?.trim() ?? '',
        expanded: row?.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : undefined,
        phrases: Array.from(phrases, (chip) => chip.textContent?.trim() ?? ''),
        children: readList(item.querySelector(':scope > div > ul')),
      };
    });
  }
  return readList(document.querySelector('ul.outline'));
}

const WHOLE_REPORT_PREFIX = '参加市县级领导干部';
const SECTIONS = ['主要差距不足', '成因分析', '努力方向'];
const PHRASE = '说实话、办实事、鼓实劲、求实效';
/** Where PHRASE lives: an item under 努力方向, two levels down and so collapsed at first. */
const PHRASE_OWNER = ['努力方向', '不断提高自律能力'] as const;
const POLL = { timeout: 10_000, interval: 50 };

/** The outline node reached from the whole report by titles containing each of `names`. */
function nodeAt(outline: OutlineNodeView[], names: readonly string[]): OutlineNodeView | undefined {
  let node = outline[0];
  for (const name of names) node = node?.children.find((child) => child.title.includes(name));
  return node;
}

for (const target of browsers) {
  describe(target.name, () => {
    // One browser per block: launching is most of the cost of a run.
    let session: BrowserSession | undefined;
    const openPages: UiPage[] = [];

    const open = async (path: 'popup.html' | 'sidepanel.html') => {
      if (!session) throw new Error(`${target.name} did not start`);
      const page = await session.open(path);
      openPages.push(page);
      return page;
    };

    beforeAll(async () => {
      session = await target.launch(LOCALE);
    });

    afterEach(async () => {
      await Promise.all(openPages.splice(0).map((page) => page.close()));
    });

    afterAll(async () => {
      await session?.close();
    });

    it('popup opens focused on the search box, listing the built-in report', async () => {
      const popup = await open('popup.html');
      // The model report is listed at once, the other built-in collections a moment later.
      await expect.poll(() => popup.evaluate(() => document.querySelector('main')?.getAttribute('data-library')), POLL).toBe('loaded');
      const view = await popup.evaluate(readPopup);

      expect(view.activeElementId).toBe('search-input');
      expect(view.listboxCount).toBe(1);
      const all = await popup.evaluate(readAllRows);
      expect(all.length).toBe(view.count);
      const titles = all.map((row) => row.title);
      for (const section of SECTIONS) {
        expect(titles.some((title) => title.includes(section)), `a row titled …${section}…`).toBe(true);
      }
      expect(titles.some((title) => title.startsWith(WHOLE_REPORT_PREFIX))).toBe(true);
      expect(all.every((row) => row.id !== '')).toBe(true);
      expect(all.map((row) => row.selected)).toEqual(all.map((_, index) => index === 0));
      // Only the rows in view are in the page, however long the list.
      expect(view.rows.length).toBeLessThan(view.count);
    });

    it('typing 表率 narrows the results, and ArrowDown selects the next one', async () => {
      const popup = await open('popup.html');
      await expect.poll(() => popup.evaluate(() => document.querySelector('main')?.getAttribute('data-library')), POLL).toBe('loaded');
      const before = await popup.evaluate(readPopup);

      await popup.type('表率');
      await expect.poll(async () => (await popup.evaluate(readPopup)).query, POLL).toBe('表率');
      await expect
        .poll(async () => (await popup.evaluate(readPopup)).count, POLL)
        .toBeLessThan(before.count);
      const filtered = await popup.evaluate(readPopup);
      expect(filtered.rows.length).toBeGreaterThan(1);
      expect(filtered.rows[0]?.title).toContain('表率');
      expect(filtered.rows[0]?.selected).toBe(true);
      // The search box keeps the focus, so the arrow keys keep working.
      expect(filtered.activeElementId).toBe('search-input');

      await popup.press('ArrowDown');
      await expect
        .poll(async () => (await popup.evaluate(readPopup)).rows.map((row) => row.selected), POLL)
        .toEqual(filtered.rows.map((_, index) => index === 1));
    });

    it('side panel shows the outline of the report and its set phrases', async () => {
      const panel = await open('sidepanel.html');
      const outline = await panel.evaluate(readOutline);

      expect(outline[0]?.title.startsWith(WHOLE_REPORT_PREFIX)).toBe(true);
      const sections = outline[0]?.children ?? [];
      const positions = SECTIONS.map((name) => sections.findIndex((node) => node.title.includes(name)));
      expect(positions.every((position) => position >= 0), `sections at ${positions.join(', ')}`).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      // Open the phrase's collapsed item the way a user would: click its disclosure triangle.
      expect(nodeAt(outline, PHRASE_OWNER)?.expanded).toBe(false);
      const owner = await panel.evaluate(
        () => Array.from(document.querySelectorAll('.outline .node-row'), (row) => row).find((row) => row.textContent?.includes('不断提高自律能力'))?.id ?? '',
      );
      await panel.click(`#${owner} > .disclosure`);
      await expect
        .poll(async () => nodeAt(await panel.evaluate(readOutline), PHRASE_OWNER)?.phrases, POLL)
        .toContain(PHRASE);
    });

    it('speaks Chinese when the browser runs in zh-CN', async (context) => {
      context.skip(
        !target.hasLanguagePack(LOCALE),
        `${target.name} has no ${LOCALE} language pack, so it runs (and the extension speaks) en-US; ` +
          `apt-get install ${target.languagePackPackage}`,
      );
      const popup = await open('popup.html');
      const page = await popup.evaluate(() => ({
        placeholder: document.querySelector<HTMLInputElement>('#search-input')?.placeholder,
        title: document.title,
        lang: document.documentElement.lang,
      }));

      expect(page).toEqual({ placeholder: '搜索模板、短语或章节…', title: '笔匣', lang: 'zh-CN' });
    });
  });
}
