/**
 * Keys pressed on the popup's first screen (rendered into popup.html at build time) before its
 * code has taken over: the first screen's script (entrypoints/popup-boot.ts) keeps them, the
 * popup acts on them once it runs. Typed text needs no help: it stays in the search box.
 */
export type EarlyKey = 'down' | 'up' | 'insert' | 'copy';

const KEY = '__bixiaEarlyKeys';

type Holder = { [KEY]?: EarlyKey[] | null };

/** First screen: starts keeping keys; returns how to keep one, which says false once the popup has taken over. */
export function keepEarlyKeys(): (key: EarlyKey) => boolean {
  const holder = globalThis as Holder;
  holder[KEY] = [];
  return (key) => {
    const keys = holder[KEY];
    if (!keys) return false;
    keys.push(key);
    return true;
  };
}

/** The popup: the keys kept so far, once; from now on none are kept. */
export function takeEarlyKeys(): EarlyKey[] {
  const holder = globalThis as Holder;
  const keys = holder[KEY] ?? [];
  holder[KEY] = null;
  return keys;
}

/** What a key on the first screen means, if anything before the popup's code runs. */
export function earlyKeyOf(event: KeyboardEvent): EarlyKey | undefined {
  if (event.isComposing || event.keyCode === 229) return undefined;
  if (event.key === 'ArrowDown') return 'down';
  if (event.key === 'ArrowUp') return 'up';
  if (event.key === 'Enter') return event.ctrlKey || event.metaKey ? 'copy' : 'insert';
  return undefined;
}
