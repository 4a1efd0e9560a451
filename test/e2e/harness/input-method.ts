/**
 * An input method composing in the page, as a user's pinyin input method does:
 * trusted composition events and `insertCompositionText` input, from the
 * browser itself rather than from a page script (which Bixia rightly ignores).
 *
 * - Chromium: CDP's Input.imeSetComposition and Input.insertText. Its
 *   compositionend comes untrusted, so a commit is only seen as text.
 * - Firefox: WebDriver BiDi has no input-method commands, but a script can
 *   run in the browser window's privileged context (harness/firefox-chrome.ts),
 *   where Firefox's own nsITextInputProcessor (what its
 *   IME tests use) composes into the focused field of the front tab, every
 *   event trusted, compositionend included.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import { firefoxChromeScript } from './firefox-chrome';

export interface InputMethod {
  /** Shows `text` as the composition (the letters typed so far), the caret at its end. */
  compose(text: string): Promise<void>;
  /** Ends the composition with `text` as what it commits. */
  commit(text: string): Promise<void>;
  /** Whether the browser's compositionend is trusted (Firefox): a commit can then be told from typing. */
  trustedEnd: boolean;
}

export async function chromiumInputMethod(page: PlaywrightPage): Promise<InputMethod> {
  const cdp = await page.context().newCDPSession(page);
  return {
    compose: async (text) => void (await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })),
    commit: async (text) => void (await cdp.send('Input.insertText', { text })),
    trustedEnd: false,
  };
}

/** `page` must be the front tab, its field focused. */
export async function firefoxInputMethod(browser: Browser, page: PuppeteerPage): Promise<InputMethod> {
  await page.bringToFront();
  const inWindow = await firefoxChromeScript(browser);
  const run = async (expression: string) => void (await inWindow(expression));
  await run(`(() => {
    // One processor for the window: a second one could not begin while the first composes.
    const processor = (window.bixiaTestInputMethod ??= Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor));
    if (!processor.beginInputTransactionForTests(window)) throw new Error('another input transaction is open');
  })()`);
  return {
    compose: (text) =>
      run(`(() => {
        const processor = window.bixiaTestInputMethod;
        processor.setPendingCompositionString(${JSON.stringify(text)});
        processor.appendClauseToPendingComposition(${text.length}, processor.ATTR_RAW_CLAUSE);
        processor.setCaretInPendingComposition(${text.length});
        processor.flushPendingComposition();
      })()`),
    commit: (text) => run(`window.bixiaTestInputMethod.commitCompositionWith(${JSON.stringify(text)})`),
    trustedEnd: true,
  };
}
