/**
 * The facts a writer's devices share through the browser's sync storage
 * (issue 14), one record per fact: a favourite, a recent use, a remembered
 * value, a setting, a typed shortcut, an entry of a collection. Each record
 * carries when it was last changed and on which device, so two devices that
 * edited at once merge fact by fact, the later change winning; a deletion is
 * a record too (a tombstone), so a fact deleted on one device is not brought
 * back by another that still has it.
 *
 * Pure: utils/ turns stored values into the flat map of facts (`current`) and
 * back; this module only dates, merges and prunes them.
 */

export interface SyncRecord {
  /** When the fact last changed, in ms since the epoch (the device's clock). */
  at: number;
  /** The device that changed it: ties on `at` go the same way on every device. */
  by: string;
  /** The fact's value; absent on a tombstone. */
  value?: unknown;
  /** The fact was deleted. */
  gone?: true;
}

/** Facts by key (`fav:<entry id>`, `value:<name>`, …; the keys are the caller's). */
export type Replica = Record<string, SyncRecord>;

/** A value written the same whatever the order its object's keys were made in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether `a` wins over `b`: the later change; on the same ms the device that sorts last; then the deletion. */
export function wins(a: SyncRecord, b: SyncRecord): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if (a.by !== b.by) return a.by > b.by;
  return a.gone === true && b.gone !== true;
}

/** Both replicas in one: for each fact the winning record. The same whichever is `a`. */
export function mergeReplicas(a: Replica, b: Replica): Replica {
  const merged: Replica = { ...a };
  for (const [key, record] of Object.entries(b)) {
    const mine = merged[key];
    if (!mine || wins(record, mine)) merged[key] = record;
  }
  return merged;
}

/** The facts that hold: every record that is not a tombstone, by key. */
export function liveFacts(replica: Replica): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [key, record] of Object.entries(replica)) if (!record.gone) facts[key] = record.value;
  return facts;
}

/**
 * Dates what changed on this device: a fact whose value differs from the replica's (or is new)
 * gets a record of `now` by `device`; a fact the replica holds that `current` no longer has
 * becomes a tombstone of `now`. Facts that did not change keep their records, and so their
 * times: an unchanged fact never beats another device's later edit.
 */
export function recordChanges(replica: Replica, current: Record<string, unknown>, now: number, device: string): Replica {
  const next: Replica = { ...replica };
  for (const [key, value] of Object.entries(current)) {
    const held = replica[key];
    if (held && !held.gone && canonicalJson(held.value) === canonicalJson(value)) continue;
    next[key] = { at: Math.max(now, (held?.at ?? 0) + 1), by: device, value };
  }
  for (const [key, held] of Object.entries(replica)) {
    if (!held.gone && !(key in current)) next[key] = { at: Math.max(now, held.at + 1), by: device, gone: true };
  }
  return next;
}

/** How long a tombstone is kept: a device away longer than this may bring a deleted fact back. */
export const TOMBSTONE_DAYS = 180;

/** Drops tombstones older than `maxAgeMs` (they take room in a small quota). */
export function pruneTombstones(replica: Replica, now: number, maxAgeMs = TOMBSTONE_DAYS * 86_400_000): Replica {
  const kept: Replica = {};
  for (const [key, record] of Object.entries(replica)) if (!record.gone || now - record.at <= maxAgeMs) kept[key] = record;
  return kept;
}
