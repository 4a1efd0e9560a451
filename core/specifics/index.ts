/**
 * The specifics of one report — its unit and the unit's short forms, the
 * meeting or course it was written for, years and dates, places, the writer's
 * name and position — found in its text and proposed as placeholders, so an
 * imported report becomes a template another year or another writer can fill.
 *
 * Chinese has no spaces, so names are found by how they are built: a name ends
 * in a suffix that says what it is (县 镇 街道 for places; 局 委 中心 公司 党委
 * for organisations; 研修班 培训班 for courses; 民主生活会 for meetings) and
 * starts where the sentence around it leaves off (after punctuation, a verb
 * such as 参加 or 召开, a preposition such as 在 or 按照). The 落款 at the end
 * names the writer's unit, name and date outright, and the unit's short forms
 * are read off its full name. Precision comes first: a generic word proposed
 * (党委, 群众, 领导干部) costs the user more than a specific missed.
 *
 * One file per job: times.ts; events.ts (meetings and courses); units.ts
 * (reading a unit's name), writer-unit.ts, short-forms.ts and
 * unit-proposals.ts; places.ts; roles.ts (positions); people.ts (people and
 * the 落款). vocabulary.ts holds the words they share, name-start.ts where a
 * name can start, candidates.ts what they find and how it is counted and named.
 */
import { Candidates, type PlaceholderProposal, finish } from './candidates';
import { COURSE_SUFFIX_RE, MEETING_SUFFIX_RE, findNamedEvents } from './events';
import { SIGNATURE_MAX, SPEAKER_LINE_RE, SPEAKER_RE, addPerson, findComrades, readSignatureLine, signatureLines } from './people';
import { findPlaces } from './places';
import { addRoles, findRoles } from './roles';
import { addShortForms, findShortFormDeclarations } from './short-forms';
import { findTimes, withoutHistory } from './times';
import { addUnits } from './unit-proposals';
import { type UnitFind, findUnits } from './units';
import { WriterUnit } from './writer-unit';

export type { PlaceholderProposal, SpecificKind } from './candidates';

/**
 * Proposed placeholders for a report's paragraphs, one per distinct value,
 * in order of first occurrence.
 */
export function proposePlaceholders(paragraphs: readonly string[]): PlaceholderProposal[] {
  const found = new Candidates();
  const signature = signatureLines(paragraphs);
  const body = paragraphs.slice(0, paragraphs.length - signature.length).join('\n');
  const signatureDates = new Set<string>();
  const writer = new WriterUnit();

  for (const line of signature) readSignatureLine(line, body, found, writer, signatureDates);
  // A speech names its speaker under the title as often as at the end: 发言人：某某县财政局　李某.
  for (const line of paragraphs.slice(0, paragraphs.length - signature.length)) {
    if (SPEAKER_LINE_RE.test(line) && line.length <= SIGNATURE_MAX) readSignatureLine(line, body, found, writer, signatureDates);
  }

  const units: UnitFind[] = [];
  const places: string[] = [];
  paragraphs.forEach((text, index) => {
    findTimes(text, found, signatureDates);
    findNamedEvents(text, MEETING_SUFFIX_RE, 'meeting', found);
    findNamedEvents(text, COURSE_SUFFIX_RE, 'course', found);
    units.push(...findUnits(text, index));
    places.push(...findPlaces(text, found));
    for (const m of text.matchAll(SPEAKER_RE)) addPerson(m[1]!, found);
    findComrades(text, found);
    findShortFormDeclarations(text, units);
  });
  const signed = found.list().filter((c) => c.kind === 'unit' || c.kind === 'unit-short').map((c) => c.text);
  const roles = findRoles(paragraphs, units, places, signed);

  writer.chooseFrom(units, roles);
  const shorts = addShortForms(paragraphs, writer, units, found);
  addUnits(units, writer, shorts, found);
  addRoles(roles, found);
  return finish(paragraphs, withoutHistory(found.list()));
}
