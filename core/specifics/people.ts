/** People named in the report, and the 落款: the unit, position, name and date that end it. */
import type { Candidates } from './candidates';
import { leadsIntoName } from './name-start';
import { isPosition } from './roles';
import { ORG_END_RE, PLACE_LEVEL_RE, type UnitParse, headUnit, parseUnit, placeUnit } from './units';
import {
  CN_DIGIT,
  CN_NUMBER,
  DEPARTMENT_RE,
  DIGIT,
  HAN,
  MARK,
  MARK_RE,
  MODAL,
  MONTH_DAY,
  ORG_LONG,
  PARTY_ORG_RE,
  POSITION_RE,
  QUALIFIED_BRANCH_RE,
  SELF_NAMING,
  STOP,
  TITLES,
  TITLE_ALT,
  WEAK_TITLES,
  YEAR,
  isHan,
  isMark,
  isNameChar,
} from './vocabulary';
import type { WriterUnit } from './writer-unit';

/** Legal forms that complete the name before them rather than naming a part of it. */
const LEGAL_FORM_RE = /^(?:股份有限公司|有限责任公司|有限公司|公司)$/;

/** Common surnames, so that a short line of the 落款 can be told to be a name. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '司徒', '夏侯', '慕容', '尉迟', '长孙', '公孙', '宇文'];
export const SPEAKER_RE = new RegExp(`(?:发言人|汇报人|报告人|撰写人|作者|姓名|署名)[:：]\\s*([${HAN}${MARK}]{2,4})`, 'g');

/** A person's name: a common surname and one or two more characters (李某, 张某某, 欧阳某), or stand-ins only (某某某). */
function isPersonName(words: string): boolean {
  if (/^[某XＸ×]{2,3}$/.test(words)) return true;
  if (words.length < 2 || words.length > 4 || ![...words].every((ch) => isHan(ch) || MARK_RE.test(ch))) return false;
  const surname = COMPOUND_SURNAMES.find((s) => words.startsWith(s)) ?? words[0]!;
  if (!SURNAMES.has(surname) && !COMPOUND_SURNAMES.includes(surname)) return false;
  const given = words.slice(surname.length);
  return given.length >= 1 && given.length <= 2 && ![...given].some((ch) => STOP.has(ch) || MODAL.has(ch) || NOT_GIVEN_NAME.has(ch));
}

/** Characters of the words that precede 同志 without being a name (全体同志, 党员同志, 年轻同志). */
const NOT_GIVEN_NAME = new Set('体员们部级名些位班里方事务轻老新大他同志多');

export function addPerson(words: string, found: Candidates) {
  if (isPersonName(words)) found.add({ text: words, kind: 'person', name: '姓名' });
}

/**
 * Colleagues named in a criticism speech: 王某同志 opening a paragraph, 对镇长李某同志,
 * 党委副书记陈某同志. A name is taken only there, or with a stand-in (某, X), so that
 * the figures a report learns from (学习焦裕禄同志) are not taken for colleagues.
 */
export function findComrades(text: string, found: Candidates) {
  for (let at = text.indexOf('同志'); at >= 0; at = text.indexOf('同志', at + 2)) {
    for (let len = 4; len >= 2; len--) {
      const start = at - len;
      if (start < 0) continue;
      const name = text.slice(start, at);
      const before = text.slice(Math.max(0, start - 8), start);
      const addressed = start === 0 || before.endsWith('对') || TITLES.some((t) => before.endsWith(t));
      const marked = [...name].some(isMark) && (start === 0 || !isNameChar(before[before.length - 1]) || leadsIntoName(text, start));
      if ((addressed || marked) && isPersonName(name)) {
        addPerson(name, found);
        break;
      }
    }
  }
}

