/**
 * Runs in every frame of every page, so it stays small and idle: it only
 * listens for focus on editable fields and for insertion requests from the
 * background. Nothing else happens until the user acts.
 */
import { browser } from '@wxt-dev/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { i18n } from '#i18n';
import { type BackgroundToPage, type InsertResult, type PageToBackground, isMessage } from '../utils/messages';
import { rememberFocus } from '../utils/page/focus-memory';
import { copyFromPage, showNotice } from '../utils/page/notice';
import { insertRemembered, probe } from '../utils/page/page-insert';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    const focused: PageToBackground = { type: 'page→background:field-focused' };
    const memory = rememberFocus(
      document,
      () => void browser.runtime.sendMessage(focused).catch(() => undefined),
      ctx.signal,
    );

    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
      if (isMessage<BackgroundToPage>(message, 'background→page:probe')) {
        sendResponse(probe(memory));
        return undefined;
      }
      if (isMessage<Extract<BackgroundToPage, { type: 'background→page:insert' }>>(message, 'background→page:insert')) {
        void insertRemembered(memory, message.text, message.waitForFocus).then(async (result) => {
          if (message.notifyOnFailure) await tellUser(result, message.text);
          sendResponse(result);
        });
        // Keeps the channel open for the asynchronous answer (Chrome and Firefox alike).
        return true;
      }
      return undefined;
    });
  },
});

/** After the popup has closed, the page is the only place left to say what happened. */
async function tellUser(result: InsertResult, text: string): Promise<void> {
  if (result.status === 'truncated') {
    showNotice(document, i18n.t('truncated', [String(result.kept)]));
  } else if (result.status === 'failed') {
    const copied = await copyFromPage(document, text);
    showNotice(document, copied ? i18n.t('copied') : i18n.t('copyFailed'));
  }
}
