/**
 * Accessibility: axe-core finds nothing (critical, serious or moderate) in any
 * state of the popup, the side panel, the options page and the composer's full
 * page, in both languages and both colour schemes, in both browsers.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations, describeViolations } from './harness/axe';
import { chromiumHasLanguagePack } from './harness/chromium';
import { type AnyPage, type BrowserDriver, attribute, browsers, chooseFile, click, closePage, evaluate, press, selectOption, setValue, text, type, waitFor } from './harness/driver';
import { firefoxHasLanguagePack } from './harness/firefox';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

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
      await click(page, '#composer-pane-add');
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
  { name: 'welcome page', path: 'welcome.html', act: (page) => waitFor(page, 'main.welcome[data-ready="true"]') },
  {
    name: 'welcome page, trying a search',
    path: 'welcome.html',
    act: async (page) => {
      await waitFor(page, 'main.welcome[data-ready="true"]');
      await click(page, '#try-search');
      await search('表率', '#try-results li.row[aria-selected="true"]')(page);
    },
  },
  { name: 'options, backup', path: 'options.html#backup' },
  { name: 'options, settings', path: 'options.html#settings' },
  {
    name: 'options, typed shortcuts with one set, matches listed and a refusal shown',
    path: 'options.html#triggers',
    act: async (page) => {
      await setValue(page, '#trigger-new', ';bl');
      await setValue(page, '#trigger-entry-search', '说实话');
      await waitFor(page, '.trigger-choice input');
      await click(page, '.trigger-choice input');
      await click(page, '[data-action="add-trigger"]');
      await waitFor(page, '[data-trigger=";bl"]');
      await setValue(page, '#trigger-new', ';b');
      await setValue(page, '#trigger-entry-search', '表率');
      await waitFor(page, '.trigger-choice input');
      await click(page, '.trigger-choice input');
      await click(page, '[data-action="add-trigger"]');
      await waitFor(page, '#trigger-add-error');
    },
  },
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

// ---------------------------------------------------------------------------
// The keyboard in the side panel.

const POLL = { timeout: 10_000, interval: 50 };

/** What has the focus, in words a failed test can be read by: its id, role and text. */
const focused = (page: AnyPage) =>
  evaluate(
    page,
    () => {
      const active = document.activeElement as HTMLElement | null;
      return { id: active?.id ?? '', role: active?.getAttribute('role') ?? active?.tagName.toLowerCase() ?? '', text: (active?.textContent ?? '').slice(0, 20) };
    },
    undefined,
  );
const focusOn = (page: AnyPage, selector: string) => evaluate(page, (sel) => document.querySelector<HTMLElement>(sel)!.focus(), selector);
const count = (page: AnyPage, selector: string) => evaluate(page, (sel) => document.querySelectorAll(sel).length, selector);
const inside = (page: AnyPage, selector: string) => evaluate(page, (sel) => document.activeElement?.closest(sel) != null, selector);

let site: TestSite;
let run = 0;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});

