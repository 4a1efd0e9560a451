/** The writer's unit as the report also names it, and the short forms the report declares for a unit. */
import type { Candidates } from './candidates';
import { leadsIntoName } from './name-start';
import { type UnitFind, type UnitParse, headUnit } from './units';
import { ADMIN, GENERIC_WORDS, PARTY_ORG_RE, SELF_NAMING, isHan, isNameChar } from './vocabulary';
import type { WriterUnit } from './writer-unit';

/** “X市城市建设投资集团有限公司（以下简称城投集团）”: the short form the report itself declares. */
export function findShortFormDeclarations(text: string, units: UnitFind[]) {
  for (const m of text.matchAll(/[（(](?:以下)?简称[“"]?([^）)”"]{2,10})[”"]?[）)]/g)) {
    const unit = units.findLast((u) => text.lastIndexOf(u.text, m.index) === m.index - u.text.length);
    if (unit) unit.declaredShort = m[1]!;
  }
}

/**
 * The writer's unit as the report also names it: without its places
 * (X县青石镇 → 青石镇), by its kind (工业园区 → 园区), as “我镇”, with its party
 * body (局党组), abbreviated (城市建设投资集团 → 城投集团), or as the report
 * declares (以下简称…). Each only where the report uses it.
 */
export function addShortForms(paragraphs: readonly string[], writer: WriterUnit, units: readonly UnitFind[], found: Candidates): Set<string> {
  const proposed = new Set<string>();
  const unit = writer.unit;
  if (!unit) return proposed;
  const text = paragraphs.join('\n');
  const shorts: string[] = [];
  for (const u of units) {
    if (u.declaredShort && headUnit(u).text === unit.text) {
      found.setShort({ text: u.declaredShort, kind: 'unit-short', name: '单位简称' });
      proposed.add(u.declaredShort);
    }
  }
  const withoutCpc = unit.text.replace(/^中共/, '');
  if (withoutCpc !== unit.text) shorts.push(withoutCpc);
  for (let k = 0; k < unit.places.length; k++) {
    const rest = withoutCpc.slice(unit.places.slice(0, k + 1).join('').length);
    const place = unit.places[k]!;
    const admin = ADMIN.find((a) => place.endsWith(a))!;
    if (place.length > admin.length && k === 0) shorts.push(admin + rest);
    if (rest.length >= 3 || (rest.length === 2 && !GENERIC_WORDS.has(rest) && unit.body === '')) shorts.push(rest);
  }
  const naming = SELF_NAMING[unit.suffix];
  if (naming?.word && unit.body) shorts.push(naming.word);
  const kindChar = naming?.char ?? (unit.suffix.length === 1 ? unit.suffix : ADMIN.find((a) => unit.text.endsWith(a)));
  if (kindChar) {
    shorts.push(`我${kindChar}`, `本${kindChar}`);
    if (kindChar.length === 1) for (const party of ['机关党委', '机关党支部', '党组', '党委', '党工委', '党总支', '党支部', '纪委']) shorts.push(kindChar + party);
  }
  shorts.push(...abbreviations(text, unit));
  for (const short of shorts) {
    if (short === unit.text || !standsAlone(text, short)) continue;
    const kind = /^[我本]/.test(short) && short.length <= 3 ? '单位自称' : PARTY_ORG_RE.test(short) || short.endsWith('纪委') ? '单位党组织' : '单位简称';
    found.setShort({ text: short, kind: 'unit-short', name: kind });
    proposed.add(short);
  }
  // The county or city the unit is in, as the report calls it: 本县, 我市.
  for (const place of unit.places.slice(0, -1).concat(unit.body || unit.suffix.length > 1 ? unit.places.slice(-1) : [])) {
    const admin = ADMIN.find((a) => place.endsWith(a))!;
    if (place.length === admin.length || admin === kindChar) continue;
    for (const word of [`本${admin}`, `我${admin}`]) if (standsAlone(text, word)) found.add({ text: word, kind: 'place', name: '所在地' });
  }
  return proposed;
}

/**
 * The words occur where a name can start (按照局党组), not only inside other
 * words (学校党委 is no 校党委); 我镇 and 本局 start a word wherever they stand.
 */
function standsAlone(text: string, words: string): boolean {
  const selfStarting = /^[我本]/.test(words);
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (selfStarting || at === 0 || !isNameChar(text[at - 1]) || leadsIntoName(text, at)) return true;
  }
  return false;
}

/** Abbreviations of the unit in the report: its kind's word after characters taken in order from its name, the first kept (发展和改革局 → 发改局). */
function abbreviations(text: string, unit: UnitParse): string[] {
  const source = unit.body;
  if (!source) return [];
  // The kind's word, or its first character (委员会 → 委: 卫生健康委员会 → 卫健委), a legal form left out (集团有限公司 → 集团).
  const kind = unit.suffix.replace(/有限公司$|股份有限公司$|有限责任公司$/, '') || unit.suffix;
  const tails = [...new Set([kind, SELF_NAMING[unit.suffix]?.char ?? kind[0]!])];
  const level = unit.places.length > 0 ? ADMIN.find((a) => unit.places[unit.places.length - 1]!.endsWith(a))! : '';
  const out: string[] = [];
  for (const tail of tails) {
    for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
      for (let len = 2; len <= 4 && len <= at; len++) {
        const letters = text.slice(at - len, at);
        if (letters[0] !== source[0] || ![...letters].every(isHan) || !isSubsequence(letters, source)) continue;
        // 市卫健委: the unit's level in front is part of the short form.
        const words = (level && text.slice(at - len - level.length, at - len) === level ? level : '') + letters + tail;
        if (!unit.text.includes(words) && !unit.text.includes(letters + tail)) out.push(words);
      }
    }
  }
  return out;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}
