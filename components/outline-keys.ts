/**
 * The outline's keyboard, as pure functions over the rows it shows: which row
 * a key moves to, and when it opens, closes or activates one instead (the
 * WAI-ARIA tree view pattern). Unit-tested in test/unit/outline-keys.test.ts.
 */
import type { Entry } from '../core/library';
import type { OutlineNode } from '../core/outline';

export interface TreeRow {
  key: string;
  /** What Enter inserts: the node's template or the phrase; null for a group of phrases. */
  entry: Entry | null;
  /** The index of the row's parent in the list, -1 at the top. */
  parent: number;
  expandable: boolean;
  open: boolean;
}

export type TreeKeyAction = { type: 'move'; to: number } | { type: 'toggle' } | { type: 'activate' };

/** A phrase's row key: a phrase may share its id's text with no node, but keys must be unique in the tree. */
export const phraseKey = (phrase: Entry) => `phrase:${phrase.id}`;

/** Sections and their items start open; a group of phrases starts closed (the phrase library has hundreds). */
export function defaultOpen(node: OutlineNode, level: number): boolean {
  return node.template ? level < 2 : false;
}

/** The rows shown, in the order they are on screen: a node, then (when open) its phrases, then its children. */
export function visibleRows(nodes: readonly OutlineNode[], isOpen: (node: OutlineNode, level: number) => boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  const add = (node: OutlineNode, level: number, parent: number) => {
    const expandable = node.children.length > 0 || node.phrases.length > 0;
    const open = expandable && isOpen(node, level);
    const at = rows.push({ key: node.key, entry: node.template, parent, expandable, open }) - 1;
    if (!open) return;
    for (const phrase of node.phrases) rows.push({ key: phraseKey(phrase), entry: phrase, parent: at, expandable: false, open: false });
    for (const child of node.children) add(child, level + 1, at);
  };
  for (const node of nodes) add(node, 0, -1);
  return rows;
}

export function treeKeyAction(rows: readonly TreeRow[], at: number, key: string): TreeKeyAction | null {
  const row = rows[at];
  if (!row) return null;
  switch (key) {
    case 'ArrowDown':
      return at + 1 < rows.length ? { type: 'move', to: at + 1 } : null;
    case 'ArrowUp':
      return at > 0 ? { type: 'move', to: at - 1 } : null;
    case 'Home':
      return { type: 'move', to: 0 };
    case 'End':
      return { type: 'move', to: rows.length - 1 };
    case 'ArrowRight':
      if (!row.expandable) return null;
      return row.open ? { type: 'move', to: at + 1 } : { type: 'toggle' };
    case 'ArrowLeft':
      if (row.open) return { type: 'toggle' };
      return row.parent >= 0 ? { type: 'move', to: row.parent } : null;
    case 'Enter':
    case ' ':
      return { type: 'activate' };
    default:
      return null;
  }
}
