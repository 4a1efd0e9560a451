/**
 * Typed shortcuts end to end (issue 13): the user has set `;bl` on a phrase;
 * typed with real key presses in a field or a rich editor, it becomes the
 * phrase in the editor's own MODEL (window.lab.paras(), never the DOM), and
 * one Ctrl+Z gives the typed trigger back. A full-width `；bl` (what Chinese
 * punctuation mode types) expands too, in every field and editor. An input
 * method composing the same letters never expands, and once the composition
 * is committed as Han characters nothing matches; committed as the letters
 * themselves, they expand when it ends (a real, trusted composition:
 * harness/input-method.ts). A site turned off, and password and card-number
 * fields, never expand.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { EDITORS, type EditorSite, type PageName, startEditorSite } from './editors/site';
import { type AnyPage, type BrowserDriver, type WebTab, browsers, click, closePage, evaluate, fieldText, press, type } from './harness/driver';
import { focusEditor, openWithCaret as openEditor, readParas } from './editors/lab';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const LOCALE = 'zh-CN';
/** Polling, never fixed sleeps: the limit is for loaded machines. */
const POLL = { timeout: 10_000, interval: 50 };
/** How long a result must stay as it is: a late or second expansion shows within it. */
const SETTLE_MS = 400;

const library = readBuiltinCollection().entries;
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const phraseEntry = library.find((entry) => entry.kind === 'snippet' && entry.body === PHRASE);
const TRIGGER = ';bl';
/** An entry with a blank (today's date by default): its shortcut asks for it at the caret first. */
const datedEntry = library.find((entry) => entry.body.includes('@今天'));
const ASKING = ';rq';

const HEAD = '开头文字。';
const TAIL = '结尾文字。';
const INITIAL = [HEAD + TAIL];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stores the user's shortcuts as the options page does (utils/stored.ts, key `triggers`). */
async function setTriggers(page: AnyPage, value: { rows: { entryId: string; trigger: string }[]; enabled: boolean; offSites: string[] }) {
  await evaluate(
    page,
    (given) => {
      type Api = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).storage.local.set({ triggers: given, triggers$: { v: 1 } });
    },
    value,
  );
}

let pageCounter = 0;

