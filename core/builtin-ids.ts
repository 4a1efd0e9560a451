/**
 * Which collections and entries are Bixia's own. The model report's collection
 * is `builtin`; every other built-in collection is `builtin-<name>`, and the
 * whole `builtin-` namespace is reserved, so no user collection (an import, a
 * backup) can take one of these ids. Kept apart from the parser so the popup
 * can ask without loading it.
 */
export const BUILTIN_COLLECTION_ID = 'builtin';

export function isBuiltinCollectionId(id: string): boolean {
  return id === BUILTIN_COLLECTION_ID || id.startsWith(`${BUILTIN_COLLECTION_ID}-`);
}

/** Entry ids are `<collection id>:<rest>`. */
export function isBuiltinEntryId(id: string): boolean {
  const colon = id.indexOf(':');
  return colon > 0 && isBuiltinCollectionId(id.slice(0, colon));
}

/** What the settings show of a built-in collection, without loading its entries. */
export interface BuiltinInfo {
  id: string;
  name: string;
  templates: number;
  snippets: number;
  shownByDefault: boolean;
}
