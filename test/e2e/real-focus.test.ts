/**
 * The one path headless browsers cannot show: focus really leaving the page.
 * Headless Chromium treats every window as focused, so the popup's "close
 * first, then the page inserts once it has focus again" is only exercised for
 * real in a headed Chromium on a virtual X display, with the popup opened as a
 * real window of its own, as the toolbar button would.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumHarness, launchChromium } from './harness/chromium';
import { pressClosing } from './harness/popup-driving';
import { type VirtualDisplay, hasXvfb, startVirtualDisplay } from './harness/xvfb';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };
const INITIAL = '前半句，后半句。';
const MIDDLE = 4;
const PHRASE = '说实话、办实事、鼓实劲、求实效';

/** The slice of the extension API these tests call in the service worker. */
interface ExtensionApi {
  tabs: { create(options: { url: string; active: boolean }): Promise<{ id?: number }> };
  windows: { create(options: object): Promise<unknown> };
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

describe.skipIf(!hasXvfb())('Chromium with real window focus (headed, on Xvfb)', () => {
  let display: VirtualDisplay;
  let harness: ChromiumHarness;
  let site: TestSite;

  beforeAll(async () => {
    display = await startVirtualDisplay();
    harness = await launchChromium({ locale: 'zh-CN', display: display.display });
    site = await startTestSite();
  });

  afterAll(async () => {
    await site?.close();
    await harness?.close();
    await display?.stop();
  });

  /** Opens a page as a tab the extension knows the id of, with Playwright's focus emulation off. */
  async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
    const worker = await serviceWorker(harness.context);
    const url = site.url(path);
    const [page, tabId] = await Promise.all([
      harness.context.waitForEvent('page', (p) => p.url() === url),
      worker.evaluate(
        async (u) => (await (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.create({ url: u, active: true })).id!,
        url,
      ),
    ]);
    await page.waitForLoadState('load');
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    return { page, tabId };
  }

  /** The popup in a window of its own, focused, as the toolbar button opens it. */
  async function openPopupWindow(tabId: number): Promise<Page> {
    const worker = await serviceWorker(harness.context);
    const url = `chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`;
    const [popup] = await Promise.all([
      harness.context.waitForEvent('page', (p) => p.url() === url),
      worker.evaluate(
        (u) =>
          (globalThis as unknown as { chrome: ExtensionApi }).chrome.windows.create({
            url: u,
            type: 'popup',
            focused: true,
            width: 480,
            height: 620,
          }),
        url,
      ),
    ]);
    await popup.waitForSelector('[data-ready="true"]');
    return popup;
  }

  it('takes focus from the page, gives it back on closing, and the text lands at the caret', async () => {
    const { page, tabId } = await openTab('fields.html');
    await page.bringToFront();
    // The user clicks the field (Bixia takes no field that only a script focused).
    await page.click('#textarea');
    await page.evaluate((middle) => {
      const area = document.querySelector<HTMLTextAreaElement>('#textarea')!;
      area.setSelectionRange(middle, middle);
    }, MIDDLE);
    await expect.poll(() => page.evaluate(() => document.hasFocus()), POLL).toBe(true);

    const popup = await openPopupWindow(tabId);
    // The page really lost focus to the popup window, as with the toolbar popup.
    await expect.poll(() => page.evaluate(() => document.hasFocus()), POLL).toBe(false);
    await popup.keyboard.type('说实话');
    // The popup may close on the keydown, before the driver sends the keyup.
    await pressClosing(() => popup.keyboard.press('Enter'), async () => popup.isClosed());

    const expected = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);
    await expect.poll(() => popup.isClosed(), POLL).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#textarea')!.value), POLL)
      .toBe(expected);
    // Focus and caret are back where the user left them: right after the inserted text.
    const after = await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('#textarea')!;
      return { focused: document.hasFocus() && document.activeElement === area, caret: area.selectionStart };
    });
    expect(after).toEqual({ focused: true, caret: MIDDLE + PHRASE.length });

    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#textarea')!.value), POLL)
      .toBe(INITIAL);
    await page.close();
  });

  it('puts the caret back in a contenteditable that lost it while the popup was open', async () => {
    const { page, tabId } = await openTab('fields.html');
    await page.bringToFront();
    await page.click('#ce');
    await page.evaluate((middle) => {
      const region = document.querySelector<HTMLElement>('#ce')!;
      const range = document.createRange();
      range.setStart(region.firstChild!, middle);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, MIDDLE);

    const popup = await openPopupWindow(tabId);
    await expect.poll(() => page.evaluate(() => document.hasFocus()), POLL).toBe(false);
    // A page script moves the selection while the user is away, as some editors do on blur.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await popup.keyboard.type('说实话');
    // The popup may close on the keydown, before the driver sends the keyup.
    await pressClosing(() => popup.keyboard.press('Enter'), async () => popup.isClosed());

    const expected = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);
    await expect.poll(() => page.evaluate(() => document.querySelector('#ce')!.textContent), POLL).toBe(expected);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => document.querySelector('#ce')!.textContent), POLL).toBe(INITIAL);
    await page.close();
  });

  it('a hidden cross-origin frame that grabs the focus when the popup takes it gets nothing', async () => {
    // trust.html moves the focus into its zero-size cross-origin frame on every window blur.
    const { page, tabId } = await openTab(`trust.html?hide=zero&cross=${encodeURIComponent(site.crossOrigin)}`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.bringToFront();
    await page.click('#mine');
    await page.evaluate((middle) => document.querySelector<HTMLTextAreaElement>('#mine')!.setSelectionRange(middle, middle), MIDDLE);
    const thief = () => page.frames().find((f) => f.url().startsWith(`${site.crossOrigin}/thief.html`))!;

    const popup = await openPopupWindow(tabId);
    // The page lost the focus for real, and moved its own focus into the frame.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('thief');
    await expect.poll(() => thief().evaluate(() => document.activeElement?.id), POLL).toBe('loot');
    await popup.keyboard.type('说实话');
    await pressClosing(() => popup.keyboard.press('Enter'), async () => popup.isClosed());

    const expected = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#mine')!.value), POLL).toBe(expected);
    expect(await thief().evaluate(() => document.querySelector<HTMLInputElement>('#loot')!.value)).toBe('');
    await page.close();
  });
});
