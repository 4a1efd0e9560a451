/**
 * End-to-end insertion into rich editors (issue 4): each editor is bundled from
 * npm into a local page (test/e2e/editors), the caret is put in the middle of
 * its one paragraph 开头文字。|结尾文字。 through the editor's own API, and the
 * real popup inserts (1) a phrase and (2) a four-line section template. The
 * editor's MODEL — read through its API (window.lab.paras()), never the DOM —
 * must hold the text at the caret with the text around it intact, and one
 * Ctrl+Z (on the page, in the editor) must restore the original.
 *
 * Multi-line text may arrive in either of two shapes, both paragraphs with no
 * blank lines (docs/research/rich-editors.md, ✔ and ✔s): the first line joined
 * to 开头文字。 and the last to 结尾文字。, or (TinyMCE, wangEditor) the lines as
 * whole paragraphs with the caret's paragraph split around them.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listPlaceholders, renderBody } from '../../core/placeholders';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { startEditorSite, EDITORS, type EditorName, type EditorSite } from './editors/site';
import { launchChromium } from './harness/chromium';
import { READY, checkTabId, pressClosing, tabIdFor } from './harness/popup-driving';
import { launchFirefox } from './harness/firefox';

const LOCALE = 'zh-CN';
/** Polling, never fixed sleeps for what must happen: the limit is for loaded machines. */
const POLL = { timeout: 10_000, interval: 50 };
/** How long a correct result must stay correct: a late second insertion (doubled text) shows up within it. */
const SETTLE_MS = 400;

// ---------------------------------------------------------------------------
// What gets inserted, from the built-in library the extension is built from.

const library = readBuiltinCollection().entries;

const PHRASE_QUERY = '说实话';
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const phraseEntry = library.find((entry) => entry.kind === 'snippet' && entry.body === PHRASE);

const SECTION_QUERY = '主要差距不足';
const sectionEntry = library.find(
  (entry) => entry.kind === 'template' && entry.body.startsWith('一、主要差距不足\n一是创新思维能力还需进一步提升。'),
);
/** The template filled in with its defaults, which is what Enter on the form confirms. */
const SECTION = sectionEntry ? renderBody(sectionEntry.body) : '';
const SECTION_LINES = SECTION.split('\n');

/** The editors' one paragraph and where the caret goes (test/e2e/editors/pages/common.js). */
const HEAD = '开头文字。';
const TAIL = '结尾文字。';
const INITIAL = [HEAD + TAIL];

/** The two acceptable models after the section is inserted at the caret. */
function sectionShapes(): { joined: string[]; split: string[] } {
  const lines = [...SECTION_LINES];
  const joined = [...lines];
  joined[0] = HEAD + joined[0];
  joined[joined.length - 1] = joined[joined.length - 1] + TAIL;
  return { joined, split: [HEAD, ...lines, TAIL] };
}

/** 'joined' or 'split' when the model is one of the accepted shapes, else the model as JSON (for the failure message). */
function sectionShape(paras: string[]): string {
  const { joined, split } = sectionShapes();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  if (same(paras, joined)) return 'joined';
  if (same(paras, split)) return 'split';
  return JSON.stringify(paras);
}

// ---------------------------------------------------------------------------
// window.lab, as each editor page exposes it. Functions passed to evaluate()
// are sent to the page as source text, so they only use what is declared here.

interface Lab {
  name: string;
  /** The model's paragraphs, read through the editor's API. */
  paras(): string[];
  /** Focuses the editor through its API. */
  focus(): void;
  /** Focuses the editor and puts the caret after 开头文字。, through its API. */
  place(): void;
}
type LabWindow = { lab: Lab };

const readParas = () => (window as unknown as LabWindow).lab.paras();
const placeCaret = () => (window as unknown as LabWindow).lab.place();
const focusEditor = () => (window as unknown as LabWindow).lab.focus();

// ---------------------------------------------------------------------------
// The popup, read in one round trip (as in insertion.test.ts).

interface PopupView {
  activeElementId: string | undefined;
  firstRow: { id: string; selected: boolean } | null;
  status: string;
  form: { focusInside: boolean; values: string[] } | null;
}

