/**
 * What the composer does to a draft's tree, as pure functions from one draft
 * to the next: the UI keeps the result and the store saves it. A move that
 * would put a part inside itself or deeper than the genre numbers is refused
 * (the draft comes back unchanged).
 */
import { listPlaceholders, type Placeholder } from '../placeholders';
import { type Draft, type DraftNode, MAX_DRAFT_DEPTH } from './model';

/** Where a part is: its parent (null for the top) and its index among the parent's children. */
export interface NodePlace {
  parentId: string | null;
  index: number;
}

export interface FoundNode {
  node: DraftNode;
  place: NodePlace;
  /** 1 at the top. */
  depth: number;
  siblings: readonly DraftNode[];
}

export function findNode(draft: Draft, id: string): FoundNode | undefined {
  const search = (list: readonly DraftNode[], parentId: string | null, depth: number): FoundNode | undefined => {
    for (let index = 0; index < list.length; index++) {
      const node = list[index]!;
      if (node.id === id) return { node, place: { parentId, index }, depth, siblings: list };
      const found = search(node.children, node.id, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(draft.nodes, null, 1);
}

/** Every part in reading order, with its depth. */
export function flattenNodes(nodes: readonly DraftNode[], depth = 1): { node: DraftNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenNodes(node.children, depth + 1)]);
}

/** How many levels a part and its children take: 1 for a part without children. */
export function subtreeHeight(node: DraftNode): number {
  return 1 + Math.max(0, ...node.children.map(subtreeHeight));
}

function mapChildren(nodes: readonly DraftNode[], parentId: string | null, change: (children: DraftNode[]) => DraftNode[]): DraftNode[] {
  if (parentId === null) return change([...nodes]);
  return nodes.map((node) =>
    node.id === parentId ? { ...node, children: change([...node.children]) } : { ...node, children: mapChildren(node.children, parentId, change) },
  );
}

function withNodes(draft: Draft, nodes: DraftNode[], now: number): Draft {
  return { ...draft, nodes, updatedAt: now };
}

export function updateNode(draft: Draft, id: string, patch: Partial<Omit<DraftNode, 'id' | 'children'>>, now: number): Draft {
  const change = (list: readonly DraftNode[]): DraftNode[] =>
    list.map((node) => (node.id === id ? { ...node, ...patch } : { ...node, children: change(node.children) }));
  return withNodes(draft, change(draft.nodes), now);
}

export interface RemovedNode {
  node: DraftNode;
  place: NodePlace;
}

export function removeNode(draft: Draft, id: string, now: number): { draft: Draft; removed?: RemovedNode } {
  const found = findNode(draft, id);
  if (!found) return { draft };
  const nodes = mapChildren(draft.nodes, found.place.parentId, (children) => children.filter((n) => n.id !== id));
  return { draft: withNodes(draft, nodes, now), removed: { node: found.node, place: found.place } };
}

/** Puts removed parts back where they were (or at the end of the top level if their parent has gone). */
export function restoreNode(draft: Draft, removed: RemovedNode, now: number): Draft {
  const parentGone = removed.place.parentId !== null && !findNode(draft, removed.place.parentId);
  return insertNodes(draft, [removed.node], parentGone ? { parentId: null, index: draft.nodes.length } : removed.place, now);
}

/** The depth a place puts its children at: 1 at the top. */
function placeDepth(draft: Draft, parentId: string | null): number | undefined {
  if (parentId === null) return 1;
  const parent = findNode(draft, parentId);
  return parent ? parent.depth + 1 : undefined;
}

export function canPlace(draft: Draft, nodes: readonly DraftNode[], parentId: string | null): boolean {
  const depth = placeDepth(draft, parentId);
  if (depth === undefined) return false;
  return nodes.every((node) => depth + subtreeHeight(node) - 1 <= MAX_DRAFT_DEPTH);
}

/** Inserts parts at a place; parts too deep for it go in flattened to the deepest level allowed. */
export function insertNodes(draft: Draft, nodes: readonly DraftNode[], at: NodePlace, now: number): Draft {
  const depth = placeDepth(draft, at.parentId);
  if (depth === undefined) return draft;
  const fitted = nodes.map((node) => fitDepth(node, depth));
  const inserted = mapChildren(draft.nodes, at.parentId, (children) => {
    const index = Math.max(0, Math.min(at.index, children.length));
    return [...children.slice(0, index), ...fitted, ...children.slice(index)];
  });
  return withNodes(draft, inserted, now);
}

/** A part placed at `depth`: children that would go past the last level join the text of their parent there. */
export function fitDepth(node: DraftNode, depth: number): DraftNode {
  if (depth >= MAX_DRAFT_DEPTH && node.children.length > 0) {
    const below = flattenNodes(node.children).map(({ node: child }) => [child.heading, child.text].filter((t) => t !== '').join(child.runIn ? '' : '\n'));
    return { ...node, text: [node.text, ...below].filter((t) => t !== '').join('\n'), children: [] };
  }
  return { ...node, children: node.children.map((child) => fitDepth(child, depth + 1)) };
}

/** Whether `id` is `ancestorId` or lies under it. */
function isWithin(draft: Draft, id: string | null, ancestorId: string): boolean {
  for (let current = id; current !== null; ) {
    if (current === ancestorId) return true;
    current = findNode(draft, current)?.place.parentId ?? null;
  }
  return false;
}

/**
 * Moves a part (with its children) to a place given as it is before the move.
 * Refused — the draft unchanged — into itself or past the last level.
 */
export function moveNode(draft: Draft, id: string, to: NodePlace, now: number): Draft {
  const found = findNode(draft, id);
  if (!found || isWithin(draft, to.parentId, id)) return draft;
  if (!canPlace(draft, [found.node], to.parentId)) return draft;
  const sameParent = found.place.parentId === to.parentId;
  const index = sameParent && to.index > found.place.index ? to.index - 1 : to.index;
  const { draft: without } = removeNode(draft, id, now);
  return insertNodes(without, [found.node], { parentId: to.parentId, index }, now);
}

/** One step up or down among its siblings. */
export function moveBy(draft: Draft, id: string, step: -1 | 1, now: number): Draft {
  const found = findNode(draft, id);
  if (!found) return draft;
  const index = found.place.index + step;
  if (index < 0 || index >= found.siblings.length) return draft;
  return moveNode(draft, id, { parentId: found.place.parentId, index: step > 0 ? index + 1 : index }, now);
}

/** One level deeper: the part becomes the last child of the sibling before it. */
export function indentNode(draft: Draft, id: string, now: number): Draft {
  const found = findNode(draft, id);
  const before = found && found.place.index > 0 ? found.siblings[found.place.index - 1] : undefined;
  if (!found || !before) return draft;
  return moveNode(draft, id, { parentId: before.id, index: before.children.length }, now);
}

/** One level up: the part follows its parent. */
export function outdentNode(draft: Draft, id: string, now: number): Draft {
  const found = findNode(draft, id);
  if (!found || found.place.parentId === null) return draft;
  const parent = findNode(draft, found.place.parentId)!;
  return moveNode(draft, id, { parentId: parent.place.parentId, index: parent.place.index + 1 }, now);
}

/** Every text of the draft that may hold placeholders, in reading order. */
export function draftTexts(draft: Draft): string[] {
  return [draft.title, ...flattenNodes(draft.nodes).flatMap(({ node }) => [node.heading, node.text]), draft.signature];
}

/** The placeholders of the whole draft, each once, in order of first appearance. */
export function draftPlaceholders(draft: Draft): Placeholder[] {
  return listPlaceholders(draftTexts(draft).join('\n'));
}

export function draftValues(draft: Draft): Record<string, string> {
  return Object.fromEntries(draft.values);
}

/** Sets the draft's values for its placeholders, keeping values for names the draft no longer uses. */
export function setDraftValues(draft: Draft, values: Record<string, string>, now: number): Draft {
  const merged = new Map(draft.values);
  for (const [name, value] of Object.entries(values)) merged.set(name, value);
  return { ...draft, values: [...merged], updatedAt: now };
}
