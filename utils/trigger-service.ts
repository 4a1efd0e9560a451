/**
 * The background's half of typed shortcuts (issue 13). A frame asks once, at
 * the first key typed in one of its fields, for the shortcuts in force on its
 * site; it gets each normalised trigger with the very text it expands to, so
 * an expansion needs no round trip and appears in the frame of the last key.
 *
 * The table is made from the stored `triggers`, the library (built-in
 * collections included, shown or not: a trigger names an entry, not a view)
 * and the remembered placeholder values, and kept until one of those changes;
 * then every tab is told, and a frame that holds a table drops it and asks
 * again at its next key. Frames that never had a key typed in them hear
 * nothing: they have no listener.
 */
import type { Entry } from '../core/library';
import { isDynamicDefault } from '../core/dynamic-values';
import { placeholderUses, renderBody } from '../core/placeholders';
import { triggerTable } from '../core/triggers';
import { triggersOffFor } from '../core/trigger-guard';
import { loadBuiltinCollections } from './library-source';
import type { PageTriggers } from './messages';
import { type StoredKey, readStored } from './stored';

/** What the table's texts are made of, read only once the user has a shortcut. */
const TEXT_SOURCES = ['library', 'placeholderValues'] as const;
/** What the table is made of; a change to any of these makes it again. */
export const TRIGGER_SOURCES: readonly StoredKey[] = ['triggers', ...TEXT_SOURCES];

interface Made {
  pairs: PageTriggers['pairs'];
  enabled: boolean;
  offSites: string[];
  until: number;
}

let made: Promise<Made> | null = null;

/** The next midnight after `now`, when a text with today's date in it goes stale. */
function nextMidnight(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

/** The table for every site, before the site switch. Exported for tests. */
export async function makeTable(now = new Date()): Promise<Made> {
  // Most users have no shortcuts: then the library is never read for them.
  const { triggers } = await readStored(['triggers']);
  // Unreadable shortcuts expand nothing; an unreadable library still lets built-in entries expand.
  if (!triggers.ok) return { pairs: [], enabled: false, offSites: [], until: Infinity };
  const { rows, enabled, offSites } = triggers.value;
  if (rows.length === 0) return { pairs: [], enabled, offSites, until: Infinity };
  const stored = await readStored(TEXT_SOURCES);
  const values = stored.placeholderValues.ok ? stored.placeholderValues.value : {};
  const byId = new Map<string, Entry>();
  const own = stored.library.ok ? stored.library.value.collections : [];
  for (const collection of [...(await loadBuiltinCollections()), ...own]) {
    for (const entry of collection.entries) byId.set(entry.id, entry);
  }
  const table = triggerTable(rows.filter((row) => byId.has(row.entryId)));
  let until = Infinity;
  const pairs: Made['pairs'] = [];
  for (const [normal, entryId] of table.byText) {
    const entry = byId.get(entryId)!;
    const uses = placeholderUses(entry.body);
    if (uses.some((use) => isDynamicDefault(use.defaultValue))) until = nextMidnight(now);
    const text = renderBody(entry.body, values, now);
    // An entry with blanks asks for them at the caret, as the popup does; its text is what goes in if the form cannot open.
    if (uses.length === 0) pairs.push([normal, text]);
    else pairs.push([normal, text, { id: entry.id, kind: entry.kind, title: entry.title, body: entry.body, path: entry.path, tags: entry.tags }]);
  }
  return { pairs, enabled, offSites, until };
}

/** The table for a frame at `url`: empty where shortcuts are off. */
export async function triggersFor(url: string | undefined, now = new Date()): Promise<PageTriggers> {
  let table = await (made ??= makeTable(now));
  // A table made yesterday holds yesterday's date.
  if (table.until <= now.getTime()) table = await (made = makeTable(now));
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    // about:blank and the like have no host: only the global switch applies.
  }
  if (triggersOffFor(host, table)) return { pairs: [], until: table.until };
  return { pairs: table.pairs, until: table.until };
}

/** Forgets the table when what it is made of changes; returns whether it did. */
export function onStorageChanged(changes: Record<string, unknown>): boolean {
  const touched = TRIGGER_SOURCES.some((key) => key in changes || `${key}$` in changes);
  if (touched) made = null;
  return touched;
}
