/**
 * Pinyin readings of the strings search matches by pinyin (titles, section
 * names, tags, placeholder names: core/search.ts `searchTexts`), computed when
 * a library is built (scripts/builtin-library-plugin.ts) or saved (the options
 * page, utils/library-readings.ts). pinyin-pro and its dictionaries are large,
 * so this module is never imported by the popup or the side panel: they get
 * the readings as data (utils/pinyin-source.ts).
 *
 * Encoding of one text's readings: one token per code point of the text,
 * tokens separated by a space; a token lists the character's readings
 * (toneless, lower case, ü written v) separated by commas, the reading in
 * context first, then the character's other readings; a character with no
 * reading (not Han: Latin, digits, punctuation) has an empty token.
 *   表率 → "biao shuai,lv"    银行2 → "yin hang,xing "
 * Search matches any reading and ranks a match through context readings higher
 * (表率 is biǎo shuài in 表率作用, yet a user types biaolv).
 */
import { pinyin } from 'pinyin-pro';

/** Text → its encoded readings; only texts with Han characters have a row. */
export type PinyinTable = Record<string, string>;

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** "lǜ" → "lv", "shuài" → "shuai": ü first (it is v even with a tone), then tone marks dropped. */
function toneless(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The tokens of a run of Han characters, context reading first. */
function runTokens(run: string): string[] {
  return pinyin(run, { type: 'all', toneType: 'none', v: true }).map((char) => {
    const readings = [toneless(char.pinyin), ...char.polyphonic.map(toneless)].filter((r) => /^[a-z]+$/.test(r));
    return [...new Set(readings)].join(',');
  });
}

/**
 * Readings of every text that contains Han characters. The readings of a run
 * of Han characters do not depend on what lies outside it (a word never spans
 * a digit or a punctuation mark), so runs are read once each: titles that
 * differ by a number or share a section name cost one reading.
 */
export function pinyinTable(texts: Iterable<string>): PinyinTable {
  const table: PinyinTable = Object.create(null) as PinyinTable;
  const runs = new Map<string, string[]>();
  for (const text of texts) {
    if (Object.hasOwn(table, text) || !HAN.test(text)) continue;
    const tokens: string[] = [];
    let last = 0;
    for (const match of text.matchAll(HAN_RUN)) {
      for (const _ of text.slice(last, match.index)) tokens.push('');
      let read = runs.get(match[0]);
      if (!read) runs.set(match[0], (read = runTokens(match[0])));
      tokens.push(...read);
      last = match.index + match[0].length;
    }
    for (const _ of text.slice(last)) tokens.push('');
    table[text] = tokens.join(' ');
  }
  return table;
}

/**
 * The table for `texts`, reusing the rows of `previous` (readings depend only
 * on the text, so an old row is never wrong) and dropping rows for texts no
 * longer listed.
 */
export function refreshPinyinTable(texts: Iterable<string>, previous: Readonly<PinyinTable>): PinyinTable {
  const table: PinyinTable = Object.create(null) as PinyinTable;
  const missing: string[] = [];
  for (const text of texts) {
    if (Object.hasOwn(table, text)) continue;
    if (Object.hasOwn(previous, text)) table[text] = previous[text]!;
    else missing.push(text);
  }
  return Object.assign(table, pinyinTable(missing));
}
