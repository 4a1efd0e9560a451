/**
 * The tags the parser gives entries, in Chinese as the user sees them. Kept
 * apart from core/library.ts so the popup can read them without loading the parser.
 */
export const TAGS = {
  document: '全文',
  opening: '开头',
  section: '章节',
  item: '条目',
  closing: '结尾',
  signature: '落款',
  series: '排比',
  pair: '对仗',
  sentence: '句式',
} as const;

export type FramePart = 'opening' | 'closing' | 'signature';

const FRAME_PARTS: readonly FramePart[] = ['opening', 'closing', 'signature'];

/** Which part of a document's frame (开头, 结尾, 落款) an entry is, if any. */
export function framePartOf(entry: { tags: readonly string[] }): FramePart | null {
  return FRAME_PARTS.find((part) => entry.tags.includes(TAGS[part])) ?? null;
}
