/** Where a name starts in running text, which has no spaces: after punctuation, or after a word that leads into a name. */
import { isMark, isNameChar } from './vocabulary';

/** Words that, just before a name, show where it starts. */
const LEFT_WORDS_2 = new Set(['作为', '担任', '身为', '参加', '召开', '开好', '开展', '举办', '举行', '出席', '列席', '关于', '根据', '按照', '依据', '围绕', '结合', '通过', '对照', '来到', '前往', '走进', '深入', '代表', '会同', '联合', '就是', '成为', '调任', '调到', '来自']);
const LEFT_WORDS_2_STARTS = new Set([...LEFT_WORDS_2].map((w) => w[0]!));
const LEFT_WORDS_2_ENDS = new Set([...LEFT_WORDS_2].map((w) => w[1]!));
const LEFT_WORDS_1 = new Set('在于为的了和与及同对把被从向将是由经到赴任这本此该次以我上给让使跟受、');

export function leadsIntoName(text: string, at: number): boolean {
  return LEFT_WORDS_1.has(text[at - 1] ?? '') || (LEFT_WORDS_2_ENDS.has(text[at - 1] ?? '') && LEFT_WORDS_2.has(text.slice(at - 2, at)));
}

/**
 * A name can start at `at`: the paragraph or clause starts there, or a word
 * that leads into a name ends there — and no such word starts there (根据市委
 * starts at 市).
 */
export function startsName(text: string, at: number): boolean {
  const first = text[at]!;
  if (LEFT_WORDS_1.has(first) || (LEFT_WORDS_2_STARTS.has(first) && LEFT_WORDS_2.has(text.slice(at, at + 2)))) return false;
  const before = text[at - 1];
  if (at === 0 || !isNameChar(before)) return true;
  if (isMark(first) && !isMark(before)) return true;
  return leadsIntoName(text, at);
}
