/** Units named in the text, read as places, what the unit does and a suffix (X县 | 发展和改革 | 局). */
import { startsName } from './name-start';
import {
  ADMIN,
  GENERIC_DESCRIPTORS,
  HAN,
  MARK,
  MARK_RE,
  MAX_NAME,
  MODAL,
  NOT_IN_NAME,
  NOT_NAME_START,
  ORG_LONG,
  PARTY_ORG_RE,
  QUALIFIED_BRANCH_RE,
  STOP,
  isNameChar,
} from './vocabulary';

/** One-character organisation suffixes; each is also the start or end of many ordinary words. */
const ORG_SHORT = '局委办厅处科股室所站院校部队馆';

/** Characters after which a one-character suffix is part of another word (干部, 大局, 督办, 好处, 学科). */
const NOT_BEFORE_SHORT: Record<string, string> = {
  部: '干全内外局细东西南北中上下头底总本支分基俱',
  局: '全大格布结时当开变定僵残赌棋饭骗出',
  委: '常编',
  办: '创兴承主督包代帮举开法照好协',
  处: '好之到难相深益短长妙何住此各四办共',
  科: '学本专内外工理文医牙',
  股: '入控参',
  室: '教议居暗',
  所: '场以有处住厕无',
  站: '车网',
  院: '庭剧法',
  校: '母高',
  队: '部团球排车梯',
  馆: '宾饭酒',
  厅: '大客餐',
};

/** Characters that, right after a suffix, make it the start of another word (局长, 委员, 部署, 办法, 中心工作, 党委书记). */
const NOT_AFTER_SUFFIX = '长员法理署门分伍稳位以在面势限置士托事好实结于处得屈技学园主级际属子';

const NOT_AFTER_LONG: Record<string, string> = {
  中心: '工组思任点城', 党委: '书委副成', 党组: '书成副织', 党工委: '书委副成', 支部: '书委', 党支部: '书委', 工委: '书委副',
  中学: '习期生', 小学: '习期生', 大学: '习期生',
};

/** Suffixes that follow a bare place: its party committee, its government, its discipline committee. */
const PLACE_BODY_RE = /^(?:委|党委|党工委|党组|人民政府|政府|纪委|监委)$/;

/** Who a numbered branch gathers, before its number (教工, 机关, 离退休): at most this long. */
const BRANCH_DESCRIPTOR_MAX = 4;

/** Suffixes a descriptor alone may name, without a place in front (工业园区, 城市建设投资集团). */
const DESCRIBED_ORG = new Set(['园区', '开发区', '高新区', '新区', '大学', '学院', '学校', '中学', '小学', '医院', '公司', '有限公司', '集团', '集团有限公司', '股份有限公司', '有限责任公司', '银行', '研究院', '研究所']);

/** Characters that, right after a one-character level, make it part of another word (市场, 县域, 村民, 乡村). */
const NOT_AFTER_ADMIN: Record<string, string> = {
  市: '场民值容政面里情', 区: '域别分间里情', 县: '域级里情', 镇: '静定压里情', 乡: '村亲情愁镇里', 村: '民级庄组干务里情', 省: '思察力级情',
};

/** Characters before a one-character level that make an ordinary word (小区, 辖区, 责任区, 自省, 城市). */
const NOT_BEFORE_ADMIN: Record<string, string> = { 区: '小辖园社景片城山地灾郊市老厂库牧矿营任新战', 省: '自反深内', 市: '城超都上', 村: '乡农山' };

export interface UnitParse {
  text: string;
  /** Named by a descriptor alone (工业园区): a unit only if the report names it so more than once, or as its own. */
  described?: boolean;
  /** The places in front, each with its proper name: ['X县', '青石镇']. */
  places: string[];
  body: string;
  suffix: string;
}

export interface UnitFind extends UnitParse {
  /** The words right before and after it in the sentence. */
  before: string;
  after: string;
  /** Which paragraph, and where in it. */
  paragraph: number;
  at: number;
  /** A short form the report declares for it: （以下简称城投集团）. */
  declaredShort?: string;
}

