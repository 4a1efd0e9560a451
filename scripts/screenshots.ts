/**
 * npm run screenshots: the popup, the side panel and the options page as a
 * user sees them, with the seed report imported as the user's own collection,
 * in Chinese and English, light and dark, written to screenshots/ (not committed).
 * Needs a Chrome build (npm run build) and the Noto CJK fonts for Chinese text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type ChromiumHarness, launchChromium } from '../test/e2e/harness/chromium';
import { READY, checkTabId, tabIdFor } from '../test/e2e/harness/popup-driving';
import { startTestSite } from '../test/e2e/pages/site';

const seed = fileURLToPath(new URL('../data/seed-report.txt', import.meta.url));
/** A report copied out of a PDF, with specifics to propose as placeholders. */
const pdfCopy = fileURLToPath(new URL('../test/fixtures/reports/h-pdf-copy.txt', import.meta.url));

/** The options page's library view with an entry of the user's collection open in the editor. */
async function openUserEntry(page: Page): Promise<void> {
  await page.click('[data-collection-id^="c-"]');
  await page.click('li[data-entry-id] .entry-main >> nth=3');
}

/** The import view with a report file chosen, once its preview is shown. */
async function previewImport(page: Page, file: string): Promise<void> {
  await page.setInputFiles('input[name="report-file"]', file);
  await page.waitForSelector('[data-import-preview]');
}

/** Presses a key that inserts or copies, and waits for the status it brings (success, fallback). */
const pressFor = (key: string, tone: string) => async (page: Page) => {
  await page.waitForSelector('li.row[aria-selected="true"]');
  await page.keyboard.press(key);
  await page.waitForSelector(`[role="status"][data-tone="${tone}"]`);
};

/**
 * The side panel after inserting into a page's field: a web page of the test
 * site, its textarea clicked, and the panel opened for its tab.
 */
async function sidePanelInserted(harness: ChromiumHarness, pageUrl: string): Promise<Page> {
  // Chromium hides tab URLs from the extension: the page's tab is found as the active one.
  const control = await harness.openExtensionPage('popup.html');
  const web = await harness.context.newPage();
  await web.goto(pageUrl);
  await web.waitForSelector(READY);
  await web.bringToFront();
  await web.click('#textarea');
  const tabId = checkTabId(await control.evaluate(tabIdFor, pageUrl));
  await control.close();
  const panel = await harness.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await panel.keyboard.type('说实话');
  await pressFor('Enter', 'success')(panel);
  await web.close();
  return panel;
}

/**
 * The picker at the caret in a web page of the test site: its textarea clicked, then the
 * message the background sends on the picker's command (Alt+Shift+Space), and a search typed.
 */
async function pickerOpen(harness: ChromiumHarness, pageUrl: string, scheme: 'light' | 'dark'): Promise<Page> {
  const control = await harness.openExtensionPage('popup.html');
  const web = await harness.context.newPage();
  await web.setViewportSize({ width: 900, height: 560 });
  await web.emulateMedia({ colorScheme: scheme });
  await web.goto(pageUrl);
  await web.waitForSelector(READY);
  await web.bringToFront();
  await web.click('#textarea');
  const tabId = checkTabId(await control.evaluate(tabIdFor, pageUrl));
  await control.evaluate((id) => {
    type Api = { tabs: { sendMessage(tabId: number, message: object): Promise<unknown> } };
    void (globalThis as unknown as { chrome: Api }).chrome.tabs.sendMessage(id, { type: 'background→page:open-picker' }).catch(() => undefined);
  }, tabId);
  await control.close();
  await web.waitForSelector('bixia-picker[data-ready="true"]');
  await web.keyboard.type('担当');
  return web;
}

/** A new draft in the composer, started from the 党性分析 framework's full text. */
async function startDraft(page: Page, shape: 'whole' | 'structure' = 'whole'): Promise<void> {
  await page.click('[data-action="new-draft"]');
  await page.selectOption('select[name="start-collection"]', 'builtin-dangxing');
  await page.check(`input[name="start-shape"][value="${shape}"]`);
  await page.click('[data-action="start-draft"]');
  await page.waitForSelector('.draft-editor[data-save-state="saved"]');
}

