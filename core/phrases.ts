/**
 * Finds the set phrases of the genre: what a writer of these documents would
 * keep as a snippet. Precision first: a phrase is taken only when its shape
 * says it is one, and only cut where a word ends. Documented in
 * docs/library-format.md ("How snippets are found"); in short:
 *
 * - Lists. A sentence is cut at 。！？；： quotes and brackets, then at ，; each
 *   clause's items between 、 form a list, and 等 closes one (what follows 等 may
 *   open the next). The first item may carry words that lead into the list,
 *   the last words that follow it; the others are whole.
 * - 排比 (series, three or more members): members sharing an opening (有方向、
 *   有目的…), an ending (学习能力、领导能力…), characters at the same places
 *   (counted from the start, or from the end for members of different lengths),
 *   a pattern of repeated characters, or a word a place or so apart (上好每一节课、
 *   关心好每一名学生、联系好每一位家长); or short members of one length with nothing
 *   in common that are the whole list with clean ends (解放思想、勤政务实、克难奋进、
 *   永葆先进本色) — but not topics (……等方面, 在……中), an inventory (涉及……) or a
 *   piece of a longer list. A run never stops before an item built like its
 *   members, and the last member is never cut mid-word.
 * - 对仗 (pairs): every cut of the two items into members of one length is
 *   weighed; members must mirror each other (the same or opposite characters at
 *   the same places: 重形式、轻实效; repeated characters alike: 红红脸、出出汗; the
 *   same characters turned round: 以学促干、以干促学), and the more loosely they
 *   mirror, the cleaner both cuts must be. Two noun phrases with 的, items 等
 *   leaves open or 和 continues, and posts after 作为 are not pairs.
 * - Clause pairs and series, joined by ，: whole clauses in a row that mirror each
 *   other (从业务角度考虑得多，从政治高度把握得少).
 * - 句式 (frames): 不仅……更……, 既……又……, 既有……更……, 不是……而是……,
 *   一方面……另一方面……, 以……推动……, 把……作为/当作/放在/转化为…… (short,
 *   ending where the clause or the writer's verdict on it begins).
 * - Word boundaries, without a dictionary: what a cut may leave before a member
 *   (a verb of doing, a preposition, an adverb, a particle, 让/与 and a person…)
 *   and after it (a particle, 等, a negation, 是, a place word…).
 *
 * findReportPhrases adds what only the whole report shows: no heading seen
 * again (a heading is a template, not also a phrase), no phrase inside
 * another, no near-duplicates, first path wins.
 */

import { matchMarker } from './markers';

export type PhraseType = 'series' | 'pair' | 'sentence';

export interface Phrase {
  type: PhraseType;
  text: string;
}

