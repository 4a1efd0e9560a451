/**
 * Sync through the browser's own sync storage (issue 14), the local side: a
 * round (core/sync/round.ts) reads what is synced from storage.local, and
 * applies what the merge brought back under the same storage locks, in one
 * write, only if nothing of it changed locally while the round ran (then the
 * caller runs another round). A key whose stored value cannot be read stops
 * the round before anything is read from or written to the sync area: sync
 * never overwrites what the user could still rescue.
 *
 * The device id and the merged facts (`syncState`) stay on this device.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import type { SyncedValues } from '../core/sync/facts';
import { type RoundOutcome, type SyncArea, type SyncState, syncRound } from '../core/sync/round';
import { RECENT_LIMIT } from './preferences';
import { type StoredKey, StoreError, fingerprint, readValues, updateStored } from './stored';

/** The keys sync carries (drafts stay on the device). */
export const SYNCED_KEYS = ['library', 'favorites', 'recent', 'placeholderValues', 'settings', 'triggers'] as const satisfies readonly StoredKey[];

export const syncState = storage.defineItem<SyncState | null>('local:syncState', { fallback: null });

/** The browser's sync storage as a round reads and writes it. */
export function browserSyncArea(): SyncArea {
  return {
    get: () => browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
    set: (items) => browser.storage.sync.set(items),
    remove: (keys) => browser.storage.sync.remove(keys),
  };
}

export type LocalOutcome =
  | RoundOutcome
  /** A synced key's stored value cannot be read (utils/stored.ts): sync waits until it is mended. */
  | { status: 'unreadable'; key: string }
  /** The user changed something while the round ran: nothing was applied; run again. */
  | { status: 'changed-meanwhile' };

/** One round: this device's changes out, the others' in. */
export async function runSyncRound(area: SyncArea = browserSyncArea(), now = Date.now()): Promise<LocalOutcome> {
  let read: Awaited<ReturnType<typeof readValues<(typeof SYNCED_KEYS)[number]>>>;
  try {
    read = await readValues(SYNCED_KEYS);
  } catch (error) {
    if (error instanceof StoreError) return { status: 'unreadable', key: error.key };
    throw error;
  }
  const before = fingerprint(SYNCED_KEYS.map((key) => read.raw[key]));
  const state = (await syncState.getValue()) ?? { device: crypto.randomUUID(), replica: null };
  const local: SyncedValues = read.values;
  const outcome = await syncRound(state, local, area, now, RECENT_LIMIT);
  if (outcome.status !== 'synced') return outcome;
  if (outcome.values) {
    const merged = outcome.values;
    const { result } = await updateStored(SYNCED_KEYS, (_values, raw) =>
      fingerprint(SYNCED_KEYS.map((key) => raw[key])) === before ? { write: merged, result: true } : { result: false },
    );
    if (!result) return { status: 'changed-meanwhile' };
  }
  await syncState.setValue(outcome.state);
  return outcome;
}
