/**
 * What of a parsed report the library would refuse to store, found before
 * the user saves: the stored library is checked against core/library-schema.ts
 * when it is written, so the same schema checks each entry here, and its
 * limits are the ones the preview names. A paragraph longer than one entry
 * may be is named by its number, since every entry that holds it is refused.
 * Pure, no translations.
 */
import * as v from 'valibot';
import type { Entry } from '../../core/library';
import { EntrySchema, MAX_BODY_LENGTH, MAX_ENTRIES } from '../../core/library-schema';

/** An entry the library would refuse, and the first thing about it that is too long. */
export interface RefusedEntry {
  entryId: string;
  title: string;
  /** The field of the entry, as the schema names it: 'body', 'title', 'path', 'tags'. */
  field: string;
  /** Its length (characters, or items of a list) and the schema's limit; absent for a problem that is not a length. */
  length?: number;
  limit?: number;
}

/** A paragraph of the report longer than one entry's body may be. */
export interface LongParagraph {
  /** 1-based, among the report's paragraphs as the preview reads them. */
  number: number;
  length: number;
  limit: number;
  /** Its first words, to find it by. */
  start: string;
}

export interface ImportLimits {
  refused: RefusedEntry[];
  paragraphs: LongParagraph[];
  /** More entries than one collection may hold: nothing can be added. */
  tooMany: { count: number; limit: number } | null;
}

export function checkImportLimits(entries: readonly Entry[], paragraphs: readonly string[]): ImportLimits {
  const refused: RefusedEntry[] = [];
  for (const entry of entries) {
    const checked = v.safeParse(EntrySchema, entry);
    if (checked.success) continue;
    const issue = checked.issues[0];
    const field = String((issue.path?.[0] as { key?: unknown } | undefined)?.key ?? '');
    const input = issue.input as unknown;
    const measured = typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
    const limit = typeof issue.requirement === 'number' ? issue.requirement : undefined;
    refused.push({ entryId: entry.id, title: entry.title, field, ...(measured !== undefined && limit !== undefined ? { length: measured, limit } : {}) });
  }
  const long: LongParagraph[] = [];
  paragraphs.forEach((text, i) => {
    if (text.length > MAX_BODY_LENGTH) long.push({ number: i + 1, length: text.length, limit: MAX_BODY_LENGTH, start: text.slice(0, 20) });
  });
  return { refused, paragraphs: long, tooMany: entries.length > MAX_ENTRIES ? { count: entries.length, limit: MAX_ENTRIES } : null };
}
