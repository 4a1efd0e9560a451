/**
 * One way to drive an extension page in either browser: Chromium through
 * playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi.
 * Their page objects differ in small ways (file inputs, argument passing);
 * the functions here hide that, so a suite is written once for both.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { type ContextMenu, chromiumContextMenu, firefoxContextMenu } from './context-menu';
import { type InputMethod, chromiumInputMethod, firefoxInputMethod } from './input-method';
import { checkTabId, tabIdFor } from './popup-driving';

export type AnyPage = PlaywrightPage | PuppeteerPage;

/** A web page in a tab, with the tab's id (what the popup and side panel are opened for). */
export interface WebTab {
  page: AnyPage;
  tabId: number;
}

export interface BrowserDriver {
  name: string;
  openExtensionPage(path: string, readySelector?: string): Promise<AnyPage>;
  /** Opens `url` in a new tab in front, waits for `readySelector` (when given), and learns the tab's id. */
  openWebPage(url: string, readySelector?: string): Promise<WebTab>;
  /** The popup for a tab, opened as a tab of its own (popup.html?tab=<id>), as the toolbar button would for that tab. */
  openPopup(tabId: number): Promise<AnyPage>;
  /**
   * The side panel for a tab, opened as a tab of its own and brought to the
   * front: the web page then has no focus, as behind Chrome's real side panel.
   */
  openSidePanel(tabId: number): Promise<AnyPage>;
  /** Makes the page's tab the front one (headless Firefox gives keyboard focus to that tab only). */
  bringToFront(page: AnyPage): Promise<void>;
  /**
   * What a user has implicitly beside a real side panel: the web page still in
   * view, able to take focus. Firefox's panel here is a tab that hides the page,
   * so the page is brought back to the front; headless Chromium treats every
   * window as focused, so there is nothing to do.
   */
  returnToPage(page: AnyPage): Promise<void>;
  /** An input method composing in the page's focused field (harness/input-method.ts). */
  inputMethod(page: AnyPage): Promise<InputMethod>;
  /** The browser's right-click menu in the tab (harness/context-menu.ts). */
  contextMenu(tab: WebTab): Promise<ContextMenu>;
  /** Whether the page's tab is gone (the popup closes itself after inserting). */
  isClosed(page: AnyPage): Promise<boolean>;
  /** The welcome tab the install opened, when `keepWelcome` was asked (the launch closes it otherwise). */
  welcome: AnyPage | undefined;
  /** The open tabs showing the extension's page `path` (welcome.html, options.html), whatever their hash or query. */
  tabsAt(path: string): Promise<AnyPage[]>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  /** A profile to keep across launches (a restart); a fresh one when omitted. */
  userDataDir?: string;
  /** Leave open the welcome tab Bixia opens on install; by default the launch closes it. */
  keepWelcome?: boolean;
  /** prefers-color-scheme for every page; the system's (light) when omitted. */
  colorScheme?: 'light' | 'dark';
}

