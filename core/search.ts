/**
 * Instant search over the library, for Chinese.
 *
 * Matching: every whitespace-separated term of the query must occur in an
 * entry, as a substring (Chinese needs no word segmentation) of its title,
 * section path, tags, placeholder names or rendered text; or, when the term
 * has Latin letters, by pinyin in the title, path, tags or placeholder names
 * (not the text): each run of letters reads consecutive Han characters by
 * full syllable, initial (zh/ch/sh count as one) or, at the end of the term,
 * a prefix of a syllable, and any other character of the term stands for
 * itself, so `biaolv`, `bl`, `biaol` and `bl作用` find 表率作用. Any of a
 * character's readings matches; the readings come from outside
 * (core/pinyin.ts computes them when a library is built or saved), so this
 * module carries no dictionary.
 *
 * Speed: postings (entry lists, or bitsets for common keys) of every
 * character and character pair of the folded fields, and of pinyin letter
 * keys, narrow each term to entries that have all of its keys; only those are
 * checked. Each key is implied by a true match, so nothing is missed.
 * Typing extends the query, so a keystroke starts from the previous one's
 * matches.
 *
 * Ranking (lower tier first): the title equals the query < the title starts
 * with it < the title contains it (literally or through context readings) <
 * the title contains it through other readings < a path, tag or placeholder
 * name has it < only the text has it. Within a tier: favourites, then recent
 * uses (most recent first), then, for short queries, shorter bodies first;
 * then library order. The whole-report template comes last in its tier, and
 * after every other match when the query is common.
 */
import type { Entry } from './library';
import { firstMatch, isGap, isLetter, offsetOf, preparedChars, prepare } from './pinyin-match';
import { placeholderUses, renderBody } from './placeholders';
import { type Postings, PostingsBuilder, andKeys, hasBit, orKeys } from './postings';

const EQUAL = 0;
const START = 1;
const TITLE = 2;
const TITLE_OTHER_READING = 3;
const FIELD = 4;
const TEXT = 5;
const LAST = 6;
const NONE = 7;

/** A query that matches at least this many entries is common: the whole report then goes last. */
const COMMON_MATCHES = 5;
/** Queries of at most this many characters put shorter bodies first (phrases above templates). */
const SHORT_QUERY = 4;
const LENGTH_BUCKETS = 33;
/** A rank key no tier has: the entry is lifted. */
const LIFTED = 0xffff;

export interface SearchIndex {
  entries: readonly Entry[];
  /** Folded: the title; the path segments, tags and placeholder names, one a line; the rendered text. */
  titles: string[];
  fields: string[];
  texts: string[];
  /** The encoded readings of each title (undefined: none known). */
  titleReadings: (string | undefined)[];
  /** Per entry: the number of its title's distinct readings string (-1: none), so titles that read alike are matched once. */
  titleSound: Int32Array;
  /** Per entry: the number of its group of [folded string, encoded readings] pairs (path, tags and names with readings; -1: none). */
  fieldGroup: Int32Array;
  groups: string[][];
  /** Per entry: the title's length without what trails its last letter or character (spaces, punctuation, symbols). */
  titleEnd: Uint32Array;
  /** Per entry: the title's length without any spaces, punctuation or symbols. */
  coreLength: Uint32Array;
  /** Bit 0: the whole-report template; bits 1–6: the body's length class (log2). */
  traits: Uint8Array;
  /** Characters and character pairs of the titles (and of their start), the fields, the texts. */
  titleGrams: Postings;
  fieldGrams: Postings;
  textGrams: Postings;
  /** Pinyin letter keys (soundKey). */
  sounds: Postings;
  /** Each entry's position by its id (favourites and recent uses are lifted by position). */
  positionOf: Map<string, number>;
  /** Work space for one search: bitsets, per-entry levels, the matches, rank keys, lifted entries, the memo. */
  work: { bits: Int32Array[]; level: Uint8Array; matches: Int32Array; levels: Uint8Array; keys: Uint16Array; liftBits: Int32Array; liftRank: Uint32Array; memo: Memo };
  /**
   * The last query and the entries it matched (a bit each). Typing extends the
   * query, and an entry that matches the longer query matched the shorter one,
   * so each keystroke only re-checks the previous keystroke's matches.
   */
  last: { terms: string[]; bits: Int32Array } | null;
}

