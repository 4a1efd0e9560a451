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
import { resolveDefault } from './dynamic-values';

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

/** Every placeholder of a body where it occurs, repeats included; `defaultValue` is null where none is written. */
export function placeholderUses(body: string): { name: string; defaultValue: string | null }[] {
  return tokenize(body).filter((piece): piece is { name: string; defaultValue: string | null } => 'name' in piece);
}

/**
 * The body's text with each placeholder written by `show` (its literal text as
 * renderBody gives it): a frame's title writes every blank as `……`.
 */
export function renderPlaceholders(body: string, show: (name: string, defaultValue: string | null) => string): string {
  return tokenize(body)
    .map((piece) => ('text' in piece ? piece.text : show(piece.name, piece.defaultValue)))
    .join('');
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
 * The value given for a placeholder in a plain record of values (remembered
 * values come from storage as one), or undefined. Only the record's own
 * entries count: a name such as `constructor` or `__proto__` must not find
 * what every object inherits.
 */
export function valueFor(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (!Object.hasOwn(values, name)) return undefined;
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The text a body inserts. A placeholder takes `values[name]` when given (an
 * empty string counts as given), else its own default (a dynamic one, such as
 * `@今天`, as it reads on `today`), else its name in brackets so that nothing
 * silently disappears.
 */
export function renderBody(body: string, values: Readonly<Record<string, string>> = {}, today: Date = new Date()): string {
  return tokenize(body)
    .map((piece) => {
      if ('text' in piece) return piece.text;
      const given = valueFor(values, piece.name);
      if (given !== undefined) return given;
      return piece.defaultValue === null ? `【${piece.name}】` : resolveDefault(piece.defaultValue, today);
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
  /**
   * Only where the words stand inside one of these longer words: a unit's
   * one-character short form 区 is the unit in 全区 or 区辖 but not in 社区. Each
   * context contains `text` (its first occurrence is the one meant). Absent or
   * empty: wherever the words occur.
   */
  contexts?: readonly string[];
}

/** Where a rule's words were found in a text. */
export interface RuleMatch {
  index: number;
  length: number;
  rule: PlaceholderRule;
}

/**
 * Finds the rules' words in a text, left to right, never overlapping. At one
 * place the longer words win over the shorter words inside them (工业园区
 * before 园区), and a rule with contexts over one without for the same words.
 * Compile once, then match many texts.
 */
export function placeholderMatcher(rules: readonly PlaceholderRule[]): (text: string) => RuleMatch[] {
  const usable = rules
    .filter((rule) => rule.text !== '')
    .sort((a, b) => b.text.length - a.text.length || (b.contexts?.length ? 1 : 0) - (a.contexts?.length ? 1 : 0));
  if (usable.length === 0) return () => [];
  if (!usable.some((rule) => rule.contexts?.length)) {
    // Words alone: the matched words say which rule it is, the first (longest) with them.
    const byText = new Map<string, PlaceholderRule>();
    for (const rule of usable) if (!byText.has(rule.text)) byText.set(rule.text, rule);
    const words = new RegExp([...byText.keys()].map(escapeRegExp).join('|'), 'g');
    return (text) => [...text.matchAll(words)].map((m) => ({ index: m.index, length: m[0].length, rule: byText.get(m[0])! }));
  }
  const alternatives = usable.map((rule) => `(${ruleSource(rule)})`);
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => {
    const matches: RuleMatch[] = [];
    for (const m of text.matchAll(pattern)) {
      // Exactly one group took part in the match: the rule's.
      let group = 1;
      while (m[group] === undefined) group++;
      matches.push({ index: m.index, length: m[0].length, rule: usable[group - 1]! });
    }
    return matches;
  };
}

function ruleSource(rule: PlaceholderRule): string {
  const words = escapeRegExp(rule.text);
  if (!rule.contexts?.length) return words;
  return rule.contexts
    .map((context) => {
      const at = context.indexOf(rule.text);
      if (at < 0) throw new Error(`Placeholder rule "${rule.name}": context "${context}" does not contain "${rule.text}"`);
      const before = context.slice(0, at);
      const after = context.slice(at + rule.text.length);
      return `${before ? `(?<=${escapeRegExp(before)})` : ''}${words}${after ? `(?=${escapeRegExp(after)})` : ''}`;
    })
    .join('|');
}

/**
 * Turns plain text into a body in which each rule's words become a placeholder
 * whose default is those words, matched as placeholderMatcher finds them.
 */
export function applyPlaceholderRules(text: string, rules: readonly PlaceholderRule[]): string {
  const escaped = escapeBody(text);
  const matches = placeholderMatcher(rules)(escaped);
  let body = '';
  let at = 0;
  for (const { index, length, rule } of matches) {
    body += `${escaped.slice(at, index)}{{${rule.name}|${rule.text}}}`;
    at = index + length;
  }
  return body + escaped.slice(at);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
