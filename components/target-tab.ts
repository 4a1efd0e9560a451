/**
 * The tab an insertion goes to: `?tab=<id>` when the page was opened for a
 * given tab (tests, or the popup in a window of its own), else the active tab
 * of the current window, looked up at the moment of use so the side panel
 * follows tab switches.
 */
import { browser } from 'wxt/browser';

export function tabFromUrl(href: string = location.href): number | undefined {
  const value = new URL(href).searchParams.get('tab');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export async function targetTab(): Promise<{ tabId: number | undefined; windowId: number | undefined }> {
  const fixed = tabFromUrl();
  if (fixed !== undefined) {
    const tab = await browser.tabs.get(fixed).catch(() => undefined);
    return { tabId: fixed, windowId: tab?.windowId };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: active?.id, windowId: active?.windowId };
}
