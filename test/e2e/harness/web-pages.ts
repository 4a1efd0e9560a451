/**
 * Web pages beside the extension's own, in either browser, for suites that
 * act on a page as a user does (a real click, a real key) and then use the
 * popup or the side panel on it. Frames are reached by their URL, so a test
 * can read a cross-origin frame's fields as well as the top document's.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { type AnyPage, closePage, evaluate, puppeteerTabClosed } from './driver';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { READY, checkTabId, pressClosing, tabIdFor } from './popup-driving';

export interface WebTab {
  tabId: number;
  page: AnyPage;
  /** Runs `fn(arg)` in the top document, or in the frame whose URL starts with `frameUrl`. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A, frameUrl?: string): Promise<R>;
  /** A real mouse click at the middle of the element (in the top document), as the user clicks. */
  click(selector: string): Promise<void>;
  /** A real key press, delivered where the keyboard focus is (whatever frame has it). */
  press(key: string): Promise<void>;
  /** A key held down and, separately, released: what happens in between is the test's. */
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  /** Ctrl+<key>, held and released as a user does. */
  withControl(key: string): Promise<void>;
  /** Makes the tab the front one, as a user returning to it. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface WebSession {
  name: string;
  /** Opens `url` in a new front tab and waits for the page's `html[data-ready]`. */
  openWebPage(url: string): Promise<WebTab>;
  /** An extension page (popup.html?tab=…, sidepanel.html?tab=…), ready and in front. */
  openExtensionPage(path: string): Promise<AnyPage>;
  /** Presses a key in an extension page that may close itself on it (Enter in the popup). */
  pressClosing(page: AnyPage, key: string): Promise<void>;
  /** Whether an extension page has gone (the popup closes its own tab after inserting). */
  isClosed(page: AnyPage): Promise<boolean>;
  close(): Promise<void>;
}

/** Marks pages opened by the tests with a unique URL, to find their tab. */
let pageCounter = 0;
const unique = (url: string) => `${url}${url.includes('?') ? '&' : '?'}run=${++pageCounter}`;

type Frameish = { url(): string; evaluate: PlaywrightPage['evaluate'] | PuppeteerPage['evaluate'] };

function inFrame(page: AnyPage, frameUrl: string | undefined): AnyPage | Frameish {
  if (!frameUrl) return page;
  const frames = (page as unknown as { frames(): Frameish[] }).frames();
  const frame = frames.find((f) => f.url().startsWith(frameUrl));
  if (!frame) throw new Error(`no frame at ${frameUrl} among ${frames.map((f) => f.url()).join(', ')}`);
  return frame;
}

/** The keyboard calls both drivers share. */
type Keys = { down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void> };

function webTab(page: AnyPage, tabId: number, keys: Keys): WebTab {
  const front = page as unknown as { bringToFront(): Promise<void>; click(selector: string): Promise<void> };
  return {
    tabId,
    page,
    evaluate: <A, R>(fn: (arg: A) => R, arg: A, frameUrl?: string) =>
      evaluate(inFrame(page, frameUrl) as AnyPage, fn as (arg: A) => R, arg),
    click: (selector) => front.click(selector),
    press: (key) => keys.press(key),
    keyDown: (key) => keys.down(key),
    keyUp: (key) => keys.up(key),
    async withControl(key) {
      await keys.down('Control');
      await keys.press(key);
      await keys.up('Control');
    },
    bringToFront: () => front.bringToFront(),
    close: () => closePage(page).catch(() => undefined),
  };
}

export const webBrowsers: { name: string; launch(locale: string): Promise<WebSession> }[] = [
  {
    name: 'Chromium',
    async launch(locale) {
      const harness = await launchChromium({ locale });
      // An extension page kept open to ask the tabs API for tab ids.
      const control = await harness.openExtensionPage('popup.html');
      return {
        name: 'Chromium',
        async openWebPage(url) {
          const address = unique(url);
          const page = await harness.context.newPage();
          await page.goto(address);
          await page.waitForSelector(READY);
          await page.bringToFront();
          const tabId = checkTabId(await control.evaluate(tabIdFor, address));
          return webTab(page, tabId, page.keyboard);
        },
        async openExtensionPage(path) {
          const page = await harness.openExtensionPage(path);
          await page.bringToFront();
          return page;
        },
        pressClosing: (page, key) =>
          pressClosing(() => (page as PlaywrightPage).keyboard.press(key), async () => (page as PlaywrightPage).isClosed()),
        isClosed: async (page) => (page as PlaywrightPage).isClosed(),
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    async launch(locale) {
      const harness = await launchFirefox({ locale });
      const control = await harness.openExtensionPage('popup.html');
      const isClosed = (page: AnyPage) => puppeteerTabClosed(page as PuppeteerPage);
      return {
        name: 'Firefox ESR',
        async openWebPage(url) {
          const address = unique(url);
          const page = await harness.browser.newPage();
          await page.goto(address);
          await page.waitForSelector(READY);
          await page.bringToFront();
          const tabId = checkTabId((await control.evaluate(tabIdFor, address)) as number | string);
          return webTab(page, tabId, page.keyboard as unknown as Keys);
        },
        async openExtensionPage(path) {
          const page = await harness.openExtensionPage(path);
          // Headless Firefox gives keyboard focus only to the front tab.
          await page.bringToFront();
          return page;
        },
        pressClosing: (page, key) => pressClosing(() => (page as PuppeteerPage).keyboard.press(key as 'Enter'), () => isClosed(page)),
        isClosed,
        close: () => harness.close(),
      };
    },
  },
];

/**
 * What Ctrl+V pastes, which is what a fallback tells the user to do: read in a
 * scratch page of the test site (clipboard.html), so a test checks the real clipboard.
 */
export async function readClipboard(session: WebSession, clipboardPageUrl: string): Promise<string> {
  const scratch = await session.openWebPage(clipboardPageUrl);
  try {
    await scratch.evaluate(() => document.querySelector<HTMLTextAreaElement>('#scratch')?.focus(), undefined);
    await scratch.withControl('v');
    const read = () => scratch.evaluate(() => document.querySelector<HTMLTextAreaElement>('#scratch')?.value ?? '', undefined);
    await expect.poll(read, { timeout: 10_000, interval: 50 }).not.toBe('');
    return await read();
  } finally {
    await scratch.close();
  }
}

/** Puts `text` on the clipboard with Ctrl+C, so a stale clipboard cannot pass for a fresh copy. */
export async function writeClipboard(session: WebSession, clipboardPageUrl: string, text: string): Promise<void> {
  const scratch = await session.openWebPage(clipboardPageUrl);
  try {
    await scratch.evaluate((value: string) => {
      const area = document.querySelector<HTMLTextAreaElement>('#scratch')!;
      area.value = value;
      area.focus();
      area.select();
    }, text);
    await scratch.withControl('c');
  } finally {
    await scratch.close();
  }
}