/**
 * One search's answers per title readings string and per field group: a slot
 * holds an answer when its stamp is the search's generation, so nothing is
 * cleared between searches.
 */
interface Memo {
  generation: number;
  titleStamp: Uint32Array;
  titleLevel: Uint8Array;
  groupStamp: Uint32Array;
  groupMatch: Uint8Array;
}

const gramKey = (previous: number, c: number) => (previous + 1) * 65536 + c;
/** A title's first character or first pair, kept apart from the same gram anywhere in it. */
const START_KEY = 2 ** 34;

function addGrams(builder: PostingsBuilder, text: string, start: boolean): void {
  let previous = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      previous = -1;
      continue;
    }
    builder.add(c);
    if (previous >= 0) builder.add(gramKey(previous, c));
    if (start && k < 2) builder.add(START_KEY + (k === 0 ? c : gramKey(previous, c)));
    previous = c;
  }
}

/**
 * Pinyin keys: a reading's first letter, its first two letters, and the first
 * letters of two adjacent characters, each for one class of strings. With
 * them a term of one or two letters is answered exactly, level included.
 */
const CLASS = { titleContext: 0, titleAny: 1, titleStart: 2, field: 3 } as const;
type SoundClass = (typeof CLASS)[keyof typeof CLASS];
const soundKey = {
  first: (cls: SoundClass, a: number) => cls * 4096 + a,
  firstTwo: (cls: SoundClass, a: number, b: number) => cls * 4096 + 32 + a * 32 + b,
  pair: (cls: SoundClass, a: number, b: number) => cls * 4096 + 2048 + a * 32 + b,
};
const letterOf = (c: number) => c - 97;

function addReading(builder: PostingsBuilder, cls: SoundClass, reading: string): number {
  const a = letterOf(reading.charCodeAt(0));
  builder.add(soundKey.first(cls, a));
  if (reading.length > 1) builder.add(soundKey.firstTwo(cls, a, letterOf(reading.charCodeAt(1))));
  return a;
}

function addPairs(builder: PostingsBuilder, cls: SoundClass, before: number, after: number): void {
  for (let p = before; p; p &= p - 1) {
    const a = 31 - Math.clz32(p & -p);
    for (let f = after; f; f &= f - 1) builder.add(soundKey.pair(cls, a, 31 - Math.clz32(f & -f)));
  }
}

function addSounds(builder: PostingsBuilder, text: string, readings: string, title: boolean): void {
  let previousAny = 0;
  let previousContext = 0;
  let index = 0;
  let at = 0;
  for (const token of readings.split(' ')) {
    const c = text.codePointAt(at)!;
    at += c > 0xffff ? 2 : 1;
    // Pairs read across spaces and punctuation, as the matcher does (core/pinyin-match.ts).
    if (token === '' && index > 0 && isGap(c)) continue;
    let any = 0;
    let context = 0;
    if (token !== '') {
      token.split(',').forEach((reading, alt) => {
        if (!title) {
          any |= 1 << addReading(builder, CLASS.field, reading);
          return;
        }
        any |= 1 << addReading(builder, CLASS.titleAny, reading);
        if (alt > 0) return;
        context = 1 << addReading(builder, CLASS.titleContext, reading);
        if (index === 0) addReading(builder, CLASS.titleStart, reading);
      });
    }
    if (!title) addPairs(builder, CLASS.field, previousAny, any);
    else {
      addPairs(builder, CLASS.titleAny, previousAny, any);
      addPairs(builder, CLASS.titleContext, previousContext, context);
      if (index === 1) addPairs(builder, CLASS.titleStart, previousContext, context);
    }
    previousAny = any;
    previousContext = context;
    index++;
  }
}

function codePoints(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++, n++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) k++;
  }
  return n;
}

/** Readings that fit the text (one token per code point), else undefined: older or damaged data is ignored. */
function fitting(text: string, readings: string | undefined): string | undefined {
  if (!readings) return undefined;
  let tokens = 1;
  for (let k = readings.indexOf(' '); k >= 0; k = readings.indexOf(' ', k + 1)) tokens++;
  return tokens === codePoints(text) ? readings : undefined;
}

