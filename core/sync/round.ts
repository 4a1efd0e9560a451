/**
 * One round of sync (issue 14): this device's changes dated, the sync area
 * read and merged, what fits written back (only the items that changed), and
 * the merged values handed back for the caller to apply locally. The sync
 * area is passed in (the browser's `storage.sync`, or a stand-in in tests), so
 * the round is the same code whatever carries the items.
 *
 * Nothing here touches the local library: the caller applies `values` (under
 * its storage locks, and only if nothing changed locally meanwhile). A failed
 * read or write ends the round with its reason and the state it started from.
 */
import { type SyncedValues, factsOf, syncGroups, valuesOf } from './facts';
import { itemChanges, planSync, unpackItems } from './pack';
import { type Replica, canonicalJson, mergeReplicas, pruneTombstones, recordChanges } from './replica';

export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncState {
  /** This device's id: it breaks ties between edits of the same millisecond. */
  device: string;
  /** The facts as last merged; null before the first round on this device. */
  replica: Replica | null;
}

export type RoundOutcome =
  | { status: 'synced'; state: SyncState; values: SyncedValues | null; synced: string[]; left: string[]; bytes: number; unsettled: number[] }
  /** Written by a later Bixia: nothing read, nothing written. */
  | { status: 'newer-format'; state: SyncState }
  | { status: 'failed'; state: SyncState; stage: 'read' | 'write'; message: string };

export async function syncRound(state: SyncState, local: SyncedValues, area: SyncArea, now: number, recentLimit: number): Promise<RoundOutcome> {
  const facts = factsOf(local);
  // On a device's first round its facts count as older than anything synced: a new browser's
  // defaults must not undo the settings the writer's other devices share. Facts only it has are added.
  const dated = state.replica ? recordChanges(state.replica, facts, now, state.device) : recordChanges({}, facts, 0, state.device);
  let stored: Record<string, unknown>;
  try {
    stored = await area.get();
  } catch (error) {
    return { status: 'failed', state, stage: 'read', message: String((error as Error)?.message ?? error) };
  }
  const remote = await unpackItems(stored);
  if (remote.newer) return { status: 'newer-format', state };
  const merged = pruneTombstones(mergeReplicas(dated, remote.replica), now);
  const plan = await planSync(syncGroups(merged));
  // Another device is half way through writing a shard: writing now could put back what it is
  // replacing. Its write brings a change event, and with it the next round.
  const { set, remove } = remote.unsettled.length > 0 ? { set: {}, remove: [] } : itemChanges(stored, plan.items);
  try {
    // Chunks, then the root that names them, then what is no longer named (core/sync/pack.ts).
    const { root, ...chunks } = set;
    if (Object.keys(chunks).length > 0) await area.set(chunks);
    if (root !== undefined) await area.set({ root });
    if (remove.length > 0) await area.remove(remove);
  } catch (error) {
    return { status: 'failed', state, stage: 'write', message: String((error as Error)?.message ?? error) };
  }
  const values = valuesOf(merged, recentLimit);
  const changed = canonicalJson(values) !== canonicalJson(valuesOf(recordChanges({}, facts, 0, state.device), recentLimit));
  return {
    status: 'synced',
    state: { device: state.device, replica: merged },
    values: changed ? values : null,
    synced: plan.synced,
    left: plan.left,
    bytes: plan.bytes,
    unsettled: remote.unsettled,
  };
}