for (const target of browsers) {
  describe(`${target.name}: typed shortcuts`, () => {
    let site: EditorSite | undefined;
    let pages: TestSite | undefined;
    let driver: BrowserDriver | undefined;
    let control: AnyPage | undefined;
    const opened: AnyPage[] = [];

    beforeAll(async () => {
      site = await startEditorSite();
      pages = await startTestSite();
      driver = await target.launch({ locale: LOCALE });
      control = await driver.openExtensionPage('popup.html');
      // The test site's second server is `localhost`: shortcuts are off there.
      await setTriggers(control, {
        rows: [
          { entryId: phraseEntry!.id, trigger: TRIGGER },
          { entryId: datedEntry!.id, trigger: ASKING },
        ],
        enabled: true,
        offSites: ['localhost'],
      });
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
      if (!driver || !site || !control) throw new Error(`${target.name} did not start`);
      return { driver, site, control };
    };

    const openWithCaret = async (editor: PageName): Promise<WebTab> => {
      const { driver, site } = running();
      pageCounter += 1;
      return openEditor(driver, `${site.url(editor)}?run=${pageCounter}`, opened);
    };

    /** shortcuts.html on the main server (or on the one where shortcuts are off), the caret at the end of `field`. */
    const openField = async (field: string, offSite = false): Promise<WebTab> => {
      const { driver } = running();
      pageCounter += 1;
      const path = `shortcuts.html?run=${pageCounter}`;
      const url = offSite ? `${pages!.crossOrigin}/${path}` : pages!.url(path);
      const tab = await driver.openWebPage(url, READY);
      opened.push(tab.page);
      await click(tab.page, field);
      await press(tab.page, 'End');
      return tab;
    };

    for (const [what, field] of [
      ['an <input>', '#text'],
      ['a <textarea>', '#area'],
      ['a contenteditable', '#ce'],
    ] as const) {
      it(`${what}: ${TRIGGER} becomes the phrase; one Ctrl+Z gives ${TRIGGER} back`, async () => {
        const tab = await openField(field);
        await type(tab.page, TRIGGER);
        await expect.poll(() => fieldText(tab.page, field), POLL).toBe(HEAD + PHRASE);
        await press(tab.page, 'Control+z');
        await expect.poll(() => fieldText(tab.page, field), POLL).toBe(HEAD + TRIGGER);
        await sleep(SETTLE_MS);
        expect(await fieldText(tab.page, field)).toBe(HEAD + TRIGGER);
      });
    }

    /** Whether the picker's box (closed shadow root) has the keyboard focus: its form field does. */
    const formFocused = (page: AnyPage) => evaluate(page, () => document.activeElement?.localName === 'bixia-picker', undefined);

    it(`${ASKING}, whose entry has a blank, asks for it at the caret; Enter expands it filled, one Ctrl+Z gives ${ASKING} back`, async () => {
      const tab = await openField('#area');
      await type(tab.page, ASKING);
      await expect.poll(() => formFocused(tab.page), POLL).toBe(true);
      expect(await fieldText(tab.page, '#area'), 'nothing expands before the form is filled').toBe(HEAD + ASKING);
      // Prefilled with today's date: Enter takes it.
      await press(tab.page, 'Enter');
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toMatch(/^开头文字。(?![\s\S]*;rq)[\s\S]*\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await formFocused(tab.page), 'the box has closed').toBe(false);
      await press(tab.page, 'Control+z');
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(HEAD + ASKING);
    });

    it(`Esc in the form leaves ${ASKING} as typed, the caret after it`, async () => {
      const tab = await openField('#area');
      await type(tab.page, ASKING);
      await expect.poll(() => formFocused(tab.page), POLL).toBe(true);
      await press(tab.page, 'Escape');
      await expect.poll(() => formFocused(tab.page), POLL).toBe(false);
      await sleep(SETTLE_MS);
      expect(await fieldText(tab.page, '#area')).toBe(HEAD + ASKING);
      await type(tab.page, 'x');
      expect(await fieldText(tab.page, '#area'), 'typing carries on after the trigger').toBe(`${HEAD + ASKING}x`);
    });

    it('on a page whose policy allows only its own scripts and styles, the matcher still comes and expands', async () => {
      const { driver } = running();
      pageCounter += 1;
      const tab = await driver.openWebPage(pages!.url(`strict.html?run=${pageCounter}`), READY);
      opened.push(tab.page);
      await click(tab.page, '#area');
      await press(tab.page, 'End');
      await type(tab.page, TRIGGER);
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(HEAD + PHRASE);
    });

    it('a full-width ；bl, as Chinese punctuation mode types it, expands the same', async () => {
      const tab = await openField('#area');
      await type(tab.page, '；bl');
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(HEAD + PHRASE);
    });

    it('never reads a password or card-number field, and never expands on a site turned off', async () => {
      for (const field of ['#secret', '#card']) {
        const tab = await openField(field);
        await type(tab.page, TRIGGER);
        await sleep(SETTLE_MS);
        expect(await fieldText(tab.page, field), field).toBe(HEAD + TRIGGER);
      }
      const off = await openField('#area', true);
      await type(off.page, TRIGGER);
      await sleep(SETTLE_MS);
      expect(await fieldText(off.page, '#area'), 'on the site turned off').toBe(HEAD + TRIGGER);
      // The same page on a site that is on: the shortcut works there (so the silence above is the switch).
      const on = await openField('#area');
      await type(on.page, TRIGGER);
      await expect.poll(() => fieldText(on.page, '#area'), POLL).toBe(HEAD + PHRASE);
    });

    /** A textarea with `;` typed and an input method composing `bl` after it: nothing expanded. */
    const composingTrigger = async () => {
      const tab = await openField('#area');
      const ime = await running().driver.inputMethod(tab.page);
      await type(tab.page, ';');
      for (const text of ['b', 'bl']) await ime.compose(text);
      await sleep(SETTLE_MS);
      expect(await fieldText(tab.page, '#area'), 'while composing').toBe(`${HEAD};bl`);
      return { tab, ime };
    };

    it('an input method composing the letters never expands, and committed as Han characters nothing matches', async () => {
      const { tab, ime } = await composingTrigger();
      await ime.commit('不了');
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(`${HEAD};不了`);
      await sleep(SETTLE_MS);
      expect(await fieldText(tab.page, '#area'), 'committed as 不了').toBe(`${HEAD};不了`);
      await ime.compose('bl');
      await ime.commit('bl');
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(`${HEAD};不了bl`);
      await sleep(SETTLE_MS);
      expect(await fieldText(tab.page, '#area'), 'no trigger ends at the caret').toBe(`${HEAD};不了bl`);
      // Then typed without the input method, the trigger expands as ever: the composition left nothing behind.
      await type(tab.page, TRIGGER);
      await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(`${HEAD};不了bl${PHRASE}`);
    });

    // Chromium ends CDP's compositions with an untrusted compositionend, which Bixia rightly
    // ignores (a page could fake one); Firefox's input method for tests ends them as a real one does.
    if (target.name !== 'Chromium') {
      it('letters of a trigger the input method commits as they are expand once the composition has ended', async () => {
        const { tab, ime } = await composingTrigger();
        await ime.commit('bl');
        await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(HEAD + PHRASE);
        await press(tab.page, 'Control+z');
        await expect.poll(() => fieldText(tab.page, '#area'), POLL).toBe(HEAD + TRIGGER);
      });
    }

    it('finds the phrase the shortcut names in the built-in library', () => {
      expect(phraseEntry, `a snippet whose text is ${PHRASE}`).toBeDefined();
    });

    for (const editor of EDITORS) {
      it(`${editor}: ${TRIGGER} typed at the caret becomes the phrase in the model; one Ctrl+Z gives ${TRIGGER} back, a second takes it out`, async () => {
        const tab = await openWithCaret(editor);
        await type(tab.page, TRIGGER);
        await expect.poll(() => readParas(tab.page), POLL).toEqual([HEAD + PHRASE + TAIL]);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'expanded once').toEqual([HEAD + PHRASE + TAIL]);
        await focusEditor(tab.page);
        await press(tab.page, 'Control+z');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([HEAD + TRIGGER + TAIL]);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'the trigger is back and stays unexpanded').toEqual([HEAD + TRIGGER + TAIL]);
        await press(tab.page, 'Control+z');
        await expect.poll(() => readParas(tab.page), POLL).toEqual(INITIAL);
      });
    }

    for (const editor of EDITORS) {
      it(`${editor}: a full-width ；bl, as Chinese punctuation mode types it, becomes the phrase in the model`, async () => {
        const tab = await openWithCaret(editor);
        await type(tab.page, '；bl');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([HEAD + PHRASE + TAIL]);
      });
    }

    for (const editor of EDITORS) {
      it(`${editor}: an input method composing the letters of ${TRIGGER} never expands; committed as Han characters, nothing matches`, async () => {
        const tab = await openWithCaret(editor);
        const ime = await running().driver.inputMethod(tab.page);
        await type(tab.page, ';');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([`${HEAD};${TAIL}`]);
        for (const text of ['b', 'bl']) await ime.compose(text);
        await sleep(SETTLE_MS);
        await ime.commit('不了');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([`${HEAD};不了${TAIL}`]);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'nothing expanded while composing, nor after').toEqual([`${HEAD};不了${TAIL}`]);
        // Typed without the input method next, the trigger expands as ever: the composition left nothing behind.
        await type(tab.page, TRIGGER);
        await expect.poll(() => readParas(tab.page), POLL).toEqual([`${HEAD};不了${PHRASE}${TAIL}`]);
      });
    }
  });
}