function placeholderNames(body: string): string[] {
  return [...new Set(placeholderUses(body).map((use) => use.name))];
}

/** The strings that get pinyin readings: title, path segments, tags, placeholder names (not bodies). */
export function searchTexts(entry: Entry): string[] {
  return [...new Set([entry.title, ...entry.path, ...entry.tags, ...placeholderNames(entry.body)])];
}

const TRAILING_PUNCTUATION = /[\s\p{P}\p{S}]+$/u;

function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

const isWholeReport = (entry: Entry) => entry.kind === 'template' && entry.path.length === 0;

export function buildSearchIndex(entries: readonly Entry[], options: { pinyin?: (text: string) => string | undefined } = {}): SearchIndex {
  const read = options.pinyin;
  const titleGrams = new PostingsBuilder();
  const fieldGrams = new PostingsBuilder();
  const textGrams = new PostingsBuilder();
  const sounds = new PostingsBuilder();
  const n = entries.length;
  // Grown from empty, in order: `new Array(n)` past about 32,000 elements is a slow dictionary in V8.
  const titles: string[] = [];
  const fields: string[] = [];
  const texts: string[] = [];
  const titleReadings: (string | undefined)[] = [];
  const titleSound = new Int32Array(n).fill(-1);
  const fieldGroup = new Int32Array(n).fill(-1);
  const titleEnd = new Uint32Array(n);
  const coreLength = new Uint32Array(n);
  const readingIds = new Map<string, number>();
  const groupIds = new Map<string, number>();
  const groups: string[][] = [];
  const traits = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    const named = [...new Set([...entry.path, ...entry.tags, ...placeholderNames(entry.body)])];
    titles[i] = foldForSearch(entry.title);
    fields[i] = foldForSearch(named.join('\n'));
    // The rendered text, so a placeholder's default words are found.
    const text = renderBody(entry.body);
    texts[i] = foldForSearch(text);
    addGrams(titleGrams, titles[i]!, true);
    addGrams(fieldGrams, fields[i]!, false);
    addGrams(textGrams, texts[i]!, false);
    traits[i] = (isWholeReport(entry) ? 1 : 0) | ((31 - Math.clz32(text.length + 1)) << 1);
    titleEnd[i] = titles[i]!.replace(TRAILING_PUNCTUATION, '').length;
    coreLength[i] = titleCore(titles[i]!).length;
    titleReadings[i] = read && fitting(entry.title, read(entry.title));
    if (titleReadings[i]) {
      addSounds(sounds, titles[i]!, titleReadings[i]!, true);
      titleSound[i] = intern(readingIds, titleReadings[i]!);
    }
    let pairs: string[] | null = null;
    for (const name of read ? named : []) {
      const readings = fitting(name, read!(name));
      if (!readings) continue;
      const folded = foldForSearch(name);
      (pairs ??= []).push(folded, readings);
      addSounds(sounds, folded, readings, false);
    }
    if (pairs) {
      const key = pairs.join('\n');
      fieldGroup[i] = groupIds.get(key) ?? groups.length;
      if (fieldGroup[i] === groups.length) {
        groupIds.set(key, groups.length);
        groups.push(pairs);
      }
    }
    for (const builder of [titleGrams, fieldGrams, textGrams, sounds]) builder.nextEntry();
  }
  const words = (n + 31) >>> 5;
  // A packed copy: the caller's array may be a slow dictionary (`Array.from({ length })`, `new Array(n)` past ~32,000).
  const packed: Entry[] = [];
  const positionOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    packed.push(entries[i]!);
    if (!positionOf.has(entries[i]!.id)) positionOf.set(entries[i]!.id, i);
  }
  return {
    entries: packed,
    positionOf,
    titles,
    fields,
    texts,
    titleReadings,
    titleSound,
    fieldGroup,
    groups,
    titleEnd,
    coreLength,
    traits,
    titleGrams: titleGrams.build(),
    fieldGrams: fieldGrams.build(),
    textGrams: textGrams.build(),
    sounds: sounds.build(),
    work: {
      bits: Array.from({ length: 7 }, () => new Int32Array(words)),
      level: new Uint8Array(n).fill(NONE),
      matches: new Int32Array(n),
      levels: new Uint8Array(n),
      keys: new Uint16Array(n),
      liftBits: new Int32Array(words),
      liftRank: new Uint32Array(n),
      memo: {
        generation: 0,
        titleStamp: new Uint32Array(readingIds.size),
        titleLevel: new Uint8Array(readingIds.size),
        groupStamp: new Uint32Array(groups.length),
        groupMatch: new Uint8Array(groups.length),
      },
    },
    last: null,
  };
}

