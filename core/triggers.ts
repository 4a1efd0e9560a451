/**
 * Typed shortcuts (issue 13): the pure rules for triggers such as `;bl` or
 * `//表率` — how a typed trigger is normalised, which triggers are allowed,
 * which collide, and which trigger (if any) the text before the caret ends
 * with. No DOM and no storage here: the content script runs `triggerAtCaret`
 * after a key, so it stays small and allocation-light.
 *
 * Chinese input methods type punctuation in full width (`；` for `;`, `／` for
 * `/`) and some type `、` for `/` and `·` for the backquote: a trigger set in
 * half width must match what a writer in Chinese punctuation mode types, and
 * the other way round. Both sides are normalised before they are compared.
 */

/** The shortest and longest trigger, in characters after normalising. */
export const TRIGGER_MIN = 2;
export const TRIGGER_MAX = 24;

/** Characters an input method types for an ASCII key, beyond the full-width forms U+FF01–FF5E. */
const INPUT_METHOD_FORMS: Readonly<Record<string, string>> = {
  '、': '/',
  '。': '.',
  '·': '`',
  '【': '[',
  '】': ']',
  '《': '<',
  '》': '>',
  '「': '[',
  '」': ']',
  '￥': '$',
  '…': '^',
  '—': '_',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '\u3000': ' ',
};

/** One character as the matcher sees it: half width, lower case. */
function normalChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
  else c = INPUT_METHOD_FORMS[c] ?? c;
  const lower = c.toLowerCase();
  // A few letters (İ) lower-case to two units: kept, so a normalised text is as long as the typed one.
  return lower.length === c.length ? lower : c;
}

/** A trigger or typed text as the matcher compares it. Keeps one character per code point. */
export function normalizeTrigger(text: string): string {
  let out = '';
  for (const c of text) out += normalChar(c);
  return out;
}

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);

export type TriggerProblem = 'empty' | 'too-short' | 'too-long' | 'space' | 'no-mark';

/**
 * Why a trigger cannot be used, or null when it can. A trigger starts with a
 * mark (a punctuation or symbol character such as `;` `/` `,`), so that
 * ordinary writing — pinyin letters, Han characters, numbers — never expands
 * by accident; it has no spaces, since a space ends what the matcher reads.
 */
export function triggerProblem(trigger: string): TriggerProblem | null {
  const normal = normalizeTrigger(trigger.trim());
  const length = [...normal].length;
  if (length === 0) return 'empty';
  if (/\s/.test(normal)) return 'space';
  if (length < TRIGGER_MIN) return 'too-short';
  if (length > TRIGGER_MAX) return 'too-long';
  if (isWordChar([...normal][0]!)) return 'no-mark';
  return null;
}

/** A trigger set on an entry. */
export interface TriggerRow {
  entryId: string;
  trigger: string;
}

/** Typed shortcuts (the options page's 快捷输入): which trigger names which entry, and where they work. */
export interface TriggerSettings {
  /** In the user's order; of two that read alike, the first wins. */
  rows: TriggerRow[];
  /** The global switch. */
  enabled: boolean;
  /** Hosts where triggers never expand; a host turns off its subdomains too. */
  offSites: string[];
}

export interface TriggerConflict {
  /** `same`: both read alike after normalising; `prefix`: the first fires before the second can be typed. */
  kind: 'same' | 'prefix';
  first: TriggerRow;
  second: TriggerRow;
}

/**
 * Pairs of triggers that cannot both work: two that read alike (`;bl` and
 * `；BL`), and one that another starts with (`;b` would expand before `;bl`
 * is typed in full). Rows with a problem of their own are left out.
 */
