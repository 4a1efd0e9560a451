/**
 * Finds the set phrases of the genre in a paragraph. The heuristic is documented
 * in docs/library-format.md ("How snippets are found"); in short:
 *
 * - 排比 (parallel series): three or more items in a row separated by 、 or ，
 *   that share a character at the same place (说实话、办实事、鼓实劲、求实效), a
 *   common beginning (一种职业准备、一种生存方式…) or a common ending
 *   (学习能力、领导能力…), or short phrases of one length whose ends fall on
 *   word boundaries (列出清单、明确时限、跟踪问效). The first and last items are
 *   trimmed of the words that lead into or out of the series.
 * - 对仗 (paired phrases): two items of equal length (3–12 characters) that share
 *   a character at the same place or repeat characters the same way
 *   (堂堂正正做人、踏踏实实做事), or two four-character phrases standing alone
 *   (咬耳扯袖、红脸出汗).
 * - 句式 (set sentences): correlative constructions (不仅……更……, 既……又……,
 *   以……推动……, 把……作为……) up to 50 characters.
 */

export type PhraseType = 'series' | 'pair' | 'sentence';

export interface Phrase {
  type: PhraseType;
  text: string;
}

const CLAUSE_SPLIT = /[。！？!?；;：:“”"「」『』（）()\n]/;
const MIN_ITEM = 2;
const MAX_ITEM = 16;
const MAX_SENTENCE = 50;

const CJK_RE = /^[\u4e00-\u9fa5]+$/;

export function findPhrases(paragraph: string): Phrase[] {
  const found: Phrase[] = [];
  for (const sentence of paragraph.split(CLAUSE_SPLIT)) {
    if (sentence.length < 4) continue;
    found.push(...findSeries(sentence, '、'));
    found.push(...findCommaSeries(sentence));
    found.push(...findSetSentences(sentence));
  }
  return dedupe(found);
}

/**
 * Series and pairs inside one clause, items separated by `separator`. A clause
 * may hold a series and more items after it ("有方向、有目的、有重点、有选择地科学学习、
 * 深入学习"), so the longest run of items that aligns is taken, then the rest.
 */
function findSeries(sentence: string, separator: string): Phrase[] {
  const out: Phrase[] = [];
  for (const clause of sentence.split(/[，,]/)) {
    const items = clause.split(separator);
    let i = 0;
    while (i < items.length - 1) {
      let next = i + 1;
      for (let j = items.length - 1; j > i; j--) {
        const phrase = alignSeries(items.slice(i, j + 1), 1, i === 0 && j === items.length - 1);
        if (phrase) {
          out.push(phrase);
          next = j + 1;
          break;
        }
      }
      i = next;
    }
  }
  return out;
}

/**
 * Series whose items are whole clauses separated by commas:
 * 以更加开放的眼光审视工作，以更加广阔的胸怀博采众长.
 */
function findCommaSeries(sentence: string): Phrase[] {
  const clauses = sentence.split(/[，,]/);
  const out: Phrase[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const phrase = alignSeries(run, 2);
      if (phrase) out.push({ ...phrase, text: phrase.text.replaceAll('、', '，') });
    }
    run = [];
  };
  for (const clause of clauses) {
    if (clause.includes('、') || !CJK_RE.test(clause)) {
      flush();
      continue;
    }
    const last = run[run.length - 1];
    if (last !== undefined && commonPrefix([last, clause]) < 2 && commonSuffix([last, clause]) < 2) flush();
    run.push(clause);
  }
  flush();
  return out;
}

/**
 * Characters that end the words leading into a series (做到|讲规矩, 通过|个人自学,
 * 加强对|政策法规, 在工作中|严于律己): verbs of doing and achieving, prepositions,
 * place words and particles. A cut anywhere else may split a word (工业|平台建设).
 */
const LEAD_END = /[到过取对持绕照力保强现动做行在于从将把以用是中上下要能会了着地为按向就]$/;
/** What may follow the last item of a series: a particle, 等, or nothing. */
const TAIL_START = /^(?:[的地得等]|$)/;

/**
 * Decides whether `rawItems` form a series or pair, and returns it with the
 * words that lead into the first item and out of the last removed.
 */
