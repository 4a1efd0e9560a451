/**
 * The right-click menu of editable fields (issue 13) in Chromium and Firefox.
 * Neither CDP nor WebDriver BiDi can open or click a browser's own context
 * menu, so the test reads the menu the extension made, item by item: an
 * extension page's contextMenus.update() of an id succeeds only for an item
 * that exists. What a click does (the entry's text into the right-clicked
 * frame) is tested in test/unit/context-menu.test.ts; the insertion it asks
 * for is the popup's, tested everywhere else. For 保存为短语 / 保存为模板 the
 * test asks the page's frame for its selection as the background does, and
 * hands the options page the text the background would.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AnyPage, type BrowserDriver, browsers, click, closePage, evaluate, press, type } from './harness/driver';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };

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
    const opened: AnyPage[] = [];

    beforeAll(async () => {
      pages = await startTestSite();
      driver = await target.launch({ locale: 'zh-CN' });
      control = await driver.openExtensionPage('popup.html');
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });

    afterAll(async () => {
      await driver?.close();
      await pages?.close();
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

    it('a saved selection opens in the options page as a new entry to check, is saved with 保存, and the popup finds it', async () => {
      const title = '遇到矛盾绕着走';
      await evaluate(
        control!,
        (given) => {
          type Api = { storage: { session: { set(items: object): Promise<void> } } };
          const scope = globalThis as unknown as { browser?: Api; chrome: Api };
          return (scope.browser ?? scope.chrome).storage.session.set({ pendingEntry: { kind: 'snippet', title: given, body: `${given}，碰到难题往后退。`, path: ['存在的主要问题', '担当作为方面'], at: Date.now() } });
        },
        title,
      );
      const options = await driver!.openExtensionPage('options.html#library', 'main.options[data-ready="true"]');
      opened.push(options);
      const fields = () =>
        evaluate(
          options,
          () => ({
            title: document.querySelector<HTMLInputElement>('#field-title')?.value,
            path: document.querySelector<HTMLInputElement>('#field-path')?.value,
            body: document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.value,
          }),
          undefined,
        );
      await expect.poll(fields, POLL).toEqual({ title, path: '存在的主要问题 / 担当作为方面', body: `${title}，碰到难题往后退。` });
      // The user changes it before saving: the title is theirs.
      await click(options, '#field-title');
      await press(options, 'End');
      await type(options, '的问题');
      await click(options, '[data-action="save"]');
      await expect
        .poll(() => evaluate(options, () => document.querySelector('[data-action="save"]')?.hasAttribute('disabled'), undefined), POLL)
        .toBe(true);
      const popup = await driver!.openExtensionPage('popup.html', 'main.popup[data-ready="true"]');
      opened.push(popup);
      await type(popup, '绕着走的问题');
      await expect
        .poll(() => evaluate(popup, () => document.querySelector('li.row[aria-selected="true"] .row-title')?.textContent ?? '', undefined), POLL)
        .toContain('遇到矛盾绕着走的问题');
    });
  });
}
