/**
 * The browser's right-click menu, as a user works it: a right-click at a point
 * of the page, then one of Bixia's items.
 *
 * - Firefox: the right-click (WebDriver BiDi) opens Firefox's own menu, with
 *   Bixia's items in it as Firefox made them; the script in the browser window
 *   (harness/firefox-chrome.ts) opens each submenu on the way to the item and
 *   activates it as a click would, and waits for the menu to close.
 * - Chromium: no protocol opens or clicks Chrome's own menu (headless shows
 *   none), so after the same right-click the test checks the item is in the
 *   menu and fires the event Chrome fires for a click, `contextMenus.onClicked`,
 *   in the service worker, with the tab and the frame Chrome would name (the
 *   frame the right-click went to, as the background recorded it). From there
 *   on the path is the real one.
 */
import type { BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import type { AnyPage } from './driver';
import { evaluate } from './driver';
import { firefoxChromeScript } from './firefox-chrome';

export interface Point {
  x: number;
  y: number;
}

export interface ContextMenu {
  /**
   * Right-clicks at `at` (CSS pixels of the tab's viewport) and chooses Bixia's item `id` there;
   * with `ctrl`, Ctrl held, as editors with a menu of their own (CKEditor 4) want for the browser's;
   * `settled`, in Chromium, where no menu opens: waits for what the page does after the
   * right-click, which a user's choice in the menu would come long after (Firefox's open menu
   * holds the page as a user's does, so it is not called there).
   */
  choose(at: Point, id: string, options?: { ctrl?: boolean; settled?: () => Promise<void> }): Promise<void>;
}

/** Firefox's id for an extension's menu item (ext-menus: the add-on id made a widget id, then the item's). */
export const firefoxItemId = (geckoId: string, id: string) => `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-_${id}`;

export async function firefoxContextMenu(browser: Browser, page: PuppeteerPage, geckoId: string): Promise<ContextMenu> {
  const inWindow = await firefoxChromeScript(browser);
  return {
    async choose(at, id, { ctrl = false } = {}) {
      await page.bringToFront();
      // Listening before the click: the menu may be open before the next script runs.
      await inWindow(`window.bixiaTestMenuShown = new Promise((resolve) => {
        const menu = document.getElementById('contentAreaContextMenu');
        menu.addEventListener('popupshown', function shown(event) {
          if (event.target !== menu) return;
          menu.removeEventListener('popupshown', shown);
          resolve();
        });
      }), true`);
      if (ctrl) await page.keyboard.down('Control');
      await page.mouse.click(at.x, at.y, { button: 'right' });
      if (ctrl) await page.keyboard.up('Control');
      const chosen = await inWindow(`(async () => {
        await window.bixiaTestMenuShown;
        const item = document.getElementById(${JSON.stringify(firefoxItemId(geckoId, id))});
        if (!item || item.hidden) return 'not in the menu: ' + [...document.getElementById('contentAreaContextMenu').querySelectorAll('menu,menuitem')].filter((e) => !e.hidden).map((e) => e.id).join(' ');
        // The submenus on the way, from the top: an item is clicked in an open menu only.
        const chain = [];
        for (let menu = item.parentNode.parentNode; menu && menu.localName === 'menu'; menu = menu.parentNode.parentNode) chain.unshift(menu);
        for (const menu of chain) {
          if (menu.menupopup.state === 'open') continue;
          const opened = new Promise((resolve) => menu.menupopup.addEventListener('popupshown', resolve, { once: true }));
          menu.openMenu(true);
          await opened;
        }
        const top = document.getElementById('contentAreaContextMenu');
        const closed = new Promise((resolve) => top.addEventListener('popuphidden', function hidden(event) {
          if (event.target !== top) return;
          top.removeEventListener('popuphidden', hidden);
          resolve();
        }));
        item.parentNode.activateItem(item);
        await closed;
        return 'chosen';
      })()`);
      expect(chosen, `Bixia's item ${id} in Firefox's menu`).toBe('chosen');
    },
  };
}

/** What the test uses of the service worker's `chrome`; `dispatch` is the extension event's own, as Chrome's bindings give it. */
interface WorkerApi {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  contextMenus: { update(id: string, changes: object): Promise<void>; onClicked: { dispatch(info: object, tab: object): void } };
  tabs: { get(id: number): Promise<{ id: number; url?: string }> };
}

export async function chromiumContextMenu(context: BrowserContext, page: PlaywrightPage, tabId: number): Promise<ContextMenu> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    async choose(at, id, { ctrl = false, settled } = {}) {
      await page.bringToFront();
      // What the page knows of the click: a selection in a field, for the browser's own copy of it.
      const selectionText = await page.evaluate(() => {
        let doc: Document = document;
        for (let active = doc.activeElement; active?.localName === 'iframe'; active = doc.activeElement) {
          const inner = (active as HTMLIFrameElement).contentDocument;
          if (!inner) break;
          doc = inner;
        }
        const field = doc.activeElement as HTMLTextAreaElement | null;
        if (field && typeof field.selectionStart === 'number' && 'value' in field) return field.value.slice(field.selectionStart, field.selectionEnd ?? field.selectionStart);
        return doc.getSelection()?.toString() ?? '';
      });
      if (ctrl) await page.keyboard.down('Control');
      await page.mouse.click(at.x, at.y, { button: 'right' });
      if (ctrl) await page.keyboard.up('Control');
      await settled?.();
      // The frame the right-click went to, as its content script reported it on the press.
      let frameId: number | null = null;
      await expect
        .poll(async () => {
          frameId = await worker.evaluate(async (tab) => {
            const api = (globalThis as unknown as { chrome: WorkerApi }).chrome;
            const stored = await api.storage.session.get('lastFocusedFrames');
            return (stored.lastFocusedFrames as Record<string, number> | undefined)?.[tab] ?? null;
          }, tabId);
          return frameId;
        }, { timeout: 10_000, interval: 50 })
        .not.toBeNull();
      const answer = await worker.evaluate(
        async ({ item, tab, frame, selection }) => {
          const api = (globalThis as unknown as { chrome: WorkerApi }).chrome;
          // contextMenus.update() of an id succeeds only for an item that exists.
          try {
            await api.contextMenus.update(item, {});
          } catch {
            return 'not in the menu';
          }
          const shown = await api.tabs.get(tab);
          const info = { menuItemId: item, editable: true, frameId: frame, pageUrl: shown.url ?? '', ...(selection ? { selectionText: selection } : {}) };
          api.contextMenus.onClicked.dispatch(info, shown);
          return 'chosen';
        },
        { item: id, tab: tabId, frame: frameId!, selection: selectionText },
      );
      expect(answer, `Bixia's item ${id} in Chrome's menu`).toBe('chosen');
    },
  };
}

