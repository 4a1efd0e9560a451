/**
 * The side panel inserts as the popup does, without closing: search and
 * Enter, a phrase chip in the outline, a paragraph of the reading view. The
 * panel is opened as sidepanel.html?tab=<id> in a tab of its own, and says
 * what happened in its status line. Written once for both browsers on
 * harness/driver.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderBody } from '../../core/placeholders';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { type AnyPage, type BrowserDriver, type WebTab, browsers, click, closePage, evaluate, press, type, waitFor } from './harness/driver';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };
const INITIAL = '前半句，后半句。';
const MIDDLE = 4;
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const whole = readBuiltinCollection().entries.find((e) => e.kind === 'template' && e.path.length === 0)!;
/** The opening paragraph of the report: the reading view's second paragraph, with no placeholders. */
const OPENING = renderBody(whole.body.split('\n')[1]!);
const withText = (text: string) => INITIAL.slice(0, MIDDLE) + text + INITIAL.slice(MIDDLE);

/** Puts the caret in a field as a keyboard user does: focus alone, by script, is no choice for Bixia; a key pressed in the field is. */
async function putCaret(page: AnyPage, selector: string): Promise<void> {
  await evaluate(page, (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.focus(), selector);
  await press(page, 'Escape');
  await evaluate(
    page,
    ([sel, middle]) => document.querySelector<HTMLTextAreaElement>(sel)!.setSelectionRange(middle, middle),
    [selector, MIDDLE] as const,
  );
}

const valueOf = (page: AnyPage, selector: string) =>
  evaluate(page, (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.value, selector);
/** The status line as the user reads it, with its tone (success, fallback, error). */
const statusOf = (panel: AnyPage) =>
  evaluate(
    panel,
    () => {
      const status = document.querySelector('[role="status"]');
      return `${status?.getAttribute('data-tone')}: ${status?.textContent ?? ''}`;
    },
    undefined,
  );
/** The ids of the popup's first three results. */
const firstRows = (popup: AnyPage) =>
  evaluate(
    popup,
    () => Array.from(document.querySelectorAll('li.row[role="option"]'), (row) => row.getAttribute('data-entry-id')).slice(0, 3),
    undefined,
  );

/**
 * Types a query into the panel's search box and waits, as a user does, until the
 * first result is the phrase looked for; says where the keys went if not.
 */
async function searchFor(panel: AnyPage, query: string): Promise<void> {
  await type(panel, query);
  const seen = () =>
    evaluate(
      panel,
      () => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const first = document.querySelector('li.row[role="option"]');
        return `query "${input?.value ?? '(no search box)'}", focus on ${document.activeElement?.tagName}, first result ${first?.textContent ?? '(none)'}`;
      },
      undefined,
    );
  await expect.poll(seen, POLL).toMatch(new RegExp(`query "${query}".*first result .*${PHRASE}`));
}

/** Each test's page gets an address of its own, so the tab it is in can be told apart. */
let run = 0;

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});

for (const target of browsers) {
  describe(`side panel in ${target.name}`, () => {
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

    const running = (): BrowserDriver => {
      if (!driver) throw new Error(`${target.name} did not start`);
      return driver;
    };
    const keep = <P extends AnyPage>(page: P): P => {
      opened.push(page);
      return page;
    };
    const openPage = async (path: string): Promise<WebTab> => {
      const tab = await running().openWebPage(`${site.url(path)}?run=${++run}`, READY);
      keep(tab.page);
      return tab;
    };
    /** The panel, in front as a user's click would put it: a page in the background has no focus, and the browser refuses it the clipboard. */
    const openPanel = async (tabId: number) => keep(await running().openSidePanel(tabId));
    const openPopup = async () => keep(await running().openExtensionPage('popup.html'));
    /** Closes a page the test is done with (afterEach closes whatever a failed test left open). */
    const done = async (page: AnyPage) => {
      opened.splice(opened.indexOf(page), 1);
      await closePage(page);
    };

    it('inserts the first search result at the caret with Enter, and says so', async () => {
      const { page, tabId } = await openPage('fields.html');
      await putCaret(page, '#textarea');
      const panel = await openPanel(tabId);
      await searchFor(panel, '说实话');
      await press(panel, 'Enter');
      await running().returnToPage(page);
      await expect.poll(() => valueOf(page, '#textarea'), POLL).toBe(withText(PHRASE));
      await expect.poll(() => statusOf(panel), POLL).toBe('success: ✓已插入');
    });

    it('inserts a paragraph of the reading view with one click', async () => {
      const { page, tabId } = await openPage('fields.html');
      await putCaret(page, '#textarea');
      const panel = await openPanel(tabId);
      await click(panel, '#tab-read');
      await waitFor(panel, '.reading-paragraph');
      await click(panel, '#reading-1');
      // The paragraph names the organisers, a placeholder: its form opens, Enter takes the defaults.
      await waitFor(panel, 'form.placeholder-form');
      await press(panel, 'Enter');
      await running().returnToPage(page);
      await expect.poll(() => valueOf(page, '#textarea'), POLL).toBe(withText(OPENING));
    });

    it('inserts a phrase chip of the outline with one click', async () => {
      const { page, tabId } = await openPage('fields.html');
      await putCaret(page, '#textarea');
      const panel = await openPanel(tabId);
      // 学与思、学与议、学与行 hangs under the opening (开头), open from the start like every section.
      const chip = '.outline > li > div > ul > li:first-child > div > .phrases .phrase';
      await waitFor(panel, chip);
      const text = await evaluate(panel, (sel) => document.querySelector(sel)!.textContent!, chip);
      await click(panel, chip);
      await running().returnToPage(page);
      await expect.poll(() => valueOf(page, '#textarea'), POLL).toBe(withText(text));
    });

    it('shows a starred entry first in the popup and under 收藏 in the side panel', async () => {
      const popup = await openPopup();
      const [, second] = await firstRows(popup);
      await press(popup, 'ArrowDown');
      await press(popup, 'Control+s');
      await expect
        .poll(() => evaluate(popup, () => document.querySelector('li.row[data-favorite="true"]')?.getAttribute('data-entry-id'), undefined), POLL)
        .toBe(second);
      await done(popup);

      const again = await openPopup();
      await expect.poll(async () => (await firstRows(again))[0], POLL).toBe(second);
      await done(again);

      const { page, tabId } = await openPage('fields.html');
      const panel = await openPanel(tabId);
      await expect
        .poll(() => evaluate(panel, () => document.querySelector('section.pinned li.row')?.getAttribute('data-entry-id'), undefined), POLL)
        .toBe(second);
      await done(panel);
      await done(page);

      // Leave no star behind: a starred entry comes first among matches, and a later test's
      // search would get it (the whole report, say, with its placeholder form) instead of its phrase.
      const last = await openPopup();
      await expect.poll(async () => (await firstRows(last))[0], POLL).toBe(second);
      await press(last, 'Control+s');
      await expect
        .poll(() => evaluate(last, () => document.querySelectorAll('li.row[data-favorite="true"]').length, undefined), POLL)
        .toBe(0);
    });

    it('copies and says so, never as a success, when nothing in the tab has focus', async () => {
      const { tabId } = await openPage('fields.html');
      const panel = await openPanel(tabId);
      await searchFor(panel, '说实话');
      await press(panel, 'Enter');
      await expect.poll(() => statusOf(panel), POLL).toMatch(/^fallback: ⚠未插入，文字已复制到剪贴板没有找到您点过或输入过的输入框。/);
      expect(await statusOf(panel)).not.toContain('已插入');
    });
  });
}