/**
 * Lower case, full-width ASCII to half-width, so "ＡＢＣ" finds "abc". Every
 * character keeps its length, so a position in the folded text is the same
 * position in the original (highlighting relies on it).
 */
export function foldForSearch(text: string): string {
  const folded = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  // A few letters (İ) lower-case to two characters: those stay as they are.
  return Array.from(folded, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  }).join('');
}

export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((t) => t !== '');
}

const hasLetters = (term: string) => /[a-z]/.test(term);

/**
 * True when every entry matching `next` also matches `previous`. A longer
 * literal term contains the shorter one; a pinyin term only narrows by being
 * extended at its end (`ia` does not match 先 though `xian` does).
 */
function narrows(previous: string[], next: string[]): boolean {
  return (
    previous.length <= next.length &&
    previous.every((term, i) => (hasLetters(term) ? next[i]!.startsWith(term) : next[i]!.includes(term)))
  );
}

/** One term's matches: each entry's best level in `level`, its bit in `hit`. */
interface TermWork {
  index: SearchIndex;
  level: Uint8Array;
  hit: Int32Array;
}

function found(work: TermWork, i: number, level: number): void {
  if (level < work.level[i]!) work.level[i] = level;
  work.hit[i >>> 5]! |= 1 << (i & 31);
}

/** START, or EQUAL when the rest of entry i's title after the term's `length` characters is only punctuation. */
const startLevel = (index: SearchIndex, i: number, length: number) => (length >= index.titleEnd[i]! ? EQUAL : START);

/** `into` = `from` (null: every entry). */
function startFrom(into: Int32Array, from: Int32Array | null, entries: number): void {
  if (from) into.set(from);
  else {
    into.fill(-1);
    const extra = into.length * 32 - entries;
    if (extra > 0) into[into.length - 1] = -1 >>> extra;
  }
}

/** The pairs of a literal term (its character, if it has one), each a key every literal match holds. */
function literalKeys(term: string): number[] {
  if (term.length === 1) return [term.charCodeAt(0)];
  const keys = new Set<number>();
  for (let k = 1; k < term.length; k++) keys.add(gramKey(term.charCodeAt(k - 1), term.charCodeAt(k)));
  return [...keys];
}

function narrowBy(postings: Postings, keys: readonly number[], acc: Int32Array, tmp: Int32Array): void {
  for (const key of keys) andKeys(postings, [key], acc, tmp);
}

function matchLiteral(work: TermWork, term: string, from: Int32Array | null): void {
  const { index } = work;
  const [t, f, x, s, tmp] = index.work.bits as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const n = index.entries.length;
  const keys = literalKeys(term);
  startFrom(t, from, n);
  narrowBy(index.titleGrams, keys, t, tmp);
  startFrom(f, from, n);
  narrowBy(index.fieldGrams, keys, f, tmp);
  startFrom(x, from, n);
  narrowBy(index.textGrams, keys, x, tmp);
  // One or two characters: the postings are exact, so no string is read but the start of a title.
  const exact = term.length <= 2;
  if (exact) {
    s.set(t);
    andKeys(index.titleGrams, [START_KEY + (term.length === 1 ? term.charCodeAt(0) : gramKey(term.charCodeAt(0), term.charCodeAt(1)))], s, tmp);
  }
  for (let w = 0; w < t.length; w++) {
    const tw = t[w]!;
    const fw = f[w]!;
    const xw = x[w]!;
    const sw = exact ? s[w]! : 0;
    for (let bits = tw | fw | xw; bits !== 0; bits &= bits - 1) {
      const bit = bits & -bits;
      const i = w * 32 + 31 - Math.clz32(bit);
      let level = NONE;
      if (tw & bit) {
        if (exact) level = sw & bit ? startLevel(index, i, term.length) : TITLE;
        else {
          const at = index.titles[i]!.indexOf(term);
          if (at === 0) level = startLevel(index, i, term.length);
          else if (at > 0) level = TITLE;
        }
      }
      if (level === NONE && fw & bit && (exact || index.fields[i]!.includes(term))) level = FIELD;
      if (level === NONE && xw & bit && (exact || index.texts[i]!.includes(term))) level = TEXT;
      if (level !== NONE) found(work, i, level);
    }
  }
}

