/**
 * The background: routes insertions to the frame that had focus last, and
 * opens the side panel from the toolbar button's context menu and a keyboard
 * command. It holds no state that matters across restarts beyond session storage.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { failureReasons } from '../utils/fallback-messages';
import { forgetTab } from '../utils/frame-routing';
import { handleMessage } from '../utils/insert-router';
import { openSidePanel } from '../utils/side-panel';

const MENU_OPEN_SIDE_PANEL = 'open-side-panel';

export default defineBackground(() => {
  const background = {
    tabs: browser.tabs,
    self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    notices: () => ({
      truncated: i18n.t('truncated', ['$1']),
      fallback: i18n.t('fallbackTitle'),
      reasons: failureReasons(),
      copyFailed: i18n.t('copyFailed'),
    }),
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(background, message, sender));

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_OPEN_SIDE_PANEL,
      title: i18n.t('openSidePanel'),
      contexts: ['action'],
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_SIDE_PANEL) void openSidePanel(tab?.windowId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') void openSidePanel(tab?.windowId);
  });
});
