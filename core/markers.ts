/**
 * Numbering markers (一、 （一） 1. 一是 首先 主观上：…) at the start of a piece of text.
 *
 * The numbering conventions of Chinese official documents (党政机关公文格式, GB/T 9704)
 * and the paragraph leads of speeches and reports, recognised at the start of a
 * piece of text.
 *
 * "Strict" families form the canonical hierarchy 一、 > （一） > 1. > （1） > ①: a
 * member of a more major family closes any open member of a less major one.
 * "Flexible" families (第一，, group labels such as 主观上：, and the paragraph leads
 * 一是 / 一要 / 首先) nest wherever they first appear.
 */

export type Family =
  | 'part' // 第一部分 / 第一章
  | 'ordinal' // 第一， 第二，
  | 'cn' // 一、
  | 'cnParen' // （一）
  | 'arabic' // 1. 1、 1．
  | 'arabicParen' // （1）
  | 'circled' // ①
  | 'group' // 主观上：
  | 'enumShi' // 一是
  | 'enumYao' // 一要
  | 'enumSeq' // 首先 其次 再次 最后
  | 'enumQi'; // 其一 其二

export interface Marker {
  family: Family;
  /** 1-based position in its series; 0 when the family has no order (group labels). */
  ordinal: number;
  /** The marker exactly as written, including its punctuation, e.g. "（一）", "1．", "主观上：". */
  text: string;
  /** For group labels, the label without its colon. */
  label?: string;
}

/** Canonical rank of the strict families; lower is more major. */
export const STRICT_RANK: Partial<Record<Family, number>> = {
  part: 0,
  cn: 1,
  cnParen: 2,
  arabic: 3,
  arabicParen: 4,
  circled: 5,
};

export function isStrict(family: Family): boolean {
  return STRICT_RANK[family] !== undefined;
}

export function isEnumerator(family: Family): boolean {
  return family.startsWith('enum');
}

const CN_DIGITS = '〇零一二三四五六七八九十百两';
const CN = `[${CN_DIGITS}]{1,4}`;

/** Parses a Chinese numeral up to the hundreds: 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103. */
export function chineseNumeralValue(s: string): number {
  const digit: Record<string, number> = {
    〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  };
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else {
      current = digit[ch] ?? 0;
    }
  }
  return total + current;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const SEQ_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 再者: 3, 然后: 3, 最后: 4 };

/**
 * Group labels: a short noun phrase ending in one of these and a colon at the
 * start of a paragraph (主观上： 客观上： 思想上： 工作方面： 主观原因：).
 */
const GROUP_LABEL = new RegExp(
  `^([\\u4e00-\\u9fa5]{1,8}?(?:上|方面|层面|原因|因素|根源|方向|问题))\\s*([：:])`,
);
/** The comrade a criticism is addressed to, in a 批评与自我批评 speech: 对镇长李某同志：. */
const ADDRESSEE_LABEL = /^(对[^，。；：:！？,;]{1,20}?同志)\s*[：:]/;
/**
 * A label alone on its line heads what follows (存在问题： 原因分析： 整改措施：), unless it
 * leads into a sentence (我的体会是：) or greets the audience (同志们：).
 */
const LONE_LABEL = /^([\u4e00-\u9fa5]{2,10})\s*[：:]$/;
const NOT_A_LABEL_RE = /[是有为在如了的下到将]$|同志们|各位|大家|领导/;

/** Words of a sentence that announces a list rather than naming a group. */
const LEAD_IN_RE = /[几一二三四五六七八九十两多]个|[几一二三四五六七八九十两多]方面|以下|如下|下列|下面|表现|体现|包括|集中|主要有/;

type Matcher = (s: string) => Marker | null;

function rx(re: RegExp, build: (m: RegExpMatchArray) => Marker | null): Matcher {
  return (s) => {
    const m = s.match(re);
    return m ? build(m) : null;
  };
}

