/**
 * What the options page's views share: the view shown, the selection, whether
 * the editor holds unsaved text, the one alert and the one status line.
 * Module signals: the page has one of each.
 */
import { signal } from '@preact/signals';
import { BUILTIN_COLLECTION_ID } from '../../core/builtin-library';
import { type EditorDraft, type EntryFilter, NO_FILTER, type OptionsView, viewFromHash } from './logic';

export const view = signal<OptionsView>(viewFromHash(location.hash));

/** The entry shown in the editor: an id, 'new' for a draft not yet saved, or null. */
export type EntrySelection = string | 'new' | null;
export const selectedCollectionId = signal<string>(BUILTIN_COLLECTION_ID);
export const selectedEntryId = signal<EntrySelection>(null);

/**
 * What a new entry's editor starts with instead of empty fields (a text saved from a page with
 * the right-click menu); taken once, by the editor it opens. The serial tells a new prefill
 * from the last, so an editor already showing a new entry starts afresh.
 */
export const prefilledDraft = signal<EditorDraft | null>(null);
export const prefillSerial = signal(0);

/** The entry list's search and filters; kept while the user visits other views. */
export const entryQuery = signal('');
export const entryFilter = signal<EntryFilter>(NO_FILTER);

/** True while the editor holds text that saving would change. */
export const editorDirty = signal(false);

/** An action waiting for the user to agree to lose their unsaved text; `cancel` runs when they keep it. */
export const pendingDiscard = signal<{ proceed: () => void; cancel?: () => void } | null>(null);

export interface AlertMessage {
  code: string;
  message: string;
}
/** The page's error alert ([role="alert"][data-error-code]); nothing was changed when it shows. */
export const alert = signal<AlertMessage | null>(null);

export type StatusTone = 'info' | 'success' | 'error';
export interface StatusMessage {
  text: string;
  tone: StatusTone;
  /** Puts back what was just deleted; offered for UNDO_MS. */
  undo?: () => Promise<void>;
  /** Changes with every message, so the same text twice is announced twice. */
  serial: number;
}
export const status = signal<StatusMessage | null>(null);

/** How long 撤销 stays on screen (the brief asks for at least 10 s). */
export const UNDO_MS = 12_000;
/** Other messages fade after this. */
export const STATUS_MS = 20_000;

let serial = 0;
export function showStatus(text: string, tone: StatusTone = 'success', undo?: () => Promise<void>) {
  status.value = { text, tone, undo, serial: ++serial };
}

/** Runs `action` now, or after the user agrees to discard the editor's unsaved text. */
export function guardUnsaved(proceed: () => void, cancel?: () => void) {
  if (editorDirty.value) pendingDiscard.value = { proceed, cancel };
  else proceed();
}

/**
 * Switches view, keeping the URL's hash in step so a reload, a link or the
 * Back button opens the same view. Leaving the editor with unsaved text asks
 * first; kept text puts the hash back.
 */
export function goTo(next: OptionsView, fromUrl = false) {
  const current = view.value;
  if (current === next) return;
  const leave = () => {
    alert.value = null;
    view.value = next;
    if (!fromUrl) history.pushState(null, '', `#${next}`);
  };
  const stay = () => {
    if (fromUrl) history.replaceState(null, '', `#${current}`);
  };
  if (current === 'library') guardUnsaved(leave, stay);
  else leave();
}

export function selectEntry(collectionId: string, entryId: EntrySelection) {
  guardUnsaved(() => {
    selectedCollectionId.value = collectionId;
    selectedEntryId.value = entryId;
  });
}

/** Runs the undo the status line offers, once. */
export async function undoLast(): Promise<void> {
  const undo = status.value?.undo;
  if (!undo) return;
  status.value = null;
  await undo();
}
