/**
 * End-to-end insertion into rich editors (issue 4): each editor is bundled from
 * npm into a local page (test/e2e/editors), the caret is put in the middle of
 * its one paragraph 开头文字。|结尾文字。 through the editor's own API, and the
 * real popup inserts (1) a phrase and (2) a four-line section template. The
 * editor's MODEL — read through its API (window.lab.paras()), never the DOM —
 * must hold the text at the caret with the text around it intact, and one
 * Ctrl+Z (on the page, in the editor) must restore the original.
 *
 * Editors whose model lives outside the DOM field (CodeMirror 5, EasyMDE,
 * Monaco, Ace, TinyMCE 4 and 5 without their paste plugin, Trix, and
 * CKEditor 4's iframe) are also driven
 * from the side panel, whose page has no focus: the text must land in the
 * model, or go to the clipboard with the message saying so — never 已插入
 * for text the editor does not hold. A page-made editor with a hidden
 * textarea and no known API (hidden-editor) must get the clipboard and the
 * message, from the popup and from the side panel.
 *
 * Multi-line text may arrive in either of two shapes, both paragraphs with no
 * blank lines (docs/research/rich-editors.md, ✔ and ✔s): the first line joined
 * to 开头文字。 and the last to 结尾文字。, or (TinyMCE, wangEditor) the lines as
 * whole paragraphs with the caret's paragraph split around them.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listPlaceholders, renderBody } from '../../core/placeholders';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { EDITORS, HIDDEN_EDITOR, PAGE_API_EDITORS, type EditorSite, type PageName, startEditorSite } from './editors/site';
import {
  type AnyPage,
  type BrowserDriver,
  type WebTab,
  browsers,
  closePage,
  evaluate,
  press,
  readClipboard,
  type,
  writeClipboard,
} from './harness/driver';
import { launchChromium, type ChromiumHarness } from './harness/chromium';
import { type LabWindow, chooseByKey, focusEditor, openWithCaret as openEditor, readParas } from './editors/lab';
import { READY, pressClosing } from './harness/popup-driving';
import { type VirtualDisplay, hasXvfb, startVirtualDisplay } from './harness/xvfb';
import type { BrowserContext, Page as PlaywrightPage, Worker } from 'playwright-core';

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
// window.lab, as each editor page exposes it (./editors/lab.ts).

/** The message Bixia shows in the page once the popup has closed (utils/page/notice.ts). */
const pageNotice = (page: AnyPage) =>
  evaluate(page, () => document.querySelector('bixia-notice')?.shadowRoot?.textContent ?? '', undefined);

// ---------------------------------------------------------------------------
// The popup or the side panel, read in one round trip (as in insertion.test.ts).

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------

it('finds the entries these tests insert in the built-in library', () => {
  expect(phraseEntry, `a snippet whose text is ${PHRASE}`).toBeDefined();
  expect(sectionEntry, 'the 一、主要差距不足 section template').toBeDefined();
  expect(SECTION_LINES).toHaveLength(4);
  expect(SECTION_LINES.every((line) => line.trim() !== '')).toBe(true);
});

/** Each test's page gets an address of its own, so the tab it is in can be told apart. */
let pageCounter = 0;

