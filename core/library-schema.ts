/**
 * Checks a library document (a backup, or what `npm run parse` printed) before
 * anything of it touches the user's library. Every way a file can be wrong has
 * its own code, so the UI can say what is wrong in the user's language.
 * Pure: valibot schemas, no browser API.
 */
import * as v from 'valibot';
import type { LibraryDocument } from './library';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION } from './library-format';
import { TRIGGER_MAX } from './triggers';

/** A backup file larger than this is refused before it is read. */
export const MAX_BACKUP_BYTES = 32 * 1024 * 1024;
/** Entries in one document; far more than years of reports give. */
export const MAX_ENTRIES = 50_000;
export const MAX_COLLECTIONS = 1_000;
/** Characters: a title, a section name, a tag, a collection name. */
export const MAX_TITLE_LENGTH = 500;
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 30;
/** Characters in one body: a whole long report fits many times over. */
export const MAX_BODY_LENGTH = 500_000;
/** Remembered placeholder values in a backup. */
export const MAX_PLACEHOLDER_VALUES = 1_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const name = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const id = v.pipe(v.string(), v.regex(/^[\w:.\-]{1,200}$/));
const time = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)));

export const EntrySchema = v.object({
  id,
  kind: v.picklist(['template', 'snippet']),
  title: text(MAX_TITLE_LENGTH),
  body: text(MAX_BODY_LENGTH),
  path: v.pipe(v.array(text(MAX_TITLE_LENGTH)), v.maxLength(20)),
  tags: v.pipe(v.array(name(MAX_TAG_LENGTH)), v.maxLength(MAX_TAGS)),
  createdAt: time,
  updatedAt: time,
});

export const CollectionSchema = v.object({
  id,
  name: name(MAX_TITLE_LENGTH),
  readOnly: v.boolean(),
  entries: v.pipe(v.array(EntrySchema), v.maxLength(MAX_ENTRIES)),
  createdAt: time,
  updatedAt: time,
  source: v.optional(text(MAX_TITLE_LENGTH)),
});

/** Limits that keep the table the content script holds small; a real library needs far fewer. */
export const TRIGGER_ROWS_MAX = 2_000;
export const TRIGGER_SITES_MAX = 500;
const TriggerRowsSchema = v.pipe(
  v.array(v.object({ entryId: v.pipe(v.string(), v.maxLength(200)), trigger: v.pipe(v.string(), v.maxLength(TRIGGER_MAX * 2)) })),
  v.maxLength(TRIGGER_ROWS_MAX),
);
const OffSitesSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(TRIGGER_SITES_MAX));
/** The stored typed shortcuts (utils/stored.ts, key `triggers`). */
export const TriggerSettingsSchema = v.object({ rows: TriggerRowsSchema, enabled: v.boolean(), offSites: OffSitesSchema });

export const LibraryDocumentSchema = v.object({
  format: v.literal(LIBRARY_FORMAT),
  version: v.literal(LIBRARY_FORMAT_VERSION),
  collections: v.pipe(v.array(CollectionSchema), v.maxLength(MAX_COLLECTIONS)),
  favorites: v.optional(v.pipe(v.array(id), v.maxLength(MAX_ENTRIES))),
  placeholderValues: v.optional(v.pipe(v.record(v.string(), text(MAX_TITLE_LENGTH)), v.check((r) => Object.keys(r).length <= MAX_PLACEHOLDER_VALUES))),
  /** A backup's typed shortcuts; a collection's file has its rows only. */
  triggers: v.optional(v.object({ rows: TriggerRowsSchema, enabled: v.optional(v.boolean()), offSites: v.optional(OffSitesSchema) })),
  exportedAt: v.optional(v.string()),
});

export type LibraryCheckError =
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'not-json' }
  | { code: 'not-library' }
  | { code: 'wrong-version'; version: unknown }
  /** A field of the wrong kind (a `version` that is not a number included): where it is, and what is wrong. */
  | { code: 'invalid'; path: (string | number)[]; problem: FieldProblem }
  | { code: 'too-many-entries'; count: number; limit: number }
  | { code: 'duplicate-id'; id: string }
  | { code: 'empty' };

