/**
 * The one typed contract between the extension's surfaces. Message names say
 * their direction: page→background, ui→background, background→page.
 * Types only (and one guard): the content script imports it, and must not pull
 * in anything that touches the extension API when a page loads.
 */
/** Why text could not be inserted; each has a message for the user. */
export type InsertFailure =
  | 'no-field' // the user clicked or typed in no editable field of the tab
  | 'read-only' // the field is read-only
  | 'disabled' // the field is disabled
  | 'no-access' // there is no tab to insert into, or the message could not reach the page
  | 'gone' // the field was removed from the page
  | 'hidden' // the field, or the frame it is in, cannot be seen: zero-size, hidden, off-screen
  | 'refused'; // the page's editor did not take the text

export type InsertResult =
  | { status: 'inserted' }
  /** The field's maxlength cut the text: only `kept` characters went in. */
  | { status: 'truncated'; kept: number }
  /** Accepted; the page inserts once it has focus again (the popup is closing). */
  | { status: 'pending' }
  /**
   * Nothing inserted: the field's maxlength leaves room for only `room` of the
   * text's `length` characters. Asking again with allowTruncate inserts the start.
   */
  | { status: 'too-long'; room: number; length: number }
  | { status: 'failed'; reason: InsertFailure };

/** How the text arrives: the popup closes first so the page regains focus. */
export type InsertMode = 'after-popup-closes' | 'now';

export type UiToBackground = {
  type: 'ui→background:insert';
  tabId: number;
  text: string;
  mode: InsertMode;
  /** The user has agreed to insert only what fits the field's maxlength. */
  allowTruncate?: boolean;
};

export type PageToBackground =
  | { type: 'page→background:field-focused' }
  /**
   * The frame's first key in a field: answered with the table (PageTriggers) when the user has
   * shortcuts in force there, null when not; with a table the frame loads the matcher
   * (entrypoints/typed-shortcuts.ts) and hands it the table, so the first expansion waits for
   * one round trip only. `origin` is the frame's own (an about:blank frame's is its parent's),
   * which the site switch reads.
   */
  | { type: 'page→background:typing'; origin: string }
  /** The matcher asks for the table again once what it was made of changed. */
  | { type: 'page→background:triggers'; origin: string };

/**
 * The typed shortcuts a frame matches against (utils/trigger-service.ts):
 * [normalised trigger, the text it expands to] pairs, and until when the texts
 * hold (a text with today's date in it is good until midnight). Empty when
 * shortcuts are off for the site.
 */
/** An entry whose blanks are asked for at the caret before it expands (the picker's form). */
export interface AskedEntry {
  id: string;
  kind: 'template' | 'snippet';
  title: string;
  body: string;
  path: string[];
  tags: string[];
}

export interface PageTriggers {
  /**
   * Each normalised trigger with the text it expands to; with the entry as a third member when
   * the entry has blanks, which the user fills in a small form at the caret first.
   */
  pairs: ([string, string] | [string, string, AskedEntry])[];
  until: number;
}

export type BackgroundToPage =
  | { type: 'background→page:probe'; text: string }
  /** The shortcuts, the library or the remembered values changed: a frame that holds a table drops it. */
  | { type: 'background→page:triggers-changed' }
  /** The right-click menu's 保存为短语 / 保存为模板: what is selected in the frame (a SelectionContext, or null). */
  | { type: 'background→page:selection' }
  /** The picker's keyboard command: the frame with the user's field opens the picker at its caret; answers whether it did. */
  | { type: 'background→page:open-picker' }
  | {
      type: 'background→page:insert';
      text: string;
      waitForFocus: boolean;
      /**
       * When set, the page tells the user itself what went wrong (the popup has
       * closed). The background supplies the words, in the user's language, so
       * the content script carries no translations.
       */
      notices?: PageNotices;
    };

/** Text selected in a page, with what comes before it in the same field or page (for the section it is in). */
export interface SelectionContext {
  text: string;
  before: string;
}

export interface PageNotices {
  /** "$1" stands for the number of characters kept. */
  truncated: string;
  /** The heading of a fallback: nothing was inserted, the text is on the clipboard. */
  fallback: string;
  /** Why nothing was inserted, and what to do. */
  reasons: Record<InsertFailure, string>;
  copyFailed: string;
}

export type ProbeResult =
  /** `room` is set when the field's maxlength leaves less room than the text needs. */
  | { ok: true; room?: number; length?: number }
  | { ok: false; reason: InsertFailure };

export function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