export const SIGNATURE_MAX = 40;
export const SPEAKER_LINE_RE = /^(?:发言人|汇报人|报告人)[:：]\s*(.+)$/;
const DATE_LINE_RE = new RegExp(`^[（(]?(?:${YEAR}\\s*${MONTH_DAY}|${YEAR}\\s*${DIGIT}{1,2}\\s*月|${CN_DIGIT}{4}年${CN_NUMBER}月(?:${CN_NUMBER}日)?)[）)]?$`);

/** The 落款: the short lines that end the report — unit, name, date — after its last sentence. */
export function signatureLines(paragraphs: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = paragraphs.length - 1; i >= 1 && lines.length < 5; i--) {
    const line = paragraphs[i]!.trim();
    const isDate = DATE_LINE_RE.test(line.replace(/\s+/g, ''));
    const isShort = line.length <= SIGNATURE_MAX && !/[。！？；，,;!?]/.test(line) && !/^[一二三四五六七八九十]+[、.．]|^[（(]/.test(line);
    if (!isDate && !isShort && !SPEAKER_LINE_RE.test(line)) break;
    lines.unshift(line);
  }
  return lines;
}

/** One line of the 落款: a date; 发言人：陈某; a name; or unit, position and name, run together or apart. */
export function readSignatureLine(line: string, body: string, found: Candidates, writer: WriterUnit, signatureDates: Set<string>) {
  const compact = line.replace(/\s+/g, '');
  if (DATE_LINE_RE.test(compact)) {
    signatureDates.add(line.replace(/^[（(]|[）)]$/g, ''));
    return;
  }
  const speaker = line.match(SPEAKER_LINE_RE);
  const tokens = (speaker ? speaker[1]! : line).split(/[\s\u3000]+/).filter(Boolean);
  tokens.forEach((token, index) => {
    if (isPersonName(token) && (index === tokens.length - 1 || tokens.length === 1)) {
      addPerson(token, found);
      return;
    }
    let rest = token;
    const nameAtEnd = rest.match(new RegExp(`(?:${TITLE_ALT})([${HAN}${MARK}]{2,4})$`));
    if (nameAtEnd && isPersonName(nameAtEnd[1]!)) {
      addPerson(nameAtEnd[1]!, found);
      rest = rest.slice(0, -nameAtEnd[1]!.length);
    }
    readSignatureUnit(rest, body, found, writer);
  });
}

/**
 * The unit of a 落款 line. The line is evidence enough that its words are a
 * unit even without a place in front (机加工车间党支部). A unit named down to its
 * department (X市财政局预算科) is the unit and the department — unless the report
 * names the whole elsewhere (X大学文学院), which is then the writer's unit and
 * its last part the short form (文学院).
 */
function readSignatureUnit(words: string, body: string, found: Candidates, writer: WriterUnit) {
  let unitWords = words;
  const role = signedRole(words);
  if (role) {
    unitWords = role.unit;
    found.add({ text: role.position, kind: 'position', name: '职务', keepInside: true });
    for (const department of role.departments) {
      found.add({ text: department, kind: 'unit', name: '部门名称', keepInside: true });
      const own = department.match(new RegExp(`^[${MARK}]+(.+)$`))?.[1];
      if (own && SELF_NAMING[own]?.word === own) found.add({ text: own, kind: 'unit-short', name: '部门简称' });
    }
  }
  const unit = parseUnit(unitWords) ?? placeUnit(unitWords) ?? signedUnit(unitWords);
  if (!unit) return;
  const head = headUnit(unit);
  // The party body is the writer's unit where the position is its title alone (某某村党支部 | 党支部书记) or follows it (某某乡党委 | 副书记).
  const party = unit.text.match(PARTY_ORG_RE)?.[0];
  const partyIsUnit = role && party && (!role.position.startsWith(party) || (!role.position.includes('、') && TITLES.includes(role.position.slice(party.length))));
  if (head.text !== unit.text && (QUALIFIED_BRANCH_RE.test(unit.text) || partyIsUnit)) found.add({ text: unit.text, kind: 'unit', name: '党组织名称', keepInside: true });
  const split = splitDepartment(head);
  if (split && body.includes(head.text)) {
    writer.setFromSignature(head);
    found.add({ text: head.text, kind: 'unit', name: '单位全称', keepInside: true });
    found.add({ text: split.department, kind: 'unit-short', name: '单位简称' });
    return;
  }
  if (split) {
    writer.setFromSignature(split.head);
    found.add({ text: split.head.text, kind: 'unit', name: '单位全称', keepInside: true });
    found.add({ text: split.department, kind: 'unit', name: /[科室股处]$/.test(split.department) ? '科室名称' : '部门名称', keepInside: true });
    return;
  }
  writer.setFromSignature(head);
  found.add({ text: head.text, kind: 'unit', name: '单位全称', keepInside: true });
}

