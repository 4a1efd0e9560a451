/**
 * Puts an entry's text where the user asked: into the page (through the
 * background) or onto the clipboard, and says what happened in the user's
 * language. Shared by the popup and the side panel.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { copyText } from '../utils/clipboard';
import type { InsertFailure, InsertMode, InsertResult, UiToBackground } from '../utils/messages';
import type { Tone } from './useStatus';

export type Action = 'insert' | 'copy';

export interface Outcome {
  /** The text is in the page or on its way there. */
  delivered: boolean;
  /** Nothing was inserted because it would not fit; the same request again, confirmed, cuts it. */
  tooLong?: boolean;
  /** The page will insert once the popup has closed. */
  pending: boolean;
  message: string;
  tone: Tone;
}

const FAILURE_MESSAGE: Record<InsertFailure, () => string> = {
  'no-field': () => i18n.t('copiedNoField'),
  gone: () => i18n.t('copiedNoField'),
  'read-only': () => i18n.t('copiedReadOnly'),
  disabled: () => i18n.t('copiedDisabled'),
  'no-access': () => i18n.t('copiedNoAccess'),
  refused: () => i18n.t('copiedRefused'),
};

export async function deliver(
  text: string,
  action: Action,
  tabId: number | undefined,
  mode: InsertMode,
  allowTruncate = false,
): Promise<Outcome> {
  if (action === 'copy') return copied(text, i18n.t('copied'));
  if (tabId === undefined) return copied(text, i18n.t('copiedNoAccess'));
  const result = await requestInsert({ type: 'ui→background:insert', tabId, text, mode, allowTruncate });
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
        message: i18n.t('tooLong', [String(result.room), String(result.length)]),
        tone: 'error',
      };
    case 'failed':
      return copied(text, FAILURE_MESSAGE[result.reason]());
  }
}

async function copied(text: string, message: string): Promise<Outcome> {
  const ok = await copyText(text);
  return ok
    ? { delivered: false, pending: false, message, tone: 'info' }
    : { delivered: false, pending: false, message: i18n.t('copyFailed'), tone: 'error' };
}

/** Asks the background to insert text into the tab's last focused field. */
async function requestInsert(message: UiToBackground): Promise<InsertResult> {
  try {
    return (await browser.runtime.sendMessage(message)) as InsertResult;
  } catch {
    return { status: 'failed', reason: 'no-access' };
  }
}