/** Where a sentence ends, and quotes, brackets and titles, which hold a phrase of their own. */
const SENTENCE_SPLIT = /[。！？!?；;：:“”"「」『』（）()《》\n]/;
const CLAUSE_SPLIT = /[，,]/;
const MIN_ITEM = 2;
const MAX_ITEM = 16;
const MIN_PAIR = 3;
const MAX_PAIR = 12;
const MAX_SENTENCE = 50;
/** A 把…作为… frame longer than this carries the report's own matter, not a frame to reuse. */
const MAX_FRAME = 24;

const CJK_RE = /^[\u4e00-\u9fa5]+$/;

export function findPhrases(paragraph: string): Phrase[] {
  const found: Phrase[] = [];
  for (const sentence of paragraph.split(SENTENCE_SPLIT)) {
    if (sentence.length < 4) continue;
    const clauses = sentence.split(CLAUSE_SPLIT).map((clause) => clause.trim());
    for (const clause of clauses) for (const list of enumerations(clause)) found.push(...findSeries(list));
    found.push(...findClauseSeries(clauses));
    found.push(...findSetSentences(sentence));
  }
  return outermost(dedupe(found));
}

/**
 * Word boundaries without a dictionary. A member is cut cleanly from the words
 * before it when those end in a verb of doing, a preposition, a place word, an
 * adverb, a pronoun or a particle (做到|, 通过|, 在工作中|, 有时|, 都|, 帮助我|,
 * 缺少|, 那股|), or in a verb and the person it moves (让群众|, 与普通群众|), or
 * when the member itself opens with a verb that starts phrases of the genre
 * (…问题|建立台账) — but never between the two characters of a lead verb
 * (做|到依据…). It is cut cleanly from what follows when that starts with a
 * particle, 等, a negation, an adverb, 是, 为, 多 or 少, a demonstrative, a place
 * word, the 出发 that closes 从……, or a verb's complement (…|的, …|不够, …|就认为,
 * …|这个, …|中, …|方面, …|出发, …|做得还不够). Anywhere else a cut may split a word (工业|平台建设, 马|上就办).
 */
const LEAD_END = /[到过取对持绕照力保强现动做行在于从将把以用是中上下前后要能会了着地的得为按向就都也还又时高重升化立入我们致造里]$/;
const LEAD_WORD = /(?:当作|看作|作为|缺少|缺乏|主动|积极|认真|切实|努力|始终|真正|自觉|不断|往往|总是|带头|探索|推行|实行|聚焦|[这那一每各][个种股份项件次些])$/;
/** A verb that makes someone do what follows, or 与/同/跟 with someone, then that someone (让群众|少跑腿, 与普通群众|拉家常). */
const PIVOT_LEAD = /(?:让|使|令|要求|带领|引导|帮助|与|同|跟)[\u4e00-\u9fa5]{1,4}$/;
const MEMBER_OPENER =
  /^(?:建立|健全|完善|加强|提高|增强|提升|树立|强化|深化|推动|推进|促进|指导|武装|坚持|落实|及时|主动|积极|认真|思考|研究|解决|分析|了解|深入|严格|切实|不断|始终|敢于|善于|勇于)/;
const SPLIT_LEAD_VERB = /^(?:做到|达到|通过|坚持|存在|注重|加强|提高|围绕|按照|根据|对照|满足)$/;
const TAIL_START = /^(?:[的地得等不还也都就对将已仍却这那里是多少为]|中(?![心央国华])|上(?![级门班])|方面|出发|有时|时|.{1,2}得(?:还|不|很|较|太))/;
/** A lead that announces an inventory (涉及到了…, 包括…): what follows is a list of topics, not a series. */
const INVENTORY_LEAD = /涉及|包括|包含|例如|比如|诸如|涵盖/;
/** What 等 may close for a list without shared structure to count: the ways of doing something (……等方式, ……等多种形式). */
const METHOD_CLOSER = /^(?:多种|各种)?(?:方式|形式|途径|渠道|举措|措施|办法)/;

function cleanLead(lead: string, member: string): boolean {
  if (lead === '') return true;
  if (SPLIT_LEAD_VERB.test(lead.at(-1)! + member[0]!)) return false;
  return LEAD_END.test(lead) || LEAD_WORD.test(lead) || PIVOT_LEAD.test(lead) || MEMBER_OPENER.test(member);
}

function cleanTail(tail: string): boolean {
  return tail === '' || TAIL_START.test(tail);
}

/**
 * Characters that mirror each other as opposites at the same place of two
 * members (碎片化学习多，成体系钻研少; 重形式、轻实效; 蹲下来、沉下去).
 */
const ANTONYMS = new Set(
  '多少 大小 高低 轻重 快慢 长短 深浅 先后 前后 上下 左右 来去 进退 好坏 强弱 虚实 软硬 早晚 内外 宽严 松紧 难易 新旧 远近 冷热 真假 正反 得失 主次 古今 始终 收放 知行'
    .split(' ')
    .flatMap((p) => [p, p[1]! + p[0]!]),
);

/** Characters that build a phrase's shape rather than its matter. */
const FUNCTION_CHARS = new Set('不得有所之以而于');

/** Adverbs of degree and negation, alike in a series' shape (理论学习不深、联系群众不紧、队伍管理偏软). */
const DEGREE = /[不偏欠较过太]/g;

function mirrors(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (a === b || ANTONYMS.has(a + b));
}

/** Places where two members hold the same character or opposites, counted from the start. */
function mirroredPositions(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (mirrors(a[i], b[i])) count++;
  return count;
}

/** Places that mirror, counted from the end. */
function mirroredFromEnd(a: string, b: string): number {
  let count = 0;
  for (let i = 1; i <= Math.min(a.length, b.length); i++) if (mirrors(a[a.length - i], b[b.length - i])) count++;
  return count;
}

/**
 * The pattern of repeated characters ("时时自省" → "AABC", "学归学" → "ABA"),
 * or '' when no character repeats. Two members with the same pattern are built
 * the same way (红红脸、出出汗; 入脑入心、见行见效; 面对面…，实打实…).
 */
function repetitionShape(s: string): string {
  const seen = new Map<string, string>();
  let shape = '';
  for (const c of s) {
    if (!seen.has(c)) seen.set(c, String.fromCharCode(65 + seen.size));
    shape += seen.get(c);
  }
  return seen.size < s.length ? shape : '';
}

function sameShape(items: readonly string[]): boolean {
  const shape = repetitionShape(items[0]!);
  return shape !== '' && items.every((s) => repetitionShape(s) === shape);
}

/** The longest run of two or more characters that every member holds (好每一 in 关心好每一名学生、联系好每一位家长), or ''. */
function sharedCore(members: readonly string[]): string {
  const shortest = members.reduce((a, b) => (b.length < a.length ? b : a));
  for (let length = shortest.length; length >= 2; length--) {
    for (let start = 0; start + length <= shortest.length; start++) {
      const core = shortest.slice(start, start + length);
      if (members.every((m) => m.includes(core))) return core;
    }
  }
  return '';
}

interface Enumeration {
  /** The items between 、; the first may carry words that lead into it, the last words that follow it. */
  items: string[];
  /** Closed by 等: the last item ends exactly where 等 begins. */
  closed: boolean;
  /** What follows 等 (方面, 多种形式…), when closed. */
  closer: string;
}

/** How names of people, units and places end (李四同志, 市财政局, 东城街道): a list of them is the report's own matter. */
const NAME_END = /(?:同志|书记|主任|局长|部长|委员|主席|校长|院长|所长|老师|[局委厅镇乡村县]|街道|社区|公司|集团|学校|医院|中心)$/;

/** 等 that closes a list (……等方面, ……等多种形式), not the 等 of 等待, 平等 or 等一等. */
const LIST_END = /(?<![平同相对均一])等(?![待候级同一])/;

/**
 * The lists of a clause. 等 ends a list, and what follows it may start another
 * (理论学习、政治素质、工作作风等方面深入查摆问题、剖析根源).
 */
function enumerations(clause: string): Enumeration[] {
  const out: Enumeration[] = [];
  let items: string[] = [];
  for (const raw of clause.split('、')) {
    const end = items.length > 0 ? raw.search(LIST_END) : -1;
    if (end < MIN_ITEM) {
      items.push(raw);
      continue;
    }
    items.push(raw.slice(0, end));
    out.push({ items, closed: true, closer: raw.slice(end + 1) });
    items = [raw.slice(end + 1)];
  }
  out.push({ items, closed: false, closer: '' });
  return out.filter((list) => list.items.length >= 2);
}

/**
 * Series and pairs in one list. A list may hold a series and more items after
 * it ("有方向、有目的、有重点、有选择地科学学习、深入学习"), so the longest run of items
 * that aligns is taken, then the rest. A run that is only part of the list
 * never leaves out a neighbouring item built like its members (the same
 * opening, or the same core: 上好每一节课、关心好每一名学生、联系好每一位家长), which
 * would cut the series short.
 */
function findSeries(list: Enumeration): Phrase[] {
  const items = [...list.items];
  const out: Phrase[] = [];
  let i = 0;
  while (i < items.length - 1) {
    let next = i + 1;
    for (let j = items.length - 1; j > i; j--) {
      const whole = i === 0 && j === items.length - 1;
      const phrase = alignSeries(items.slice(i, j + 1), whole, whole ? list : null);
      if (!phrase) continue;
      const members = phrase.text.split('、');
      if (members.every((m) => NAME_END.test(m))) continue;
      const opening = phrase.text.slice(0, commonPrefix(members));
      const core = sharedCore(members);
      const after = items[j + 1];
      const before = items[i - 1];
      if (after !== undefined && ((opening && after.startsWith(opening)) || (core && after.includes(core)))) continue;
      if (before !== undefined && core && before.includes(core)) continue;
      out.push(phrase);
      next = j + 1;
      // The last item may go on into the next series (苗头性、倾向性问题早发现、早提醒、早纠正).
      const rest = items[j]!.slice(items[j]!.indexOf(members.at(-1)!) + members.at(-1)!.length);
      if (j < items.length - 1 && rest.length >= MIN_ITEM) {
        items[j] = rest;
        next = j;
      }
      break;
    }
    i = next;
  }
  return out;
}

/**
 * Decides whether `rawItems` form a series or pair, and returns it with the
 * words that lead into the first item and out of the last removed. `wholeList`:
 * the items are all the list holds; `list`: that list, when they are.
 */
function alignSeries(rawItems: string[], wholeList: boolean, list: Enumeration | null): Phrase | null {
  const items = rawItems.map((s) => s.trim());
  if (items.some((s) => !CJK_RE.test(s))) return null;
  const n = items.length;
  if (n === 2) return alignPair(items[0]!, items[1]!, wholeList, list?.closed ?? false);
  const inner = items.slice(1, -1);
  // The inner items are whole; the first and last may carry words around the series.
  const ref = inner[0]!.length;
  if (ref < MIN_ITEM || ref > MAX_ITEM) return null;

  const prefix = commonPrefix([...inner, items[n - 1]!]);
  const suffix = commonSuffix([items[0]!, ...inner]);
  const first = trimFirst(items[0]!, ref, prefix, items[1]!);
  const last = trimLast(items[n - 1]!, ref, prefix, suffix, items.slice(0, -1));
  if (last !== null) {
    const aligned = [first, ...inner, last];
    const shared = Math.max(
      commonPrefix(aligned),
      commonSuffix(aligned),
      aligned.every((s) => s.length === ref) ? sharedPositions(aligned) : sharedFromEnd(aligned),
    );
    const lengthsFit = aligned.every((s) => s.length >= MIN_ITEM && s.length <= MAX_ITEM);
    if (lengthsFit && shared >= 1 && shared < Math.min(...aligned.map((s) => s.length))) {
      return { type: 'series', text: aligned.join('、') };
    }
    if (lengthsFit && sameShape(aligned)) return { type: 'series', text: aligned.join('、') };
  }
  return coreSeries(items) ?? structurelessSeries(items, ref, list);
}

/**
 * Members that hold the same word a place or so apart (上好每一节课、关心好每一名学生、
 * 联系好每一位家长): the first member starts where its lead ends cleanly, with the
 * word as far in as in the others, or one place either way; the last ends where
 * what follows is clean, as far past the word as the others go, or a little more.
 */
function coreSeries(items: string[]): Phrase | null {
  const inner = items.slice(1, -1);
  const core = sharedCore(items);
  const rawFirst = items[0]!;
  const rawLast = items[items.length - 1]!;
  if (core === '') return null;
  const offsets = inner.map((s) => s.indexOf(core));
  const rests = inner.map((s, i) => s.length - offsets[i]! - core.length);
  const low = Math.min(...offsets);
  const high = Math.max(...offsets);
  const at = rawFirst.lastIndexOf(core);
  let first: string | null = null;
  for (const offset of [...range(low, high), low - 1, high + 1]) {
    const start = at - offset;
    if (offset < 0 || start < 0) continue;
    if (cleanLead(rawFirst.slice(0, start), rawFirst.slice(start))) {
      first = rawFirst.slice(start);
      break;
    }
  }
  const coreEnd = rawLast.indexOf(core) + core.length;
  const last = extend(rawLast.slice(coreEnd), Math.min(...rests), (_, tail) => cleanTail(tail));
  if (first === null || last === null) return null;
  const members = [first, ...inner, rawLast.slice(0, coreEnd) + last];
  if (members.some((m) => m.length < MIN_ITEM || m.length > MAX_ITEM)) return null;
  return { type: 'series', text: members.join('、') };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Short phrases of one length with nothing in common (列出清单、明确时限、跟踪问效;
 * 解放思想、勤政务实、克难奋进、永葆先进本色) are a series when they are the whole list
 * and both ends fall on word boundaries; the last member may be a little longer
 * to reach one (永葆先进本色|的表率). Not a series: part of a longer list; an inventory
 * (涉及到了……); topics closed by 等 (……等方面, ……等专题课程; only the ways of
 * doing something count: ……等方式, ……等多种形式); areas framed 在……中/上.
 */
function structurelessSeries(items: string[], ref: number, list: Enumeration | null): Phrase | null {
  const n = items.length;
  const inner = items.slice(1, -1);
  if (!list || ref > 4 || !inner.every((s) => s.length === ref) || INVENTORY_LEAD.test(items[0]!)) return null;
  if (list.closed && !METHOD_CLOSER.test(list.closer)) return null;
  const first = items[0]!.slice(items[0]!.length - ref);
  const last = extend(items[n - 1]!, ref, (_, tail) => cleanTail(tail));
  if (first.length < ref || !cleanLead(items[0]!.slice(0, items[0]!.length - ref), first) || last === null) return null;
  const lead = items[0]!.slice(0, items[0]!.length - first.length);
  if (isAreaFrame(lead, list.closed ? list.closer : items[n - 1]!.slice(last.length), /^(?:中|上|方面|领域)/)) return null;
  return { type: 'series', text: [first, ...inner, last].join('、') };
}

/** The shortest start of `item`, `ref` to `ref + 2` characters long, whose remainder passes `clean`. */
function extend(item: string, ref: number, clean: (member: string, rest: string) => boolean): string | null {
  for (let length = ref; length <= Math.min(ref + 2, item.length); length++) {
    if (clean(item.slice(0, length), item.slice(length))) return item.slice(0, length);
  }
  return null;
}

/**
 * Two items that mirror each other, as one pair. Both may carry extra words, so
 * every length is tried: the last `length` characters of the first item and the
 * first `length` of the second. A cut is a pair when its members mirror each
 * other and its cuts hold:
 * - characters repeated alike (红红脸、出出汗) or the same characters turned round
 *   (以学促干、以干促学), with one clean cut;
 * - two or more places shared or opposed, with the cuts mirroredCutsHold asks for;
 * - one place, in members of 3–5 characters: the first place, or any when the
 *   pair is the whole list, with both cuts clean (创新思路、创优举措; 及时跟进、限时办结);
 *   opposites opening both or a function word inside both, with the end clean
 *   (重使用、轻教育; 引不进、留不住; up to 8 characters with both cuts clean:
 *   主观努力不够、自我要求不严); three characters ending alike after a clean lead
 *   (苗头性、倾向性) or opening alike (新规定、新要求);
 * - nothing shared: the whole list, 3–4 characters (up to 6 at the clause's
 *   end), no particles, both cuts clean, neither topics nor posts (咬耳扯袖、红脸出汗;
 *   原原本本学、逐章逐节悟).
 * Among the cuts that are pairs the one that mirrors most is taken
 * (问题不解决不松劲、整改不到位不收兵, not 解决不松劲、整改不到位), then one whose end
 * is marked by what follows. Two items closed by 等 are examples from an open
 * list, never a pair.
 */
function alignPair(a: string, b: string, wholeList: boolean, closed: boolean): Phrase | null {
  if (closed) return null;
  let best: { text: string; rank: number } | null = null;
  for (let length = MIN_PAIR; length <= Math.min(a.length, b.length, MAX_PAIR); length++) {
    const first = a.slice(a.length - length);
    const last = b.slice(0, length);
    const score = pairScore(first, last, a.slice(0, a.length - length), b.slice(length), wholeList);
    if (score === null) continue;
    // A marked end beats an unmarked one, but a single character left over marks nothing (齐心协力、奋发向上).
    const rank = score * 2 + (b.length >= length + 2 && cleanTail(b.slice(length)) ? 1 : 0);
    if (best === null || rank > best.rank) best = { text: `${first}、${last}`, rank };
  }
  return best && { type: 'pair', text: best.text };
}

/** How strongly `first`、`last` mirror each other, with `lead` before and `tail` after them; null when they are no pair. */
function pairScore(first: string, last: string, lead: string, tail: string, wholeList: boolean): number | null {
  const length = first.length;
  if (first === last) return null;
  // What follows the second member echoes the first: the parallel runs on past the cut
  // (发展形势更为复杂、发展和稳定的矛盾|更为突出).
  if (tail.length >= 2 && (lead + first).includes(tail.slice(0, 2))) return null;
  // Two noun phrases of the form ……的…… are two things listed (要考虑的事情、要应对的事件);
  // so are two items that 和 continues (教研室、实验室|和课堂一线).
  if ((first.includes('的') && last.includes('的')) || /^(?:和|与|及)/.test(tail)) return null;
  const leadOk = cleanLead(lead, first);
  const tailOk = cleanTail(tail);
  const shared = mirroredPositions(first, last);
  if (sameShape([first, last]) && (leadOk || tailOk || length <= 4)) return shared + 2;
  // A single character left over at either end belongs to the member beside it (向上级请示、等上级拿主|意).
  if ((lead.length === 1 && !leadOk) || (tail.length === 1 && !tailOk)) return null;
  // The same characters in another order turn the first member round (以学促干、以干促学).
  if ([...first].sort().join('') === [...last].sort().join('') && (leadOk || tailOk)) return shared + 2;
  if (shared >= 2 && shared < length && mirroredCutsHold(first, last, shared, leadOk, tailOk)) return shared;
  // One shared place is chance in long members. A shared last character vouches for
  // the second member's end (苗头性、倾向性|问题), unless it is a place word or a
  // particle (政治上、思想上; 知道了、了解了).
  const weak = shared === 1 && length <= 5;
  if (weak && length === 3 && first[2] === last[2]) return leadOk && !/[上中下里内外前后了的地得着过]/.test(first[2]!) ? 1 : null;
  if (weak && leadOk && tailOk && (mirrors(first[0], last[0]) || wholeList)) return 1;
  // Opposites opening both (重使用、轻教育) or a function word inside both (引不进、留不住)
  // vouch for the first member's start.
  const opposed = ANTONYMS.has(first[0]! + last[0]!);
  const functionWord = [...first].some((c, i) => i > 0 && i < length - 1 && c === last[i] && FUNCTION_CHARS.has(c));
  if (weak && tailOk && (opposed || functionWord)) return 1;
  if (shared === 1 && functionWord && leadOk && tailOk && length <= 8) return 1;
  if (shared === 1 && length === 3 && first[0] === last[0] && leadOk) return 1;
  // After 作为/担任 two unrelated names are the writer's posts (作为白沙镇党委委员、纪委书记).
  const loose = shared === 0 && !/[的地]/.test(first + last) && !isAreaFrame(lead, tail) && !/作为|担任|身为/.test(lead);
  if (wholeList && loose && leadOk && tailOk && (length <= 4 || (tail === '' && length <= 6))) return 0;
  return null;
}

/**
 * Whether the cuts of a pair sharing two or more places hold. Where the pair is
 * uncertain is the first member's start and the second member's end. Mirrored
 * first places vouch for the start, so the end must be clean (不够具体、不够精准|;
 * not 联系班级、联系青年|教师制度); mirrored last places vouch for the end, so the
 * start must be (蹲下来、沉下去|倾听…); both, or a word shared at the same place
 * after the first (程序是否完备、依据是否充分; 敬畏之心、戒惧之心), vouch for either.
 * Pairs sharing less than half their places need both cuts clean.
 */
function mirroredCutsHold(first: string, last: string, shared: number, leadOk: boolean, tailOk: boolean): boolean {
  const start = mirrors(first[0], last[0]);
  const end = mirrors(first.at(-1), last.at(-1));
  const core = sharedCore([first, last]);
  const at = first.indexOf(core);
  const inner = core !== '' && at > 0 && at === last.indexOf(core);
  if ((start && end) || inner) return leadOk || tailOk;
  if (shared * 2 < first.length) return leadOk && tailOk;
  if (start) return tailOk;
  if (end) return leadOk;
  return leadOk && tailOk;
}

/**
 * Areas named inside 在……方面 (在工作纪律、生活作风方面) are topics, not a set phrase;
 * for a series 在……中/上 as well (在产业发展、矛盾调处、项目推进中), though a pair there is
 * often what the writer does (在严格管理、从严要求上). So are the objects of 对.
 */
function isAreaFrame(lead: string, tail: string, area = /^(?:方面|领域)/): boolean {
  return (lead.endsWith('在') && area.test(tail)) || TOPIC_LEAD.test(lead);
}

/** What 对/关于/围绕/与 lead into are the things dealt with (加强对宣传阵地、网络平台、讲座论坛的管理). */
const TOPIC_LEAD = /(?:对|对于|关于|围绕|与|同|和)$/;

/** The first item without the words that lead into the series ("把学习作为一种职业准备" → "一种职业准备"). */
function trimFirst(item: string, ref: number, prefix: number, second: string): string {
  if (item.length <= ref) return item;
  if (prefix > 0) {
    const at = item.lastIndexOf(second.slice(0, prefix));
    if (at >= 0 && item.length - at <= ref + 2) return item.slice(at);
  }
  const member = item.slice(item.length - ref);
  // Never start a member inside a lead verb (做|到依据不全的不审).
  return SPLIT_LEAD_VERB.test(item[item.length - ref - 1]! + member[0]!) ? member.slice(1) : member;
}

/**
 * The last item without the words that lead out of it ("有选择地科学学习" → "有选择"),
 * or whole when it opens like the others and nothing marks where it ends
 * ("管好自己、管好家属、管好身边工作人员"; "不回避、不遮掩、不避重就轻"); null when it
 * cannot be cut at a word boundary, since a series with its last member cut
 * short is broken.
 */
function trimLast(item: string, ref: number, prefix: number, suffix: number, others: string[]): string | null {
  if (item.length <= ref) return item;
  if (suffix > 0) {
    const ending = others[0]!.slice(others[0]!.length - suffix);
    const end = item.indexOf(ending) + suffix;
    // Ending like the others at the others' length marks the member's end by itself (身入、心入、情入|做得…).
    if (end >= suffix && (end === ref || (end <= ref + 2 && cleanTail(item.slice(end))))) return item.slice(0, end);
  }
  // A particle inside the shared opening (严的基调、严的措施…) does not end the member.
  const skip = Math.max(1, prefix);
  const found = item.slice(skip).search(/[的地得等]/);
  const particle = found < 0 ? 0 : found + skip;
  // The item just before the last is whole, so it shows how the items open.
  if (prefix >= 2 && item.startsWith(others[others.length - 1]!.slice(0, prefix))) {
    if (particle > 0) return item.slice(0, particle);
    if (item.length <= ref * 2) return item;
  }
  // Sharing only the first character, it is whole when a little longer and unmarked (不避重就轻).
  if (prefix === 1 && particle <= 0 && item.length <= ref + 2) return item;
  if (cleanTail(item.slice(ref))) return item.slice(0, ref);
  return particle >= ref && particle <= ref + 2 ? item.slice(0, particle) : null;
}

/**
 * Whole clauses in a row that mirror each other, joined by ，: 以更加开放的眼光审视工作，
 * 以更加广阔的胸怀博采众长; 从业务角度考虑得多，从政治高度把握得少. The first clause may
 * carry a short lead (往往|从…, 都|必须…).
 */
function findClauseSeries(clauses: readonly string[]): Phrase[] {
  const out: Phrase[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ type: run.length >= 3 ? 'series' : 'pair', text: run.join('，') });
    run = [];
  };
  for (const clause of clauses) {
    if (!CJK_RE.test(clause) || clause.length < 4 || clause.length > MAX_ITEM) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous !== undefined) {
      const trimmed = run.length === 1 ? withoutLead(previous, clause) : previous;
      if (clausesMirror(trimmed, clause)) {
        run[run.length - 1] = trimmed;
        run.push(clause);
        continue;
      }
      flush();
    }
    run.push(clause);
  }
  flush();
  return out;
}

