/** Places named as places (青川县, 城东片区), and the places a phrase starts with. */
import type { Candidates } from './candidates';
import { startsName } from './name-start';
import { PLACE_LEVEL_RE, isPlaceName, levelStands } from './units';
import { ADMIN, GENERIC_DESCRIPTORS, MARK_RE, MAX_NAME, MODAL, NOT_IN_NAME, NOT_NAME_START, STOP, isHan, isMark } from './vocabulary';

/** Places that are not administrative units: 城东片区, 青山烈士陵园. */
const PLACE_SUFFIXES = ['烈士陵园', '纪念馆', '博物馆', '展览馆', '纪念园', '陵园', '故居', '旧址', '片区', '景区'];

const PLACE_SUFFIX_RE = new RegExp([...PLACE_SUFFIXES, ...ADMIN].join('|'), 'g');

/** Places named as places: 青川县, 枫林社区, 城东片区, 青山烈士陵园 — a proper name where a name can start, then a place's suffix. */
export function findPlaces(text: string, found: Candidates): string[] {
  const places: string[] = [];
  for (const m of text.matchAll(PLACE_SUFFIX_RE)) {
    const suffix = m[0];
    const end = m.index + suffix.length;
    const next = text[end] ?? '';
    const isLevel = ADMIN.includes(suffix);
    // 紧扣县委: a place's committee is a unit, found as one.
    if (isLevel && next === '委') continue;
    for (let len = isLevel ? 3 : 6; len >= 1; len--) {
      const start = m.index - len;
      if (start < 0 || !startsName(text, start)) continue;
      const name = text.slice(start, m.index);
      const marked = [...name].every(isMark);
      if (!marked && !(isLevel ? len >= 2 && [...name].every(isHan) && isPlaceName(name) : isPlaceDescriptor(name))) continue;
      if (isLevel && !levelStands(name + suffix, suffix, next)) continue;
      found.add({ text: name + suffix, kind: 'place', name: '地名' });
      places.push(name + suffix);
      // 清河县东坝镇: a place inside the one before it is named with it.
      const chain = isLevel ? leadingPlace(text.slice(start, start + MAX_NAME)) : null;
      if (chain && chain.length > name.length + suffix.length) {
        found.add({ text: chain, kind: 'place', name: '地名' });
        places.push(chain);
      }
      break;
    }
  }
  return places;
}

/** The words before a place's own suffix (青山烈士 | 陵园, 城东 | 片区): a name or a short description, no verbs. */
function isPlaceDescriptor(words: string): boolean {
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    !NOT_NAME_START.has(words[0]!) &&
    ![...words].some((ch) => !isHan(ch) || STOP.has(ch) || MODAL.has(ch) || NOT_IN_NAME.has(ch)) &&
    !GENERIC_DESCRIPTORS.has(words)
  );
}

/** The places a phrase starts with (白沙镇, X县青石镇), or null. */
export function leadingPlace(words: string): string | null {
  let at = 0;
  for (;;) {
    const level = words.slice(at).match(PLACE_LEVEL_RE);
    const name = level?.[1];
    if (!level || !name || (!MARK_RE.test(name) && !isPlaceName(name)) || !levelStands(level[0], level[2]!, words[at + level[0].length])) break;
    at += level[0].length;
  }
  return at > 0 ? words.slice(0, at) : null;
}
