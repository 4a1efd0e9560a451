/**
 * Vite plugin: `import builtin from 'virtual:bixia-builtin-library'` gives the
 * built-in collection, generated from data/seed-report.txt by the parser when
 * the extension is built, so pages ship ready-made JSON and parse nothing at run time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildBuiltinCollection, type PlaceholderMapping } from '../core/builtin-library';

const VIRTUAL_ID = 'virtual:bixia-builtin-library';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const SEED = fileURLToPath(new URL('../data/seed-report.txt', import.meta.url));
const MAPPING = fileURLToPath(new URL('../data/seed-placeholders.json', import.meta.url));

export function readBuiltinCollection() {
  const mapping = JSON.parse(readFileSync(MAPPING, 'utf8')) as PlaceholderMapping;
  return buildBuiltinCollection(readFileSync(SEED, 'utf8'), mapping);
}

export function builtinLibraryPlugin(): Plugin {
  return {
    name: 'bixia-builtin-library',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(SEED);
      this.addWatchFile(MAPPING);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(readBuiltinCollection()))});`;
    },
  };
}
