/**
 * The checks every built-in data file (data/builtin/*.json) passes before it
 * ships: the build runs them and stops on any problem, and the unit tests run
 * them again. A built-in file is a library document in the user's format
 * holding one read-only collection; on top of the schema, its text must be
 * usable as it stands (every placeholder has a default), findable (every
 * phrase carries its function, 方面 and shape) and consistent (a framework's
 * whole document is its parts in order). Rules for the wording itself, which
 * no machine checks: docs/builtin-library.md.
 */
import { BUILTIN_COLLECTION_ID, isBuiltinCollectionId } from './builtin-ids';
import type { Collection, Entry } from './library';
import { checkLibraryValue } from './library-schema';
import { placeholderUses, renderBody, renderPlaceholders } from './placeholders';
import { TAGS } from './tags';

/** What a phrase is for, in the order lists group them. */
export const PHRASE_FUNCTIONS = ['开头', '学习体会', '问题查摆', '原因剖析', '整改措施', '表态与结尾'] as const;
/** The shape of a phrase: a series, a pair, a set sentence, a frame with a blank to fill. */
export const PHRASE_SHAPES = [TAGS.series, TAGS.pair, TAGS.sentence, '框架'] as const;
const FRAME_SHAPE = '框架';
const PART_TAGS: readonly string[] = [TAGS.document, TAGS.opening, TAGS.section, TAGS.item, TAGS.closing, TAGS.signature];

export interface BuiltinProblem {
  /** The entry at fault, or none for the file as a whole. */
  entry?: string;
  message: string;
}

/** How a frame is titled: its text with every blank as `……`. */
export function frameTitle(body: string): string {
  return renderPlaceholders(body, () => '……');
}

/** Text compared for duplicates: what gets inserted, without spacing and punctuation. */
export function duplicateKey(entry: Entry): string {
  return renderBody(entry.body).replace(/[\s，。、；：！？“”‘’（）《》,.;:!?()]/g, '');
}

export function checkBuiltinDocument(raw: unknown, expectedId: string): { collection?: Collection; problems: BuiltinProblem[] } {
  const checked = checkLibraryValue(raw);
  if (!checked.ok) return { problems: [{ message: `not a valid library document: ${JSON.stringify(checked.error)}` }] };
  const { collections } = checked.document;
  if (collections.length !== 1) return { problems: [{ message: `holds ${collections.length} collections; a built-in file holds exactly one` }] };
  const collection = collections[0]!;
  const problems: BuiltinProblem[] = [];
  const fail = (message: string, entry?: Entry) => problems.push(entry ? { entry: entry.id, message } : { message });
  if (collection.id !== expectedId) fail(`collection id is "${collection.id}", the list of built-in files says "${expectedId}"`);
  if (!isBuiltinCollectionId(collection.id) || collection.id === BUILTIN_COLLECTION_ID) fail('a built-in file\'s collection id must be "builtin-<name>"');
  if (!collection.readOnly) fail('a built-in collection must be readOnly');
  if (collection.entries.length === 0) fail('the collection has no entries');

  const seen = new Map<string, string>();
  for (const entry of collection.entries) {
    if (!entry.id.startsWith(`${collection.id}:`)) fail(`id must start with "${collection.id}:"`, entry);
    if (!entry.title.trim()) fail('empty title', entry);
    if (!entry.body.trim()) fail('empty body', entry);
    for (const use of placeholderUses(entry.body)) {
      if (!use.defaultValue?.trim()) fail(`placeholder "${use.name}" has no default`, entry);
    }
    if (renderBody(entry.body).includes('{{')) fail('a "{{" that is no placeholder', entry);
    if (/[ \t]$|^[ \t]/m.test(entry.body)) fail('spaces at the start or end of a line', entry);
    const key = duplicateKey(entry);
    const twin = seen.get(key);
    if (twin) fail(`says the same as ${twin}`, entry);
    else seen.set(key, entry.id);
    if (entry.kind === 'snippet') checkPhrase(entry, fail);
    else if (!entry.tags.some((tag) => PART_TAGS.includes(tag))) fail(`a template is tagged as a part: ${PART_TAGS.join(', ')}`, entry);
  }
  checkWhole(collection, fail);
  return { collection, problems };
}

function checkPhrase(entry: Entry, fail: (message: string, entry?: Entry) => void) {
  const [fn, aspect] = entry.path;
  if (!fn || !(PHRASE_FUNCTIONS as readonly string[]).includes(fn)) fail(`path must start with a function: ${PHRASE_FUNCTIONS.join(', ')}`, entry);
  if (entry.path.length > 2) fail('a phrase\'s path is [function] or [function, 方面]', entry);
  if (entry.tags[0] !== fn) fail('the first tag must be the function', entry);
  if (aspect && entry.tags[1] !== aspect) fail('the second tag must be the 方面', entry);
  const shapes = entry.tags.filter((tag) => (PHRASE_SHAPES as readonly string[]).includes(tag));
  if (shapes.length !== 1) fail(`exactly one shape tag: ${PHRASE_SHAPES.join(', ')}`, entry);
  const frame = shapes[0] === FRAME_SHAPE;
  const slots = placeholderUses(entry.body).length;
  if (frame && slots === 0) fail('a 框架 has a blank (a placeholder)', entry);
  if (!frame && slots > 0) fail('a phrase with a placeholder is a 框架', entry);
  const title = frame ? frameTitle(entry.body) : entry.body;
  if (entry.title !== title) fail(`title must be "${title}"`, entry);
  if (entry.body.includes('\n')) fail('a phrase is one line', entry);
}

/** A framework's whole document is its title line and its top-level parts, in order; a section is its heading and its items. */
function checkWhole(collection: Collection, fail: (message: string, entry?: Entry) => void) {
  const templates = collection.entries.filter((e) => e.kind === 'template');
  const whole = templates.filter((e) => e.path.length === 0);
  if (whole.length === 0) return;
  if (whole.length > 1) fail('more than one whole document');
  const doc = whole[0]!;
  const top = templates.filter((e) => e.path.length === 1);
  const firstLine = doc.body.split('\n')[0]!;
  const expected = [firstLine, ...top.map((e) => e.body)].join('\n');
  if (doc.body !== expected) fail('the whole document is not its title line and its parts in order', doc);
  for (const section of top) {
    const items = templates.filter((e) => e.path.length === 2 && e.path[0] === section.path[0]);
    if (items.length === 0) continue;
    const heading = section.body.split('\n')[0]!;
    if (section.body !== [heading, ...items.map((e) => e.body)].join('\n')) fail('the section is not its heading and its items in order', section);
  }
}