const ORG_SUFFIX_RE = new RegExp(`${ORG_LONG.join('|')}|[${ORG_SHORT}]`, 'g');
/** Words that end in an organisation's suffix; the match is the suffix. */
export const ORG_END_RE = new RegExp(`(?:${ORG_LONG.join('|')}|[${ORG_SHORT}])$`);
export const ADMIN_ALT = ADMIN.join('|');
export const PLACE_LEVEL_RE = new RegExp(`^(?:([${MARK}]{1,3}|[${HAN}]{2,4}?)?(${ADMIN_ALT}))`);

/** The units named in a paragraph: each organisation suffix, with the longest name before it that starts where a name can. */
export function findUnits(text: string, paragraph: number): UnitFind[] {
  const units: UnitFind[] = [];
  for (const m of text.matchAll(ORG_SUFFIX_RE)) {
    const suffix = m[0];
    const end = m.index + suffix.length;
    if (!suffixStands(text, m.index, suffix)) continue;
    let runStart = m.index;
    while (runStart > 0 && m.index - runStart < MAX_NAME && isNameChar(text[runStart - 1])) runStart--;
    for (let start = runStart; start < m.index; start++) {
      if (!startsName(text, start)) continue;
      const unit = parseUnit(text.slice(start, end));
      if (unit) {
        units.push({ ...unit, before: text.slice(Math.max(0, start - 4), start), after: text.slice(end, end + 30), paragraph, at: start });
        break;
      }
    }
  }
  return units;
}

function suffixStands(text: string, index: number, suffix: string): boolean {
  const next = text[index + suffix.length] ?? '';
  if (suffix.length === 1) {
    const before = text[index - 1];
    if (before && NOT_BEFORE_SHORT[suffix]?.includes(before)) return false;
    return !(next && NOT_AFTER_SUFFIX.includes(next));
  }
  return !(next && NOT_AFTER_LONG[suffix]?.includes(next));
}

/**
 * Reads words as a unit's name: places (X县, 青石镇, 市), then what the unit
 * does (农业农村, 发展和改革), then its suffix. A one-character suffix needs a
 * place or a stand-in name in front (X市财政局, 县委), or it is just a word; a
 * descriptor alone names only the kinds of unit in DESCRIBED_ORG (工业园区).
 */
export function parseUnit(words: string): UnitParse | null {
  let rest = words.startsWith('中共') ? words.slice(2) : words;
  const suffixMatch = rest.match(ORG_END_RE);
  if (!suffixMatch) return null;
  const suffix = suffixMatch[0];
  const places: string[] = [];
  let body = rest.slice(0, rest.length - suffix.length);
  for (;;) {
    const level = body.match(PLACE_LEVEL_RE);
    // A place's committee or government is named by the place alone (县委, 某某乡党委); other units say what they do.
    if (!level || (level[0].length === body.length && !PLACE_BODY_RE.test(suffix))) break;
    const name = level[1] ?? '';
    if (name && !MARK_RE.test(name) && !isPlaceName(name)) break;
    if (!name && places.length > 0) break;
    if (!levelStands(level[0], level[2]!, body[level[0].length])) break;
    places.push(level[0]);
    body = body.slice(level[0].length);
  }
  rest = body;
  if ([...rest].some((ch) => STOP.has(ch))) return null;
  // 区县医院, 乡镇卫生院: levels in general, not one unit.
  if (places.every((p) => ADMIN.includes(p)) && isLevelWord(places.join('') + rest) && !PLACE_BODY_RE.test(suffix)) return null;
  // 市委组织部和X大学, 镇党委统一部署和村党支部: two names, found each by itself.
  const and = rest.indexOf('和');
  if (and >= 0 && (ORG_END_RE.test(rest.slice(0, and)) || ADMIN.includes(rest[and + 1] ?? '') || MARK_RE.test(rest[and + 1] ?? ''))) return null;
  if (/党委|党组|党支部|党工委/.test(rest)) return null;
  const marked = MARK_RE.test(words[0]!) || (words.startsWith('中共') && MARK_RE.test(words[2] ?? ''));
  if (suffix.length === 1 || !DESCRIBED_ORG.has(suffix)) {
    if (places.length === 0 && !marked) return null;
    if (suffix.length === 1 && rest.length === 0 && !(suffix === '委' && places.length > 0)) return null;
  } else if (places.length === 0 && !marked) {
    if (MARK_RE.test(rest) || rest.length < 2 || NOT_NAME_START.has(rest[0]!) || GENERIC_DESCRIPTORS.has(rest)) return null;
  }
  return { text: words, places, body: rest, suffix, described: places.length === 0 && !marked };
}

