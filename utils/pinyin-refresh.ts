/**
 * The options page keeps the `pinyin` key (utils/pinyin-source.ts) in step with the user's
 * library: after every change it has seen (an edit, an import, a restore, another page's
 * write) and when it opens, so that a library saved before readings existed gets them too.
 * Readings depend only on the text, so the rows kept are never wrong; rows for texts no longer
 * in the library are dropped. pinyin-pro is loaded only when a text has none yet.
 */
import { browser } from 'wxt/browser';
import type { Collection } from '../core/library';
import { searchTexts } from '../core/search';
import { PINYIN_KEY, encodeStoredPinyin, readStoredPinyin } from './pinyin-source';

/** Resolves once the stored readings cover `collections`' texts; writes only when they change. */
export async function refreshUserPinyin(collections: readonly Collection[]): Promise<void> {
  const texts = new Set(collections.flatMap((c) => c.entries.flatMap(searchTexts)));
  const previous = await readStoredPinyin();
  const missing = [...texts].filter((text) => !previous.has(text));
  const next = new Map([...previous].filter(([text]) => texts.has(text)));
  if (missing.length > 0) {
    const { pinyinTable } = await import('../core/pinyin');
    for (const [text, readings] of Object.entries(pinyinTable(missing))) next.set(text, readings);
  }
  if (missing.length === 0 && next.size === previous.size) return;
  await browser.storage.local.set({ [PINYIN_KEY]: encodeStoredPinyin(next) });
}
