/** Years and dates, and the history a report cites, which is none of its specifics. */
import type { Candidate, Candidates } from './candidates';
import { CN_DIGIT, CN_NUMBER, MONTH_DAY, YEAR, isDigit } from './vocabulary';

const RANGE_SEP = '(?:至|到|—|–|~|～|-)';
/** Dates before years: in one alternation, a date's year is never taken alone. */
const TIME_RE = new RegExp(
  `(?<date>${[
    `${YEAR}\\s*${MONTH_DAY}(?:\\s*${RANGE_SEP}\\s*(?:${YEAR}\\s*)?${MONTH_DAY})?`,
    `${CN_DIGIT}{4}年${CN_NUMBER}月(?:${CN_NUMBER}日)?`,
    `${YEAR}(?:上半年|下半年|第?[一二三四]季度|全年)`,
    `(?:今年|去年|上年|本年|当年)${MONTH_DAY}`,
  ].join('|')})|(?<year>${YEAR}度?|${CN_DIGIT}{4}年度?)`,
  'g',
);

export function findTimes(text: string, found: Candidates, signatureDates: ReadonlySet<string>) {
  for (const m of text.matchAll(TIME_RE)) {
    if (isDigit(text[m.index - 1] ?? '')) continue;
    if (m.groups!.year !== undefined) {
      found.add({ text: m[0], kind: 'year', name: m[0].endsWith('度') ? '年度' : '年份', keepInside: true });
    } else {
      found.add({ text: m[0], kind: 'date', name: signatureDates.has(m[0]) ? '日期' : '时间' });
    }
  }
}

/**
 * The years a report cites from history (1921年, 2012年以来, 2021年7月1日) are
 * none of its specifics: only its own year, the latest it names, and the one
 * before (2025年 in a report on 2026) are.
 */
export function withoutHistory(candidates: readonly Candidate[]): Candidate[] {
  const yearOf = (c: Candidate) => (c.kind === 'year' || c.kind === 'date' ? yearValue(c.text) : null);
  const years = candidates.map(yearOf).filter((y): y is number => y !== null);
  if (years.length === 0) return [...candidates];
  const latest = Math.max(...years);
  return candidates.filter((c) => (yearOf(c) ?? latest) >= latest - 1);
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** The year a date or year starts with, in Arabic or Chinese numerals; null for 今年9月. */
function yearValue(text: string): number | null {
  const digits = text.match(/^[0-9０-９〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)/)?.[0];
  // 20XX年: a year left to fill is the report's own.
  if (!digits) return null;
  return Number(
    [...digits]
      .map((ch) => (isDigit(ch) ? String((ch.codePointAt(0)! - (ch >= '０' ? 0xff10 : 0x30))) : String(Math.max(0, CHINESE_DIGITS.indexOf(ch)))))
      .join(''),
  );
}