/** Whether `url` is the extension page `path` under `base`, ignoring its query and hash. */
const isPageAt = (url: string, base: string, path: string) => url.split(/[?#]/)[0] === `${base}${path.replace(/^\//, '')}`;

export const browsers: { name: string; launch(options: LaunchOptions): Promise<BrowserDriver> }[] = [
  {
    name: 'Chromium',
    async launch(options) {
      const harness = await launchChromium(options);
      const openExtensionPage = (path: string, readySelector?: string) =>
        harness.openExtensionPage(path, readySelector ? { readySelector } : {});
      let control: Promise<PlaywrightPage> | undefined;
      return {
        name: 'Chromium',
        openExtensionPage,
        async openWebPage(url, readySelector) {
          // Chromium hides tab URLs without the tabs permission: the tab in front tells its id.
          control ??= openExtensionPage('popup.html');
          const controlPage = await control;
          const page = await harness.context.newPage();
          await page.goto(url);
          if (readySelector) await page.waitForSelector(readySelector);
          await page.bringToFront();
          return { page, tabId: checkTabId(await controlPage.evaluate(tabIdFor, url)) };
        },
        openPopup: (tabId) => openExtensionPage(`popup.html?tab=${tabId}`),
        async openSidePanel(tabId) {
          const panel = await openExtensionPage(`sidepanel.html?tab=${tabId}`);
          await panel.bringToFront();
          return panel;
        },
        bringToFront: (page) => (page as PlaywrightPage).bringToFront(),
        returnToPage: async () => undefined,
        inputMethod: (page) => chromiumInputMethod(page as PlaywrightPage),
        contextMenu: (tab) => chromiumContextMenu(harness.context, tab.page as PlaywrightPage, tab.tabId),
        isClosed: async (page) => (page as PlaywrightPage).isClosed(),
        welcome: harness.welcome,
        tabsAt: async (path) => harness.context.pages().filter((page) => isPageAt(page.url(), `chrome-extension://${harness.extensionId}/`, path)),
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    async launch(options) {
      const harness = await launchFirefox(options);
      const openExtensionPage = async (path: string, readySelector?: string) => {
        const page = await harness.openExtensionPage(path, readySelector ? { readySelector } : {});
        // Headless Firefox gives keyboard focus only to the front tab.
        await page.bringToFront();
        return page;
      };
      let control: Promise<PuppeteerPage> | undefined;
      return {
        name: 'Firefox ESR',
        openExtensionPage,
        async openWebPage(url, readySelector) {
          control ??= harness.openExtensionPage('popup.html');
          const controlPage = await control;
          const page = await harness.browser.newPage();
          await page.goto(url);
          if (readySelector) await page.waitForSelector(readySelector);
          await page.bringToFront();
          return { page, tabId: checkTabId((await controlPage.evaluate(tabIdFor, url)) as number | string) };
        },
        openPopup: (tabId) => openExtensionPage(`popup.html?tab=${tabId}`),
        openSidePanel: (tabId) => openExtensionPage(`sidepanel.html?tab=${tabId}`),
        bringToFront: (page) => (page as PuppeteerPage).bringToFront(),
        returnToPage: (page) => (page as PuppeteerPage).bringToFront(),
        inputMethod: (page) => firefoxInputMethod(harness.browser, page as PuppeteerPage),
        contextMenu: (tab) => firefoxContextMenu(harness.browser, tab.page as PuppeteerPage, harness.geckoId),
        isClosed: (page) => puppeteerTabClosed(page as PuppeteerPage),
        welcome: harness.welcome,
        async tabsAt(path) {
          const base = `moz-extension://${harness.extensionUuid}/`;
          const found: PuppeteerPage[] = [];
          for (const page of await harness.browser.pages()) {
            // Puppeteer's url() can lag behind a tab the extension opened; the tab itself knows.
            const url = await page.evaluate(() => location.href).catch(() => page.url());
            if (isPageAt(url, base, path)) found.push(page);
          }
          return found;
        },
        close: () => harness.close(),
      };
    },
  },
];

/** Whether a Firefox tab is gone: Puppeteer does not notice a tab the extension removed, so the tab itself is asked. */
export async function puppeteerTabClosed(tab: PuppeteerPage): Promise<boolean> {
  if (tab.isClosed()) return true;
  try {
    await tab.evaluate(() => true);
    return false;
  } catch (error) {
    if (/no such frame|detached|closed/i.test(String(error))) return true;
    throw error;
  }
}

export async function evaluate<R, A>(page: AnyPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  // Both drivers take (fn, arg); their typings differ only in how they unwrap the argument.
  const run = page.evaluate.bind(page) as unknown as (f: (arg: A) => R | Promise<R>, a: A) => Promise<R>;
  return run(fn, arg);
}

export async function click(page: AnyPage, selector: string): Promise<void> {
  await (page as unknown as { click(selector: string): Promise<void> }).click(selector);
}

/** Chooses an option of a <select> as a user's pick does (input and change events). */
export async function selectOption(page: AnyPage, selector: string, value: string): Promise<void> {
  const either = page as unknown as { selectOption?: (s: string, v: string) => Promise<unknown>; select?: (s: string, v: string) => Promise<unknown> };
  if (either.selectOption) await either.selectOption(selector, value);
  else await either.select!(selector, value);
}

export async function closePage(page: AnyPage): Promise<void> {
  await (page as unknown as { close(): Promise<void> }).close();
}

/** Types text with the keyboard into whatever has the focus in the page. */
export async function type(page: AnyPage, text: string): Promise<void> {
  await (page as unknown as { keyboard: { type(text: string): Promise<void> } }).keyboard.type(text);
}

/**
 * Presses a key or a chord such as 'Control+z' as a user does: modifiers
 * down, the key, modifiers up (Puppeteer has no chord syntax).
 */
export async function press(page: AnyPage, chord: string): Promise<void> {
  const keyboard = (page as unknown as { keyboard: { down(k: string): Promise<void>; up(k: string): Promise<void>; press(k: string): Promise<void> } })
    .keyboard;
  const keys = chord.split('+');
  const key = keys.pop()!;
  for (const modifier of keys) await keyboard.down(modifier);
  await keyboard.press(key);
  for (const modifier of keys.reverse()) await keyboard.up(modifier);
}

/**
 * What Ctrl+V pastes, which is what Bixia's copy message tells the user to
 * do: pasted into the first textarea of a scratch page at `scratchUrl`.
 */
export async function readClipboard(driver: BrowserDriver, scratchUrl: string): Promise<string> {
  const { page } = await driver.openWebPage(scratchUrl);
  try {
    await evaluate(page, () => document.querySelector('textarea')?.focus(), undefined);
    await press(page, 'Control+v');
    const read = () => evaluate(page, () => document.querySelector('textarea')?.value ?? '', undefined);
    const deadline = Date.now() + 10_000;
    let pasted = await read();
    while (pasted === '' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      pasted = await read();
    }
    return pasted;
  } finally {
    await closePage(page).catch(() => undefined);
  }
}

export async function waitFor(page: AnyPage, selector: string, timeout = 20_000): Promise<void> {
  await (page as unknown as { waitForSelector(s: string, o: object): Promise<unknown> }).waitForSelector(selector, { timeout });
}

/** Chooses a file in an `<input type="file">`, as the user does in the file dialog. */
export async function chooseFile(page: AnyPage, selector: string, path: string): Promise<void> {
  if ('setInputFiles' in page) {
    await page.setInputFiles(selector, path);
    return;
  }
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`no ${selector}`);
  await input.uploadFile(path);
}

/** Types a new value into a field the way the page sees typing: value, then an input event. */
export async function setValue(page: AnyPage, selector: string, value: string): Promise<void> {
  await evaluate(
    page,
    ([sel, text]) => {
      const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel);
      if (!field) throw new Error(`no ${sel}`);
      field.focus();
      const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, text);
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, value] as const,
  );
}

/** Everything the extension keeps in storage.local for the user, read from one of its pages. */
export async function storageSnapshot(page: AnyPage): Promise<Record<string, unknown>> {
  const all = await evaluate(
    page,
    async () => {
      type Api = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).storage.local.get(null);
    },
    undefined,
  );
  // The pinyin readings are derived from the library by the options page whenever it sees it
  // change (utils/pinyin-refresh.ts): not the user's data, and written on their own time.
  const { pinyin: _derived, ...data } = all;
  return data;
}