const MATCHERS: Matcher[] = [
  rx(new RegExp(`^第(${CN}|\\d{1,3})(部分|章|篇)[、，,：:．.\\s　]*`), (m) => ({
    family: 'part',
    ordinal: ordinalOf(m[1]!),
    text: m[0],
  })),
  rx(new RegExp(`^第(${CN})(?:是)?[、，,：:]\\s*`), (m) => ({
    family: 'ordinal',
    ordinal: chineseNumeralValue(m[1]!),
    text: m[0],
  })),
  rx(new RegExp(`^(${CN})\\s*[、．.]\\s*`), (m) => ({
    family: 'cn',
    ordinal: chineseNumeralValue(m[1]!),
    text: m[0],
  })),
  rx(new RegExp(`^[（(]\\s*(${CN})\\s*[）)][、．.，,]?\\s*`), (m) => ({
    family: 'cnParen',
    ordinal: chineseNumeralValue(m[1]!),
    text: m[0],
  })),
  rx(/^([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])\s*/, (m) => ({
    family: 'arabic',
    ordinal: arabicValue(m[1]!),
    text: m[0],
  })),
  rx(/^[（(]\s*([0-9０-９]{1,3})\s*[）)][、．.，,]?\s*/, (m) => ({
    family: 'arabicParen',
    ordinal: arabicValue(m[1]!),
    text: m[0],
  })),
  rx(new RegExp(`^([${CIRCLED}])\\s*`), (m) => ({
    family: 'circled',
    ordinal: CIRCLED.indexOf(m[1]!) + 1,
    text: m[0],
  })),
  rx(new RegExp(`^(${CN})是(?![否非])[，,：:]?`), (m) => ({
    family: 'enumShi',
    ordinal: chineseNumeralValue(m[1]!),
    text: m[0],
  })),
  rx(new RegExp(`^(${CN})要(?=[\\u4e00-\\u9fa5])`), (m) => ({
    family: 'enumYao',
    ordinal: chineseNumeralValue(m[1]!),
    text: m[0],
  })),
  rx(/^(首先|其次|再次|再者|最后)[，,：:]?/, (m) => ({
    family: 'enumSeq',
    ordinal: SEQ_WORDS[m[1]!] ?? 0,
    text: m[0],
  })),
  rx(new RegExp(`^其(${CN})[，,：:]`), (m) => ({
    family: 'enumQi',
    ordinal: chineseNumeralValue(m[1]!),
    text: m[0],
  })),
  rx(GROUP_LABEL, (m) => ({ family: 'group', ordinal: 0, text: m[0], label: m[1]! })),
  rx(ADDRESSEE_LABEL, (m) => ({ family: 'group', ordinal: 0, text: m[0], label: m[1]! })),
  rx(LONE_LABEL, (m) => (NOT_A_LABEL_RE.test(m[1]!) ? null : { family: 'group', ordinal: 0, text: m[0], label: m[1]! })),
];

/** The numbering marker at the start of `text`, if any. */
export function matchMarker(text: string): Marker | null {
  for (const match of MATCHERS) {
    const marker = match(text);
    // A marker must lead into something: "一、" alone on a line is not a heading,
    // though a group label alone on its line ("主观原因：") heads the lines after it.
    const leadsIn = marker && (marker.text.length < text.length || marker.family === 'group');
    if (marker && leadsIn && isPlausible(marker, text)) return marker;
  }
  return null;
}

function isPlausible(marker: Marker, text: string): boolean {
  if (marker.family === 'cn' && marker.ordinal === 0) return false;
  if (marker.family === 'enumSeq' && marker.text === '最后' && /^最后[一的]/.test(text)) return false;
  // 表现在三个方面： / 主要有以下几方面： lead into a list; they are not a group of their own.
  if (marker.family === 'group' && LEAD_IN_RE.test(marker.label!)) return false;
  return true;
}

function ordinalOf(s: string): number {
  return /\d/.test(s) ? Number(s) : chineseNumeralValue(s);
}

function arabicValue(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/**
 * The marker, if any, that continues `previous`'s series at `text`: the same
 * family with the next ordinal. Used to split runs such as
 * "一是……。二是……。" that share one line.
 */
export function isNextInSeries(previous: Marker, next: Marker): boolean {
  if (previous.family !== next.family) return false;
  if (previous.family === 'enumSeq') return next.ordinal > previous.ordinal;
  if (previous.family === 'group') return true;
  return next.ordinal === previous.ordinal + 1;
}
