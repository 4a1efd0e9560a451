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

export type AnyPage = PlaywrightPage | PuppeteerPage;

export interface BrowserDriver {
  name: string;
  openExtensionPage(path: string, readySelector?: string): Promise<AnyPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  /** A profile to keep across launches (a restart); a fresh one when omitted. */
  userDataDir?: string;
}

export const browsers: { name: string; launch(options: LaunchOptions): Promise<BrowserDriver> }[] = [
  {
    name: 'Chromium',
    async launch(options) {
      const harness = await launchChromium(options);
      return {
        name: 'Chromium',
        openExtensionPage: (path, readySelector) => harness.openExtensionPage(path, readySelector ? { readySelector } : {}),
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    async launch(options) {
      const harness = await launchFirefox(options);
      return {
        name: 'Firefox ESR',
        async openExtensionPage(path, readySelector) {
          const page = await harness.openExtensionPage(path, readySelector ? { readySelector } : {});
          // Headless Firefox gives keyboard focus only to the front tab.
          await page.bringToFront();
          return page;
        },
        close: () => harness.close(),
      };
    },
  },
];

export async function evaluate<R, A>(page: AnyPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  // Both drivers take (fn, arg); their typings differ only in how they unwrap the argument.
  const run = page.evaluate.bind(page) as unknown as (f: (arg: A) => R | Promise<R>, a: A) => Promise<R>;
  return run(fn, arg);
}

export async function click(page: AnyPage, selector: string): Promise<void> {
  await (page as unknown as { click(selector: string): Promise<void> }).click(selector);
}

export async function closePage(page: AnyPage): Promise<void> {
  await (page as unknown as { close(): Promise<void> }).close();
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

/** Everything the extension keeps in storage.local, read from one of its pages. */
export function storageSnapshot(page: AnyPage): Promise<Record<string, unknown>> {
  return evaluate(
    page,
    async () => {
      type Api = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).storage.local.get(null);
    },
    undefined,
  );
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

export const attribute = (page: AnyPage, selector: string, name: string) =>
  evaluate(page, ([sel, n]) => document.querySelector(sel)?.getAttribute(n) ?? null, [selector, name] as const);
