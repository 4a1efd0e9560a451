/**
 * Instant search over the library: every whitespace-separated term of the query
 * must occur (as a substring, so Chinese needs no word segmentation) in an
 * entry's title, section path or text. Matches in the title rank first, then the
 * path, then the text; ties keep library order.
 */
import type { Entry } from './library';
import { renderBody } from './placeholders';

export interface SearchIndex {
  entries: readonly Entry[];
  titles: string[];
  paths: string[];
  texts: string[];
  signatures: Uint32Array;
  /**
   * The last query and the entries (by position) it matched. Typing extends the
   * query, and an entry that matches the longer query matched the shorter one,
   * so each keystroke only re-checks the previous keystroke's matches.
   */
  last: { terms: string[]; matches: Uint32Array } | null;
}

/**
 * Signatures: for each entry, a 2,048-bit Bloom filter of the characters and
 * character pairs of its title, path and text. A term can only occur in an
 * entry whose signature has every bit of the term's own, so most entries that
 * cannot match are skipped without reading their text.
 */
const SIGNATURE_WORDS = 64;

function gramBit(a: number, b: number): number {
  return (Math.imul(a * 65599 + b, 0x9e3779b1) >>> 21) & (SIGNATURE_WORDS * 32 - 1);
}

function addSignature(signatures: Uint32Array, base: number, text: string): void {
  let previous = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const one = gramBit(0, c);
    signatures[base + (one >>> 5)]! |= 1 << (one & 31);
    if (k > 0) {
      const two = gramBit(previous + 1, c);
      signatures[base + (two >>> 5)]! |= 1 << (two & 31);
    }
    previous = c;
  }
}

/** The bits the terms set, as (word, mask) pairs; masks are unsigned. */
function termBits(terms: string[]): number[] {
  const probe = new Uint32Array(SIGNATURE_WORDS);
  for (const term of terms) addSignature(probe, 0, term);
  const bits: number[] = [];
  probe.forEach((mask, word) => {
    if (mask) bits.push(word, mask);
  });
  return bits;
}

export function buildSearchIndex(entries: readonly Entry[]): SearchIndex {
  const titles = entries.map((e) => foldForSearch(e.title));
  const paths = entries.map((e) => foldForSearch(e.path.join(' ')));
  // The rendered text, so a placeholder's default words are found.
  const texts = entries.map((e) => foldForSearch(renderBody(e.body)));
  const signatures = new Uint32Array(entries.length * SIGNATURE_WORDS);
  for (let i = 0; i < entries.length; i++) {
    const base = i * SIGNATURE_WORDS;
    addSignature(signatures, base, titles[i]!);
    addSignature(signatures, base, paths[i]!);
    addSignature(signatures, base, texts[i]!);
  }
  return { entries, titles, paths, texts, signatures, last: null };
}

/** Lower case, full-width ASCII to half-width, so "ＡＢＣ" finds "abc". */
export function foldForSearch(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((t) => t !== '');
}

const TITLE = 4;
const PATH = 2;
const TEXT = 1;

/** True when every entry matching `next` also matches `previous`. */
function narrows(previous: string[], next: string[]): boolean {
  return previous.length <= next.length && previous.every((term, i) => next[i]!.includes(term));
}

/** Entries matching `query`, best first; all entries in library order for an empty query. */
export function searchEntries(index: SearchIndex, query: string): Entry[] {
  const terms = queryTerms(query);
  if (terms.length === 0) {
    index.last = null;
    return [...index.entries];
  }
  const candidates = index.last && narrows(index.last.terms, terms) ? index.last.matches : null;
  const count = candidates ? candidates.length : index.entries.length;
  const matches = new Uint32Array(count);
  let matched = 0;
  // Bucket by score instead of sorting: stable, and linear in the library's size.
  const buckets: Entry[][] = [];
  const bits = termBits(terms);
  const signatures = index.signatures;
  candidatesLoop: for (let k = 0; k < count; k++) {
    const i = candidates ? candidates[k]! : k;
    const base = i * SIGNATURE_WORDS;
    for (let b = 0; b < bits.length; b += 2) {
      const mask = bits[b + 1]!;
      if ((signatures[base + bits[b]!]! & mask) >>> 0 !== mask) continue candidatesLoop;
    }
    let score = 0;
    const title = index.titles[i]!;
    const path = index.paths[i]!;
    const text = index.texts[i]!;
    for (const term of terms) {
      const s = (title.includes(term) ? TITLE : 0) + (path.includes(term) ? PATH : 0);
      if (s > 0) score += s;
      else if (text.includes(term)) score += TEXT;
      else {
        score = 0;
        break;
      }
    }
    if (score > 0) {
      matches[matched++] = i;
      (buckets[score] ??= []).push(index.entries[i]!);
    }
  }
  index.last = { terms, matches: matches.slice(0, matched) };
  const results: Entry[] = [];
  for (let s = buckets.length - 1; s > 0; s--) {
    const bucket = buckets[s];
    if (bucket) for (const entry of bucket) results.push(entry);
  }
  return results;
}

/** Where the query's terms occur in `text`: sorted, non-overlapping [start, end) ranges. */
export function highlightRanges(text: string, query: string): Array<[number, number]> {
  const folded = foldForSearch(text);
  const ranges: Array<[number, number]> = [];
  for (const term of queryTerms(query)) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