export function triggerConflicts(rows: readonly TriggerRow[]): TriggerConflict[] {
  const valid = rows.filter((row) => triggerProblem(row.trigger) === null).map((row) => ({ row, normal: normalizeTrigger(row.trigger.trim()) }));
  // Sorted, a trigger is followed by every trigger it is a prefix of, so one pass finds both kinds.
  valid.sort((a, b) => (a.normal < b.normal ? -1 : a.normal > b.normal ? 1 : 0));
  const conflicts: TriggerConflict[] = [];
  for (let a = 0; a < valid.length; a++) {
    for (let b = a + 1; b < valid.length && valid[b]!.normal.startsWith(valid[a]!.normal); b++) {
      if (valid[a]!.row.entryId === valid[b]!.row.entryId && valid[a]!.normal === valid[b]!.normal) continue;
      conflicts.push({ kind: valid[a]!.normal === valid[b]!.normal ? 'same' : 'prefix', first: valid[a]!.row, second: valid[b]!.row });
    }
  }
  return conflicts;
}

/** The triggers in force, by normalised text, with the lengths to try (longest first). */
export interface TriggerTable {
  byText: ReadonlyMap<string, string>;
  /** Lengths in UTF-16 units of the normalised triggers, longest first. */
  lengths: readonly number[];
}

/**
 * The table the content script matches against: valid triggers only, and of
 * two that read alike, the first in `rows` (the options page shows the other
 * as a conflict).
 */
export function triggerTable(rows: readonly TriggerRow[]): TriggerTable {
  const byText = new Map<string, string>();
  for (const row of rows) {
    if (triggerProblem(row.trigger) !== null) continue;
    const normal = normalizeTrigger(row.trigger.trim());
    if (!byText.has(normal)) byText.set(normal, row.entryId);
  }
  const lengths = [...new Set([...byText.keys()].map((t) => t.length))].sort((a, b) => b - a);
  return { byText, lengths };
}

/**
 * The trigger the text before the caret ends with: the entry it names and how
 * many UTF-16 units of `before` it covers (what the expansion replaces), or
 * null. The longest trigger wins. Normalising keeps lengths, so the count is
 * the same in the typed text.
 */
export function triggerAtCaret(before: string, table: TriggerTable): { entryId: string; length: number } | null {
  for (const length of table.lengths) {
    if (length > before.length) continue;
    const tail = before.slice(before.length - length);
    // Not half of a surrogate pair.
    const first = tail.charCodeAt(0);
    if (first >= 0xdc00 && first <= 0xdfff) continue;
    const entryId = table.byText.get(normalizeTrigger(tail));
    if (entryId !== undefined) return { entryId, length };
  }
  return null;
}

/** Why `trigger` cannot be set beside `rows` (its own problem first), or null when it can. */
export type TriggerRefusal = { code: TriggerProblem } | { code: 'same' | 'prefix'; other: TriggerRow };

/**
 * Whether a trigger may be added to (or, with `replacing`, changed within) the
 * triggers set so far. Unique across the library: one that reads like another
 * is refused, and so is one that is a prefix of another or has another as its
 * prefix, since the shorter would always fire first.
 */
export function triggerRefusal(rows: readonly TriggerRow[], trigger: string, replacing?: TriggerRow): TriggerRefusal | null {
  const problem = triggerProblem(trigger);
  if (problem) return { code: problem };
  const normal = normalizeTrigger(trigger.trim());
  for (const row of rows) {
    if (row === replacing || triggerProblem(row.trigger) !== null) continue;
    const other = normalizeTrigger(row.trigger.trim());
    if (other === normal) return { code: 'same', other: row };
    if (other.startsWith(normal) || normal.startsWith(other)) return { code: 'prefix', other: row };
  }
  return null;
}

/**
 * A site as the user types it into the list of sites where shortcuts are off:
 * a host name, or an address to take the host from (`https://oa.example.cn/x`
 * → `oa.example.cn`); null when it is neither.
 */
export function siteOf(input: string): string | null {
  const text = input.trim().replace(/^\*\./, '');
  if (text === '') return null;
  let host: string;
  try {
    // The URL parser lower-cases, drops the port and writes a Chinese domain in its xn-- form, as pages report it.
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  return host.length <= 253 && host.split('.').every((part) => label.test(part)) ? host : null;
}
