/**
 * The outline of a collection, rebuilt from the entries' paths: the whole-report
 * template at the root, each section and item template under its parent, and
 * each phrase under the deepest template whose path it shares. A collection
 * of phrases without templates (the built-in phrase library) is grouped by
 * the phrases' own paths: 问题查摆 › 理论学习.
 */
import type { Entry } from './library';

export interface OutlineNode {
  /** The template this node inserts; null for a group of phrases that has none. */
  template: Entry | null;
  /** The template's title, or the group's last path step ('' for phrases with no path). */
  title: string;
  /** Unique within the outline. */
  key: string;
  children: OutlineNode[];
  phrases: Entry[];
}

export function buildOutline(entries: readonly Entry[]): OutlineNode[] {
  const byPath = new Map<string, OutlineNode>();
  const roots: OutlineNode[] = [];
  const key = (path: readonly string[]) => path.join('\u001f');
  for (const entry of entries) {
    if (entry.kind !== 'template') continue;
    const node: OutlineNode = { template: entry, title: entry.title, key: entry.id, children: [], phrases: [] };
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
  const top = roots.find((node) => node.template?.path.length === 0);
  if (top) top.phrases.push(...orphans);
  else for (const phrase of orphans) groupFor(byPath, roots, phrase.path, key).phrases.push(phrase);
  return roots;
}

/** The node for `path`, made as groups (under the deepest template there is) where none exists. */
function groupFor(byPath: Map<string, OutlineNode>, roots: OutlineNode[], path: readonly string[], key: (path: readonly string[]) => string): OutlineNode {
  const known = byPath.get(key(path));
  if (known) return known;
  const parent = path.length > 1 ? groupFor(byPath, roots, path.slice(0, -1), key) : undefined;
  const node: OutlineNode = { template: null, title: path[path.length - 1] ?? '', key: `group:${key(path)}`, children: [], phrases: [] };
  (parent ? parent.children : roots).push(node);
  byPath.set(key(path), node);
  return node;
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
