/**
 * The pinyin readings search matches (core/pinyin.ts has the encoding), as data: the built-in
 * collections' from a chunk made at build time, the user's from the `pinyin` storage key that
 * the options page keeps in step with the library (utils/pinyin-refresh.ts). Nothing here reads
 * a character's pinyin itself: pinyin-pro never reaches the popup or the side panel.
 *
 * The key is derived data, not the user's: it is not in backups, a value that cannot be read
 * counts as none (the options page writes it anew), and a text it lacks is found by its Han
 * characters until then.
 */
import { browser } from 'wxt/browser';

export const PINYIN_KEY = 'pinyin';

export type Readings = (text: string) => string | undefined;

/** The stored readings: JSON text of [text, readings] pairs (any text may be a key, `__proto__` too). */
export function decodeStoredPinyin(stored: unknown): Map<string, string> {
  if (typeof stored !== 'string') return new Map();
  try {
    const pairs: unknown = JSON.parse(stored);
    if (!Array.isArray(pairs)) return new Map();
    return new Map(pairs.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string'));
  } catch {
    return new Map();
  }
}

export function encodeStoredPinyin(readings: ReadonlyMap<string, string>): string {
  return JSON.stringify([...readings]);
}

export async function readStoredPinyin(): Promise<Map<string, string>> {
  try {
    return decodeStoredPinyin((await browser.storage.local.get(PINYIN_KEY))[PINYIN_KEY]);
  } catch {
    return new Map();
  }
}

/** The readings of every text search may be given: the built-in ones, then the user's. */
export async function loadPinyin(): Promise<Readings> {
  const [builtin, own] = await Promise.all([import('virtual:bixia-builtin-pinyin').then((module) => module.default), readStoredPinyin()]);
  return (text) => (Object.hasOwn(builtin, text) ? builtin[text] : own.get(text));
}

/** Calls back when the user's readings change (the options page wrote them anew). */
export function watchPinyin(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, PINYIN_KEY)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