/** `clause` without a lead of up to three characters before the place where `next` opens the same way. */
function withoutLead(clause: string, next: string): string {
  if (clause[0] === next[0]) return clause;
  for (const opening of [next.slice(0, 2), next[0]!]) {
    const at = clause.indexOf(opening);
    if (at > 0 && at <= 3 && cleanLead(clause.slice(0, at), clause.slice(at))) return clause.slice(at);
  }
  return clause;
}

/**
 * Two clauses mirror each other when a quarter of their places (at least two)
 * hold the same character or opposites, counted from the start and, for
 * clauses of different lengths that open alike, from the end as well; or when
 * they repeat characters the same way, or end in opposites (……多，……少). A
 * shared subject alone (我们是……，我们的……) is not parallel structure.
 */
function clausesMirror(a: string, b: string): boolean {
  const contrast = ANTONYMS.has(a.at(-1)! + b.at(-1)!);
  if (Math.abs(a.length - b.length) > (contrast ? 3 : 2)) return false;
  if (sameShape([a, b])) return true;
  const opening = commonPrefix([a, b]);
  const restA = a.slice(opening);
  const restB = b.slice(opening);
  if (mirroredPositions(restA, restB) + mirroredFromEnd(restA, restB) === 0) return false;
  const enough = Math.max(2, Math.ceil(Math.min(a.length, b.length) / 4));
  if (a.length === b.length) {
    const shared = mirroredPositions(a, b);
    return (shared >= enough && shared < a.length) || contrast;
  }
  return contrast || (mirrors(a[0], b[0]) && mirroredPositions(a, b) + mirroredFromEnd(a, b) >= enough);
}

