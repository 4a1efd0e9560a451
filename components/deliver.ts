/**
 * Puts an entry's text where the user asked: into the page (through the
 * background) or onto the clipboard, and says what happened in the user's
 * language. Shared by the popup and the side panel.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { copyText } from '../utils/clipboard';
import { failureReasons } from '../utils/fallback-messages';
import type { InsertFailure, InsertMode, InsertResult, UiToBackground } from '../utils/messages';
import type { Tone } from './useStatus';

export type Action = 'insert' | 'copy';

export interface Outcome {
  /** The text is in the page or on its way there. */
  delivered: boolean;
  /** Nothing was inserted because it would not fit; the same request again, confirmed, cuts it. */
  tooLong?: boolean;
  /** For tooLong: the room left in the field and the text's length, as the message gives them. */
  sizes?: [string, string];
  /** The page will insert once the popup has closed. */
  pending: boolean;
  message: string;
  /** For a fallback: why nothing was inserted and what to do, under the message. */
  detail?: string;
  tone: Tone;
}

/** How a surface puts a text where the user asked; `confirmed`: cutting a too-long text is agreed to. */
export type Deliver = (text: string, action: Action, confirmed: boolean) => Promise<Outcome>;

export async function deliver(
  text: string,
  action: Action,
  tabId: number | undefined,
  mode: InsertMode,
  allowTruncate = false,
): Promise<Outcome> {
  if (action === 'copy') {
    return (await copyText(text)) ? outcome(i18n.t('copied'), 'success') : outcome(i18n.t('copyFailed'), 'error');
  }
  if (tabId === undefined) return fallBack(text, 'no-access');
  return outcomeOf(await requestInsert({ type: 'ui→background:insert', tabId, text, mode, allowTruncate }), text);
}

/** What an insertion's result means to the user, in their language. */
async function outcomeOf(result: InsertResult, text: string): Promise<Outcome> {
  switch (result.status) {
    case 'inserted':
      return { delivered: true, pending: false, message: i18n.t('inserted'), tone: 'success' };
    case 'pending':
      return { delivered: true, pending: true, message: '', tone: 'success' };
    case 'truncated':
      return { delivered: true, pending: false, message: i18n.t('truncated', [String(result.kept)]), tone: 'error' };
    case 'too-long':
      return {
        delivered: false,
        pending: false,
        tooLong: true,
        sizes: [String(result.room), String(result.length)],
        message: i18n.t('tooLong', [String(result.room), String(result.length)]),
        tone: 'error',
      };
    case 'failed':
      return fallBack(text, result.reason);
  }
}

function outcome(message: string, tone: Tone, detail?: string): Outcome {
  return { delivered: false, pending: false, message, detail, tone };
}

/** Nothing went in: the text goes to the clipboard, and the surface must not look like a success. */
async function fallBack(text: string, reason: InsertFailure): Promise<Outcome> {
  const why = failureReasons()[reason];
  return (await copyText(text))
    ? outcome(i18n.t('fallbackTitle'), 'fallback', why)
    : outcome(i18n.t('copyFailed'), 'error', why);
}

/** Asks the background to insert text into the tab's last focused field. */
async function requestInsert(message: UiToBackground): Promise<InsertResult> {
  try {
    // No answer at all: no background took the request (it answers only the extension's own pages).
    return ((await browser.runtime.sendMessage(message)) as InsertResult | undefined) ?? { status: 'failed', reason: 'no-access' };
  } catch {
    return { status: 'failed', reason: 'no-access' };
  }
}
