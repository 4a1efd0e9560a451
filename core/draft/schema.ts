/**
 * Checks a stored draft before the composer gets it. Storage can hold
 * anything (a damaged value, a value another program wrote), and the composer
 * walks the tree recursively, so the limits here are what keeps it from
 * freezing or overflowing its stack on such a value: it is refused and
 * reported instead. Pure: valibot schemas, no browser API.
 */
import * as v from 'valibot';
import { type Draft, type DraftNode, MAX_DRAFT_DEPTH } from './model';

/** Parts in one draft, at every level together; a long report has a few hundred. */
export const MAX_DRAFT_NODES = 2_000;
/** Characters in one node's heading or text, and in a title or 落款: a whole long report fits many times over. */
export const MAX_DRAFT_TEXT_LENGTH = 200_000;
/** Characters in the name the list of drafts shows (an input's maxlength should say the same). */
export const MAX_DRAFT_NAME_LENGTH = 200;
/** Characters in where a draft started from: a collection's name and an entry's title. */
export const MAX_DRAFT_SOURCE_LENGTH = 2_000;
/** Placeholder values in one draft. */
export const MAX_DRAFT_VALUES = 500;
export const MAX_VALUE_NAME_LENGTH = 200;
export const MAX_VALUE_LENGTH = 10_000;
/** A character target, for a part or the whole draft. */
export const MAX_DRAFT_TARGET = 1_000_000;
export const MAX_DRAFT_ID_LENGTH = 100;
/** Drafts in the stored list; far more than years of reports give. */
export const MAX_DRAFTS = 1_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_DRAFT_ID_LENGTH));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const target = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DRAFT_TARGET)));

/**
 * Whether the tree under `input.nodes` stays within the depth and node limits.
 * It runs on the value before the schema does, so the recursive schema never
 * descends further than MAX_DRAFT_DEPTH levels or past MAX_DRAFT_NODES nodes;
 * whatever else is wrong with the value is left for the schema to find.
 */
function treeWithinLimits(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return true;
  let count = 0;
  const within = (nodes: unknown, depth: number): boolean => {
    if (!Array.isArray(nodes) || nodes.length === 0) return true;
    if (depth > MAX_DRAFT_DEPTH) return false;
    count += nodes.length;
    if (count > MAX_DRAFT_NODES) return false;
    return nodes.every((node) => typeof node !== 'object' || node === null || within((node as { children?: unknown }).children, depth + 1));
  };
  return within((input as { nodes?: unknown }).nodes, 1);
}

/** Node ids are what the composer finds, moves and keys parts by: two alike would edit the wrong part. */
function nodeIdsUnique(draft: Draft): boolean {
  const seen = new Set<string>();
  const unique = (nodes: DraftNode[]): boolean =>
    nodes.every((node) => {
      if (seen.has(node.id)) return false;
      seen.add(node.id);
      return unique(node.children);
    });
  return unique(draft.nodes);
}

/** Only after treeWithinLimits: the recursion itself has no limit. */
const DraftNodeSchema: v.GenericSchema<DraftNode> = v.object({
  id,
  kind: v.picklist(['heading', 'text']),
  heading: text(MAX_DRAFT_TEXT_LENGTH),
  runIn: v.boolean(),
  text: text(MAX_DRAFT_TEXT_LENGTH),
  target,
  children: v.array(v.lazy(() => DraftNodeSchema)),
});

/** [name, value] pairs (see utils/stored.ts on why pairs), one per name: which of two would the draft fill in? */
const ValuesSchema = v.pipe(
  v.array(v.tuple([text(MAX_VALUE_NAME_LENGTH), text(MAX_VALUE_LENGTH)])),
  v.maxLength(MAX_DRAFT_VALUES),
  v.check((pairs) => new Set(pairs.map(([name]) => name)).size === pairs.length, 'placeholder names repeat'),
);

export const DraftSchema = v.pipe(
  v.unknown(),
  v.check(treeWithinLimits, `deeper than ${MAX_DRAFT_DEPTH} levels or more than ${MAX_DRAFT_NODES} parts`),
  v.object({
    id,
    name: text(MAX_DRAFT_NAME_LENGTH),
    title: text(MAX_DRAFT_TEXT_LENGTH),
    nodes: v.array(DraftNodeSchema),
    signature: text(MAX_DRAFT_TEXT_LENGTH),
    values: ValuesSchema,
    target,
    source: v.optional(text(MAX_DRAFT_SOURCE_LENGTH)),
    createdAt: time,
    updatedAt: time,
  }),
  v.check(nodeIdsUnique, 'part ids repeat'),
);

/** What the `drafts` key holds (utils/stored.ts): drafts are found by id, so each id once. */
export const DraftsSchema = v.object({
  drafts: v.pipe(
    v.array(DraftSchema),
    v.maxLength(MAX_DRAFTS),
    v.check((drafts) => new Set(drafts.map((d) => d.id)).size === drafts.length, 'draft ids repeat'),
  ),
});

// The schema and the model must describe the same value: a change to one that the other lacks fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<v.InferOutput<typeof DraftSchema>, Draft> = true;
void schemaMatchesModel;