function readPopup(): PopupView {
  const row = document.querySelector('li.row[role="option"]');
  const form = document.querySelector('form.placeholder-form');
  return {
    activeElementId: document.activeElement?.id,
    firstRow: row
      ? { id: row.getAttribute('data-entry-id') ?? '', selected: row.getAttribute('aria-selected') === 'true' }
      : null,
    status: Array.from(document.querySelectorAll('[role="status"]'), (node) => node.textContent ?? '')
      .join(' ')
      .trim(),
    form: form
      ? {
          focusInside: form.contains(document.activeElement),
          values: Array.from(form.querySelectorAll('input'), (input) => input.value),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------
// The same small surface over Playwright (Chromium) and Puppeteer (Firefox).

interface EditorPage {
  tabId: number;
  evaluate<R>(fn: () => R): Promise<R>;
  bringToFront(): Promise<void>;
  undo(): Promise<void>;
  close(): Promise<void>;
}

interface PopupPage {
  evaluate<R>(fn: () => R): Promise<R>;
  type(text: string): Promise<void>;
  press(key: 'Enter'): Promise<void>;
  isClosed(): Promise<boolean>;
  close(): Promise<void>;
}

interface BrowserSession {
  openEditor(editor: EditorName): Promise<EditorPage>;
  openPopup(tabId: number): Promise<PopupPage>;
  close(): Promise<void>;
}

interface BrowserUnderTest {
  name: string;
  launch(site: EditorSite): Promise<BrowserSession>;
}

let pageCounter = 0;
function uniqueUrl(site: EditorSite, editor: EditorName): string {
  pageCounter += 1;
  return `${site.url(editor)}?run=${pageCounter}`;
}

const browsers: BrowserUnderTest[] = [
  {
    name: 'Chromium',
    async launch(site) {
      const harness = await launchChromium({ locale: LOCALE });
      const control = await harness.openExtensionPage('popup.html');
      return {
        async openEditor(editor) {
          const url = uniqueUrl(site, editor);
          const page: PlaywrightPage = await harness.context.newPage();
          await page.goto(url);
          await page.waitForSelector(READY);
          await page.bringToFront();
          const tabId = checkTabId(await control.evaluate(tabIdFor, url));
          return {
            tabId,
            evaluate: (fn) => page.evaluate(fn),
            bringToFront: () => page.bringToFront(),
            undo: () => page.keyboard.press('Control+z'),
            close: () => page.close(),
          };
        },
        async openPopup(tabId) {
          const page = await harness.openExtensionPage(`popup.html?tab=${tabId}`);
          return {
            evaluate: (fn) => page.evaluate(fn),
            type: (text) => page.keyboard.type(text),
            press: (name) => pressClosing(() => page.keyboard.press(name), async () => page.isClosed()),
            isClosed: async () => page.isClosed(),
            close: () => page.close(),
          };
        },
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    async launch(site) {
      const harness = await launchFirefox({ locale: LOCALE });
      const control = await harness.openExtensionPage('popup.html');
      return {
        async openEditor(editor) {
          const url = uniqueUrl(site, editor);
          const page: PuppeteerPage = await harness.browser.newPage();
          await page.goto(url);
          await page.waitForSelector(READY);
          await page.bringToFront();
          const tabId = checkTabId((await control.evaluate(tabIdFor, url)) as number | string);
          return {
            tabId,
            evaluate: async <R>(fn: () => R) => (await page.evaluate(fn)) as R,
            bringToFront: () => page.bringToFront(),
            async undo() {
              await page.keyboard.down('Control');
              await page.keyboard.press('z');
              await page.keyboard.up('Control');
            },
            close: () => page.close().catch(() => undefined),
          };
        },
        async openPopup(tabId) {
          const page = await harness.openExtensionPage(`popup.html?tab=${tabId}`);
          // Puppeteer does not notice a tab the extension removed, so ask the tab itself.
          const isClosed = async () => {
            if (page.isClosed()) return true;
            try {
              await page.evaluate(() => true);
              return false;
            } catch (error) {
              if (/no such frame|detached|closed/i.test(String(error))) return true;
              throw error;
            }
          };
          return {
            evaluate: async <R>(fn: () => R) => (await page.evaluate(fn)) as R,
            type: (text) => page.keyboard.type(text),
            press: (name) => pressClosing(() => page.keyboard.press(name), isClosed),
            isClosed,
            close: () => page.close().catch(() => undefined),
          };
        },
        close: () => harness.close(),
      };
    },
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------

it('finds the entries these tests insert in the built-in library', () => {
  expect(phraseEntry, `a snippet whose text is ${PHRASE}`).toBeDefined();
  expect(sectionEntry, 'the 一、主要差距不足 section template').toBeDefined();
  expect(SECTION_LINES).toHaveLength(4);
  expect(SECTION_LINES.every((line) => line.trim() !== '')).toBe(true);
});

for (const target of browsers) {
  describe(`${target.name}: rich editors`, () => {
    let site: EditorSite | undefined;
    let session: BrowserSession | undefined;
    const opened: { close(): Promise<void> }[] = [];

    beforeAll(async () => {
      site = await startEditorSite();
      session = await target.launch(site);
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => page.close()));
    });

    afterAll(async () => {
      await session?.close();
      await site?.close();
    });

    const running = (): BrowserSession => {
      if (!session) throw new Error(`${target.name} did not start`);
      return session;
    };

    /** The editor's page, with the caret placed after 开头文字。 through the editor's API. */
    const openWithCaret = async (editor: EditorName): Promise<EditorPage> => {
      if (!site) throw new Error('no test site');
      const page = await running().openEditor(editor);
      opened.push(page);
      expect(await page.evaluate(readParas), 'the initial model').toEqual(INITIAL);
      await page.evaluate(placeCaret);
      return page;
    };

    const popupState = async (popup: PopupPage): Promise<string> => {
      if (await popup.isClosed()) return 'closed';
      try {
        return `open, status: “${(await popup.evaluate(readPopup)).status}”`;
      } catch (error) {
        return (await popup.isClosed()) ? 'closed' : `unreadable: ${String(error)}`;
      }
    };

    const searchInPopup = async (page: EditorPage, query: string, expectedFirstId: string): Promise<PopupPage> => {
      const popup = await running().openPopup(page.tabId);
      opened.push(popup);
      expect((await popup.evaluate(readPopup)).activeElementId, 'the search box has the focus').toBe('search-input');
      await popup.type(query);
      await expect
        .poll(async () => (await popup.evaluate(readPopup)).firstRow, POLL)
        .toEqual({ id: expectedFirstId, selected: true });
      return popup;
    };

    const insertPhrase = async (page: EditorPage): Promise<void> => {
      const popup = await searchInPopup(page, PHRASE_QUERY, phraseEntry?.id ?? '');
      await popup.press('Enter');
      await expect.poll(() => popupState(popup), POLL).toBe('closed');
      await page.bringToFront();
    };

    /** Enter opens the placeholder form, Enter confirms its defaults. */
    const insertSection = async (page: EditorPage): Promise<void> => {
      const popup = await searchInPopup(page, SECTION_QUERY, sectionEntry?.id ?? '');
      await popup.press('Enter');
      // The form renders first and takes the focus just after.
      await expect.poll(async () => (await popup.evaluate(readPopup)).form?.focusInside, POLL).toBe(true);
      const form = (await popup.evaluate(readPopup)).form;
      expect(form?.values).toEqual(listPlaceholders(sectionEntry?.body ?? '').map((p) => p.defaultValue));
      await popup.press('Enter');
      await expect.poll(() => popupState(popup), POLL).toBe('closed');
      await page.bringToFront();
    };

    /** One Ctrl+Z as a user presses it: back on the page, in the editor. */
    const undoOnce = async (page: EditorPage): Promise<void> => {
      await page.bringToFront();
      await page.evaluate(focusEditor);
      await page.undo();
    };

    for (const editor of EDITORS) {
      it(`${editor}: the phrase lands in the model at the caret; one Ctrl+Z restores it`, async () => {
        const page = await openWithCaret(editor);
        await insertPhrase(page);

        const expected = [HEAD + PHRASE + TAIL];
        await expect.poll(() => page.evaluate(readParas), POLL).toEqual(expected);
        await sleep(SETTLE_MS);
        expect(await page.evaluate(readParas), 'still once, nothing added late').toEqual(expected);

        await undoOnce(page);
        await expect.poll(() => page.evaluate(readParas), POLL).toEqual(INITIAL);
      });

      it(`${editor}: the section template arrives as paragraphs at the caret; one Ctrl+Z restores it`, async () => {
        const page = await openWithCaret(editor);
        await insertSection(page);

        await expect.poll(async () => sectionShape(await page.evaluate(readParas)), POLL).toMatch(/^(joined|split)$/);
        const shape = sectionShape(await page.evaluate(readParas));
        await sleep(SETTLE_MS);
        expect(sectionShape(await page.evaluate(readParas)), 'still once, nothing added late').toBe(shape);

        await undoOnce(page);
        await expect.poll(() => page.evaluate(readParas), POLL).toEqual(INITIAL);
      });
    }
  });
}