function commonPrefix(items: string[]): number {
  let k = 0;
  const first = items[0] ?? '';
  while (k < first.length && items.every((s) => s[k] === first[k])) k++;
  return k;
}

function commonSuffix(items: string[]): number {
  let k = 0;
  const first = items[0] ?? '';
  while (k < first.length && items.every((s) => s.length > k && s[s.length - 1 - k] === first[first.length - 1 - k])) k++;
  return k;
}

/** Places counted from the end where every member holds the same character (依据不全的不审、程序不到位的不批). */
function sharedFromEnd(items: string[]): number {
  return sharedPositions(items.map((s) => [...s].reverse().join('')));
}

function sharedPositions(raw: string[]): number {
  const items = raw.map((s) => s.replace(DEGREE, '不'));
  const first = items[0]!;
  let count = 0;
  for (let i = 0; i < first.length; i++) if (items.every((s) => s[i] === first[i])) count++;
  return count;
}

const CLAUSE_START = '(?<=^|[，,])';
const CLAUSE_END = '(?=[，,]|$)';
/** Where a 把 frame may open inside a clause: after an adverb or verb that leads into it (坚持|把…, 没有真正|把…). */
const FRAME_LEAD = '(?<=^|[，,]|做到|没有|真正|切实|坚持|始终|努力|自觉|积极|不断|要|将|都|也|还|就|能|应|须|善于|时|自己)';
/** A 把 frame ends at its clause's end, or where the writer's verdict on it begins (……还不够多). */
const FRAME_END = '(?=还不|不够|[，,]|$)';
const SET_SENTENCE_PATTERNS: [RegExp, number][] = [
  [new RegExp(`不仅[^，,]{2,24}[，,](?:更|还|而且|也)[^，,]{2,24}${CLAUSE_END}`, 'g'), MAX_SENTENCE],
  [new RegExp(`既(?!有)[^，,、又]{2,20}[，,、]?又[^，,、]{2,20}${CLAUSE_END}`, 'g'), MAX_SENTENCE],
  [new RegExp(`既有[^，,、]{2,20}[，,](?:更|也|又)[^，,、]{2,24}${CLAUSE_END}`, 'g'), MAX_SENTENCE],
  [new RegExp(`(?<!而)不是[^，,]{2,20}[，,]而是[^，,]{2,20}${CLAUSE_END}`, 'g'), MAX_SENTENCE],
  [new RegExp(`一方面[^，,]{2,24}[，,]另一方面[^，,]{2,24}${CLAUSE_END}`, 'g'), MAX_SENTENCE],
  // 以 of purpose (以更好地…, 以便…) is not the frame, nor a verb that continues a list (…发展、保障…).
  [
    new RegExp(
      `${CLAUSE_START}以(?!更好|便|免|期|求|至|致)[^，,]{2,20}(?<!、)(?:推动|促进|带动|保障|引领|助推)[^，,]{2,20}${CLAUSE_END}`,
      'g',
    ),
    MAX_SENTENCE,
  ],
  // A 把 clause whose object carries a complement (……的要求落实得还不够好) is the topic of a longer sentence.
  [
    new RegExp(
      `${FRAME_LEAD}(?<!一)把(?!握|关|脉|手)[^，,、]{2,20}(?:作为|当作|当成|放在|摆在|转化为|当(?![前地时中然即天]))(?:(?!还不|不够)[^，,得]){2,30}${FRAME_END}`,
      'g',
    ),
    MAX_FRAME,
  ],
];