/** The user's library as stored (storage version 2 keeps it as JSON text). */
export async function storedLibrary(page: AnyPage): Promise<{ collections: { id: string; name: string; entries: Record<string, unknown>[] }[] }> {
  const raw = (await storageSnapshot(page)).library;
  return raw === undefined ? { collections: [] } : JSON.parse(raw as string);
}

/**
 * Records each file the page offers for download (a Blob behind an object URL)
 * so a test can read what the user would save; call before clicking Export.
 */
export function recordDownloads(page: AnyPage): Promise<void> {
  return evaluate(
    page,
    () => {
      const scope = window as unknown as { __downloads?: Blob[] };
      if (scope.__downloads) return;
      scope.__downloads = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (object: Blob | MediaSource) => {
        if (object instanceof Blob) scope.__downloads!.push(object);
        return create(object);
      };
    },
    undefined,
  );
}

export function downloadedTexts(page: AnyPage): Promise<string[]> {
  return evaluate(
    page,
    async () => Promise.all(((window as unknown as { __downloads?: Blob[] }).__downloads ?? []).map((b) => b.text())),
    undefined,
  );
}

export const text = (page: AnyPage, selector: string) =>
  evaluate(page, (sel) => document.querySelector(sel)?.textContent ?? '', selector);

/** What a field holds: an input's or textarea's value, a contenteditable's text. */
export const fieldText = (page: AnyPage, selector: string) =>
  evaluate(
    page,
    (sel) => {
      const node = document.querySelector(sel) as HTMLInputElement | HTMLElement;
      return 'value' in node ? (node as HTMLInputElement).value : (node.textContent ?? '');
    },
    selector,
  );

