/**
 * What a writer syncs (issue 14), as facts (core/sync/replica.ts) and back:
 * favourites, recent uses, remembered placeholder values, the built-in
 * collections' switches, typed shortcuts, and the user's own collections
 * entry by entry. A fact is the smallest thing two devices can change apart
 * and merge: starring an entry at home and another at the office keeps both.
 *
 * Lists whose order the user sees keep it as each item's place (`rank`):
 * merged, they sort by place, then by id, so two items added at the end on
 * two devices both stay, one after the other. A collection's entry order is
 * one fact of its own; entries it does not name (added on another device
 * meanwhile) follow in the order they were added.
 */
import type { Collection, Entry } from '../library';
import type { UserLibrary } from '../library-edit';
import type { TriggerSettings } from '../triggers';
import type { Replica, SyncRecord } from './replica';
import type { SyncGroup } from './pack';

export interface SyncedValues {
  library: UserLibrary;
  favorites: string[];
  recent: { id: string; at: number }[];
  placeholderValues: Record<string, string>;
  settings: { builtins: [string, boolean][] };
  triggers: TriggerSettings;
}

/** The separator inside a fact's key: no id, name or trigger holds it. */
const SEP = '\u001f';
const key = (kind: string, ...parts: string[]) => [kind, ...parts].join(SEP);

interface CollectionFact {
  name: string;
  createdAt?: number;
  updatedAt?: number;
  source?: string;
  /** Its entries' ids, in order. */
  order: string[];
}

export function factsOf(values: SyncedValues): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  values.favorites.forEach((id, rank) => (facts[key('fav', id)] = rank));
  for (const use of values.recent) facts[key('recent', use.id)] = use.at;
  for (const [name, value] of Object.entries(values.placeholderValues)) facts[key('value', name)] = value;
  for (const [id, shown] of values.settings.builtins) facts[key('builtin', id)] = shown;
  values.triggers.rows.forEach((row, rank) => (facts[key('trigger', row.entryId, row.trigger)] = rank));
  facts[key('triggers-on')] = values.triggers.enabled;
  for (const host of values.triggers.offSites) facts[key('off-site', host)] = true;
  for (const collection of values.library.collections) {
    const { id, name, createdAt, updatedAt, source, entries } = collection;
    const fact: CollectionFact = { name, order: entries.map((entry) => entry.id), ...(createdAt !== undefined ? { createdAt } : {}), ...(updatedAt !== undefined ? { updatedAt } : {}), ...(source !== undefined ? { source } : {}) };
    facts[key('collection', id)] = fact;
    for (const entry of entries) facts[key('entry', id, entry.id)] = entry;
  }
  return facts;
}

/** Items by their place, then id: the merged order of a ranked list. */
function byRank<T>(pairs: [T, number, string][]): T[] {
  return pairs.sort((a, b) => a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)).map(([item]) => item);
}

/**
 * The values the facts hold. `replica` gives the records' times, by which entries a collection's
 * order does not name are placed. `recentLimit` keeps the recent uses as long as the list is.
 */
export function valuesOf(replica: Replica, recentLimit: number): SyncedValues {
  const favorites: [string, number, string][] = [];
  const recent: { id: string; at: number }[] = [];
  const placeholderValues: Record<string, string> = {};
  const builtins: [string, boolean][] = [];
  const rows: [TriggerSettings['rows'][number], number, string][] = [];
  const offSites: string[] = [];
  let enabled = true;
  const collections = new Map<string, CollectionFact>();
  const entries = new Map<string, [Entry, SyncRecord][]>();
  for (const [name, record] of Object.entries(replica)) {
    if (record.gone) continue;
    const [kind, ...parts] = name.split(SEP);
    const value = record.value;
    if (kind === 'fav' && typeof value === 'number') favorites.push([parts[0]!, value, parts[0]!]);
    else if (kind === 'recent' && typeof value === 'number') recent.push({ id: parts[0]!, at: value });
    else if (kind === 'value' && typeof value === 'string') placeholderValues[parts[0]!] = value;
    else if (kind === 'builtin' && typeof value === 'boolean') builtins.push([parts[0]!, value]);
    else if (kind === 'trigger' && typeof value === 'number' && parts.length === 2) rows.push([{ entryId: parts[0]!, trigger: parts[1]! }, value, name]);
    else if (kind === 'triggers-on' && typeof value === 'boolean') enabled = value;
    else if (kind === 'off-site' && value === true) offSites.push(parts[0]!);
    else if (kind === 'collection' && value && typeof value === 'object') collections.set(parts[0]!, value as CollectionFact);
    else if (kind === 'entry' && value && typeof value === 'object' && parts.length === 2) {
      entries.set(parts[0]!, [...(entries.get(parts[0]!) ?? []), [value as Entry, record]]);
    }
  }
  const library: Collection[] = [];
  for (const [id, fact] of [...collections].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const held = entries.get(id) ?? [];
    const place = new Map(fact.order.map((entryId, index) => [entryId, index]));
    // Named by the order first; the others after, oldest record first.
    held.sort(([a, ra], [b, rb]) => (place.get(a.id) ?? Infinity) - (place.get(b.id) ?? Infinity) || ra.at - rb.at || (a.id < b.id ? -1 : 1));
    const { order: _order, ...meta } = fact;
    library.push({ id, readOnly: false, ...meta, entries: held.map(([entry]) => entry) });
  }
  return {
    library: { collections: library },
    favorites: byRank(favorites),
    recent: recent.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1)).slice(0, recentLimit),
    placeholderValues,
    settings: { builtins: builtins.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) },
    triggers: { rows: byRank(rows), enabled, offSites: offSites.sort() },
  };
}

/**
 * The facts in the groups sync takes whole or not at all, most wanted first: the settings and
 * shortcuts, favourites, recent uses, remembered values, then each collection, smallest first
 * (so as many as fit are synced). A collection's group holds its tombstones too.
 */
export function syncGroups(replica: Replica): SyncGroup[] {
  const groups = new Map<string, Replica>();
  const add = (group: string, name: string, record: SyncRecord) => {
    let facts = groups.get(group);
    if (!facts) groups.set(group, (facts = {}));
    facts[name] = record;
  };
  for (const [name, record] of Object.entries(replica)) {
    const [kind, first] = name.split(SEP);
    if (kind === 'collection' || kind === 'entry') add(`collection:${first}`, name, record);
    else if (kind === 'fav') add('favorites', name, record);
    else if (kind === 'recent') add('recent', name, record);
    else if (kind === 'value') add('values', name, record);
    else add('settings', name, record);
  }
  const size = (facts: Replica) => JSON.stringify(facts).length;
  const fixed = ['settings', 'favorites', 'recent', 'values'].filter((id) => groups.has(id));
  const owned = [...groups.keys()].filter((id) => id.startsWith('collection:')).sort((a, b) => size(groups.get(a)!) - size(groups.get(b)!) || (a < b ? -1 : 1));
  return [...fixed, ...owned].map((id) => ({ id, facts: groups.get(id)! }));
}