/** Sound keys of a letter run in one class: its first letter, or its first two letters read by one character or two. */
function runKeys(cls: SoundClass, run: string): number[] {
  const a = letterOf(run.charCodeAt(0));
  if (run.length === 1) return [soundKey.first(cls, a)];
  const b = letterOf(run.charCodeAt(1));
  return [soundKey.firstTwo(cls, a, b), soundKey.pair(cls, a, b)];
}

/** Candidates of a class: every letter run's keys, every other run's characters (in the class's strings). */
function narrowPinyin(index: SearchIndex, term: string, cls: SoundClass, grams: Postings, acc: Int32Array, tmp: Int32Array): void {
  for (const run of term.match(/[a-z]+|[^a-z]+/g) ?? []) {
    if (isLetter(run.charCodeAt(0))) andKeys(index.sounds, runKeys(cls, run), acc, tmp);
    else narrowBy(grams, literalKeys(run), acc, tmp);
  }
}

function matchPinyin(work: TermWork, term: string, from: Int32Array | null): void {
  const { index } = work;
  const [t, f, c, s, tmp] = index.work.bits as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const n = index.entries.length;
  startFrom(t, from, n);
  narrowPinyin(index, term, CLASS.titleAny, index.titleGrams, t, tmp);
  startFrom(f, from, n);
  narrowPinyin(index, term, CLASS.field, index.fieldGrams, f, tmp);
  if (/^[a-z]{1,2}$/.test(term)) {
    // Exact from the keys: context readings, and the title's start.
    c.set(t);
    andKeys(index.sounds, runKeys(CLASS.titleContext, term), c, tmp);
    s.set(c);
    andKeys(index.sounds, runKeys(CLASS.titleStart, term), s, tmp);
    for (let w = 0; w < t.length; w++) {
      const sw = s[w]!;
      const cw = c[w]!;
      const tw = t[w]!;
      for (let bits = tw | f[w]!; bits !== 0; bits &= bits - 1) {
        const bit = bits & -bits;
        found(work, w * 32 + 31 - Math.clz32(bit), sw & bit ? START : cw & bit ? TITLE : tw & bit ? TITLE_OTHER_READING : FIELD);
      }
    }
    return;
  }
  // Titles that read alike match a term of letters alike; entries of one field group match alike.
  const lettersOnly = /^[a-z]+$/.test(term);
  const memo = index.work.memo;
  if (++memo.generation === 0xffffffff) {
    memo.titleStamp.fill(0);
    memo.groupStamp.fill(0);
    memo.generation = 1;
  }
  for (let w = 0; w < t.length; w++) {
    const tw = t[w]!;
    const fw = f[w]!;
    for (let bits = tw | fw; bits !== 0; bits &= bits - 1) {
      const bit = bits & -bits;
      const i = w * 32 + 31 - Math.clz32(bit);
      let level = NONE;
      if (tw & bit) level = titlePinyinLevel(index, i, term, lettersOnly);
      if (level === NONE && fw & bit && groupMatches(index, index.fieldGroup[i]!, term)) level = FIELD;
      if (level !== NONE) found(work, i, level);
    }
  }
}

function titlePinyinLevel(index: SearchIndex, i: number, term: string, lettersOnly: boolean): number {
  const sound = index.titleSound[i]!;
  if (sound < 0) return NONE;
  const memo = index.work.memo;
  if (lettersOnly && memo.titleStamp[sound] === memo.generation) return memo.titleLevel[sound]!;
  const title = index.titles[i]!;
  const readings = index.titleReadings[i]!;
  let level = NONE;
  if (prepare(title, readings, term, true)) {
    const match = firstMatch();
    if (match) level = match[0] > 0 ? TITLE : match[1] === preparedChars() ? EQUAL : START;
    else if (prepare(title, readings, term, false) && firstMatch()) level = TITLE_OTHER_READING;
  }
  if (lettersOnly) {
    memo.titleStamp[sound] = memo.generation;
    memo.titleLevel[sound] = level;
  }
  return level;
}

