import type { Candidates } from './candidates';
import { type UnitFind, headUnit, isNamedEnough, timesNamed } from './units';
import { ADMIN, QUALIFIED_BRANCH_RE } from './vocabulary';
import type { WriterUnit } from './writer-unit';

/**
 * The units of the report as proposals. The writer's unit covers its own party
 * body (X市财政局机关党委 is X市财政局's); another unit's party body is the
 * body the report means (县教育局党委 leads the writer's school), and a place's
 * (某某街道党工委) is that place.
 */
export function addUnits(units: readonly UnitFind[], writer: WriterUnit, writerShorts: ReadonlySet<string>, found: Candidates) {
  const writerUnit = writer.unit;
  if (writerUnit && writer.shortOnly) found.add({ text: writerUnit.text, kind: 'unit-short', name: '单位简称' });
  else if (writerUnit) found.add({ text: writerUnit.text, kind: 'unit', name: '单位全称', keepInside: true });
  const named = timesNamed(units);
  for (const unit of units) {
    if (!isNamedEnough(unit, named)) continue;
    const head = headUnit(unit);
    if (head.text !== unit.text && QUALIFIED_BRANCH_RE.test(unit.text)) {
      found.add({ text: unit.text, kind: 'unit', name: '党组织名称' });
      found.add({ text: head.text, kind: 'unit', name: writer.is(head.text) ? '单位全称' : '单位名称', keepInside: true });
      continue;
    }
    if (writer.is(head.text) || writerShorts.has(head.text) || writerShorts.has(unit.text)) continue;
    if (head.text !== unit.text && head.body === '' && ADMIN.includes(head.suffix)) {
      found.add({ text: head.text, kind: 'place', name: '地名' });
      continue;
    }
    if (isVisited(unit)) {
      found.add({ text: unit.text, kind: 'place', name: '地名' });
      continue;
    }
    found.add({ text: unit.text, kind: 'unit', name: unitRole(unit) });
    if (unit.declaredShort) found.add({ text: unit.declaredShort, kind: 'unit-short', name: '单位简称' });
  }
}

/** A unit the writer went to (在县委党校参加了, 赴…, 到…) is where something happened, not who; 在…的领导下 is who. */
function isVisited(unit: UnitFind): boolean {
  if (/前往|来到|走进|[到赴]$/.test(unit.before)) return true;
  return unit.before.endsWith('在') && !/^(?:的|领导|指导|关心|支持|帮助)/.test(unit.after);
}

/** A more telling name than 单位名称 where the sentence says what the unit did. */
function unitRole(unit: UnitFind): string {
  if (/^(?:[^，。；]{0,10})(?:联合)?(?:举办|主办|承办)/.test(unit.after)) return '主办单位';
  if (/委$|党组$|工委$/.test(unit.text)) return '上级党组织';
  if (/按照|根据|依据/.test(unit.before)) return '上级单位';
  return '单位名称';
}