/** A level's character is a level, not part of an ordinary word (城市, 小区, 村民). */
export function levelStands(place: string, admin: string, next: string | undefined): boolean {
  const before = place[place.length - admin.length - 1];
  return !(next && NOT_AFTER_ADMIN[admin]?.includes(next)) && !(before && NOT_BEFORE_ADMIN[admin]?.includes(before));
}

/** A proper name in front of a place's level: not a verb's or a quantity's start, not a level itself (区辖镇, 县乡村), no particles. */
export function isPlaceName(name: string): boolean {
  return (
    name.length <= 3 &&
    !NOT_NAME_START.has(name[0]!) &&
    !ADMIN.includes(name[0]!) &&
    ![...name].some((ch) => STOP.has(ch) || MODAL.has(ch) || NOT_IN_NAME.has(ch)) &&
    !GENERIC_DESCRIPTORS.has(name)
  );
}

/**
 * The unit a party body belongs to: 市国资委党委 → 市国资委, X县青石镇党委 →
 * X县青石镇, X市实验中学第二党支部 → X市实验中学; 市直机关工委 stays (市直机关
 * names no unit).
 */
export function headUnit(unit: UnitParse): UnitParse {
  const numbered = unit.text.match(QUALIFIED_BRANCH_RE);
  if (numbered) {
    for (let k = 0; k <= BRANCH_DESCRIPTOR_MAX && k <= numbered.index!; k++) {
      const head = unit.text.slice(0, numbered.index! - k);
      const parsed = parseUnit(head) ?? placeUnit(head);
      if (parsed) return parsed;
    }
    return unit;
  }
  const party = unit.text.match(PARTY_ORG_RE);
  if (!party) return unit;
  const head = unit.text.slice(0, party.index);
  return parseUnit(head) ?? placeUnit(head) ?? unit;
}

/** Words that are places only (X县青石镇, X区青禾街道), read as a unit. */
export function placeUnit(words: string): UnitParse | null {
  const places: string[] = [];
  let rest = words;
  while (rest) {
    const level = rest.match(PLACE_LEVEL_RE);
    if (!level) return null;
    const name = level[1] ?? '';
    if (name && !MARK_RE.test(name) && !isPlaceName(name)) return null;
    places.push(level[0]);
    rest = rest.slice(level[0].length);
  }
  if (!places.some((p) => p.length > 1)) return null;
  return { text: words, places, body: '', suffix: ADMIN.find((a) => words.endsWith(a))! };
}

/** A unit named by a descriptor alone is one only if the report names it so twice (工业园区), not once in passing (努力推动园区). */
export function isNamedEnough(unit: UnitFind, timesNamed: ReadonlyMap<string, number>): boolean {
  return !unit.described || (timesNamed.get(unit.text) ?? 0) >= 2;
}

export function timesNamed(units: readonly UnitFind[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.text, (counts.get(u.text) ?? 0) + 1);
  return counts;
}

/** Words made of administrative levels only: 乡镇, 社区, 县, 村. */
export function isLevelWord(words: string): boolean {
  return new RegExp(`^(?:${ADMIN_ALT})+$`).test(words);
}