export const attribute = (page: AnyPage, selector: string, name: string) =>
  evaluate(page, ([sel, n]) => document.querySelector(sel)?.getAttribute(n) ?? null, [selector, name] as const);

/** Puts `text` on the clipboard with Ctrl+C, so a stale clipboard cannot pass for a fresh copy. */
export async function writeClipboard(driver: BrowserDriver, scratchUrl: string, text: string): Promise<void> {
  const { page } = await driver.openWebPage(scratchUrl);
  try {
    await evaluate(
      page,
      (value) => {
        const area = document.querySelector('textarea');
        if (!area) throw new Error('no textarea on the scratch page');
        area.value = value;
        area.focus();
        area.select();
      },
      text,
    );
    await press(page, 'Control+c');
  } finally {
    await closePage(page).catch(() => undefined);
  }
}

/** What recordDownloads kept, as the bytes of each file in base64 (a .docx is binary: text() would mangle it). */
export function downloadedBytes(page: AnyPage): Promise<string[]> {
  return evaluate(
    page,
    async () =>
      Promise.all(
        ((window as unknown as { __downloads?: Blob[] }).__downloads ?? []).map(async (blob) => {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let binary = '';
          // In slices: spreading a whole file into String.fromCharCode overflows the call stack.
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(binary);
        }),
      ),
    undefined,
  );
}

/**
 * Drags `source` with the mouse and drops it on `target` at `offset` from the
 * target's top left corner, as a user does (HTML5 drag and drop), in Chromium.
 * Firefox ESR over WebDriver BiDi starts a native drag from mouse actions but
 * never ends it (no drop, no dragend), so a Firefox suite cannot drag this way.
 */
export async function dragAndDrop(page: AnyPage, source: string, target: string, offset: { x: number; y: number }): Promise<void> {
  if (!('dragAndDrop' in page)) throw new Error('a mouse drag cannot be finished in Firefox over WebDriver BiDi');
  await page.dragAndDrop(source, target, { targetPosition: offset });
}

/** Sets the page's viewport, e.g. tall enough that a drag's start and end are both in view without scrolling. */
export async function setViewportSize(page: AnyPage, size: { width: number; height: number }): Promise<void> {
  if ('setViewportSize' in page) {
    await page.setViewportSize(size);
    return;
  }
  try {
    await page.setViewport(size);
  } catch (error) {
    // Puppeteer sends the screen orientation along with the viewport; Firefox ESR 140 knows only the viewport command.
    if (!/setScreenOrientationOverride/.test(String(error))) throw error;
  }
  const seen = await evaluate(page, () => [innerWidth, innerHeight], undefined);
  if (seen[0] !== size.width || seen[1] !== size.height) throw new Error(`the viewport is ${seen.join(' × ')}, not ${size.width} × ${size.height}`);
}
