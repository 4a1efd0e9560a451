/**
 * The background: routes insertions to the frame that had focus last,
 * opens the side panel from the toolbar button's context menu and a keyboard
 * command, opens the picker at the caret on another, and shows the welcome page once, on install. It holds no state
 * that matters across restarts beyond session storage and the welcome flag.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { pageNotices } from '../utils/fallback-messages';
import { insertFromMenu, menuTouched, remakeMenu, saveFromMenu } from '../utils/context-menu';
import { forgetTab } from '../utils/frame-routing';
import { handleMessage, openPickerIn } from '../utils/insert-router';
import { openSidePanel } from '../utils/side-panel';
import { onStorageChanged, triggersFor } from '../utils/trigger-service';
import { showWelcomeOnce } from '../utils/welcome';

const MENU_OPEN_SIDE_PANEL = 'open-side-panel';

export default defineBackground(() => {
  const background = {
    tabs: browser.tabs,
    self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    notices: pageNotices,
    triggers: (origin: string) => triggersFor(origin),
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(background, message, sender));

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // A frame holding a table of typed shortcuts drops it when what it was made of changes;
  // the right-click menu follows the favourites, recent uses and library.
  browser.storage.local.onChanged.addListener((changes) => {
    if (menuTouched(changes)) void remakeMenu(browser.contextMenus);
    if (!onStorageChanged(changes)) return;
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        browser.tabs.sendMessage(tab.id, { type: 'background→page:triggers-changed' }).catch(() => undefined);
      }
    });
  });

  browser.runtime.onInstalled.addListener((details) => {
    browser.contextMenus.create({
      id: MENU_OPEN_SIDE_PANEL,
      title: i18n.t('openSidePanel'),
      contexts: ['action'],
    });
    void remakeMenu(browser.contextMenus);
    if (details.reason === 'install') void showWelcomeOnce(browser);
  });
  browser.runtime.onStartup.addListener(() => void remakeMenu(browser.contextMenus));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_SIDE_PANEL) void openSidePanel(tab?.windowId);
    else if (tab?.id !== undefined) {
      void saveFromMenu(browser.tabs, info, tab.id, () => browser.runtime.openOptionsPage()).then(
        (saved) => saved || insertFromMenu(browser.tabs, info, tab.id!, pageNotices()),
      );
    }
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') void openSidePanel(tab?.windowId);
    if (command === 'open-picker' && tab?.id !== undefined) {
      // Where no field can take the picker, the popup is the way to search and copy.
      void openPickerIn(browser.tabs, tab.id).then((opened) => {
        if (!opened) return browser.action.openPopup().catch(() => undefined);
      });
    }
  });
});
