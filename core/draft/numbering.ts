/**
 * The numbers of a draft's headings, rebuilt from where each stands: 一、 at
 * the top, （一） under it, then 1. and （1）, as GB/T 9704 orders them.
 */
import { formatListNumber } from '../docx/number-format';
import type { DocParagraphKind } from './document';

const HEADING_KINDS: readonly DocParagraphKind[] = ['heading1', 'heading2', 'heading3', 'heading4'];

/** The number written before the heading at `depth` (1-based) with `ordinal` (1-based) among its numbered siblings. */
export function headingNumber(depth: number, ordinal: number): string {
  const cn = formatListNumber(ordinal, 'chineseCounting');
  switch (depth) {
    case 1:
      return `${cn}、`;
    case 2:
      return `（${cn}）`;
    case 3:
      return `${ordinal}.`;
    default:
      return `（${ordinal}）`;
  }
}

export function headingKind(depth: number): DocParagraphKind {
  return HEADING_KINDS[Math.min(depth, HEADING_KINDS.length) - 1]!;
}