for (const target of browsers) {
  describe(`${target.name}: rich editors`, () => {
    let site: EditorSite | undefined;
    let driver: BrowserDriver | undefined;
    const opened: AnyPage[] = [];

    beforeAll(async () => {
      site = await startEditorSite();
      driver = await target.launch({ locale: LOCALE });
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });

    afterAll(async () => {
      await driver?.close();
      await site?.close();
    });

    const running = (): { driver: BrowserDriver; site: EditorSite } => {
      if (!driver || !site) throw new Error(`${target.name} did not start`);
      return { driver, site };
    };

    /** The editor's page, with the caret placed after 开头文字。 through the editor's API. */
    const openWithCaret = async (editor: PageName): Promise<WebTab> => {
      const { driver, site } = running();
      pageCounter += 1;
      const tab = await openEditor(driver, `${site.url(editor)}?run=${pageCounter}`, opened);
      await chooseByKey(tab.page);
      return tab;
    };

    const surfaceState = async (surface: AnyPage): Promise<string> => {
      if (await running().driver.isClosed(surface)) return 'closed';
      try {
        return `open, status: “${(await evaluate(surface, readPopup, undefined)).status}”`;
      } catch (error) {
        return (await running().driver.isClosed(surface)) ? 'closed' : `unreadable: ${String(error)}`;
      }
    };

    /** Types the query into the search box of the popup or side panel and waits for the entry to come first. */
    const search = async (surface: AnyPage, query: string, expectedFirstId: string): Promise<void> => {
      expect((await evaluate(surface, readPopup, undefined)).activeElementId, 'the search box has the focus').toBe('search-input');
      await type(surface, query);
      await expect
        .poll(async () => (await evaluate(surface, readPopup, undefined)).firstRow, POLL)
        .toEqual({ id: expectedFirstId, selected: true });
    };

    const pressIn = (surface: AnyPage, key: string) =>
      pressClosing(() => press(surface, key), () => running().driver.isClosed(surface));

    const openPopup = async (tab: WebTab): Promise<AnyPage> => {
      const popup = await running().driver.openPopup(tab.tabId);
      opened.push(popup);
      return popup;
    };

    const insertPhrase = async (tab: WebTab): Promise<void> => {
      const popup = await openPopup(tab);
      await search(popup, PHRASE_QUERY, phraseEntry?.id ?? '');
      await pressIn(popup, 'Enter');
      await expect.poll(() => surfaceState(popup), POLL).toBe('closed');
      await running().driver.bringToFront(tab.page);
    };

    /** Enter opens the placeholder form, Enter confirms its defaults. */
    const insertSection = async (tab: WebTab): Promise<void> => {
      const popup = await openPopup(tab);
      await search(popup, SECTION_QUERY, sectionEntry?.id ?? '');
      await pressIn(popup, 'Enter');
      // The form renders first and takes the focus just after.
      await expect.poll(async () => (await evaluate(popup, readPopup, undefined)).form?.focusInside, POLL).toBe(true);
      const form = (await evaluate(popup, readPopup, undefined)).form;
      expect(form?.values).toEqual(listPlaceholders(sectionEntry?.body ?? '').map((p) => p.defaultValue));
      await pressIn(popup, 'Enter');
      await expect.poll(() => surfaceState(popup), POLL).toBe('closed');
      await running().driver.bringToFront(tab.page);
    };

    /** The phrase from the side panel, which stays open and says what happened; the page stays without focus. */
    const insertPhraseFromPanel = async (tab: WebTab): Promise<AnyPage> => {
      const panel = await running().driver.openSidePanel(tab.tabId);
      opened.push(panel);
      await search(panel, PHRASE_QUERY, phraseEntry?.id ?? '');
      await pressIn(panel, 'Enter');
      await expect.poll(async () => (await evaluate(panel, readPopup, undefined)).status, POLL).toMatch(/已插入|已复制|复制失败/);
      return panel;
    };

    /** One Ctrl+Z as a user presses it: back on the page, in the editor. */
    const undoOnce = async (tab: WebTab): Promise<void> => {
      await running().driver.bringToFront(tab.page);
      await focusEditor(tab.page);
      await press(tab.page, 'Control+z');
    };

    const clipboard = () => readClipboard(running().driver, running().site.scratchUrl);
    const markClipboard = () => writeClipboard(running().driver, running().site.scratchUrl, '（剪贴板上原有的内容）');

    for (const editor of EDITORS) {
      it(`${editor}: the phrase lands in the model at the caret; one Ctrl+Z restores it`, async () => {
        const tab = await openWithCaret(editor);
        await insertPhrase(tab);

        const expected = [HEAD + PHRASE + TAIL];
        await expect.poll(() => readParas(tab.page), POLL).toEqual(expected);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'still once, nothing added late').toEqual(expected);

        await undoOnce(tab);
        await expect.poll(() => readParas(tab.page), POLL).toEqual(INITIAL);
      });

      it(`${editor}: the section template arrives as paragraphs at the caret; one Ctrl+Z restores it`, async () => {
        const tab = await openWithCaret(editor);
        await insertSection(tab);

        await expect.poll(async () => sectionShape(await readParas(tab.page)), POLL).toMatch(/^(joined|split)$/);
        const shape = sectionShape(await readParas(tab.page));
        await sleep(SETTLE_MS);
        expect(sectionShape(await readParas(tab.page)), 'still once, nothing added late').toBe(shape);

        await undoOnce(tab);
        await expect.poll(() => readParas(tab.page), POLL).toEqual(INITIAL);
      });
    }

    for (const editor of PAGE_API_EDITORS) {
      it(`${editor}: from the side panel (the page without focus) the phrase lands in the model and the panel says 已插入; one Ctrl+Z restores it`, async () => {
        const tab = await openWithCaret(editor);
        const panel = await insertPhraseFromPanel(tab);
        expect((await evaluate(panel, readPopup, undefined)).status).toContain('已插入');

        const expected = [HEAD + PHRASE + TAIL];
        await expect.poll(() => readParas(tab.page), POLL).toEqual(expected);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'still once, nothing added late').toEqual(expected);

        await undoOnce(tab);
        await expect.poll(() => readParas(tab.page), POLL).toEqual(INITIAL);
      });
    }

    it(`${HIDDEN_EDITOR} (a hidden textarea, no known API): the popup's insertion is copied instead, and the page says so`, async () => {
      await markClipboard();
      const tab = await openWithCaret(HIDDEN_EDITOR);
      await insertPhrase(tab);
      await expect.poll(() => pageNotice(tab.page), POLL).toContain('已复制');
      expect(await pageNotice(tab.page)).not.toContain('已插入');
      expect(await readParas(tab.page), 'the editor is unchanged').toEqual(INITIAL);
      expect(await clipboard()).toBe(PHRASE);
    });

    it(`${HIDDEN_EDITOR}: the side panel copies instead and says so, never 已插入`, async () => {
      await markClipboard();
      const tab = await openWithCaret(HIDDEN_EDITOR);
      const panel = await insertPhraseFromPanel(tab);
      const status = (await evaluate(panel, readPopup, undefined)).status;
      expect(status).toContain('已复制');
      expect(status).not.toContain('已插入');
      expect(await readParas(tab.page), 'the editor is unchanged').toEqual(INITIAL);
      expect(await clipboard()).toBe(PHRASE);
    });
  });
}

