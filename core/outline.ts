/**
 * The outline of a collection, rebuilt from the entries' paths: the whole-report
 * template at the root, each section and item template under its parent, and
 * each phrase under the deepest template whose path it shares.
 */
import type { Entry } from './library';

export interface OutlineNode {
  template: Entry;
  children: OutlineNode[];
  phrases: Entry[];
}

export function buildOutline(entries: readonly Entry[]): OutlineNode[] {
  const byPath = new Map<string, OutlineNode>();
  const roots: OutlineNode[] = [];
  const key = (path: readonly string[]) => path.join('\u001f');
  for (const entry of entries) {
    if (entry.kind !== 'template') continue;
    const node: OutlineNode = { template: entry, children: [], phrases: [] };
    const parent = entry.path.length > 0 ? findParent(byPath, entry.path, key) : undefined;
    (parent ? parent.children : roots).push(node);
    if (!byPath.has(key(entry.path))) byPath.set(key(entry.path), node);
  }
  const orphans: Entry[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'snippet') continue;
    const owner = byPath.get(key(entry.path)) ?? findParent(byPath, entry.path, key);
    if (owner) owner.phrases.push(entry);
    else orphans.push(entry);
  }
  const top = roots[0];
  if (orphans.length > 0 && top) top.phrases.push(...orphans);
  return roots;
}

function findParent(
  byPath: Map<string, OutlineNode>,
  path: readonly string[],
  key: (path: readonly string[]) => string,
): OutlineNode | undefined {
  for (let n = path.length - 1; n >= 0; n--) {
    const node = byPath.get(key(path.slice(0, n)));
    if (node) return node;
  }
  return undefined;
}
