import { fnv1a } from './hash';

/**
 * The id of a collection imported from a report: derived from its text, so
 * importing the same report twice gives the same ids (and is seen as a duplicate).
 */
export function collectionIdFor(text: string): string {
  return `c-${fnv1a(text)}`;
}
