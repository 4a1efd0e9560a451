/**
 * The picker at the caret end to end (issue 13), in Chromium and Firefox. The
 * keyboard command (Alt+Shift+Space) is the browser's own: neither CDP nor
 * WebDriver BiDi can press a browser-level shortcut, so the test sends the
 * message the background sends on it (utils/insert-router.ts, openPickerIn)
 * from an extension page, to the tab's frames; the one whose field the user
 * chose opens the picker. The rest is the user's keyboard: type a query in the
 * picker, Enter inserts at the caret in the editor's own model, one Ctrl+Z
 * takes it out, Esc leaves the focus and the caret exactly where they were.
 *
 * The picker lives in a closed shadow root, which no test can look into (nor
 * can the page): the test sees its host, where it is, and what it does.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { EDITORS, type EditorSite, type PageName, startEditorSite } from './editors/site';
import { type AnyPage, type BrowserDriver, type WebTab, browsers, click, closePage, evaluate, press, type } from './harness/driver';
import { LAB_HEAD, LAB_INITIAL, chooseByKey, focusEditor, openWithCaret, readParas } from './editors/lab';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const LOCALE = 'zh-CN';
const POLL = { timeout: 10_000, interval: 50 };
/** How long a result must stay as it is: a late or second insertion shows within it. */
const SETTLE_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const library = readBuiltinCollection().entries;
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const TAIL = LAB_INITIAL.slice(LAB_HEAD.length);
/** An entry whose text has a blank with today's date as its default: the picker asks for it first. */
const dated = library.find((entry) => entry.body.includes('@今天'));

/** Where the picker's host is in the page (in whichever same-origin frame holds it), or null when none is open. */
const pickerState = (page: AnyPage) =>
  evaluate(
    page,
    () => {
      const docs: Document[] = [document];
      for (const frame of Array.from(document.querySelectorAll('iframe'))) {
        try {
          if (frame.contentDocument) docs.push(frame.contentDocument);
        } catch {
          // Another origin: no picker of ours there in these pages.
        }
      }
      for (const doc of docs) {
        const host = doc.querySelector('bixia-picker');
        if (!host) continue;
        const box = host.getBoundingClientRect();
        return { ready: host.getAttribute('data-ready') === 'true', top: Math.round(box.top), left: Math.round(box.left), height: Math.round(box.height) };
      }
      return null;
    },
    undefined,
  );

