/**
 * The content script. It runs in every frame of every page, so it stays small
 * and idle: it only listens for focus on editable fields and for insertion
 * requests from the background. Nothing else happens until the user acts.
 *
 * It is built as an unlisted script and declared in wxt.config.ts, rather than
 * with defineContentScript, because WXT's content-script wrapper announces
 * itself to every page with window.postMessage and a DOM event: work, and a
 * trace, that every page would pay for.
 */
import type { browser as Browser } from '@wxt-dev/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type BackgroundToPage, type InsertResult, type PageToBackground, isMessage } from '../utils/messages';
import { rememberFocus } from '../utils/page/focus-memory';
import { copyText } from '../utils/clipboard';
import { showNotice } from '../utils/page/notice';
import { insertRemembered, probe } from '../utils/page/page-insert';

type InsertRequest = Extract<BackgroundToPage, { type: 'background→page:insert' }>;

/**
 * The extension API, looked up only once the user focuses a field: the first
 * touch of `runtime` makes the browser build its bindings, which costs every
 * page about 2 ms of script time (measured by npm run bench).
 */
function extensionApi(): typeof Browser {
  const scope = globalThis as unknown as { browser?: typeof Browser; chrome: typeof Browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

export default defineUnlistedScript(() => {
  const focused: PageToBackground = { type: 'page→background:field-focused' };
  let listening = false;
  const memory = rememberFocus(document, () => {
    const api = extensionApi();
    if (!listening) {
      listening = true;
      api.runtime.onMessage.addListener(onMessage);
    }
    void api.runtime.sendMessage(focused).catch(() => undefined);
  });

  function onMessage(message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): true | undefined {
    if (isMessage<Extract<BackgroundToPage, { type: 'background→page:probe' }>>(message, 'background→page:probe')) {
      void probe(memory, message.text).then(sendResponse);
      return true;
    }
    if (isMessage<InsertRequest>(message, 'background→page:insert')) {
      void insertRemembered(memory, message.text, message.waitForFocus).then(async (result) => {
        if (message.notices) await tellUser(result, message.text, message.notices);
        sendResponse(result);
      });
      // Keeps the channel open for the asynchronous answer (Chrome and Firefox alike).
      return true;
    }
    return undefined;
  }
});

/** After the popup has closed, the page is the only place left to say what happened. */
async function tellUser(result: InsertResult, text: string, notices: NonNullable<InsertRequest['notices']>): Promise<void> {
  if (result.status === 'truncated') {
    showNotice(document, { tone: 'note', text: notices.truncated.replace('$1', String(result.kept)) });
  } else if (result.status === 'failed') {
    const reason = notices.reasons[result.reason];
    const copied = await copyText(text, document);
    showNotice(document, { tone: 'fallback', title: copied ? notices.fallback : notices.copyFailed, text: reason });
  }
}
