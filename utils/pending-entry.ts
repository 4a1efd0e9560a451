/**
 * A text the user chose to save from a page (the right-click menu's 保存为短语 /
 * 保存为模板), on its way from the background to the options page, which
 * opens it in the entry editor for the user to check and change before saving.
 * Session storage: it is never written to disk, and a browser restart drops it.
 */
import { storage } from '@wxt-dev/storage';
import type { EntryKind } from '../core/library';

export interface PendingEntry {
  kind: EntryKind;
  title: string;
  body: string;
  path: string[];
  /** When it was chosen, so that a page opened later never takes an old one for new. */
  at: number;
}

export const pendingEntry = storage.defineItem<PendingEntry | null>('session:pendingEntry', { fallback: null });
