/**
 * Small helpers both popup-driving suites share (insertion.test.ts and
 * editors.test.ts): finding a tab's id from an extension page, and pressing a
 * key that closes the popup.
 */

interface TabView {
  id?: number;
  url?: string;
  active: boolean;
}

/**
 * Runs in an extension page: the id of the tab showing `url`. Tabs hide their
 * URL from an extension without the "tabs" permission (Chromium does here), so
 * the test brings the page to the front first and the active tab tells.
 */
export async function tabIdFor(url: string): Promise<number | string> {
  const api = (globalThis as unknown as { chrome: { tabs: { query(query: object): Promise<TabView[]> } } }).chrome;
  const tabs = await api.tabs.query({});
  const byUrl = tabs.filter((tab) => tab.url === url);
  const candidates = byUrl.length > 0 ? byUrl : tabs.filter((tab) => tab.active);
  const [tab] = candidates;
  if (candidates.length !== 1 || tab?.id === undefined) return `no single tab for ${url}: ${JSON.stringify(tabs)}`;
  return tab.id;
}

export function checkTabId(result: number | string): number {
  if (typeof result === 'string') throw new Error(result);
  return result;
}

/** What a test page sets once it is ready to be used. */
export const READY = 'html[data-ready="true"]';

/**
 * A key press that may close the popup: the keydown can insert and close the
 * page before the driver sends the keyup, which it then reports as an error.
 */
export async function pressClosing(press: () => Promise<void>, isClosed: () => Promise<boolean>): Promise<void> {
  try {
    await press();
  } catch (error) {
    if (!(await isClosed())) throw error;
  }
}
