import { i18n } from '#i18n';
import { isBuiltinCollectionId } from '../core/builtin-ids';
import type { Collection } from '../core/library';

/** Bixia's own collections by their short names in the page's language. */
const BUILTIN_LABELS: Record<string, () => string> = {
  builtin: () => i18n.t('builtinCollection'),
  'builtin-phrases': () => i18n.t('builtinPhrases'),
  'builtin-dangxing': () => i18n.t('builtinFrameDangxing'),
  'builtin-duizhao': () => i18n.t('builtinFrameDuizhao'),
  'builtin-fayan': () => i18n.t('builtinFrameFayan'),
  'builtin-jianshi': () => i18n.t('builtinFrameJianshi'),
  'builtin-piping': () => i18n.t('builtinFramePiping'),
};

/** The name a collection is shown by: a built-in one's short name, a user's own as they named it. */
export function collectionLabel(collection: Pick<Collection, 'id' | 'name'>): string {
  return Object.hasOwn(BUILTIN_LABELS, collection.id) ? BUILTIN_LABELS[collection.id]!() : collection.name;
}

/**
 * Where each entry comes from, as a result row shows it: 内置 for Bixia's own collections, the
 * user's collection by its name. Entry ids are `<collection id>:<rest>`.
 */
export function entrySources(collections: readonly Pick<Collection, 'id' | 'name'>[]): (entry: { id: string }) => string {
  const labels = new Map(collections.map((c) => [c.id, isBuiltinCollectionId(c.id) ? i18n.t('sourceBuiltin') : c.name]));
  return (entry) => labels.get(entry.id.slice(0, entry.id.indexOf(':'))) ?? '';
}
