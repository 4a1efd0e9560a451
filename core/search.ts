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
}

export function buildSearchIndex(entries: readonly Entry[]): SearchIndex {
  return {
    entries,
    titles: entries.map((e) => foldForSearch(e.title)),
    paths: entries.map((e) => foldForSearch(e.path.join(' '))),
    // The rendered text, so a placeholder's default words are found.
    texts: entries.map((e) => foldForSearch(renderBody(e.body))),
  };
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

/** Entries matching `query`, best first; all entries in library order for an empty query. */
export function searchEntries(index: SearchIndex, query: string): Entry[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [...index.entries];
  // Bucket by score instead of sorting: a stable, linear pass over 10,000 entries.
  const buckets: Entry[][] = [];
  const n = index.entries.length;
  for (let i = 0; i < n; i++) {
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
    if (score > 0) (buckets[score] ??= []).push(index.entries[i]!);
  }
  const results: Entry[] = [];
  for (let s = buckets.length - 1; s > 0; s--) {
    const bucket = buckets[s];
    if (bucket) for (const entry of bucket) results.push(entry);
  }
  return results;
}
