/**
 * The right-click menu of editable fields (issue 13) in Chromium and Firefox.
 * The menu the extension made is read item by item (an extension page's
 * contextMenus.update() of an id succeeds only for an item that exists), and
 * used as a user does (harness/context-menu.ts): a right-click at the caret,
 * then an item — in Firefox its own menu, opened by the right-click and
 * clicked through; in Chromium, whose menu no protocol reaches, the click
 * event Chrome fires for the item. A phrase chosen from 插入 goes into every
 * field and editor at the caret, in the editor's own model, and one Ctrl+Z
 * takes it out; 保存为短语 on a selection opens the options page with the
 * entry to check, and once saved the popup finds it.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectionTitle } from '../../core/section-guess';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { EDITORS, type EditorSite, startEditorSite } from './editors/site';
import { LAB_HEAD, LAB_INITIAL, focusEditor, openWithCaret, readParas } from './editors/lab';
import { caretPoint } from './harness/context-menu';
import { type AnyPage, type BrowserDriver, browsers, click, closePage, evaluate, fieldText, press, type } from './harness/driver';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };
/** How long a result must stay as it is: a second insertion shows within it. */
const SETTLE_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A phrase of the model report's opening, under 插入 → 提纲 → the report → 开头. */
const PHRASE = '学与思、学与议、学与行';
const phraseEntry = readBuiltinCollection().entries.find((entry) => entry.kind === 'snippet' && entry.body === PHRASE);
const PHRASE_ITEM = `outline|${phraseEntry?.id}`;
const TAIL = LAB_INITIAL.slice(LAB_HEAD.length);
/**
 * Editors that answer a right-click with a menu of their own. CKEditor 4 shows the browser's
 * (and Bixia's items) on Ctrl + right-click; Monaco never does, so there the popup, the picker
 * and typed shortcuts are the ways in (docs/editors.md).
 */
const CTRL_FOR_MENU = new Set<string>(['ckeditor4']);
/**
 * CodeMirror 5 (and EasyMDE on it) answers a right-click by filling its hidden textarea for the
 * menu's Copy and Select all, and empties it again once the mouse button is up. A user's choice
 * in the menu comes long after. In Chromium, where no menu opens to hold the page, the test waits
 * for it before it chooses.
 */
const MENU_MODE_EDITORS = new Set<string>(['codemirror5', 'easymde']);
const menuMode = (page: AnyPage) => evaluate(page, () => (document.querySelector<HTMLTextAreaElement>('.CodeMirror textarea')?.value ?? '') !== '', undefined);
const OWN_MENU_ONLY = new Set<string>(['monaco']);