function groupMatches(index: SearchIndex, group: number, term: string): boolean {
  if (group < 0) return false;
  const memo = index.work.memo;
  if (memo.groupStamp[group] === memo.generation) return memo.groupMatch[group] === 1;
  const pairs = index.groups[group]!;
  let match = false;
  for (let p = 0; p < pairs.length && !match; p += 2) match = prepare(pairs[p]!, pairs[p + 1]!, term, false) && firstMatch() !== null;
  memo.groupStamp[group] = memo.generation;
  memo.groupMatch[group] = match ? 1 : 0;
  return match;
}

/** Entries read by position: an array is one, and so are search results. */
export interface EntryList {
  readonly length: number;
  at(k: number): Entry | undefined;
}

/**
 * Ranked matches, read by position. An entry is looked up only when its row is read:
 * a list shows a screenful of 50,000 matches, so a keystroke does not build 50,000 slots.
 */
export class SearchResults implements EntryList, Iterable<Entry> {
  readonly length: number;
  constructor(
    private readonly entries: readonly Entry[],
    /** Positions in `entries`, best first; null: all of them in library order. */
    private readonly order: Int32Array | null,
  ) {
    this.length = order ? order.length : entries.length;
  }
  at(k: number): Entry | undefined {
    if (k < 0) k += this.length;
    if (!(k >= 0 && k < this.length)) return undefined;
    return this.entries[this.order ? this.order[k]! : k];
  }
  slice(start = 0, end = this.length): Entry[] {
    const from = Math.max(0, start < 0 ? start + this.length : start);
    const to = Math.min(this.length, end < 0 ? end + this.length : end);
    const out: Entry[] = [];
    for (let k = from; k < to; k++) out.push(this.at(k)!);
    return out;
  }
  *[Symbol.iterator](): Iterator<Entry> {
    for (let k = 0; k < this.length; k++) yield this.at(k)!;
  }
}

/** Entries matching `query`, ranked; all entries in library order for an empty query. */
export function searchEntries(
  index: SearchIndex,
  query: string,
  lift: { favorites?: readonly string[]; recent?: readonly string[] } = {},
): SearchResults {
  const terms = queryTerms(query);
  if (terms.length === 0) {
    index.last = null;
    return new SearchResults(index.entries, null);
  }
  const previous = index.last && narrows(index.last.terms, terms) ? index.last.bits : null;
  const { bits, level, matches, levels } = index.work;
  const from = bits[5]!;
  const hit = bits[6]!;
  const work: TermWork = { index, level, hit };
  let count = 0;
  terms.forEach((term, t) => {
    // Each term checks only what the terms before matched (every match of a term is in `from`).
    let start: Int32Array | null = null;
    if (t > 0 || previous) {
      from.set(t > 0 ? hit : previous!);
      start = from;
    }
    hit.fill(0);
    matchLiteral(work, term, start);
    if (hasLetters(term)) matchPinyin(work, term, start);
    if (t === 0) {
      count = 0;
      for (let w = 0; w < hit.length; w++) {
        for (let word = hit[w]!; word !== 0; word &= word - 1) {
          const i = w * 32 + 31 - Math.clz32(word & -word);
          matches[count] = i;
          levels[count++] = terms.length > 1 && level[i] === EQUAL ? START : level[i]!;
          level[i] = NONE;
        }
      }
      return;
    }
    // A later term's start is no start of the title.
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = matches[k]!;
      if (!hasBit(hit, i)) continue;
      matches[kept] = i;
      levels[kept++] = Math.max(levels[k]!, level[i]!, TITLE);
      level[i] = NONE;
    }
    count = kept;
  });
  index.last = { terms, bits: hit.slice() };
  if (terms.length > 1) {
    const whole = terms.join('');
    for (let k = 0; k < count; k++) {
      const i = matches[k]!;
      if (levels[k]! <= TITLE && index.coreLength[i] === whole.length && titleCore(index.titles[i]!) === whole) levels[k] = EQUAL;
    }
  }
  return new SearchResults(index.entries, rank(index, count, [...terms.join('')].length <= SHORT_QUERY, lift));
}