const out = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const pages = [
  { path: 'popup.html', width: 460, height: 580, query: '' },
  { path: 'popup.html', width: 460, height: 580, query: '表率' },
  { path: 'sidepanel.html', width: 380, height: 760, query: '' },
  { path: 'sidepanel.html', width: 380, height: 760, query: '', click: '#tab-read' },
  { path: 'popup.html', width: 460, height: 580, query: '主要差距不足', press: 'Enter' },
  { path: 'options.html#library', width: 1280, height: 800, query: '', prepare: openUserEntry, variant: '-library' },
  {
    path: 'options.html#import',
    width: 1280,
    height: 800,
    query: '',
    prepare: (page: Page) => previewImport(page, seed),
    variant: '-import',
  },
  {
    path: 'options.html#import',
    width: 1280,
    height: 800,
    query: '',
    prepare: async (page: Page) => {
      await previewImport(page, pdfCopy);
      // An item that names the writer's town (我镇), shown in the body pane with its placeholders marked.
      await page.click('[data-template-tree] [data-depth="2"] .tick-label >> nth=1');
    },
    variant: '-import-item',
  },
  {
    path: 'options.html#import',
    width: 820,
    height: 800,
    query: '',
    prepare: (page: Page) => previewImport(page, pdfCopy),
    variant: '-import-narrow',
  },
  { path: 'options.html#backup', width: 1280, height: 800, query: '', variant: '-backup' },
  { path: 'options.html#settings', width: 1280, height: 800, query: '', variant: '-settings' },
  // 快捷输入 with one shortcut set and the entry chooser showing matches for 表率.
  {
    path: 'options.html#triggers',
    width: 1280,
    height: 900,
    query: '',
    prepare: async (page: Page) => {
      await page.fill('#trigger-new', ';bl');
      await page.fill('#trigger-entry-search', '说实话');
      await page.click('.trigger-choice input');
      await page.click('[data-action="add-trigger"]');
      await page.waitForSelector('[data-trigger=";bl"]');
      await page.fill('#trigger-entry-search', '表率');
      await page.waitForSelector('.trigger-choice');
    },
    variant: '-triggers',
  },
  // The phrase library in the side panel, grouped by function, one group open.
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.selectOption('select[name="collection"]', 'builtin-phrases');
      await page.click('li[data-group="问题查摆"] > .node-row .node-group');
      await page.click('li[data-group="担当作为"] > .node-row .node-group');
    },
    variant: '-phrases',
  },
  // The focus rings: an outline row and a phrase of the reading view reached with the keyboard.
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.focus('#tab-outline');
      await page.keyboard.press('Tab');
      // Past the whole report, 开头 and its four phrases, onto the first section.
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    },
    variant: '-outline-focus',
  },
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.click('#tab-read');
      await page.focus('#tab-read');
      await page.keyboard.press('Tab');
      const withPhrase = await page.evaluate(() => Array.from(document.querySelectorAll('.reading-paragraph')).findIndex((p) => p.querySelector('mark')));
      for (let i = 0; i < withPhrase; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
    },
    variant: '-read-focus',
  },
  { path: 'popup.html', width: 460, height: 580, query: '担当', variant: '-phrases' },
  { path: 'popup.html', width: 460, height: 580, query: '不放松', press: 'Enter', variant: '-frame' },
  // Opened on their own, they are their own "tab", with no field the user clicked: the clipboard fallback.
  { path: 'popup.html', width: 460, height: 580, query: '说实话', prepare: pressFor('Enter', 'fallback'), variant: '-fallback' },
  { path: 'popup.html', width: 460, height: 580, query: '说实话', prepare: pressFor('Control+Enter', 'success'), variant: '-copied' },
  { path: 'sidepanel.html', width: 380, height: 760, query: '说实话', prepare: pressFor('Enter', 'fallback'), variant: '-fallback' },
  // 写报告: a draft from a framework in the side panel, then the list of drafts, then the full page.
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.click('#tab-compose');
      await startDraft(page);
    },
    variant: '-compose',
  },
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.click('#tab-compose');
      await page.waitForSelector('.composer[data-drafts="loaded"]');
    },
    variant: '-compose-list',
  },
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.click('#tab-compose');
      await page.click('li.draft-item [data-action="open-draft"]');
      await page.click('[data-action="toggle-preview"]');
      await page.waitForSelector('.draft-preview');
    },
    variant: '-compose-preview',
  },
  {
    path: 'sidepanel.html',
    width: 380,
    height: 760,
    query: '',
    prepare: async (page: Page) => {
      await page.click('#tab-compose');
      await page.click('li.draft-item [data-action="open-draft"]');
      await page.click('.part .part-text >> nth=1');
      await page.click('#composer-pane-add');
      await page.selectOption('select[name="add-collection"]', 'builtin-phrases');
    },
    variant: '-compose-add',
  },
  {
    path: 'composer.html',
    width: 1280,
    height: 900,
    query: '',
    prepare: async (page: Page) => {
      await page.waitForSelector('.composer[data-drafts="loaded"]');
      await startDraft(page, 'structure');
      await page.click('.part[data-depth="2"] .part-text >> nth=0');
      await page.fill('.add-panel input[type="search"]', '担当');
      await page.waitForSelector('.add-panel li.row');
    },
    variant: '-composer',
  },
];
/** SHOTS=compose takes only the pages whose variant contains it. */
const only = process.env.SHOTS;

