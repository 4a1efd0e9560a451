/**
 * Launches Firefox ESR over WebDriver BiDi (puppeteer-core), installs the
 * built extension (.output/firefox-mv3) as a temporary add-on, and opens the
 * extension's pages as ordinary tabs.
 */
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXECUTABLE = '/usr/bin/firefox-esr';

export const FIREFOX_BUILD_DIR = fileURLToPath(new URL('../../../.output/firefox-mv3', import.meta.url));

/**
 * Firefox gives each installed extension a random moz-extension:// host.
 * Pinning it through a pref makes the pages' URLs known before install.
 */
export const EXTENSION_UUID = '6f1d3c2e-8b4a-4c5d-9e7f-0a1b2c3d4e5f';

/** The entrypoints set data-ready="true" on their root once Preact has rendered. */
const DEFAULT_READY_SELECTOR = '[data-ready="true"]';

const PAGE_READY_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 100;

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  executablePath?: string;
  /** UI locale such as 'zh-CN'; the browser's default (en-US here) when omitted. */
  locale?: string;
  /**
   * A profile folder to use and keep: launching again with it is a browser
   * restart. The add-on is installed temporarily (removed at shutdown), so the
   * profile keeps its storage and UUID across that, as a permanent install would.
   */
  userDataDir?: string;
  /**
   * Leave the welcome page's tab open. Bixia opens it on install, so in a
   * fresh profile: by default the launch waits for it and closes it, since the
   * popup and side panel act on the active tab and suites expect theirs.
   */
  keepWelcome?: boolean;
  /**
   * The colour scheme pages are shown in (prefers-color-scheme). WebDriver BiDi
   * has no command to emulate it, so it is a pref, set for the whole browser.
   */
  colorScheme?: 'light' | 'dark';
}

export interface OpenPageOptions {
  /** Wait until this selector is in the page before handing the page back. */
  readySelector?: string;
}

export interface FirefoxHarness {
  browser: Browser;
  geckoId: string;
  extensionUuid: string;
  /** The welcome tab when `keepWelcome` was asked and the extension opened one; closed otherwise. */
  welcome: Page | undefined;
  openExtensionPage(path: string, options?: OpenPageOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The add-on id Firefox installs the build under. Read from the built manifest
 * rather than imported from wxt.config.ts, which would drag in WXT, Vite and
 * the build plugins just to learn one string.
 */
export function readGeckoId(extensionDir: string): string {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension build in ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: unknown } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Firefox only switches its UI (and thus the extension's _locales) to a
 * language it has a language pack for; Debian installs them, as
 * firefox-esr-l10n-*, into the application's browser/extensions folder.
 */
export function firefoxHasLanguagePack(locale: string, executablePath = FIREFOX_EXECUTABLE): boolean {
  const folder = join(dirname(realpathSync(executablePath)), 'browser', 'extensions');
  return existsSync(folder) && readdirSync(folder).some((name) => name.startsWith(`langpack-${locale}@`));
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD_DIR;
  const geckoId = readGeckoId(extensionDir);
  // The add-on is installed anew at every launch, but a kept profile keeps its storage, and with
  // it the flag that the welcome page was shown: only a profile never run in opens the page.
  const showsWelcome = !options.userDataDir || !existsSync(options.userDataDir) || readdirSync(options.userDataDir).length === 0;
  // Puppeteer creates a temporary profile and removes it on close().
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX_EXECUTABLE,
    headless: true,
    // Needed to navigate a tab to a moz-extension:// page over BiDi.
    args: ['--remote-allow-system-access'],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      ...(options.userDataDir
        ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
        : {}),
      ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
      // 0 is dark, 1 light: what pages see whatever the (headless) system theme.
      ...(options.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 } : {}),
    },
  });

  let welcome: Page | undefined;
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== geckoId) throw new Error(`Firefox installed ${installed}, expected ${geckoId}`);
    welcome = await settleWelcome(browser, showsWelcome, options.keepWelcome ?? false);
  } catch (error) {
    await browser.close();
    throw error;
  }

  return {
    browser,
    geckoId,
    extensionUuid: EXTENSION_UUID,
    welcome,
    async openExtensionPage(path, { readySelector = DEFAULT_READY_SELECTOR } = {}) {
      const url = `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
      const page = await browser.newPage();
      // goto() into moz-extension:// may never resolve although the page
      // renders (it rejects with "Frame detached" when the tab closes), so do
      // not await it; keep its error only to explain a timeout.
      let navigationError: unknown;
      page.goto(url).catch((error: unknown) => {
        navigationError = error;
      });
      let lastError: unknown;
      const deadline = Date.now() + PAGE_READY_TIMEOUT_MS;
      while (Date.now() < deadline) {
        try {
          const ready = await page.evaluate(
            (expectedUrl: string, selector: string) =>
              location.href === expectedUrl && document.querySelector(selector) !== null,
            url,
            readySelector,
          );
          if (ready) return page;
        } catch (error) {
          // The execution context is replaced while the navigation commits.
          lastError = error;
        }
        await sleep(POLL_INTERVAL_MS);
      }
      await page.close().catch(() => undefined);
      throw new Error(
        `${url} did not show ${readySelector} within ${PAGE_READY_TIMEOUT_MS} ms` +
          ` (navigation: ${String(navigationError ?? 'pending')}; last evaluate error: ${String(lastError ?? 'none')})`,
      );
    },
    async close() {
      await browser.close();
    },
  };
}

export const WELCOME_URL = `moz-extension://${EXTENSION_UUID}/welcome.html`;

/** Whether a tab shows the welcome page; a tab that is going away answers no. */
async function showsWelcomePage(page: Page): Promise<boolean> {
  if (page.url() === WELCOME_URL) return true;
  try {
    return (await page.evaluate(() => location.href)) === WELCOME_URL;
  } catch {
    return false;
  }
}

/**
 * The welcome tab Bixia opens on install, found by its URL: waited for when
 * the profile is new, else taken only if already open. Closed unless `keep`.
 */
async function settleWelcome(browser: Browser, expected: boolean, keep: boolean): Promise<Page | undefined> {
  const find = async () => {
    for (const page of await browser.pages()) if (await showsWelcomePage(page)) return page;
    return undefined;
  };
  let page = await find();
  const deadline = Date.now() + PAGE_READY_TIMEOUT_MS;
  while (!page && expected && Date.now() < deadline) {
    await sleep(POLL_INTERVAL_MS);
    page = await find();
  }
  if (!page && expected) throw new Error(`Bixia opened no welcome.html tab on install within ${PAGE_READY_TIMEOUT_MS} ms`);
  if (!page) return undefined;
  if (keep) {
    while (Date.now() < deadline) {
      if (await page.evaluate(() => document.querySelector('[data-ready="true"]') !== null).catch(() => false)) return page;
      await sleep(POLL_INTERVAL_MS);
    }
    throw new Error('the welcome page did not get ready');
  }
  await page.close().catch(() => undefined);
  return undefined;
}