/** What is wrong with one field, in terms the UI can say in its own language. */
export type FieldProblem =
  | { kind: 'missing' }
  | { kind: 'type'; expected: 'text' | 'number' | 'boolean' | 'list' | 'object' }
  | { kind: 'too-long'; limit: number }
  | { kind: 'too-many'; limit: number }
  | { kind: 'empty' }
  | { kind: 'pattern' }
  | { kind: 'choice'; choices: string[] }
  | { kind: 'number' }
  | { kind: 'other' };

export type LibraryCheck = { ok: true; document: LibraryDocument } | { ok: false; error: LibraryCheckError };

/** Reads a document from the bytes of a file; nothing is changed anywhere. */
export function checkLibraryBytes(bytes: Uint8Array): LibraryCheck {
  if (bytes.length > MAX_BACKUP_BYTES) {
    return { ok: false, error: { code: 'too-large', bytes: bytes.length, limit: MAX_BACKUP_BYTES } };
  }
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  return checkLibraryText(textContent);
}

export function checkLibraryText(json: string): LibraryCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  return checkLibraryValue(raw);
}

export function checkLibraryValue(raw: unknown): LibraryCheck {
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== LIBRARY_FORMAT) {
    return { ok: false, error: { code: 'not-library' } };
  }
  const version = (raw as { version?: unknown }).version;
  // A version that is not a number is a damaged file, not one from a later Bixia.
  if (typeof version !== 'number') {
    const problem: FieldProblem = version === undefined ? { kind: 'missing' } : { kind: 'type', expected: 'number' };
    return { ok: false, error: { code: 'invalid', path: ['version'], problem } };
  }
  if (version !== LIBRARY_FORMAT_VERSION) return { ok: false, error: { code: 'wrong-version', version } };

  const collections = (raw as { collections?: unknown }).collections;
  if (Array.isArray(collections)) {
    let count = 0;
    for (const c of collections) {
      const entries = (c as { entries?: unknown } | null)?.entries;
      if (Array.isArray(entries)) count += entries.length;
    }
    if (count > MAX_ENTRIES) return { ok: false, error: { code: 'too-many-entries', count, limit: MAX_ENTRIES } };
  }

  const result = v.safeParse(LibraryDocumentSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    return { ok: false, error: { code: 'invalid', path: issuePath(issue), problem: fieldProblem(issue) } };
  }
  const document = result.output as LibraryDocument;
  if (document.collections.every((c) => c.entries.length === 0)) return { ok: false, error: { code: 'empty' } };

  const seen = new Set<string>();
  for (const collection of document.collections) {
    if (seen.has(collection.id)) return { ok: false, error: { code: 'duplicate-id', id: collection.id } };
    seen.add(collection.id);
    for (const entry of collection.entries) {
      if (seen.has(entry.id)) return { ok: false, error: { code: 'duplicate-id', id: entry.id } };
      seen.add(entry.id);
    }
  }
  return { ok: true, document };
}

/** Where in the document an issue is: `['collections', 0, 'entries', 12, 'kind']`. */
function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => {
    const key = (item as { key: unknown }).key;
    return typeof key === 'number' ? key : String(key);
  });
}

const EXPECTED: Record<string, Extract<FieldProblem, { kind: 'type' }>['expected']> = {
  string: 'text',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'object',
  record: 'object',
};

/** A valibot issue as what the user must fix; the schemas above are all it has to cover. */
function fieldProblem(issue: v.BaseIssue<unknown>): FieldProblem {
  if (issue.kind === 'schema') {
    if (issue.received === 'undefined') return { kind: 'missing' };
    if (issue.type === 'picklist') return { kind: 'choice', choices: Array.from((issue.expected ?? '').matchAll(/"([^"]*)"/g), (m) => m[1]!) };
    const expected = EXPECTED[issue.type];
    return expected ? { kind: 'type', expected } : { kind: 'other' };
  }
  switch (issue.type) {
    case 'max_length':
      return typeof issue.input === 'string' ? { kind: 'too-long', limit: Number(issue.requirement) } : { kind: 'too-many', limit: Number(issue.requirement) };
    case 'min_length':
      return { kind: 'empty' };
    case 'regex':
      return { kind: 'pattern' };
    case 'integer':
    case 'min_value':
      return { kind: 'number' };
    case 'check':
      return { kind: 'too-many', limit: MAX_PLACEHOLDER_VALUES };
    default:
      return { kind: 'other' };
  }
}