function alignSeries(rawItems: string[], minShared = 1, wholeList = false): Phrase | null {
  const items = rawItems.map((s) => s.trim());
  if (items.some((s) => !CJK_RE.test(s))) return null;
  const n = items.length;
  if (n === 2) return alignPair(items[0]!, items[1]!, minShared, wholeList);
  const inner = items.slice(1, -1);
  // The inner items are whole; the first and last may carry words around the series.
  const ref = inner[0]!.length;
  if (ref < MIN_ITEM || ref > MAX_ITEM) return null;

  const prefix = commonPrefix([...inner, items[n - 1]!]);
  const suffix = commonSuffix([items[0]!, ...inner]);
  const first = trimFirst(items[0]!, ref, prefix, items.slice(1));
  const last = trimLast(items[n - 1]!, ref, prefix, suffix, items.slice(0, -1));
  const aligned = [first, ...inner, last];
  if (aligned.some((s) => s.length < MIN_ITEM || s.length > MAX_ITEM)) return null;

  const sameLength = aligned.every((s) => s.length === aligned[0]!.length);
  const shared = Math.max(
    commonPrefix(aligned),
    commonSuffix(aligned),
    sameLength ? sharedPositions(aligned) : 0,
  );
  const text = aligned.join('、');
  if (shared >= minShared && shared < Math.min(...aligned.map((s) => s.length))) return { type: 'series', text };
  // Short phrases of one length with nothing in common (列出清单、明确时限、跟踪问效;
  // 讲规矩、守纪律、重品行) are a series when they are the whole list and both ends
  // fall on word boundaries; part of a longer list is just a list.
  if (wholeList && sameLength && ref <= 4 && cleanEnds(items[0]!, first, items[n - 1]!, last)) {
    return { type: 'series', text };
  }
  return null;
}

function cleanEnds(rawFirst: string, first: string, rawLast: string, last: string): boolean {
  const lead = rawFirst.slice(0, rawFirst.length - first.length);
  const tail = rawLast.slice(last.length);
  return (lead === '' || LEAD_END.test(lead)) && TAIL_START.test(tail);
}

/**
 * Two items that mirror each other. Both may carry extra words: the pair starts
 * where the second item's opening reappears in the first ("但对照新时期、新形势对于…"
 * → 新时期、新形势), or ends where the first item's ending reappears in the second.
 * Two four-character phrases with nothing in common (咬耳扯袖、红脸出汗) count when
 * they are all the clause holds and both ends fall on word boundaries.
 */
function alignPair(a: string, b: string, minShared: number, wholeList: boolean): Phrase | null {
  const candidates: [string, string][] = [[a, b]];
  for (let p = Math.min(4, b.length); p >= 1; p--) {
    const at = a.lastIndexOf(b.slice(0, p));
    if (at < 0) continue;
    const first = a.slice(at);
    // Cutting the second item short is only safe for short set phrases (新情况、新问题).
    if (b.length === first.length || (b.length > first.length && first.length <= 4)) {
      candidates.push([first, b.slice(0, first.length)]);
    }
    break;
  }
  for (let q = Math.min(4, a.length); q >= 2; q--) {
    const at = b.indexOf(a.slice(a.length - q));
    if (at < 0) continue;
    const last = b.slice(0, at + q);
    if (a.length >= last.length) candidates.push([a.slice(a.length - last.length), last]);
    break;
  }
  for (const [first, last] of candidates) {
    if (first.length !== last.length || first.length < 3 || first.length > 12) continue;
    const shared = sharedPositions([first, last]);
    // One shared character makes a pair only when it opens both (创新思路、创优举措);
    // elsewhere it is as likely chance (征地拆迁、土地规划).
    const enough = shared >= Math.max(minShared, first[0] === last[0] ? 1 : 2);
    const mirrored =
      (enough && shared < first.length) ||
      (reduplicationPattern(first) !== '' && reduplicationPattern(first) === reduplicationPattern(last));
    if (mirrored) return { type: 'pair', text: `${first}、${last}` };
  }
  if (wholeList) {
    const first = a.slice(-4);
    const last = b.slice(0, 4);
    if (first.length === 4 && last.length === 4 && cleanEnds(a, first, b, last)) {
      return { type: 'pair', text: `${first}、${last}` };
    }
  }
  return null;
}

/** The first item without the words that lead into the series ("把学习作为一种职业准备" → "一种职业准备"). */
function trimFirst(item: string, ref: number, prefix: number, others: string[]): string {
  if (item.length <= ref) return item;
  if (prefix > 0) {
    const lead = others[0]!.slice(0, prefix);
    const at = item.lastIndexOf(lead);
    if (at >= 0 && item.length - at <= ref + 2) return item.slice(at);
  }
  return item.slice(item.length - ref);
}