for (const target of browsers) {
  describe(`${target.name}: the picker at the caret`, () => {
    let site: EditorSite | undefined;
    let pages: TestSite | undefined;
    let driver: BrowserDriver | undefined;
    let control: AnyPage | undefined;
    const opened: AnyPage[] = [];
    let counter = 0;

    beforeAll(async () => {
      site = await startEditorSite();
      pages = await startTestSite();
      driver = await target.launch({ locale: LOCALE });
      control = await driver.openExtensionPage('popup.html');
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });

    afterAll(async () => {
      await driver?.close();
      await site?.close();
      await pages?.close();
    });

    const running = () => {
      if (!driver || !site || !control || !pages) throw new Error(`${target.name} did not start`);
      return { driver, site, control, pages };
    };

    /** What the background does on the command: ask the tab's frames; the one with the user's field opens the picker. */
    const openPicker = async (tab: WebTab) => {
      await evaluate(
        running().control,
        (tabId) => {
          type Api = { tabs: { sendMessage(tabId: number, message: object): Promise<unknown> } };
          const scope = globalThis as unknown as { browser?: Api; chrome: Api };
          void (scope.browser ?? scope.chrome).tabs.sendMessage(tabId, { type: 'background→page:open-picker' }).catch(() => undefined);
        },
        tab.tabId,
      );
      await expect.poll(async () => (await pickerState(tab.page))?.ready, POLL).toBe(true);
    };

    /** shortcuts.html, the caret at the end of `field` (after 开头文字。), chosen by the user's click. */
    const openField = async (field: string): Promise<WebTab> => {
      const { driver, pages } = running();
      counter += 1;
      const tab = await driver.openWebPage(pages.url(`shortcuts.html?run=${counter}`), READY);
      opened.push(tab.page);
      await click(tab.page, field);
      await press(tab.page, 'End');
      return tab;
    };
    const fieldState = (page: AnyPage, field: string) =>
      evaluate(
        page,
        (selector) => {
          const node = document.querySelector(selector) as HTMLElement;
          const focused = document.activeElement === node;
          if (node.localName === 'textarea' || node.localName === 'input') {
            const text = node as HTMLTextAreaElement;
            return { text: text.value, focused, caret: [text.selectionStart, text.selectionEnd], top: Math.round(node.getBoundingClientRect().top), bottom: Math.round(node.getBoundingClientRect().bottom) };
          }
          const selection = getSelection();
          const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
          const before = range ? document.createRange() : null;
          if (range && before) {
            before.setStart(node, 0);
            before.setEnd(range.startContainer, range.startOffset);
          }
          return {
            text: node.textContent ?? '',
            focused,
            caret: before && range ? [before.toString().length, before.toString().length + range.toString().length] : null,
            top: Math.round(node.getBoundingClientRect().top),
            bottom: Math.round(node.getBoundingClientRect().bottom),
          };
        },
        field,
      );

    for (const [what, field] of [
      ['a <textarea>', '#area'],
      ['an <input>', '#text'],
      ['a contenteditable', '#ce'],
    ] as const) {
      it(`${what}: opens at the caret; the phrase found by its words goes in at the caret on Enter; one Ctrl+Z takes it out`, async () => {
        const tab = await openField(field);
        const before = await fieldState(tab.page, field);
        await openPicker(tab);
        const picker = (await pickerState(tab.page))!;
        // Just under the line the caret is on, within the field's height (or above it when there is no room below).
        expect(picker.top, 'the picker under the caret').toBeGreaterThanOrEqual(before.top);
        expect(picker.top, 'the picker under the caret').toBeLessThanOrEqual(before.bottom + 8);
        expect((await fieldState(tab.page, field)).focused, 'the search box has the focus').toBe(false);
        await type(tab.page, PHRASE);
        await press(tab.page, 'Enter');
        await expect.poll(async () => (await fieldState(tab.page, field)).text, POLL).toBe(LAB_HEAD + PHRASE);
        expect(await pickerState(tab.page), 'the picker has closed').toBeNull();
        const after = await fieldState(tab.page, field);
        expect(after.focused, 'the field has the focus back').toBe(true);
        expect(after.caret, 'the caret after the phrase').toEqual([(LAB_HEAD + PHRASE).length, (LAB_HEAD + PHRASE).length]);
        await press(tab.page, 'Control+z');
        await expect.poll(async () => (await fieldState(tab.page, field)).text, POLL).toBe(LAB_HEAD);
      });
    }

    it("on a page whose policy allows only its own scripts and styles, it opens, styled, and inserts", async () => {
      const { driver, pages } = running();
      counter += 1;
      const tab = await driver.openWebPage(pages.url(`strict.html?run=${counter}`), READY);
      opened.push(tab.page);
      await click(tab.page, '#area');
      await press(tab.page, 'End');
      await openPicker(tab);
      // Styled: the box has its size (an unstyled one would be as tall as all its rows).
      const picker = (await pickerState(tab.page))!;
      expect(picker.height).toBeGreaterThan(100);
      expect(picker.height).toBeLessThanOrEqual(400);
      await type(tab.page, PHRASE);
      await press(tab.page, 'Enter');
      await expect.poll(async () => (await fieldState(tab.page, '#area')).text, POLL).toBe(LAB_HEAD + PHRASE);
    });

    it('Esc closes it and leaves the focus, the text and the caret exactly as they were', async () => {
      const tab = await openField('#area');
      await press(tab.page, 'ArrowLeft');
      await press(tab.page, 'Shift+ArrowLeft');
      const before = await fieldState(tab.page, '#area');
      expect(before.caret).toEqual([LAB_HEAD.length - 2, LAB_HEAD.length - 1]);
      await openPicker(tab);
      await type(tab.page, '表率');
      await press(tab.page, 'Escape');
      await expect.poll(() => pickerState(tab.page), POLL).toBeNull();
      expect(await fieldState(tab.page, '#area')).toEqual(before);
      // And the keys typed next go into the field, where the caret was.
      await type(tab.page, 'x');
      expect((await fieldState(tab.page, '#area')).text).toBe(`${LAB_HEAD.slice(0, -2)}x${LAB_HEAD.slice(-1)}`);
    });

    it('Ctrl+Enter copies the phrase and closes, inserting nothing; Ctrl+V then pastes it where the caret was', async () => {
      const tab = await openField('#area');
      const before = await fieldState(tab.page, '#area');
      await openPicker(tab);
      await type(tab.page, PHRASE);
      await press(tab.page, 'Control+Enter');
      await expect.poll(() => pickerState(tab.page), POLL).toBeNull();
      await sleep(SETTLE_MS);
      expect(await fieldState(tab.page, '#area'), 'nothing inserted; focus and caret as they were').toEqual(before);
      await press(tab.page, 'Control+v');
      await expect.poll(async () => (await fieldState(tab.page, '#area')).text, POLL).toBe(LAB_HEAD + PHRASE);
    });

    it('an entry with a blank asks for it in the picker, prefilled, then goes in filled', async () => {
      if (!dated) return expect.unreachable('the built-in library has an entry with @今天');
      const tab = await openField('#area');
      await openPicker(tab);
      await type(tab.page, dated.title);
      await press(tab.page, 'Enter');
      // The form takes the list's place; its first field has the focus, prefilled with today's date.
      await sleep(SETTLE_MS);
      expect((await fieldState(tab.page, '#area')).text, 'nothing inserted before the blank is filled').toBe(LAB_HEAD);
      await press(tab.page, 'Enter');
      await expect.poll(async () => (await fieldState(tab.page, '#area')).text, POLL).toMatch(/^开头文字。[\s\S]*\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await pickerState(tab.page)).toBeNull();
    });

    it('a click in the page closes it, and nothing is inserted', async () => {
      const tab = await openField('#area');
      await openPicker(tab);
      await click(tab.page, '#text');
      await expect.poll(() => pickerState(tab.page), POLL).toBeNull();
      expect((await fieldState(tab.page, '#area')).text).toBe(LAB_HEAD);
    });

    const openEditor = async (editor: PageName): Promise<WebTab> => {
      const { driver, site } = running();
      counter += 1;
      const tab = await openWithCaret(driver, `${site.url(editor)}?run=${counter}`, opened);
      await chooseByKey(tab.page);
      return tab;
    };

    for (const editor of EDITORS) {
      it(`${editor}: Enter puts the phrase in the model at the caret; one Ctrl+Z takes it out`, async () => {
        const tab = await openEditor(editor);
        await openPicker(tab);
        await type(tab.page, PHRASE);
        await press(tab.page, 'Enter');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([LAB_HEAD + PHRASE + TAIL]);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'once').toEqual([LAB_HEAD + PHRASE + TAIL]);
        await focusEditor(tab.page);
        await press(tab.page, 'Control+z');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([LAB_INITIAL]);
      });
    }

    for (const editor of EDITORS) {
      it(`${editor}: Esc closes it with nothing inserted, and the next key goes in where the caret was`, async () => {
        const tab = await openEditor(editor);
        await openPicker(tab);
        await type(tab.page, '表率');
        await press(tab.page, 'Escape');
        await expect.poll(() => pickerState(tab.page), POLL).toBeNull();
        expect(await readParas(tab.page), 'nothing inserted').toEqual([LAB_INITIAL]);
        await type(tab.page, 'x');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([`${LAB_HEAD}x${TAIL}`]);
      });
    }
  });
}