function findSetSentences(sentence: string): Phrase[] {
  const out: Phrase[] = [];
  for (const [pattern, max] of SET_SENTENCE_PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      // Ending on a particle, the sentence runs on past what the pattern saw (……教学工作之外的“兼职”).
      if (m[0].length <= max && !/[的地得]$/.test(m[0])) out.push({ type: 'sentence', text: m[0] });
    }
  }
  return out;
}

function dedupe(phrases: Phrase[]): Phrase[] {
  const seen = new Set<string>();
  return phrases.filter((p) => {
    if (seen.has(p.text)) return false;
    seen.add(p.text);
    return true;
  });
}

/**
 * One paragraph's phrases without any inside another: a set sentence that
 * holds a series gives way to the series (the series is what a writer reuses;
 * 把学习作为 is their own), otherwise the longer phrase is kept.
 */
function outermost(phrases: Phrase[]): Phrase[] {
  const inside = (p: Phrase, q: Phrase) => p !== q && q.text.includes(p.text);
  return phrases.filter((p) => {
    if (p.type === 'sentence' && phrases.some((q) => q.type !== 'sentence' && inside(q, p))) return false;
    return !phrases.some((q) => inside(p, q) && !(q.type === 'sentence' && p.type !== 'sentence'));
  });
}

/** A paragraph or block of a report and the outline path of the part it belongs to. */
export interface PhraseSource {
  text: string;
  path: string[];
}

