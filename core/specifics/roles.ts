/** Positions: the writer's roles as the report states them. */
import type { Candidates } from './candidates';
import { leadingPlace } from './places';
import { ADMIN_ALT, ORG_END_RE, type UnitFind, isLevelWord } from './units';
import { ADMIN, DEPARTMENT_RE, GENERIC_WORDS, PARTY_ORG_RE, POSITION_RE, QUALIFIED_BRANCH_RE, STOP, TITLES, WEAK_TITLES } from './vocabulary';

const POSITION_LEAD_RE = /(?:作为|身为|担任|任职|我是)(?:一名|一位|一个)?/g;

/** The writer's role as one phrase tells it: 作为 [unit or place] [department] position. */
export interface Role {
  position: string;
  /** The unit the report's title puts in front of the position (X县委办公室副主任个人党性分析报告): the writer's. */
  unit?: string;
  /** A place the phrase puts in front of the position (白沙镇党委委员): where the writer works. */
  place?: string;
  department?: string;
}

/**
 * The writer's roles as the report states them: after 作为/担任 (作为一名乡镇党委书记, 作为X市财政局
 * 预算科科长), and a place followed straight by a position (青禾社区党委书记的职责,
 * 青禾街道党工委书记2026年度…), and the title's unit followed by a position
 * (X县委办公室副主任个人党性分析报告). The unit in front is left to the unit's own
 * placeholder; before a bare two-character title (科长, 主任) the department stays,
 * as it says what the title is of (预算科科长, 车间主任).
 */
export function findRoles(paragraphs: readonly string[], units: readonly UnitFind[], places: readonly string[], signed: readonly string[]): Role[] {
  // A unit's party body stays out of the prefix: 党支部书记 is the position in X县第二实验中学党支部书记.
  const unitWords = [...new Set([...units.map((u) => u.text), ...units.flatMap((u) => (u.declaredShort ? [u.declaredShort] : [])), ...signed])]
    .filter((u) => !PARTY_ORG_RE.test(u) || QUALIFIED_BRANCH_RE.test(u))
    .sort((a, b) => b.length - a.length);
  const roles: Role[] = [];
  const text = paragraphs.join('\n');
  for (const m of text.matchAll(POSITION_LEAD_RE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80).replace(/^([^，。；：！？,;:!?]*?)[（(][^）)]{0,24}[）)]/, '$1');
    const role = readRole(after.match(/^[^，。；：！？,;:!?\s]*/)![0], unitWords, true);
    if (role) roles.push(role);
  }
  for (const place of new Set(places)) {
    for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + place.length)) {
      const rest = text.slice(at + place.length, at + place.length + 30);
      if (!startsWithTitleBody(rest)) continue;
      const role = readRole(place + rest.match(POSITION_RE)?.[0], [], false);
      if (role?.place) roles.push(role);
    }
  }
  for (const unit of units.filter((u) => u.paragraph === 0)) {
    if (unit.at === 0 && startsWithTitleBody(unit.after)) {
      const role = readRole(unit.text + unit.after.match(POSITION_RE)?.[0], [unit.text], false);
      if (role) roles.push({ ...role, unit: unit.text });
    }
  }
  return roles;
}

function readRole(phrase: string, unitWords: readonly string[], led: boolean): Role | null {
  let words = phrase;
  const unit = unitWords.find((u) => words.startsWith(u) && words.length > u.length);
  let place: string | undefined;
  if (unit) words = words.slice(unit.length);
  else {
    const levels = leadingPlace(words);
    if (levels && startsWithTitleBody(words.slice(levels.length))) {
      place = levels;
      words = words.slice(levels.length);
    }
  }
  const m = words.match(POSITION_RE);
  if (!m) return null;
  const parts = m[0].slice(m[0].lastIndexOf('的') + 1).split('、');
  const first = parts[0]!;
  const title = TITLES.find((t) => first.endsWith(t))!;
  const body = first.slice(0, -title.length);
  let department: string | undefined;
  const org = body.match(ORG_END_RE);
  if (org && body.length >= 3 && DEPARTMENT_RE.test(body) && !PARTY_ORG_RE.test(body) && !ADMIN.includes(body[0]!)) {
    department = body;
    parts[0] = title.length > 2 ? title : body.length <= 4 ? body + title : org[0] + title;
  } else if (!led && !place && title === first) return null;
  // After a place, its party committee goes with the unit when the title says enough alone (某某乡党委 | 副书记), not before 书记 or 委员.
  // The party body goes with the unit in front when the title says enough alone (某某乡党委 | 副书记); before 书记 or
  // 委员 it stays (党支部书记). Words in front of it name the unit, which has its own placeholder (学院教工第一党支部书记,
  // 公司党委副书记, 局党组书记); a level (乡镇党委书记, 社区党委书记) says what kind of secretary, and stays.
  const party = body.match(PARTY_ORG_RE)?.[0];
  const namesUnit = party !== undefined && (party === body ? Boolean(place || unit) : !isLevelWord(body.slice(0, -party.length)));
  if (party && namesUnit) parts[0] = title.length > 2 && !WEAK_TITLES.has(title) ? title : party.replace(/^机关/, '') + title;
  if (unit && parts[0] === title && title.length <= 2 && DEPARTMENT_RE.test(unit)) parts[0] = (unit.length <= 4 ? unit : unit.match(DEPARTMENT_RE)![0]) + title;
  const position = parts.join('、');
  if (!isPosition(position)) return null;
  return { position, place, department };
}

/** Right after a unit or place, a position starts with its title or a party body (党委书记, 副局长), not with any word that happens to end in a title. */
function startsWithTitleBody(words: string): boolean {
  return /^(?:副|党|纪|组织|宣传|常务|主要|总|董事|监事)/.test(words) || TITLES.some((t) => words.startsWith(t));
}

/**
 * Positions, departments and the places of roles as proposals. A position
 * inside a longer one of the same writer (年级组长 in 组织委员、初二年级组长; 镇纪委书记
 * beside 党委委员、纪委书记) is the same position said shorter.
 */
export function addRoles(roles: readonly Role[], found: Candidates) {
  const positions = [...new Set(roles.map((r) => r.position))];
  for (const position of positions) {
    const shorter = position.replace(new RegExp(`^(?:${ADMIN_ALT})`), '');
    const inside = (other: string) => other !== position && (other.includes(position) || (shorter !== position && other.length > shorter.length && other.includes(shorter)));
    if (positions.some(inside)) continue;
    // Offered even where a department's name takes its words (二分厂机加工车间 | 车间主任): the user chooses.
    found.add({ text: position, kind: 'position', name: '职务', keepInside: true });
  }
  for (const role of roles) {
    if (role.department) found.add({ text: role.department, kind: 'unit', name: /[科室股处]$/.test(role.department) ? '科室名称' : '部门名称' });
  }
}

export function isPosition(words: string): boolean {
  if (words.length < 3 || GENERIC_WORDS.has(words) || /总书记$/.test(words)) return false;
  return words.split('、').every((part) => {
    const title = TITLES.find((t) => part.endsWith(t));
    if (!title) return false;
    const body = part.slice(0, -title.length);
    if ([...body].some((ch) => STOP.has(ch))) return false;
    if (WEAK_TITLES.has(title)) return body.length >= 2 && !/^(?:班子|普通|一般|全体|党员)$/.test(body);
    return part.length >= 3 || words.includes('、');
  });
}
