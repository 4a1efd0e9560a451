/**
 * Launches Debian's Chromium with the built extension (.output/chrome-mv3)
 * loaded unpacked, and opens the extension's pages as ordinary tabs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The real binary: the /usr/bin/chromium wrapper script prints a shell warning. */
export const CHROMIUM_EXECUTABLE = '/usr/lib/chromium/chromium';

export const CHROME_BUILD_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

/** The entrypoints set data-ready="true" on their root once Preact has rendered. */
const DEFAULT_READY_SELECTOR = '[data-ready="true"]';

export interface ChromiumLaunchOptions {
  extensionDir?: string;
  executablePath?: string;
  /** UI locale such as 'zh-CN'; the browser's default (en-US here) when omitted. */
  locale?: string;
  /**
   * An X display such as ':91' to run headed on (see xvfb.ts). Headless, every
   * window counts as focused; only a headed browser shows focus moving between
   * the page and the popup.
   */
  display?: string;
  /**
   * A profile folder to use and keep: launching again with it is a browser
   * restart. A fresh temporary profile, removed on close, when omitted.
   */
  userDataDir?: string;
  /**
   * Leave the welcome page's tab open. Bixia opens it on install, so in a
   * fresh profile: by default the launch waits for it and closes it, since the
   * popup and side panel act on the active tab and suites expect theirs.
   */
  keepWelcome?: boolean;
  /** The colour scheme pages are shown in (prefers-color-scheme); the system's (light here) when omitted. */
  colorScheme?: 'light' | 'dark';
}

export interface OpenPageOptions {
  /** Wait until this selector is in the page before handing the page back. */
  readySelector?: string;
}

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  /** The welcome tab when `keepWelcome` was asked and the extension opened one; closed otherwise. */
  welcome: Page | undefined;
  openExtensionPage(path: string, options?: OpenPageOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The id Chromium gives an unpacked extension: SHA-256 of its absolute path,
 * first 32 hex digits written with the letters a-p instead of 0-f.
 * Chromium resolves symlinks first, hence realpath.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const digest = createHash('sha256').update(realpathSync(extensionDir)).digest('hex');
  return Array.from(digest.slice(0, 32), (hex) => String.fromCharCode(97 + parseInt(hex, 16))).join('');
}

/**
 * Chromium only switches its UI (and thus the extension's _locales) to a
 * language whose .pak file is installed; Debian ships them in chromium-l10n.
 */
export function chromiumHasLanguagePack(locale: string, executablePath = CHROMIUM_EXECUTABLE): boolean {
  return existsSync(join(dirname(realpathSync(executablePath)), 'locales', `${locale}.pak`));
}

interface LoadedExtension {
  id: string;
  path: string;
}

/**
 * Extensions as Chromium reports them on chrome://extensions-internals (a JSON
 * dump), or undefined when that debug page is unavailable or changed shape.
 */
async function loadedExtensions(context: BrowserContext): Promise<LoadedExtension[] | undefined> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions-internals');
    const parsed: unknown = JSON.parse(await page.evaluate(() => document.body.innerText));
    if (!Array.isArray(parsed)) return undefined;
    return parsed.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { id, path } = item as Record<string, unknown>;
      return typeof id === 'string' && typeof path === 'string' ? [{ id, path }] : [];
    });
  } catch {
    return undefined;
  } finally {
    await page.close();
  }
}

/**
 * The extension has no service worker, so its id cannot be read from a worker
 * URL. Compute it from the path, and confirm with Chromium's own list that the
 * extension really loaded under that id: a broken build then fails here with a
 * clear message instead of as an opaque ERR_BLOCKED_BY_CLIENT later.
 */
async function resolveExtensionId(context: BrowserContext, extensionDir: string): Promise<string> {
  const computed = unpackedExtensionId(extensionDir);
  const loaded = await loadedExtensions(context);
  if (loaded === undefined) return computed;
  if (loaded.some((e) => e.id === computed)) return computed;
  // Chromium is the authority should its derivation ever change.
  const byPath = loaded.find((e) => e.path === realpathSync(extensionDir));
  if (byPath) return byPath.id;
  throw new Error(
    `Chromium did not load ${extensionDir} (expected id ${computed}); loaded: ${JSON.stringify(loaded)}`,
  );
}

export async function launchChromium(options: ChromiumLaunchOptions = {}): Promise<ChromiumHarness> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build in ${extensionDir}: run \`npx wxt build\` first.`);
  }
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'bixia-e2e-chromium-'));
  // A profile Chromium has never run in installs Bixia, which then opens its welcome page.
  const installs = !existsSync(join(userDataDir, 'Default'));
  // On Linux Chromium ignores --lang and takes its UI language from the
  // environment; --lang is kept for the platforms that do read it.
  const localeArgs = options.locale ? [`--lang=${options.locale}`] : [];
  const localeEnv = options.locale ? { LANGUAGE: options.locale.replace('-', '_') } : {};
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath ?? CHROMIUM_EXECUTABLE,
      headless: options.display === undefined,
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      // Playwright passes --disable-extensions by default, which would win.
      ignoreDefaultArgs: ['--disable-extensions'],
      env: { ...process.env, ...localeEnv, ...(options.display ? { DISPLAY: options.display } : {}) },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        // Without these Chromium keeps dialling out, and on a closed network
        // that is a flood of refused connections.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...localeArgs,
      ],
    });
  } catch (error) {
    if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const close = async (): Promise<void> => {
    await context.close();
    if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
  };

  let extensionId: string;
  let welcome: Page | undefined;
  try {
    extensionId = await resolveExtensionId(context, extensionDir);
    welcome = await settleWelcome(context, extensionId, installs, options.keepWelcome ?? false);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    context,
    extensionId,
    welcome,
    async openExtensionPage(path, { readySelector = DEFAULT_READY_SELECTOR } = {}) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      await page.waitForSelector(readySelector);
      return page;
    },
    close,
  };
}

export const WELCOME_PATH = '/welcome.html';
const WELCOME_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 50;

/**
 * The welcome tab Bixia opens on install, found by its URL. In a profile that
 * installs the extension the launch waits for it (a tab's URL is known only
 * once its navigation starts, hence the polling of the tab list); in one that
 * had it before (a restart) the page stays shut, and only a tab already there
 * is taken. Closed unless `keep`.
 */
async function settleWelcome(context: BrowserContext, extensionId: string, installs: boolean, keep: boolean): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}${WELCOME_PATH}`;
  const find = () => context.pages().find((page) => page.url() === url);
  let page = find();
  const deadline = Date.now() + WELCOME_TIMEOUT_MS;
  while (!page && installs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    page = find();
  }
  if (!page && installs) throw new Error(`Bixia opened no ${WELCOME_PATH} tab on install within ${WELCOME_TIMEOUT_MS} ms`);
  if (!page) return undefined;
  if (keep) {
    await page.waitForSelector('[data-ready="true"]');
    return page;
  }
  await page.close();
  return undefined;
}
