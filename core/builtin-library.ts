/**
 * The built-in collection: the seed report run through the same parser as a
 * user's own reports, with its personal specifics turned into placeholders by a
 * small reviewed mapping (data/seed-placeholders.json). Never typed by hand,
 * except the 落款 the seed lacks, which the mapping writes out.
 */
import { BUILTIN_COLLECTION_ID } from './builtin-ids';
import { fnv1a } from './hash';
import { type Collection, type Entry, buildCollection } from './library';
import { type PlaceholderRule, listPlaceholders, renderBody } from './placeholders';
import { FRAME_TITLES } from './report-parser';
import { TAGS } from './tags';

export { BUILTIN_COLLECTION_ID } from './builtin-ids';
export const BUILTIN_COLLECTION_NAME = '内置范文：个人党性分析报告';

export interface PlaceholderMapping {
  placeholders: PlaceholderRule[];
  /** The 落款 (unit; position and name; date) as body lines, for the seed, which ends without one. */
  signature?: string[];
}

export function buildBuiltinCollection(seedText: string, mapping: PlaceholderMapping): Collection {
  for (const rule of mapping.placeholders) {
    if (!rule.name || /[{}|\n]/.test(rule.name) || /[{}\n]/.test(rule.text)) {
      throw new Error(`Placeholder mapping: "${rule.name}" has a name or text that cannot be a placeholder`);
    }
    for (const words of [rule.text, ...(rule.contexts ?? [])]) {
      if (!seedText.includes(words)) {
        throw new Error(`Placeholder mapping: "${words}" (${rule.name}) does not occur in the seed report`);
      }
    }
  }
  const collection = buildCollection(seedText, {
    collectionId: BUILTIN_COLLECTION_ID,
    name: BUILTIN_COLLECTION_NAME,
    readOnly: true,
    placeholders: mapping.placeholders,
  });
  if (mapping.signature) addSignature(collection.entries, mapping.signature);
  return collection;
}

/**
 * The 落款 template, titled, placed and tagged as the parser's 落款 of a user's
 * report, after the report's own templates. Its id follows the parser's
 * scheme (collection, path, text with defaults), so it stays the same while
 * the mapping does.
 */
/** The day a template's dated defaults are rendered on for its id: the day of the last build whose id varied, so its favourites keep. */
const ID_DAY = new Date(2026, 11, 2);

function addSignature(entries: Entry[], lines: readonly string[]) {
  const body = lines.join('\n');
  if (lines.some((line) => /\n/.test(line)) || renderBody(body).includes('{{') || listPlaceholders(body).length === 0) {
    throw new Error('Placeholder mapping: the signature must be lines of text with placeholders');
  }
  const path = [FRAME_TITLES.signature];
  // Rendered on one fixed day: a date default (@今天) must not give the entry a new id every day,
  // which would drop it from the user's favourites and recent uses.
  const id = `${BUILTIN_COLLECTION_ID}:t-${fnv1a(`${path.join('\u001f')}\u001e${renderBody(body, {}, ID_DAY)}`)}`;
  if (entries.some((entry) => entry.id === id)) throw new Error(`Placeholder mapping: the signature's id ${id} is taken`);
  const firstSnippet = entries.findIndex((entry) => entry.kind === 'snippet');
  const signature: Entry = { id, kind: 'template', title: FRAME_TITLES.signature, body, path, tags: [TAGS.signature] };
  entries.splice(firstSnippet < 0 ? entries.length : firstSnippet, 0, signature);
}
