/**
 * The specifics of one report — its unit and the unit's short forms, the
 * meeting or course it was written for, years and dates, places, the writer's
 * name and position — found in its text and proposed as placeholders, so an
 * imported report becomes a template another year or another writer can fill.
 */

export type SpecificKind = 'unit' | 'unit-short' | 'meeting' | 'course' | 'year' | 'date' | 'place' | 'person' | 'position';

export interface PlaceholderProposal {
  /** The placeholder's proposed name, in Chinese (单位全称, 单位简称, 会议名称, 年度, 日期, 姓名, 职务, …); unique in one list. */
  name: string;
  /** The exact words in the report it stands for; the placeholder's default. */
  text: string;
  kind: SpecificKind;
  /** How often `text` occurs in the report, outside longer proposals' words. */
  count: number;
}

/**
 * Proposed placeholders for a report's paragraphs, one per distinct value,
 * in order of first occurrence.
 */
export function proposePlaceholders(paragraphs: readonly string[]): PlaceholderProposal[] {
  void paragraphs;
  return [];
}