/**
 * Headless Chromium treats every window as focused, so there the side panel
 * cannot take focus from the page. A headed Chromium on a virtual display,
 * with the panel in a focused window of its own, shows the case of the
 * issue: the page really has no focus, CodeMirror 5 and Monaco ignore their
 * hidden textareas, and only their page-side API (or the clipboard) is true.
 */
describe.skipIf(!hasXvfb())('Chromium with real window focus (headed, on Xvfb): the side panel and editors with a hidden textarea', () => {
  let display: VirtualDisplay | undefined;
  let harness: ChromiumHarness | undefined;
  let site: EditorSite | undefined;

  beforeAll(async () => {
    display = await startVirtualDisplay();
    harness = await launchChromium({ locale: LOCALE, display: display.display });
    site = await startEditorSite();
  });

  afterAll(async () => {
    await site?.close();
    await harness?.close();
    await display?.stop();
  });

  type TabsApi = {
    tabs: { create(options: { url: string; active: boolean }): Promise<{ id?: number }> };
    windows: { create(options: object): Promise<unknown> };
  };
  const worker = async (context: BrowserContext): Promise<Worker> =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

  /** The editor in a tab the extension opened (so it knows the id), with Playwright's focus emulation off. */
  async function openEditor(name: PageName): Promise<{ page: PlaywrightPage; tabId: number }> {
    const { context } = harness!;
    const url = `${site!.url(name)}?run=${++pageCounter}`;
    const [page, tabId] = await Promise.all([
      context.waitForEvent('page', (p) => p.url() === url),
      (await worker(context)).evaluate(
        async (u) => (await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.create({ url: u, active: true })).id!,
        url,
      ),
    ]);
    await page.waitForSelector(READY);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await page.bringToFront();
    await page.evaluate(() => (window as unknown as LabWindow).lab.place());
    await expect.poll(() => page.evaluate(() => document.hasFocus()), POLL).toBe(true);
    await chooseByKey(page);
    return { page, tabId };
  }

  /** The side panel for the tab, in a focused window of its own, as a panel takes focus from the page. */
  async function openPanelWindow(tabId: number): Promise<PlaywrightPage> {
    const { context, extensionId } = harness!;
    const url = `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`;
    const [panel] = await Promise.all([
      context.waitForEvent('page', (p) => p.url() === url),
      (await worker(context)).evaluate(
        (u) =>
          (globalThis as unknown as { chrome: TabsApi }).chrome.windows.create({ url: u, type: 'popup', focused: true, width: 480, height: 620 }),
        url,
      ),
    ]);
    await panel.waitForSelector('[data-ready="true"]');
    return panel;
  }

  const insertFromPanel = async (page: PlaywrightPage, tabId: number): Promise<PlaywrightPage> => {
    const panel = await openPanelWindow(tabId);
    await expect.poll(() => page.evaluate(() => document.hasFocus()), POLL).toBe(false);
    await panel.keyboard.type(PHRASE_QUERY);
    await expect.poll(async () => (await panel.evaluate(readPopup)).firstRow?.id, POLL).toBe(phraseEntry?.id);
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await panel.evaluate(readPopup)).status, POLL).toMatch(/已插入|已复制|复制失败/);
    return panel;
  };

  for (const editor of ['codemirror5', 'monaco'] as const) {
    it(`${editor}: the page without focus gets the phrase in its model, the panel says 已插入, one Ctrl+Z restores it`, async () => {
      const { page, tabId } = await openEditor(editor);
      const panel = await insertFromPanel(page, tabId);
      expect((await panel.evaluate(readPopup)).status).toContain('已插入');
      await expect.poll(() => page.evaluate(() => (window as unknown as LabWindow).lab.paras()), POLL).toEqual([HEAD + PHRASE + TAIL]);
      await panel.close();
      await page.bringToFront();
      await page.evaluate(() => (window as unknown as LabWindow).lab.focus());
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.evaluate(() => (window as unknown as LabWindow).lab.paras()), POLL).toEqual(INITIAL);
      await page.close();
    });
  }

  it(`${HIDDEN_EDITOR}: the page without focus ignores its hidden textarea, and the panel says it copied instead`, async () => {
    const { page, tabId } = await openEditor(HIDDEN_EDITOR);
    const panel = await insertFromPanel(page, tabId);
    const status = (await panel.evaluate(readPopup)).status;
    expect(status).toContain('已复制');
    expect(status).not.toContain('已插入');
    expect(await page.evaluate(() => (window as unknown as LabWindow).lab.paras())).toEqual(INITIAL);
    await panel.close();
    await page.close();
  });
});
