/**
 * Characters a report never needs and that can hurt once it is in the
 * library: the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which make text display in an order other than the one it
 * is stored and inserted in; NUL; and UTF-16 surrogates without their other
 * half, which no encoding can write back. Removed once, where a report enters
 * (core/report-file.ts for files, the import for pasted text), and counted so
 * that the user is told. Pure; usable for any text the user brings in.
 */

export interface RemovedCharacters {
  /** Bidirectional overrides and isolates. */
  direction: number;
  /** NUL and lone surrogates. */
  invalid: number;
}

export const NOTHING_REMOVED: RemovedCharacters = { direction: 0, invalid: 0 };

const UNSAFE_RE = /[\u202a-\u202e\u2066-\u2069\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const DIRECTION_RE = /[\u202a-\u202e\u2066-\u2069]/;

/** `text` without those characters, and how many of each kind went. */
export function cleanText(text: string): { text: string; removed: RemovedCharacters } {
  let direction = 0;
  let invalid = 0;
  const cleaned = text.replace(UNSAFE_RE, (ch) => {
    if (DIRECTION_RE.test(ch)) direction++;
    else invalid++;
    return '';
  });
  return { text: cleaned, removed: { direction, invalid } };
}

export function addRemoved(a: RemovedCharacters, b: RemovedCharacters): RemovedCharacters {
  return { direction: a.direction + b.direction, invalid: a.invalid + b.invalid };
}
