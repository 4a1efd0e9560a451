/**
 * The built-in collection: the seed report run through the same parser as a
 * user's own reports, with its personal specifics turned into placeholders by a
 * small reviewed mapping (data/seed-placeholders.json). Never typed by hand.
 */
import { type Collection, buildCollection } from './library';
import type { PlaceholderRule } from './placeholders';

export const BUILTIN_COLLECTION_ID = 'builtin';
export const BUILTIN_COLLECTION_NAME = '内置范文：个人党性分析报告';

export interface PlaceholderMapping {
  placeholders: PlaceholderRule[];
}

export function buildBuiltinCollection(seedText: string, mapping: PlaceholderMapping): Collection {
  for (const rule of mapping.placeholders) {
    if (!rule.name || /[{}|\n]/.test(rule.name) || /[{}\n]/.test(rule.text)) {
      throw new Error(`Placeholder mapping: "${rule.name}" has a name or text that cannot be a placeholder`);
    }
    if (!seedText.includes(rule.text)) {
      throw new Error(`Placeholder mapping: "${rule.text}" (${rule.name}) does not occur in the seed report`);
    }
  }
  return buildCollection(seedText, {
    collectionId: BUILTIN_COLLECTION_ID,
    name: BUILTIN_COLLECTION_NAME,
    readOnly: true,
    placeholders: mapping.placeholders,
  });
}