const titleCore = (title: string) => title.replace(/[\s\p{P}\p{S}]/gu, '');

/** Counting sort by (tier, body length class for short queries), lifted entries first in their tier: positions, best first. */
function rank(
  index: SearchIndex,
  count: number,
  short: boolean,
  lift: { favorites?: readonly string[]; recent?: readonly string[] },
): Int32Array {
  const { matches, levels, keys } = index.work;
  // Lifted entries by position: a bit each, their order in `liftRank` (favourites, then recent uses).
  const { liftBits, liftRank } = index.work;
  const liftedAt: number[] = [];
  for (const id of [...(lift.favorites ?? []), ...(lift.recent ?? [])]) {
    const i = index.positionOf.get(id);
    if (i === undefined || hasBit(liftBits, i)) continue;
    liftBits[i >>> 5]! |= 1 << (i & 31);
    liftRank[i] = liftedAt.length;
    liftedAt.push(i);
  }
  const common = count >= COMMON_MATCHES;
  const counts = new Uint32Array((LAST + 1) * LENGTH_BUCKETS + 1);
  const front: [number, number, number][] = [];
  for (let k = 0; k < count; k++) {
    const i = matches[k]!;
    const traits = index.traits[i]!;
    const whole = (traits & 1) === 1;
    const tier = whole && levels[k]! !== EQUAL && common ? LAST : levels[k]!;
    const length = whole ? LENGTH_BUCKETS - 1 : short ? traits >> 1 : 0;
    if (liftedAt.length && hasBit(liftBits, i)) {
      front.push([tier, liftRank[i]!, i]);
      keys[k] = LIFTED;
      continue;
    }
    keys[k] = tier * LENGTH_BUCKETS + length;
    counts[keys[k]! + 1]!++;
  }
  for (const i of liftedAt) liftBits[i >>> 5] = 0;
  for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
  const order = new Int32Array(count);
  if (front.length) {
    // The lifted go first in their tier: every slot from a tier on moves down by them.
    front.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let f = 0;
    for (let tier = 0; tier <= LAST; tier++) {
      const first = tier * LENGTH_BUCKETS;
      const at = counts[first]! + f;
      let j = 0;
      while (f < front.length && front[f]![0] === tier) order[at + j++] = front[f++]![2];
      if (f) for (let b = first; b < first + LENGTH_BUCKETS; b++) counts[b]! += f;
    }
  }
  for (let k = 0; k < count; k++) {
    if (keys[k] !== LIFTED) order[counts[keys[k]!]!++] = matches[k]!;
  }
  return order;
}

/**
 * Where the query's terms occur in `text` (the original string), literally or,
 * given the text's encoded readings, by pinyin: sorted, non-overlapping
 * [start, end) ranges, for marking matches in the rows that are shown.
 */
export function highlightRanges(text: string, query: string, readings?: string): Array<[number, number]> {
  const folded = foldForSearch(text);
  const ranges: [number, number][] = [];
  const fit = fitting(text, readings);
  for (const term of queryTerms(query)) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
    if (!fit || !hasLetters(term) || !prepare(folded, fit, term, false)) continue;
    for (let match = firstMatch(); match; match = firstMatch(match[1])) ranges.push([offsetOf(match[0]), offsetOf(match[1])]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const top = merged[merged.length - 1];
    if (top && range[0] <= top[1]) top[1] = Math.max(top[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The reference search: a plain substring scan, every term in the title, the
 * path or the rendered text, in library order. Benchmarks and tests check
 * that searchEntries finds every entry this finds.
 */
export function scanEntries(entries: readonly Entry[], query: string): Entry[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [...entries];
  return entries.filter((entry) => {
    const title = foldForSearch(entry.title);
    const path = foldForSearch(entry.path.join(' '));
    const text = foldForSearch(renderBody(entry.body));
    return terms.every((term) => title.includes(term) || path.includes(term) || text.includes(term));
  });
}