/**
 * The point of the caret in the tab's viewport, looking into frames: a rich
 * editor's DOM selection, the drawn cursor of an editor that types through a
 * hidden field (CodeMirror, Ace), or for a plain field the bottom right inside
 * it, after its last line (where the tests keep the caret).
 */
export function caretPoint(page: AnyPage): Promise<Point> {
  return evaluate(
    page,
    () => {
      let doc: Document = document;
      let dx = 0;
      let dy = 0;
      for (let active = doc.activeElement; active && (active.localName === 'iframe' || active.localName === 'frame'); active = doc.activeElement) {
        const frame = active as HTMLIFrameElement;
        const box = frame.getBoundingClientRect();
        dx += box.left + frame.clientLeft;
        dy += box.top + frame.clientTop;
        if (!frame.contentDocument) break;
        doc = frame.contentDocument;
      }
      const within = (x: number, y: number) => ({ x: Math.round(dx + x), y: Math.round(dy + y) });
      for (const selector of ['.CodeMirror-cursor', '.ace_cursor']) {
        const cursor = doc.querySelector(selector);
        const box = cursor?.getBoundingClientRect();
        if (box && box.height > 0) return within(box.left + 1, box.top + box.height / 2);
      }
      const active = doc.activeElement as HTMLElement | null;
      if (active && (active.localName === 'textarea' || active.localName === 'input')) {
        const box = active.getBoundingClientRect();
        // After its last line, inside the part of it the viewport shows.
        return within(Math.min(box.right, doc.documentElement.clientWidth) - 12, Math.min(box.bottom, doc.documentElement.clientHeight) - 6);
      }
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) throw new Error('no caret in the page');
      const range = selection.getRangeAt(0).cloneRange();
      range.collapse(true);
      let box = range.getBoundingClientRect();
      // A caret at the edge of a text node can have no box of its own: the character before it has one.
      if (box.height === 0 && range.startContainer.nodeType === Node.TEXT_NODE && range.startOffset > 0) {
        range.setStart(range.startContainer, range.startOffset - 1);
        const before = range.getBoundingClientRect();
        box = new DOMRect(before.right, before.top, 0, before.height);
      }
      if (box.height === 0) throw new Error('the caret has no box');
      return within(box.left + 1, box.top + box.height / 2);
    },
    undefined,
  );
}