const site = await startTestSite();
let run = 0;

for (const locale of ['zh-CN', 'en']) {
  const harness = await launchChromium({ locale });
  try {
    // The seed report imported as the user's own collection, as a user would.
    const options = await harness.openExtensionPage('options.html#import');
    await options.setInputFiles('input[name="report-file"]', seed);
    await options.click('[data-action="add-collection"]');
    await options.waitForSelector('[data-view="library"][aria-current="page"]');
    await options.close();
    for (const scheme of ['light', 'dark'] as const) {
      for (const { path, width, height, query, click, press, prepare, variant: fixed } of pages as {
        path: string;
        width: number;
        height: number;
        query: string;
        click?: string;
        press?: string;
        prepare?: (page: Page) => Promise<void>;
        variant?: string;
      }[]) {
        if (only && !(fixed ?? '').includes(only)) continue;
        const page = await harness.openExtensionPage(path);
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        // The built-in collections after the model report's arrive just after the first screen.
        if (path.startsWith('popup.html')) await page.waitForSelector('[data-library="loaded"]');
        if (query) await page.keyboard.type(query);
        if (click) await page.click(click);
        if (press) await page.keyboard.press(press);
        if (prepare) await prepare(page);
        const variant = fixed ?? (click ? '-read' : press ? '-form' : query ? '-search' : '');
        const name = `${path.replace(/\.html.*/, '')}${variant}-${locale}-${scheme}.png`;
        await page.screenshot({ path: join(out, name) });
        process.stdout.write(`${name}\n`);
        await page.close();
      }
      if (only && !'-picker'.includes(only)) continue;
      const web = await pickerOpen(harness, site.url(`fields.html?run=${++run}`), scheme);
      const shot = `page-picker-${locale}-${scheme}.png`;
      await web.screenshot({ path: join(out, shot) });
      process.stdout.write(`${shot}\n`);
      await web.close();
      if (only) continue;
      const panel = await sidePanelInserted(harness, site.url(`fields.html?run=${++run}`));
      await panel.setViewportSize({ width: 380, height: 760 });
      await panel.emulateMedia({ colorScheme: scheme });
      const name = `sidepanel-inserted-${locale}-${scheme}.png`;
      await panel.screenshot({ path: join(out, name) });
      process.stdout.write(`${name}\n`);
      await panel.close();
    }
  } finally {
    await harness.close();
  }
}
await site.close();
