/**
 * Placeholders inside an entry's body: `{{名称}}` and `{{名称|默认值}}`.
 *
 * - A name is 1–30 characters with no braces, `|` or line break; a default is any
 *   text without braces or line breaks (it may be empty).
 * - `\{{` stands for a literal `{{`. Anything else that does not fit the grammar
 *   (a lone `{{`, an unclosed placeholder) is literal text, so ordinary prose can
 *   never be swallowed by accident.
 * - When a name occurs more than once, the user is asked once; each occurrence
 *   without a value falls back to its own default.
 */

export interface Placeholder {
  name: string;
  /** The first default given for this name, or '' when none is given. */
  defaultValue: string;
}

type Piece = { text: string } | { name: string; defaultValue: string | null };

const PLACEHOLDER_RE = /\{\{([^{}|\n]{1,30})(?:\|([^{}\n]*))?\}\}/y;

function tokenize(body: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  let i = 0;
  while (i < body.length) {
    if (body.startsWith('\\{{', i)) {
      literal += '{{';
      i += 3;
      continue;
    }
    if (body.startsWith('{{', i)) {
      PLACEHOLDER_RE.lastIndex = i;
      const m = PLACEHOLDER_RE.exec(body);
      const name = m?.[1]?.trim();
      if (m && name) {
        if (literal) pieces.push({ text: literal });
        literal = '';
        pieces.push({ name, defaultValue: m[2] ?? null });
        i += m[0].length;
        continue;
      }
    }
    literal += body[i];
    i++;
  }
  if (literal) pieces.push({ text: literal });
  return pieces;
}

/** The distinct placeholders of a body, in order of first appearance. */
export function listPlaceholders(body: string): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  for (const piece of tokenize(body)) {
    if ('name' in piece) {
      const known = seen.get(piece.name);
      if (!known) seen.set(piece.name, { name: piece.name, defaultValue: piece.defaultValue ?? '' });
      else if (known.defaultValue === '' && piece.defaultValue) known.defaultValue = piece.defaultValue;
    }
  }
  return [...seen.values()];
}

/**
 * The text a body inserts. A placeholder takes `values[name]` when given (an
 * empty string counts as given), else its own default, else its name in
 * brackets so that nothing silently disappears.
 */
export function renderBody(body: string, values: Readonly<Record<string, string>> = {}): string {
  return tokenize(body)
    .map((piece) => {
      if ('text' in piece) return piece.text;
      const value = values[piece.name];
      if (value !== undefined) return value;
      return piece.defaultValue ?? `【${piece.name}】`;
    })
    .join('');
}

/** Makes plain text safe to use as a body: renderBody(escapeBody(s)) === s. */
export function escapeBody(text: string): string {
  return text.replace(/\{\{/g, '\\{{');
}

export interface PlaceholderRule {
  /** The placeholder's name, shown to the user. */
  name: string;
  /** The exact words in the source text that the placeholder stands for (its default). */
  text: string;
}

/**
 * Turns plain text into a body in which each rule's words become a placeholder
 * whose default is those words. Longer words win over the shorter words inside
 * them (工业园区 before 园区).
 */
export function applyPlaceholderRules(text: string, rules: readonly PlaceholderRule[]): string {
  const escaped = escapeBody(text);
  if (rules.length === 0) return escaped;
  const sorted = [...rules].sort((a, b) => b.text.length - a.text.length);
  const byText = new Map(sorted.map((rule) => [rule.text, rule]));
  const pattern = new RegExp(sorted.map((rule) => escapeRegExp(rule.text)).join('|'), 'g');
  return escaped.replace(pattern, (words) => {
    const rule = byText.get(words)!;
    return `{{${rule.name}|${rule.text}}}`;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