export interface FoundPhrase {
  type: PhraseType;
  text: string;
  path: string[];
}

/** Headings longer than this are sentences of the body, not titles to guard against. */
const MAX_GUARDED_HEADING = 60;
/** A series with more members than this registers only its runs of members as covered. */
const MAX_SUBSET_MEMBERS = 8;

/**
 * The phrases of a whole report in document order. Beyond what each paragraph
 * gives, a report-wide view keeps what a writer would want once: nothing that
 * copies a heading (the heading is a template already), nothing contained in
 * another kept phrase, no near-duplicates; the first occurrence's path wins.
 * Every check is a set lookup, so a long report stays linear.
 */
export function findReportPhrases(paragraphs: readonly PhraseSource[], headings: readonly string[]): FoundPhrase[] {
  const copiesHeading = headingGuard(headings);
  const candidates: FoundPhrase[] = [];
  const seen = new Set<string>();
  for (const { text, path } of paragraphs) {
    for (const phrase of findPhrases(text)) {
      if (copiesHeading(phrase.text)) continue;
      const key = memberKey(members(phrase.text));
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ ...phrase, path });
    }
  }
  // A phrase whose members all belong to a longer kept phrase is a piece of it.
  const covered = new Map<string, number>();
  for (const phrase of candidates) {
    const own = members(phrase.text);
    for (const subset of memberSubsets(own)) {
      const key = memberKey(subset);
      covered.set(key, Math.max(covered.get(key) ?? 0, own.length));
    }
  }
  return candidates.filter((phrase) => {
    const own = members(phrase.text);
    return (covered.get(memberKey(own)) ?? 0) <= own.length;
  });
}

