import { fnv1a } from './hash';
import { normalizeReportText } from './report-parser';

/**
 * The id of a collection imported from a report: derived from its paragraphs
 * as the parser sees them (markers, line endings and indentation removed), so
 * importing the same report twice — as .txt in any encoding or as .docx —
 * gives the same ids and is recognised as a duplicate.
 */
export function collectionIdFor(text: string): string {
  return `c-${fnv1a(normalizeReportText(text).join('\n'))}`;
}
