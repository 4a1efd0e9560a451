/** Meetings and courses, named by their suffix (民主生活会, 培训班). */
import type { Candidates } from './candidates';
import { leadsIntoName } from './name-start';
import { MAX_NAME, YEAR, isNameChar } from './vocabulary';

export const MEETING_SUFFIX_RE = /民主生活会|组织生活会|党员大会|代表大会|座谈会|推进会|动员会|部署会|总结会|研讨会|交流会|务虚会/g;
export const COURSE_SUFFIX_RE = /研修班|培训班|进修班|轮训班|读书班|学习班|训练班|专题班|示范班|学习教育|主题教育|集中教育/g;
/** The genre's own meetings are named without a year too (主题教育专题民主生活会); any other meeting (座谈会) only with one. */
const GENRE_MEETING_RE = /生活会$/;
/** Modifiers that say nothing of which meeting: 这次组织生活会, 上年度民主生活会. */
const GENERIC_MODIFIERS = /^(?:专题|本次|这次|此次|该次|上年度|本年度|年度|今年|去年|上一年度|会前|一次|这个|本期)?$/;

/**
 * A meeting's or course's name: the words before its suffix back to where the
 * sentence leaves off. A meeting with a year starts at the year (青禾街道党工委书记
 * 2026年度民主生活会 is the writer's position, then the meeting); a course keeps
 * who holds it (县委党校2026年秋季中青年干部培训班), but one named in quotes starts
 * at the quotes (in 市县级领导干部“创新领导力提升”高级研修班 the first words say who
 * attends).
 */
export function findNamedEvents(text: string, suffixRe: RegExp, kind: 'meeting' | 'course', found: Candidates) {
  for (const m of text.matchAll(suffixRe)) {
    if (kind === 'course' && text[m.index + m[0].length] === '子') continue;
    let start = nameStart(text, m.index);
    // A name with 和 in it (县以下党和国家机关…民主生活会) is still one name when a year starts it.
    if (text[start - 1] === '和') {
      const before = text.slice(Math.max(0, start - MAX_NAME), start);
      const year = [...before.matchAll(new RegExp(YEAR, 'g'))].pop();
      if (year && [...before.slice(year.index)].every((ch) => isNameChar(ch) || /\s/.test(ch))) start -= before.length - year.index;
    }
    const head = text.slice(start, m.index);
    const year = head.search(new RegExp(YEAR));
    if (kind === 'meeting' && year > 0) start += year;
    else if (kind === 'course' && year < 0) {
      const quote = head.search(/[“「『"]/);
      if (quote > 0 && !/^(?:第.{1,4}期|\d{4}年度?)$/.test(head.slice(0, quote))) start += quote;
    }
    const name = text.slice(start, m.index + m[0].length);
    const modifier = name.slice(0, -m[0].length).replace(new RegExp(`^${YEAR}度?`), '');
    const hasYear = name.length - m[0].length - modifier.length > 0;
    if (!hasYear && !namesOne(modifier, m[0])) continue;
    const suffix = kind === 'course' ? m[0] : '';
    found.add({ text: name, kind, name: kind === 'meeting' ? '会议名称' : `${suffix}名称` });
  }
}

/**
 * Whether the words before a suffix tell one meeting or course from another:
 * 主题教育专题 does, 这次 and 专题 do not — except for a study campaign, which
 * is called 专题学习教育. A meeting other than the genre's own needs a year.
 */
function namesOne(modifier: string, suffix: string): boolean {
  if (modifier === '' || /^(?:这次|本次|此次|该次|这个)/.test(modifier)) return false;
  if (/教育$/.test(suffix)) return true;
  if (!GENRE_MEETING_RE.test(suffix) && !/班$/.test(suffix)) return false;
  return modifier.length >= 2 && !GENERIC_MODIFIERS.test(modifier);
}

/** Where a name ending at `end` starts: back over name characters and quoted words, to punctuation or a word that leads into a name. */
function nameStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_NAME) {
    const ch = text[i - 1]!;
    if (ch === '”' || ch === '」' || ch === '』' || ch === '"') {
      const open = text.lastIndexOf(ch === '”' ? '“' : ch === '」' ? '「' : ch === '』' ? '『' : '"', i - 2);
      if (open < 0 || i - open > MAX_NAME || /[。！？；]/.test(text.slice(open, i))) break;
      i = open;
      continue;
    }
    if (!isNameChar(ch) || leadsIntoName(text, i)) break;
    i--;
  }
  return i;
}
