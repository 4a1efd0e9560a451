/**
 * Vite plugin: Bixia's own collections, made when the extension is built, so
 * pages ship ready-made JSON and parse nothing at run time.
 *
 * `virtual:bixia-builtin-library`, small, in every page's first chunk:
 * - default export: the model report's collection, generated from
 *   data/seed-report.txt by the parser with its placeholder mapping;
 * - `builtinInfo`: every built-in collection's id, name, size and whether it
 *   shows before the user chooses, in the order they are listed.
 *
 * `virtual:bixia-builtin-extra`, imported dynamically so that it is a chunk of
 * its own, loaded after the popup's first screen:
 * - `collections`: the data files listed in data/builtin/collections.json,
 *   each checked by core/builtin-check.ts (the build stops, naming the file
 *   and entry, on any problem).
 *
 * `virtual:bixia-builtin-pinyin`, imported dynamically by the search when it
 * builds its index: the pinyin readings of every built-in collection's
 * titles, section names, tags and placeholder names (core/pinyin.ts), read
 * here so that no page carries pinyin-pro.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildBuiltinCollection, type PlaceholderMapping } from '../core/builtin-library';
import { checkBuiltinDocument } from '../core/builtin-check';
import type { Collection } from '../core/library';
import { pinyinTable } from '../core/pinyin';
import { searchTexts } from '../core/search';

const VIRTUAL_ID = 'virtual:bixia-builtin-library';
const EXTRA_ID = 'virtual:bixia-builtin-extra';
const PINYIN_ID = 'virtual:bixia-builtin-pinyin';
const RESOLVED = new Map([VIRTUAL_ID, EXTRA_ID, PINYIN_ID].map((id) => [`\0${id}`, id]));
const dataFile = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
const SEED = dataFile('seed-report.txt');
const MAPPING = dataFile('seed-placeholders.json');
const LIST = dataFile('builtin/collections.json');

interface ListedCollection {
  id: string;
  file: string;
  shownByDefault: boolean;
}

export function readBuiltinCollection(): Collection {
  const mapping = JSON.parse(readFileSync(MAPPING, 'utf8')) as PlaceholderMapping;
  return buildBuiltinCollection(readFileSync(SEED, 'utf8'), mapping);
}

function readList(): ListedCollection[] {
  const list = JSON.parse(readFileSync(LIST, 'utf8')) as { collections?: ListedCollection[] };
  if (!Array.isArray(list.collections)) throw new Error('data/builtin/collections.json: "collections" must be a list');
  return list.collections;
}

export interface BuiltinLibrary {
  collections: Collection[];
  shownByDefault: Record<string, boolean>;
  files: string[];
}

/** Every built-in collection, checked; throws with every problem found, by file and entry. */
export function readBuiltinLibrary(): BuiltinLibrary {
  const seed = readBuiltinCollection();
  const collections = [seed];
  const shownByDefault: Record<string, boolean> = { [seed.id]: true };
  const files = [SEED, MAPPING, LIST];
  const problems: string[] = [];
  for (const listed of readList()) {
    const path = dataFile(`builtin/${listed.file}`);
    files.push(path);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`data/builtin/${listed.file}: ${(error as Error).message}`);
      continue;
    }
    const checked = checkBuiltinDocument(raw, listed.id);
    for (const p of checked.problems) problems.push(`data/builtin/${listed.file}${p.entry ? ` ${p.entry}` : ''}: ${p.message}`);
    if (checked.collection) {
      if (shownByDefault[listed.id] !== undefined) problems.push(`data/builtin/collections.json: "${listed.id}" is listed twice`);
      collections.push(checked.collection);
      shownByDefault[listed.id] = listed.shownByDefault === true;
    }
  }
  const ids = new Set<string>();
  for (const entry of collections.flatMap((c) => c.entries)) {
    if (ids.has(entry.id)) problems.push(`entry id ${entry.id} occurs twice`);
    ids.add(entry.id);
  }
  if (problems.length) throw new Error(`The built-in library has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return { collections, shownByDefault, files };
}

/** The source of one of the virtual modules, and the files it is made from. */
export function builtinModuleSource(which: string): { code: string; files: string[] } {
  const library = readBuiltinLibrary();
  const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  const [seed, ...extra] = library.collections;
  if (which === EXTRA_ID) return { code: `export const collections = ${json(extra)};`, files: library.files };
  // Read here, at build time: the pages get the readings as data, never pinyin-pro.
  if (which === PINYIN_ID) return { code: `export default ${json(pinyinTable(library.collections.flatMap((c) => c.entries.flatMap(searchTexts))))};`, files: library.files };
  const info = library.collections.map((c) => ({
    id: c.id,
    name: c.name,
    templates: c.entries.filter((e) => e.kind === 'template').length,
    snippets: c.entries.filter((e) => e.kind === 'snippet').length,
    shownByDefault: library.shownByDefault[c.id] === true,
  }));
  return { code: [`export default ${json(seed)};`, `export const builtinInfo = ${json(info)};`].join('\n'), files: library.files };
}

export function builtinLibraryPlugin(): Plugin {
  return {
    name: 'bixia-builtin-library',
    resolveId: (id) => (RESOLVED.has(`\0${id}`) ? `\0${id}` : undefined),
    load(id) {
      const which = RESOLVED.get(id);
      if (!which) return undefined;
      const { code, files } = builtinModuleSource(which);
      for (const file of files) this.addWatchFile(file);
      return code;
    },
  };
}