/** Whether the extension's context menu has an item `id` now. */
const hasItem = (page: AnyPage, id: string) =>
  evaluate(
    page,
    async (item) => {
      type Api = { contextMenus: { update(id: string, changes: object): Promise<void> } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      try {
        await (scope.browser ?? scope.chrome).contextMenus.update(item, {});
        return true;
      } catch {
        return false;
      }
    },
    id,
  );

for (const target of browsers) {
  describe(`${target.name}: the right-click menu of fields`, () => {
    let driver: BrowserDriver | undefined;
    let control: AnyPage | undefined;

    let pages: TestSite | undefined;
    let site: EditorSite | undefined;
    const opened: AnyPage[] = [];

    beforeAll(async () => {
      pages = await startTestSite();
      site = await startEditorSite();
      driver = await target.launch({ locale: 'zh-CN' });
      control = await driver.openExtensionPage('popup.html');
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });

    afterAll(async () => {
      await driver?.close();
      await pages?.close();
      await site?.close();
    });

    it('has 插入 with 收藏 (none yet), 最近使用 and the outline of the model report', async () => {
      const page = control!;
      await expect.poll(() => hasItem(page, 'insert'), POLL).toBe(true);
      for (const id of ['favorites', 'favorites-none', 'recent', 'recent-none', 'outline']) await expect.poll(() => hasItem(page, id), POLL).toBe(true);
      expect(await hasItem(page, 'no-such-item'), 'an item that was never made').toBe(false);
    });

    it('follows the favourites: an entry starred in the popup is under 收藏 at once', async () => {
      const popup = await driver!.openExtensionPage('popup.html', 'main.popup[data-ready="true"]');
      const first = await evaluate(popup, () => document.querySelector('li.row[aria-selected="true"]')?.getAttribute('data-entry-id') ?? '', undefined);
      expect(first).not.toBe('');
      await press(popup, 'Control+s');
      await expect.poll(() => hasItem(control!, `favorites|${first}`), POLL).toBe(true);
      await expect.poll(() => hasItem(control!, 'favorites-none'), POLL).toBe(false);
      // Unstarred, it leaves the menu again.
      await press(popup, 'Control+s');
      await expect.poll(() => hasItem(control!, `favorites|${first}`), POLL).toBe(false);
      await expect.poll(() => hasItem(control!, 'favorites-none'), POLL).toBe(true);
    });

    it('finds the phrase it chooses in the built-in library', () => {
      expect(phraseEntry, `a snippet whose text is ${PHRASE}`).toBeDefined();
    });

    for (const [what, field] of [
      ['an <input>', '#text'],
      ['a <textarea>', '#area'],
      ['a contenteditable', '#ce'],
    ] as const) {
      it(`${what}: 插入 → 提纲 → 开头 → a phrase, chosen at the caret, goes in there; one Ctrl+Z takes it out`, async () => {
        const tab = await driver!.openWebPage(pages!.url(`shortcuts.html?menu=${field.slice(1)}`), READY);
        opened.push(tab.page);
        await click(tab.page, field);
        await press(tab.page, 'End');
        const menu = await driver!.contextMenu(tab);
        await menu.choose(await caretPoint(tab.page), PHRASE_ITEM);
        await expect.poll(() => fieldText(tab.page, field), POLL).toBe(LAB_HEAD + PHRASE);
        await sleep(SETTLE_MS);
        expect(await fieldText(tab.page, field), 'inserted once').toBe(LAB_HEAD + PHRASE);
        await press(tab.page, 'Control+z');
        await expect.poll(() => fieldText(tab.page, field), POLL).toBe(LAB_HEAD);
        // A use: 最近使用 has it now, the menu changed in place.
        await expect.poll(() => hasItem(control!, `recent|${phraseEntry!.id}`), POLL).toBe(true);
        expect(await hasItem(control!, 'recent-none')).toBe(false);
        expect(await hasItem(control!, PHRASE_ITEM)).toBe(true);
      });
    }

    for (const editor of EDITORS.filter((name) => !OWN_MENU_ONLY.has(name))) {
      const how = CTRL_FOR_MENU.has(editor) ? 'Ctrl + right-click' : 'right-click';
      it(`${editor}: a phrase chosen from 插入 (${how} at the caret) goes into the model there; one Ctrl+Z takes it out`, async () => {
        const tab = await openWithCaret(driver!, site!.url(editor), opened);
        const menu = await driver!.contextMenu(tab);
        await menu.choose(await caretPoint(tab.page), PHRASE_ITEM, {
          ctrl: CTRL_FOR_MENU.has(editor),
          ...(MENU_MODE_EDITORS.has(editor) ? { settled: () => expect.poll(() => menuMode(tab.page), POLL).toBe(false) } : {}),
        });
        await expect.poll(() => readParas(tab.page), POLL).toEqual([LAB_HEAD + PHRASE + TAIL]);
        await sleep(SETTLE_MS);
        expect(await readParas(tab.page), 'inserted once').toEqual([LAB_HEAD + PHRASE + TAIL]);
        await focusEditor(tab.page);
        await press(tab.page, 'Control+z');
        await expect.poll(() => readParas(tab.page), POLL).toEqual([LAB_INITIAL]);
      });
    }

    it('has 保存为短语 and 保存为模板 for a selection', async () => {
      // The menu is made again after every change (the star above): waited for, not read mid-way.
      for (const id of ['save-phrase', 'save-template']) await expect.poll(() => hasItem(control!, id), POLL).toBe(true);
    });

    it('asked for the selection, the frame gives the text with its line breaks and what is above it', async () => {
      const tab = await driver!.openWebPage(pages!.url('shortcuts.html?report'), READY);
      opened.push(tab.page);
      await click(tab.page, '#area');
      await evaluate(
        tab.page,
        () => {
          const area = document.querySelector<HTMLTextAreaElement>('#area')!;
          area.value = '一、存在的主要问题\n（一）理论学习方面\n学得不深。\n学用结合不紧。';
          area.setSelectionRange(area.value.indexOf('学得'), area.value.length);
        },
        undefined,
      );
      const answer = await evaluate(
        control!,
        (tabId) => {
          type Api = { tabs: { sendMessage(tabId: number, message: object, options: object): Promise<unknown> } };
          const scope = globalThis as unknown as { browser?: Api; chrome: Api };
          return (scope.browser ?? scope.chrome).tabs.sendMessage(tabId, { type: 'background→page:selection' }, { frameId: 0 });
        },
        tab.tabId,
      );
      expect(answer).toEqual({ text: '学得不深。\n学用结合不紧。', before: '一、存在的主要问题\n（一）理论学习方面\n' });
    });

    it('保存为短语 on a selection in a field opens the options page with the entry and its section guessed; saved with 保存, the popup finds it', async () => {
      const tab = await driver!.openWebPage(pages!.url('shortcuts.html?save'), READY);
      opened.push(tab.page);
      await click(tab.page, '#area');
      const line = '遇到矛盾绕着走，碰到难题往后退。';
      // Lines of a known height, so the right-click can land on the selected one.
      await evaluate(
        tab.page,
        (last) => {
          const area = document.querySelector<HTMLTextAreaElement>('#area')!;
          Object.assign(area.style, { lineHeight: '20px', fontSize: '16px', padding: '0', width: '600px', height: '200px' });
          area.value = `一、存在的主要问题\n（一）理论学习方面\n学得不深。\n（二）担当作为方面\n${last}`;
          area.setSelectionRange(area.value.length - last.length, area.value.length);
          scrollTo(0, 0);
        },
        line,
      );
      const at = await evaluate(
        tab.page,
        () => {
          const box = document.querySelector<HTMLTextAreaElement>('#area')!.getBoundingClientRect();
          return { x: Math.round(box.left + 20), y: Math.round(box.top + 2 + 4 * 20 + 10) };
        },
        undefined,
      );
      const menu = await driver!.contextMenu(tab);
      await menu.choose(at, 'save-phrase');
      await expect.poll(async () => (await driver!.tabsAt('options.html')).length, POLL).toBe(1);
      const [options] = await driver!.tabsAt('options.html');
      opened.push(options!);
      const fields = () =>
        evaluate(
          options!,
          () => ({
            title: document.querySelector<HTMLInputElement>('#field-title')?.value,
            path: document.querySelector<HTMLInputElement>('#field-path')?.value,
            body: document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.value,
          }),
          undefined,
        );
      await expect.poll(fields, POLL).toEqual({ title: selectionTitle(line), path: '存在的主要问题 / 担当作为方面', body: line });
      // The user changes it before saving: the title is theirs.
      await driver!.bringToFront(options!);
      await click(options!, '#field-title');
      await press(options!, 'End');
      await type(options!, '的问题');
      await click(options!, '[data-action="save"]');
      await expect
        .poll(() => evaluate(options!, () => document.querySelector('[data-action="save"]')?.hasAttribute('disabled'), undefined), POLL)
        .toBe(true);
      const popup = await driver!.openExtensionPage('popup.html', 'main.popup[data-ready="true"]');
      opened.push(popup);
      await type(popup, '往后退的问题');
      await expect
        .poll(() => evaluate(popup, () => document.querySelector('li.row[aria-selected="true"] .row-title')?.textContent ?? '', undefined), POLL)
        .toContain(`${selectionTitle(line)}的问题`);
    });
  });
}
