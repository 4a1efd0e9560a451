/**
 * The background: routes insertions to the frame that had focus last, and
 * opens the side panel from the toolbar button's context menu and a keyboard
 * command. It holds no state that matters across restarts beyond session storage.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { forgetTab, recordFocusedFrame } from '../utils/frame-routing';
import { routeInsert } from '../utils/insert-router';
import { type PageToBackground, type UiToBackground, isMessage } from '../utils/messages';
import { openSidePanel } from '../utils/side-panel';

const MENU_OPEN_SIDE_PANEL = 'open-side-panel';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isMessage<PageToBackground>(message, 'page→background:field-focused')) {
      if (sender.tab?.id !== undefined) void recordFocusedFrame(sender.tab.id, sender.frameId ?? 0);
      return undefined;
    }
    if (isMessage<UiToBackground>(message, 'ui→background:insert')) {
      return routeInsert(browser.tabs, message, {
        truncated: i18n.t('truncated', ['$1']),
        copied: i18n.t('copied'),
        copyFailed: i18n.t('copyFailed'),
      });
    }
    return undefined;
  });

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
