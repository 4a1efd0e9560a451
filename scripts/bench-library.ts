import type { Collection, Entry } from '../core/library';
import { readBuiltinCollection } from './builtin-library-plugin';

/** A large library for benchmarks: the built-in entries over and over, varied so no two are alike. */
export function bigLibrary(size: number): Entry[] {
  const base = readBuiltinCollection().entries;
  return Array.from({ length: size }, (_, i) => {
    const e = base[i % base.length]!;
    return { ...e, id: `${e.id}-${i}`, title: `${e.title}${i}`, body: `${e.body}（第${i}篇）` };
  });
}

/** The same entries as a user's collections of `perCollection` entries each, as storage holds them. */
export function bigUserLibrary(size: number, perCollection = 100): { collections: Collection[] } {
  const entries = bigLibrary(size);
  return {
    collections: Array.from({ length: Math.ceil(size / perCollection) }, (_, c) => ({
      id: `c-bench${c}`,
      name: `第${c + 1}份报告`,
      readOnly: false,
      createdAt: 0,
      updatedAt: 0,
      entries: entries.slice(c * perCollection, (c + 1) * perCollection).map((e) => ({ ...e, id: `c-bench${c}:${e.id.split(':')[1]}` })),
    })),
  };
}
