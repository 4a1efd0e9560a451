/**
 * The one typed contract between the extension's surfaces. Message names say
 * their direction: page→background, ui→background, background→page.
 */
import { browser } from 'wxt/browser';

/** Why text could not be inserted; each has a message for the user. */
export type InsertFailure =
  | 'no-field' // no editable field had focus in the tab
  | 'read-only' // the field is read-only or disabled
  | 'no-access' // the page does not run our content script (browser pages, store, PDF viewer, before install)
  | 'gone' // the field was removed from the page
  | 'refused'; // the page's editor did not take the text

export type InsertResult =
  | { status: 'inserted' }
  /** The field's maxlength cut the text: only `kept` characters went in. */
  | { status: 'truncated'; kept: number }
  /** Accepted; the page inserts once it has focus again (the popup is closing). */
  | { status: 'pending' }
  | { status: 'failed'; reason: InsertFailure };

/** How the text arrives: the popup closes first so the page regains focus. */
export type InsertMode = 'after-popup-closes' | 'now';

export type UiToBackground = {
  type: 'ui→background:insert';
  tabId: number;
  text: string;
  mode: InsertMode;
};

export type PageToBackground = { type: 'page→background:field-focused' };

export type BackgroundToPage =
  | { type: 'background→page:probe' }
  | { type: 'background→page:insert'; text: string; waitForFocus: boolean; notifyOnFailure: boolean };

export type ProbeResult = { ok: true } | { ok: false; reason: InsertFailure };

export function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/** From the popup or side panel: insert `text` into the tab's last focused field. */
export async function requestInsert(tabId: number, text: string, mode: InsertMode): Promise<InsertResult> {
  const message: UiToBackground = { type: 'ui→background:insert', tabId, text, mode };
  try {
    return (await browser.runtime.sendMessage(message)) as InsertResult;
  } catch {
    return { status: 'failed', reason: 'no-access' };
  }
}