/**
 * A 落款 line's unit and position run together: the shortest position at its
 * end after words that are a unit (某某乡党委 | 副书记). A bare title takes the
 * party body in front with it (某某村党支部 | 书记 → 党支部书记; X县公安局党委 |
 * 委员、某某派出所所长 → 党委委员、某某派出所所长), the unit keeping it too.
 */
function signedRole(words: string): { unit: string; position: string; departments: string[] } | null {
  for (let cut = words.length - 2; cut >= 2; cut--) {
    let position = words.slice(cut);
    if (position.match(POSITION_RE)?.[0] !== position) continue;
    const unit = words.slice(0, cut);
    if (!(parseUnit(unit) ?? placeUnit(unit) ?? signedUnit(unit))) continue;
    const first = position.split('、')[0]!;
    const party = unit.match(PARTY_ORG_RE)?.[0];
    if (party && TITLES.includes(first) && (first.length <= 2 || WEAK_TITLES.has(first))) position = party + position;
    if (!isPosition(position)) continue;
    const departments = position
      .split('、')
      .map((part) => part.slice(0, -TITLES.find((t) => part.endsWith(t))!.length))
      .filter((body) => MARK_RE.test(body[0] ?? '') && ORG_END_RE.test(body));
    return { unit, position, departments };
  }
  return null;
}

/** Words a 落款 line gives as its unit: they end in an organisation's suffix and read as a name (no particles). */
function signedUnit(words: string): UnitParse | null {
  const suffix = words.match(ORG_END_RE)?.[0];
  if (!suffix || words.length < 4 || [...words].some((ch) => STOP.has(ch) || !isNameChar(ch))) return null;
  return { text: words, places: [], body: words.slice(0, -suffix.length), suffix };
}

/**
 * Splits a 落款's unit named down to its department (X市财政局预算科) into the
 * unit and the department; the 落款 vouches for the unit's words as it does
 * for the whole (国家税务总局某某县税务局 | 办公室).
 */
function splitDepartment(unit: UnitParse): { head: UnitParse; department: string } | null {
  const words = unit.text;
  for (let cut = words.length - Math.max(unit.suffix.length, 3); cut >= 3; cut--) {
    const department = words.slice(cut);
    if (LEGAL_FORM_RE.test(department) || PARTY_ORG_RE.test(department) || cutsSuffixWord(words, cut)) continue;
    if (!DEPARTMENT_RE.test(department)) continue;
    const head = parseUnit(words.slice(0, cut)) ?? signedUnit(words.slice(0, cut));
    if (head && !startsOwnUnit(department)) return { head, department };
  }
  return null;
}

/** A cut inside an organisation's word (县委|员会办公室) is no cut between a unit and its department. */
function cutsSuffixWord(words: string, cut: number): boolean {
  return ORG_LONG.some((word) => {
    for (let at = words.indexOf(word); at >= 0; at = words.indexOf(word, at + 1)) if (at < cut && cut < at + word.length) return true;
    return false;
  });
}

/** Words that start with a place or a stand-in name start a unit of their own, not a department (预算科, 办公室). */
function startsOwnUnit(words: string): boolean {
  return MARK_RE.test(words[0]!) || PLACE_LEVEL_RE.test(words);
}