/** A phrase's members: what 、 or ， separates, each without the particles that vary between copies. */
function members(text: string): string[] {
  return text.split(/[、，,]/).map((m) => m.replace(/[的地得]/g, ''));
}

/** The same members in any order are the same phrase. */
function memberKey(list: readonly string[]): string {
  return [...list].sort().join('\u001f');
}

/** Every set of two or more of the members (only the runs, for a long series). */
function memberSubsets(list: readonly string[]): string[][] {
  const out: string[][] = [];
  if (list.length > MAX_SUBSET_MEMBERS) {
    for (let i = 0; i < list.length; i++) for (let j = i + 2; j <= list.length; j++) out.push(list.slice(i, j));
    return out;
  }
  for (let mask = 0; mask < 1 << list.length; mask++) {
    const subset = list.filter((_, i) => mask & (1 << i));
    if (subset.length >= 2) out.push(subset);
  }
  return out;
}

/** Text without punctuation or blanks, to compare a phrase with a heading. */
function squash(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '');
}

/** A heading's own number at its start (一、 （一） 1. 一是 首先…), which a copy of it may carry or drop. */
function withoutNumber(text: string): string {
  const marker = matchMarker(text);
  return marker && marker.family !== 'group' ? text.slice(marker.text.length) : text;
}

