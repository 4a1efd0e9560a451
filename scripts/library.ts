/**
 * npm run library: prints every built-in collection (the model report's, the
 * phrase library, the document frameworks) as one library document, in the
 * format `npm run parse` prints, so the content can be read, checked and
 * compared outside the browser. The same checks as the build run first; a
 * problem goes to stderr with a non-zero exit.
 *
 *   npm run library                  the whole document
 *   npm run library -- --summary     one line per collection, then entries by path
 */
import { libraryDocument } from '../core/library';
import { readBuiltinLibrary } from './builtin-library-plugin';

const args = process.argv.slice(2);
if (args.some((a) => a !== '--summary')) {
  process.stderr.write('用法 Usage: npm run library [-- --summary]\n');
  process.exit(1);
}

let library;
try {
  library = readBuiltinLibrary();
} catch (error) {
  process.stderr.write(`笔匣 bixia: ${(error as Error).message}\n`);
  process.exit(1);
}

if (args.includes('--summary')) {
  for (const c of library.collections) {
    const shown = library.shownByDefault[c.id] ? 'shown' : 'hidden';
    process.stdout.write(`${c.id}\t${c.name}\t${c.entries.length} entries\t${shown} by default\n`);
    const byPath = new Map<string, number>();
    for (const e of c.entries) {
      const key = `${e.kind}\t${e.path.slice(0, 2).join(' › ') || '(whole)'}`;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    }
    for (const [key, n] of byPath) process.stdout.write(`  ${n}\t${key}\n`);
  }
} else {
  process.stdout.write(`${JSON.stringify(libraryDocument(library.collections), null, 2)}\n`);
}
