/**
 * A draft report in the composer: a title, a tree of parts and a 落款, with
 * the values of its placeholders. Pure data, stored as it is (utils/drafts.ts)
 * and rendered by render.ts; nothing here touches a browser API.
 *
 * The tree holds headings without their numbers: the number of a heading is
 * where it stands (一、 at the top, （一） under it, then 1. and （1）), so moving
 * a part renumbers the whole draft, whatever numbering its source had.
 */

export type DraftNodeKind =
  /**
   * A numbered heading with its own text and children. A source's group label
   * (主观上：) becomes one too, （一）主观上, so that the numbered items under it
   * stay under it when the document is read again.
   */
  | 'heading'
  /** Paragraphs without a heading: an opening, a closing, an intro. */
  | 'text';

export interface DraftNode {
  /** Unique within the draft. */
  id: string;
  kind: DraftNodeKind;
  /** The heading's words with the punctuation that ends them, no number ('' for text). */
  heading: string;
  /** The heading and the first paragraph of its text share one paragraph ("（一）……。近年来……"). */
  runIn: boolean;
  /** The node's own paragraphs, '\n' between them, with `{{名称|默认值}}` placeholders. */
  text: string;
  /** Characters the user aims for in this part (Chinese counting); absent when none is set. */
  target?: number;
  children: DraftNode[];
}

export interface Draft {
  id: string;
  /** What the list of drafts shows; the title until the user renames it. */
  name: string;
  /** The document's title line ('' for none). */
  title: string;
  nodes: DraftNode[];
  /** The 落款: its lines, '\n' between them, the date last ('' for none). */
  signature: string;
  /** The user's values for the draft's placeholders, as [name, value] pairs (see stored.ts on why pairs). */
  values: [string, string][];
  /** Characters the user aims for in the whole draft; absent when none is set. */
  target?: number;
  /** Where the draft started: the template's collection and title, or absent for an empty start. */
  source?: string;
  createdAt: number;
  updatedAt: number;
}

/** How deep the tree goes: 一、 （一） 1. （1）. */
export const MAX_DRAFT_DEPTH = 4;
