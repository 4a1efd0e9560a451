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

export interface ListedRow {
  id: string;
  title: string;
  selected: boolean;
}

/**
 * Runs in an extension page: every row of its first listbox, in order. The list renders only
 * the rows in view (components/ResultList.tsx), so this scrolls it through as a user would,
 * reading each row once by its aria-posinset, and scrolls back.
 */
export async function readAllRows(): Promise<ListedRow[]> {
  const list = document.querySelector<HTMLElement>('[role="listbox"]');
  if (!list) return [];
  const rows = new Map<number, ListedRow>();
  const read = () => {
    for (const row of list.querySelectorAll('li[role="option"]')) {
      rows.set(Number(row.getAttribute('aria-posinset')), {
        id: row.getAttribute('data-entry-id') ?? '',
        title: row.querySelector('.row-title')?.textContent?.trim() ?? '',
        selected: row.getAttribute('aria-selected') === 'true',
      });
    }
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const count = Number(list.querySelector('li[role="option"]')?.getAttribute('aria-setsize') ?? 0);
  const start = list.scrollTop;
  list.scrollTop = 0;
  await frame();
  read();
  for (let guard = 0; rows.size < count && guard < 100_000; guard++) {
    list.scrollTop += Math.max(1, list.clientHeight);
    await frame();
    read();
  }
  list.scrollTop = start;
  await frame();
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}
