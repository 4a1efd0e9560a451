/**
 * The right-click menu of editable fields (issue 13) in Chromium and Firefox.
 * Neither CDP nor WebDriver BiDi can open or click a browser's own context
 * menu, so the test reads the menu the extension made, item by item: an
 * extension page's contextMenus.update() of an id succeeds only for an item
 * that exists. What a click does (the entry's text into the right-clicked
 * frame) is tested in test/unit/context-menu.test.ts; the insertion it asks
 * for is the popup's, tested everywhere else.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnyPage, type BrowserDriver, browsers, evaluate, press } from './harness/driver';

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

    beforeAll(async () => {
      driver = await target.launch({ locale: 'zh-CN' });
      control = await driver.openExtensionPage('popup.html');
    });

    afterAll(async () => {
      await driver?.close();
    });

    it('has 插入 with 收藏 (none yet), 最近使用 and the outline of the model report', async () => {
      const page = control!;
      await expect.poll(() => hasItem(page, 'insert'), POLL).toBe(true);
      for (const id of ['favorites', 'favorites-none', 'recent', 'recent-none', 'outline']) expect(await hasItem(page, id), id).toBe(true);
      expect(await hasItem(page, 'no-such-item'), 'an item that was never made').toBe(false);
    });

    it('follows the favourites: an entry starred in the popup is under 收藏 at once', async () => {
      const popup = await driver!.openExtensionPage('popup.html', 'main.popup[data-ready="true"]');
      const first = await evaluate(popup, () => document.querySelector('li.row[aria-selected="true"]')?.getAttribute('data-entry-id') ?? '', undefined);
      expect(first).not.toBe('');
      await press(popup, 'Control+s');
      await expect.poll(() => hasItem(control!, `favorites|${first}`), POLL).toBe(true);
      expect(await hasItem(control!, 'favorites-none')).toBe(false);
      // Unstarred, it leaves the menu again.
      await press(popup, 'Control+s');
      await expect.poll(() => hasItem(control!, `favorites|${first}`), POLL).toBe(false);
      expect(await hasItem(control!, 'favorites-none')).toBe(true);
    });
  });
}
