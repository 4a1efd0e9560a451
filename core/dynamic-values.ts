/**
 * Placeholder defaults that stand for today: `{{日期|@今天}}` is filled with
 * the date the text is used on, in the forms the genre writes it. Only a
 * default that is exactly one of these tokens is dynamic; any other text
 * starting with @ is literal.
 */

export interface DynamicValue {
  token: string;
  /** What the value is, for the form's suggestions (Chinese; the UI shows the value itself too). */
  format: (today: Date) => string;
}

const HAN_DIGITS = '〇一二三四五六七八九';

/** 2026 → 二〇二六: a year is read digit by digit. */
function hanYear(year: number): string {
  return [...String(year)].map((d) => HAN_DIGITS[Number(d)]).join('');
}

/** A month or a day, 1–31: 十, 十二, 二十, 三十一. (Kept here, not taken from the .docx reader's number formats, so the popup stays small.) */
function hanCount(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? HAN_DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${ones > 0 ? HAN_DIGITS[ones] : ''}`;
}

export const DYNAMIC_VALUES: readonly DynamicValue[] = [
  { token: '@今天', format: (d) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` },
  {
    token: '@今天大写',
    format: (d) =>
      `${hanYear(d.getFullYear())}年${hanCount(d.getMonth() + 1)}月${hanCount(d.getDate())}日`,
  },
  { token: '@今年', format: (d) => String(d.getFullYear()) },
  { token: '@今年度', format: (d) => `${d.getFullYear()}年度` },
];

const BY_TOKEN = new Map(DYNAMIC_VALUES.map((value) => [value.token, value]));

export function isDynamicDefault(value: string | null | undefined): boolean {
  return value != null && BY_TOKEN.has(value.trim());
}

/** A default as it is filled in on `today` (local time): a token becomes its date, anything else stays. */
export function resolveDefault(value: string, today: Date = new Date()): string {
  const dynamic = BY_TOKEN.get(value.trim());
  return dynamic ? dynamic.format(today) : value;
}

/** Today's values in every form, for a date-like placeholder's suggestions. */
export function dynamicSuggestions(today: Date = new Date()): { token: string; value: string }[] {
  return DYNAMIC_VALUES.map((dynamic) => ({ token: dynamic.token, value: dynamic.format(today) }));
}

const DATE_NAME = /日期|时间|年度|年份|年月|落款日/;
const DATE_TEXT = /^(?:[\d×x]{2,4}|[〇一二三四五六七八九]{4})年(?:度|[\d×x]{1,2}月|[〇一二三四五六七八九十]{1,3}月)?/i;

/** A placeholder that holds a date or a year, by its name or its default: it is offered today's values. */
export function isDateLike(name: string, defaultValue: string): boolean {
  return isDynamicDefault(defaultValue) || DATE_NAME.test(name) || DATE_TEXT.test(defaultValue.trim()) || /^[\d×x]{4}$/i.test(defaultValue.trim());
}

/**
 * What a form shows first for a placeholder: a dynamic default as it reads
 * today (a date remembered from the last report is almost never the date of
 * this one), else the value the user gave last time, else the default.
 */
export function prefillValue(defaultValue: string, remembered: string | undefined, today: Date = new Date()): string {
  if (isDynamicDefault(defaultValue)) return resolveDefault(defaultValue, today);
  return remembered ?? defaultValue;
}
