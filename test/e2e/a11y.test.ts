/**
 * Accessibility: axe-core finds nothing (critical, serious or moderate) in any
 * state of the popup, the side panel, the options page and the composer's full
 * page, in both languages and both colour schemes, in both browsers.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations, describeViolations } from './harness/axe';
import { chromiumHasLanguagePack } from './harness/chromium';
import { type AnyPage, type BrowserDriver, browsers, chooseFile, click, closePage, evaluate, press, selectOption, type, waitFor } from './harness/driver';
import { firefoxHasLanguagePack } from './harness/firefox';

const seed = fileURLToPath(new URL('../../data/seed-report.txt', import.meta.url));

/** A page in one state: where it is opened, and what the user does there first. */
interface State {
  name: string;
  path: string;
  act?: (page: AnyPage) => Promise<void>;
}

/** Types a query into the focused search box and waits for what it brings. */
const search = (query: string, shown: string) => async (page: AnyPage) => {
  await type(page, query);
  await waitFor(page, shown);
};
/** Opens 写报告 in the side panel and waits for its list of drafts. */
const compose = async (page: AnyPage) => {
  await click(page, '#tab-compose');
  await waitFor(page, '.composer[data-drafts="loaded"]');
};

/**
 * Every state checked, in order, in one browser: a later state may build on
 * what an earlier one stored (the copy in the popup puts a row under 最近使用;
 * the draft started in the side panel is opened in composer.html).
 */
const STATES: State[] = [
  { name: 'popup, list', path: 'popup.html', act: (page) => waitFor(page, '[data-library="loaded"] li.row[aria-selected="true"]') },
  {
    name: 'popup, a result starred',
    path: 'popup.html',
    act: async (page) => {
      // A phrase, with no placeholders: the copy below gets it first, as a favourite.
      await search('说实话', 'li.row[aria-selected="true"]')(page);
      await press(page, 'Control+s');
      await waitFor(page, 'li.row[data-favorite="true"]');
    },
  },
  { name: 'popup, search results', path: 'popup.html', act: search('表率', 'li.row[role="option"]') },
  { name: 'popup, no results', path: 'popup.html', act: search('qzqzqzqz', '.empty[role="status"]') },
  {
    name: 'popup, placeholder form',
    path: 'popup.html',
    act: async (page) => {
      await search('主要差距不足', 'li.row[aria-selected="true"]')(page);
      await press(page, 'Enter');
      await waitFor(page, 'form.placeholder-form');
    },
  },
  {
    name: 'popup, status after a copy',
    path: 'popup.html',
    act: async (page) => {
      await search('说实话', 'li.row[aria-selected="true"]')(page);
      await press(page, 'Control+Enter');
      await waitFor(page, '[role="status"][data-tone="success"]');
    },
  },
  {
    name: 'side panel, outline with pinned rows and an item opened',
    path: 'sidepanel.html',
    act: async (page) => {
      await waitFor(page, 'section.pinned li.row');
      await click(page, '.outline [aria-expanded="false"] > .disclosure');
      await waitFor(page, '.outline [aria-expanded="true"] + [role="group"] .phrase');
    },
  },
  {
    name: 'side panel, phrase library with a group opened',
    path: 'sidepanel.html',
    act: async (page) => {
      await selectOption(page, 'select[name="collection"]', 'builtin-phrases');
      await click(page, '.outline [aria-expanded="false"] > .disclosure');
      await waitFor(page, '.outline [aria-expanded="true"] + [role="group"] .phrase');
    },
  },
  {
    name: 'side panel, reading view',
    path: 'sidepanel.html',
    act: async (page) => {
      await click(page, '#tab-read');
      await waitFor(page, '.reading-phrase');
    },
  },
  { name: 'side panel, search results', path: 'sidepanel.html', act: search('表率', 'li.row[role="option"]') },
  {
    name: 'side panel, placeholder form',
    path: 'sidepanel.html',
    act: async (page) => {
      await search('主要差距不足', 'li.row[aria-selected="true"]')(page);
      await press(page, 'Enter');
      await waitFor(page, 'form.placeholder-form');
    },
  },
  { name: 'side panel, drafts', path: 'sidepanel.html', act: compose },
  {
    name: 'side panel, a new draft',
    path: 'sidepanel.html',
    act: async (page) => {
      await compose(page);
      await click(page, '[data-action="new-draft"]');
      await waitFor(page, 'select[name="start-collection"]');
    },
  },
  {
    name: 'side panel, a draft and its add pane',
    path: 'sidepanel.html',
    act: async (page) => {
      await compose(page);
      await click(page, '[data-action="new-draft"]');
      await selectOption(page, 'select[name="start-collection"]', 'builtin-dangxing');
      await click(page, '[data-action="start-draft"]');
      await waitFor(page, '.draft-editor[data-save-state="saved"]');
      await click(page, '[data-pane="add"]');
      await waitFor(page, '.add-panel:not([hidden]) .outline');
    },
  },
  {
    name: 'composer page, a draft open',
    path: 'composer.html',
    act: async (page) => {
      await waitFor(page, '.composer[data-drafts="loaded"]');
      await click(page, 'li.draft-item [data-action="open-draft"]');
      await waitFor(page, '.draft-editor[data-save-state="saved"] .add-panel .outline');
    },
  },
  { name: 'options, library', path: 'options.html#library' },
  {
    name: 'options, library with an entry shown',
    path: 'options.html#library',
    act: async (page) => {
      await click(page, 'li[data-entry-id] .entry-main');
      await waitFor(page, '[data-entry-editor]');
    },
  },
  { name: 'options, import', path: 'options.html#import' },
  {
    name: 'options, import preview',
    path: 'options.html#import',
    act: async (page) => {
      await chooseFile(page, 'input[name="report-file"]', seed);
      await waitFor(page, '[data-import-preview]');
    },
  },
  { name: 'options, backup', path: 'options.html#backup' },
  { name: 'options, settings', path: 'options.html#settings' },
];

const LOCALES = [
  { locale: 'zh-CN', lang: 'zh-CN' },
  { locale: 'en', lang: 'en' },
] as const;

const languagePack: Record<string, (locale: string) => boolean> = {
  Chromium: (locale) => chromiumHasLanguagePack(locale),
  'Firefox ESR': (locale) => firefoxHasLanguagePack(locale),
};

for (const target of browsers) {
  for (const { locale, lang } of LOCALES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      // Chinese needs the browser's language pack; without it the UI would be English and the run a repeat.
      const missing = locale !== 'en' && !languagePack[target.name]!(locale);
      describe.skipIf(missing)(`axe in ${target.name}, ${locale}, ${colorScheme}`, () => {
        let driver: BrowserDriver | undefined;
        beforeAll(async () => {
          driver = await target.launch({ locale, colorScheme });
        });
        afterAll(async () => {
          await driver?.close();
        });

        for (const state of STATES) {
          it(state.name, async () => {
            if (!driver) throw new Error(`${target.name} did not start`);
            const page = await driver.openExtensionPage(state.path);
            try {
              await state.act?.(page);
              const seen = await evaluate(page, () => ({ lang: document.documentElement.lang, dark: matchMedia('(prefers-color-scheme: dark)').matches }), undefined);
              expect({ ...seen, lang: seen.lang.split('-')[0] }).toEqual({ lang: lang.split('-')[0], dark: colorScheme === 'dark' });
              const violations: AxeViolation[] = await axeViolations(page);
              expect(violations, describeViolations(violations)).toEqual([]);
            } finally {
              await closePage(page).catch(() => undefined);
            }
          });
        }
      });
    }
  }
}