/**
 * The last item without the words that lead out of it ("有选择地科学学习" → "有选择"),
 * or whole when it opens like the others and nothing marks where it ends
 * ("管好自己、管好家属、管好身边工作人员").
 */
function trimLast(rawItem: string, ref: number, prefix: number, suffix: number, others: string[]): string {
  // "……等" / "……等方面" close a list; they are not part of its last item.
  const item = rawItem.replace(/等(?:方面|领域|环节)?$/, '');
  if (item.length <= ref) return item;
  if (suffix > 0) {
    const tail = others[0]!.slice(others[0]!.length - suffix);
    const at = item.indexOf(tail);
    if (at >= 0 && at + suffix <= ref + 2) return item.slice(0, at + suffix);
  }
  const particle = item.slice(1).search(/[的地得等]/) + 1;
  // The item just before the last is whole, so it shows how the items open.
  if (prefix >= 2 && item.startsWith(others[others.length - 1]!.slice(0, prefix))) {
    return particle > 0 ? item.slice(0, particle) : item;
  }
  if (particle >= ref && particle <= ref + 2) return item.slice(0, particle);
  return item.slice(0, ref);
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

function sharedPositions(items: string[]): number {
  const first = items[0]!;
  let count = 0;
  for (let i = 0; i < first.length; i++) if (items.every((s) => s[i] === first[i])) count++;
  return count;
}

/** "AABB……" → "AABB", the shape of repeated characters at the start, or '' when none. */
function reduplicationPattern(s: string): string {
  if (s.length >= 4 && s[0] === s[1] && s[2] === s[3] && s[0] !== s[2]) return 'AABB';
  if (s.length >= 4 && s[0] === s[2] && s[1] === s[3] && s[0] !== s[1]) return 'ABAB';
  return '';
}

const CLAUSE_START = '(?<=^|[，,])';
const CLAUSE_END = '(?=[，,]|$)';
const SET_SENTENCE_PATTERNS: RegExp[] = [
  new RegExp(`不仅[^，,]{2,24}[，,](?:更|还|而且|也)[^，,]{2,24}${CLAUSE_END}`, 'g'),
  new RegExp(`既要[^，,、]{2,20}[，,、]又要[^，,、]{2,20}${CLAUSE_END}`, 'g'),
  new RegExp(`一方面[^，,]{2,24}[，,]另一方面[^，,]{2,24}${CLAUSE_END}`, 'g'),
  new RegExp(`${CLAUSE_START}以[^，,]{2,20}(?:推动|促进|带动|保障|引领|助推)[^，,]{2,20}${CLAUSE_END}`, 'g'),
  new RegExp(`${CLAUSE_START}把[^，,、]{2,20}(?:作为|当作|放在|摆在|转化为)[^，,]{2,30}${CLAUSE_END}`, 'g'),
];

function findSetSentences(sentence: string): Phrase[] {
  const out: Phrase[] = [];
  for (const pattern of SET_SENTENCE_PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      if (m[0].length <= MAX_SENTENCE) out.push({ type: 'sentence', text: m[0] });
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
  const headingCopies = headingCopySet(headings);
  const candidates: FoundPhrase[] = [];
  const seen = new Set<string>();
  for (const { text, path } of paragraphs) {
    const local = findPhrases(text).filter((p) => !headingCopies.has(squash(p.text)));
    for (const phrase of local) {
      // A set sentence that holds a series of the same paragraph already says it.
      if (local.some((other) => other !== phrase && other.text.length > phrase.text.length && other.text.includes(phrase.text))) continue;
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

/**
 * What counts as a copy of a heading: the heading itself, any of its clauses,
 * and any stretch of it at least half its length.
 */
function headingCopySet(headings: readonly string[]): Set<string> {
  const copies = new Set<string>();
  for (const heading of headings) {
    for (const clause of heading.split(/[，,；;：:]/)) if (clause) copies.add(squash(clause));
    const whole = squash(heading);
    if (whole.length > MAX_GUARDED_HEADING) continue;
    const min = Math.max(2, Math.ceil(whole.length / 2));
    for (let length = min; length <= whole.length; length++) {
      for (let start = 0; start + length <= whole.length; start++) copies.add(whole.slice(start, start + length));
    }
  }
  return copies;
}