/** Shorter than this, a heading is a word (主观上, 其次) that a phrase may hold without being that heading. */
const MIN_HELD_HEADING = 4;

/**
 * Whether a phrase is a heading seen again, as a user comparing the two rows
 * would judge it: numbers, punctuation and blanks aside, one holds the other
 * and the shorter is at least half the longer. So a stretch of a heading or of
 * one of its clauses (在担当作为、奋发有为方面 → 担当作为、奋发有为) is one, and so is a
 * phrase that is a heading with a word or two around it (a title cut to its
 * first clause, 带头学习, against the heading line 带头学习、带头实干、带头守纪); a
 * phrase that merely uses a heading's word among many of its own is not.
 * Headings are indexed by the pairs of characters they hold, so each phrase is
 * compared only with the few headings that could match it.
 */
function headingGuard(headings: readonly string[]): (phrase: string) => boolean {
  const byPair = new Map<string, Set<string>>();
  const byOpening = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, pair: string, part: string) => {
    const parts = map.get(pair) ?? new Set<string>();
    parts.add(part);
    map.set(pair, parts);
  };
  for (const heading of headings) {
    for (const part of [heading, ...heading.split(/[，,；;：:]/)]) {
      const whole = squash(withoutNumber(part.trim()));
      if (whole.length < 2 || whole.length > MAX_GUARDED_HEADING) continue;
      for (let i = 0; i + 2 <= whole.length; i++) add(byPair, whole.slice(i, i + 2), whole);
      if (whole.length >= MIN_HELD_HEADING) add(byOpening, whole.slice(0, 2), whole);
    }
  }
  return (phrase) => {
    const text = squash(withoutNumber(phrase));
    for (const part of byPair.get(text.slice(0, 2)) ?? []) {
      if (part.length <= text.length * 2 && part.includes(text)) return true;
    }
    for (let i = 0; i + 2 <= text.length; i++) {
      for (const part of byOpening.get(text.slice(i, i + 2)) ?? []) {
        if (text.length <= part.length * 2 && text.startsWith(part, i)) return true;
      }
    }
    return false;
  };
}
