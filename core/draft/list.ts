/**
 * Changes to the list of drafts, as pure functions: utils/drafts.ts applies
 * them to the list as stored at that moment, under the key's lock, so a
 * change made in another page meanwhile is kept. The list keeps its own order
 * (a new draft goes first); how the UI sorts it is the UI's business.
 */
import type { Draft, DraftNode } from './model';

export class DraftListError extends Error {
  constructor(
    /** no-draft: no draft has the id; exists: a new draft's id is taken. */
    readonly code: 'no-draft' | 'exists',
    readonly id: string,
  ) {
    super(`draft list: ${code} ${id}`);
    this.name = 'DraftListError';
  }
}

/** A deleted draft and where it stood, so an undo puts it back there. */
export interface RemovedDraft {
  draft: Draft;
  index: number;
}

function indexOf(list: readonly Draft[], id: string): number {
  const index = list.findIndex((d) => d.id === id);
  if (index < 0) throw new DraftListError('no-draft', id);
  return index;
}

/** The list with `draft` in place of the one with its id, or first when there is none. */
export function upsertDraft(list: readonly Draft[], draft: Draft): Draft[] {
  const index = list.findIndex((d) => d.id === draft.id);
  if (index < 0) return [draft, ...list];
  return list.map((d, i) => (i === index ? draft : d));
}

/** Removing a draft that is not there (deleted in another page) removes nothing: the user's wish holds. */
export function removeDraft(list: readonly Draft[], id: string): { list: Draft[]; removed?: RemovedDraft } {
  const index = list.findIndex((d) => d.id === id);
  if (index < 0) return { list: [...list] };
  return { list: list.filter((_, i) => i !== index), removed: { draft: list[index]!, index } };
}

/**
 * Puts a removed draft back where it stood (or last, when the list has
 * shrunk since). A draft with its id already there wins: it is newer than the
 * copy the undo holds.
 */
export function restoreDraft(list: readonly Draft[], removed: RemovedDraft): Draft[] {
  if (list.some((d) => d.id === removed.draft.id)) return [...list];
  const index = Math.min(Math.max(removed.index, 0), list.length);
  return [...list.slice(0, index), removed.draft, ...list.slice(index)];
}

function copyNode(node: DraftNode): DraftNode {
  return { ...node, children: node.children.map(copyNode) };
}

/**
 * A copy of the draft right after it, sharing nothing with it: a new id and
 * dates, the name `copyName` gives. Node ids stay, as they only need to be
 * unique within one draft.
 */
export function duplicateDraft(
  list: readonly Draft[],
  id: string,
  newId: string,
  now: number,
  copyName: (name: string) => string,
): { list: Draft[]; draft: Draft } {
  const index = indexOf(list, id);
  if (list.some((d) => d.id === newId)) throw new DraftListError('exists', newId);
  const original = list[index]!;
  const draft: Draft = {
    ...original,
    id: newId,
    name: copyName(original.name),
    nodes: original.nodes.map(copyNode),
    values: original.values.map(([name, value]) => [name, value]),
    createdAt: now,
    updatedAt: now,
  };
  return { list: [...list.slice(0, index + 1), draft, ...list.slice(index + 1)], draft };
}

export function renameDraft(list: readonly Draft[], id: string, name: string, now: number): Draft[] {
  const index = indexOf(list, id);
  return list.map((d, i) => (i === index ? { ...d, name, updatedAt: now } : d));
}