for (const target of browsers) {
  describe(`keyboard in ${target.name}`, () => {
    let driver: BrowserDriver | undefined;
    const opened: AnyPage[] = [];
    beforeAll(async () => {
      driver = await target.launch({ locale: 'zh-CN' });
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });
    afterAll(async () => {
      await driver?.close();
    });
    const running = () => {
      if (!driver) throw new Error(`${target.name} did not start`);
      return driver;
    };
    /** A web page with a textarea clicked into, and the side panel for its tab, in front. */
    const panelForPage = async () => {
      const { page, tabId } = await running().openWebPage(`${site.url('fields.html')}?run=${++run}`, READY);
      opened.push(page);
      await click(page, '#textarea');
      await evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.setSelectionRange(0, 0), undefined);
      const panel = await running().openSidePanel(tabId);
      opened.push(panel);
      return { page, panel };
    };
    const openPanel = async () => {
      const panel = await running().openExtensionPage('sidepanel.html');
      opened.push(panel);
      return panel;
    };

    it('moves between the tabs with ←/→ and Home/End, one tab stop, each controlling the panel', async () => {
      const panel = await openPanel();
      await focusOn(panel, '#tab-outline');
      const selected = async () => ({
        focus: (await focused(panel)).id,
        selected: await evaluate(panel, () => document.querySelector('[role="tab"][aria-selected="true"]')?.id, undefined),
        stops: await count(panel, '[role="tab"][tabindex="0"]'),
        panel: await evaluate(
          panel,
          () => {
            const tab = document.querySelector('[role="tab"][aria-selected="true"]');
            const controlled = document.getElementById(tab?.getAttribute('aria-controls') ?? '');
            return controlled?.getAttribute('role') === 'tabpanel' && controlled.getAttribute('aria-labelledby') === tab?.id;
          },
          undefined,
        ),
      });
      for (const [key, tab] of [
        ['ArrowRight', 'tab-read'],
        ['ArrowRight', 'tab-compose'],
        ['ArrowRight', 'tab-outline'],
        ['ArrowLeft', 'tab-compose'],
        ['Home', 'tab-outline'],
        ['End', 'tab-compose'],
      ] as const) {
        await press(panel, key);
        await expect.poll(selected, POLL).toEqual({ focus: tab, selected: tab, stops: 1, panel: true });
      }
    });

    it('makes the outline one tab stop, moved through with the arrow keys', async () => {
      const panel = await openPanel();
      await waitFor(panel, '.outline [role="treeitem"]');
      expect(await count(panel, '.outline [tabindex="0"]')).toBe(1);
      await focusOn(panel, '#tab-outline');
      await press(panel, 'Tab');
      // Favourites and recent uses, when there are any, come before the tree.
      for (let i = 0; i < 3 && !(await inside(panel, '.outline')); i++) await press(panel, 'Tab');
      const rows = () => evaluate(panel, () => Array.from(document.querySelectorAll('.outline [role="treeitem"]'), (row) => row.id), undefined);
      const [first, second] = await rows();
      expect((await focused(panel)).id).toBe(first);

      await press(panel, 'ArrowDown');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(second);
      await press(panel, 'ArrowUp');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(first);
      await press(panel, 'End');
      const all = await rows();
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(all[all.length - 1]);
      await press(panel, 'Home');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(first);

      // A closed item: → opens it, → again goes to its first phrase, ← back to it, ← closes it.
      const closed = await evaluate(panel, () => document.querySelector('.outline [role="treeitem"][aria-expanded="false"]')!.id, undefined);
      await focusOn(panel, `#${closed}`);
      await press(panel, 'ArrowRight');
      await expect.poll(() => attribute(panel, `#${closed}`, 'aria-expanded'), POLL).toBe('true');
      await press(panel, 'ArrowRight');
      await expect.poll(async () => (await focused(panel)).role, POLL).toBe('treeitem');
      expect(await evaluate(panel, (id) => document.activeElement !== document.getElementById(id) && document.activeElement!.closest('[role="group"]')!.id === document.getElementById(id)!.getAttribute('aria-owns'), closed)).toBe(true);
      await press(panel, 'ArrowLeft');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(closed);
      await press(panel, 'ArrowLeft');
      await expect.poll(() => attribute(panel, `#${closed}`, 'aria-expanded'), POLL).toBe('false');
      expect(await count(panel, '.outline [tabindex="0"]')).toBe(1);

      // One Tab leaves the tree.
      await press(panel, 'Tab');
      expect(await inside(panel, '.outline')).toBe(false);
    });

    it('crosses the reading view with one Tab, and inserts a phrase chosen with the arrow keys', async () => {
      const { page, panel } = await panelForPage();
      await click(panel, '#tab-read');
      await waitFor(panel, '.reading-phrase');
      await focusOn(panel, '#tab-read');
      await press(panel, 'Tab');
      expect(await focused(panel)).toMatchObject({ id: 'reading-0', role: 'gridcell' });
      await press(panel, 'Tab');
      expect(await inside(panel, '.reading')).toBe(false);

      await press(panel, 'Shift+Tab');
      expect((await focused(panel)).id).toBe('reading-0');
      // Down to the first paragraph with a phrase, right onto the phrase.
      const withPhrase = await evaluate(panel, () => Array.from(document.querySelectorAll('.reading-paragraph')).findIndex((p) => p.querySelector('mark')), undefined);
      for (let i = 0; i < withPhrase; i++) await press(panel, 'ArrowDown');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(`reading-${withPhrase}`);
      await press(panel, 'ArrowRight');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(`reading-${withPhrase}-0`);
      const phrase = (await text(panel, `#reading-${withPhrase}-0`)).trim();
      await press(panel, 'Enter');
      await running().returnToPage(page);
      await expect.poll(() => evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.value, undefined), POLL).toBe(`${phrase}前半句，后半句。`);

      // The focus is still on the phrase, to go on from there.
      await running().bringToFront(panel);
      expect((await focused(panel)).id).toBe(`reading-${withPhrase}-0`);
      expect(await count(panel, '.reading [tabindex="0"]')).toBe(1);
    });

    it('inserts a recent use from the keyboard (its list is one tab stop), and keeps the focus on the list', async () => {
      // The phrase the test before inserted is the one recent use.
      const { page, panel } = await panelForPage();
      await waitFor(panel, 'section.pinned [role="listbox"] li.row');
      const phrase = await evaluate(panel, () => document.querySelector('section.pinned li.row .row-title')!.textContent!, undefined);
      await focusOn(panel, '#tab-outline');
      await press(panel, 'Tab');
      expect(await focused(panel)).toMatchObject({ id: 'panel-recent', role: 'listbox' });
      expect(await attribute(panel, '#panel-recent', 'aria-activedescendant')).toBe('panel-recent-option-0');
      await press(panel, 'Enter');
      await running().returnToPage(page);
      await expect.poll(() => evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.value, undefined), POLL).toBe(`${phrase}前半句，后半句。`);
      await running().bringToFront(panel);
      expect((await focused(panel)).id).toBe('panel-recent');
    });

    it('brings the focus back to the row after the placeholder form, and keeps it in the search box after a click on a result', async () => {
      const panel = await openPanel();
      // The whole report has placeholders: Enter on its row opens the form, Escape closes it.
      const row = await evaluate(panel, () => document.querySelector('.outline [role="treeitem"]')!.id, undefined);
      await focusOn(panel, `#${row}`);
      await press(panel, 'Enter');
      await waitFor(panel, 'form.placeholder-form');
      await press(panel, 'Escape');
      await waitFor(panel, '.outline');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe(row);

      // A reading paragraph with placeholders, the form sent with Enter: back on the paragraph.
      await focusOn(panel, '#tab-outline');
      await press(panel, 'ArrowRight');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe('tab-read');
      await focusOn(panel, '#reading-1');
      await press(panel, 'Enter');
      await waitFor(panel, 'form.placeholder-form');
      await press(panel, 'Enter');
      await waitFor(panel, '.reading');
      await expect.poll(async () => (await focused(panel)).id, POLL).toBe('reading-1');
      await waitFor(panel, '[role="status"][data-tone]');

      // A result clicked with the mouse: the search box keeps the focus.
      await focusOn(panel, '#search-input');
      await type(panel, '说实话');
      await waitFor(panel, 'li.row[aria-selected="true"]');
      await click(panel, 'li.row[aria-selected="true"] .row-title');
      await expect.poll(() => evaluate(panel, () => document.querySelector('[role="status"]')?.getAttribute('data-tone'), undefined), POLL).toBeTruthy();
      expect((await focused(panel)).id).toBe('search-input');
    });
  });
}
