/** What the rules find, one candidate per distinct text, and how the candidates become proposals: counted and named. */
import { placeholderMatcher } from '../placeholders';
import { GENERIC_WORDS } from './vocabulary';

export type SpecificKind = 'unit' | 'unit-short' | 'meeting' | 'course' | 'year' | 'date' | 'place' | 'person' | 'position';

export interface PlaceholderProposal {
  /** The placeholder's proposed name, in Chinese (单位全称, 单位简称, 会议名称, 年度, 日期, 姓名, 职务, …); unique in one list. */
  name: string;
  /** The exact words in the report it stands for; the placeholder's default. */
  text: string;
  kind: SpecificKind;
  /** How often `text` occurs in the report, outside longer proposals' words. */
  count: number;
}

export interface Candidate {
  text: string;
  kind: SpecificKind;
  /** The name it asks for; a number is added when another candidate took it first. */
  name: string;
  /** Kept even when every occurrence is inside a longer proposal: the year of a meeting's name, a 落款 unit's own name. */
  keepInside?: boolean;
}

/** When two rules find the same words, what they are: a unit's words are a unit even where they also read as a place. */
const KIND_RANK: Record<SpecificKind, number> = { unit: 0, 'unit-short': 1, meeting: 2, course: 2, position: 3, person: 4, date: 5, year: 5, place: 6 };

export class Candidates {
  private readonly byText = new Map<string, Candidate>();

  add(candidate: Candidate) {
    const text = candidate.text;
    if (text.length < 2 || GENERIC_WORDS.has(text) || /[{}\n]/.test(text)) return;
    const known = this.byText.get(text);
    if (!known) this.byText.set(text, { ...candidate });
    else {
      if (KIND_RANK[candidate.kind] < KIND_RANK[known.kind]) Object.assign(known, { kind: candidate.kind, name: candidate.name });
      if (candidate.keepInside) known.keepInside = true;
    }
  }

  /** The writer's short forms are short forms even where another rule read them as a unit of their own (乡机关党支部). */
  setShort(candidate: Candidate) {
    this.add(candidate);
    const known = this.byText.get(candidate.text);
    if (known) Object.assign(known, { kind: candidate.kind, name: candidate.name });
  }

  list(): Candidate[] {
    return [...this.byText.values()];
  }
}

/**
 * Counts each candidate as applyPlaceholderRules would replace it (longer words
 * first), drops those the report never uses on their own (unless kept inside a
 * longer one on purpose), orders by first occurrence and makes names unique.
 */
export function finish(paragraphs: readonly string[], candidates: Candidate[]): PlaceholderProposal[] {
  const rules = candidates.map((c) => ({ name: c.text, text: c.text }));
  const match = placeholderMatcher(rules);
  const counts = new Map<string, number>();
  for (const text of paragraphs) for (const m of match(text)) counts.set(m.rule.text, (counts.get(m.rule.text) ?? 0) + 1);
  const whole = paragraphs.join('\n');
  const kept = candidates
    .map((c) => ({ c, count: counts.get(c.text) ?? 0, first: whole.indexOf(c.text) }))
    .filter(({ c, count, first }) => first >= 0 && (count > 0 || c.keepInside))
    .sort((a, b) => a.first - b.first || b.c.text.length - a.c.text.length);
  const byName = new Map<string, number>();
  // The writer's own unit and the 落款's date take the plain names, whatever comes first.
  const reserved = kept.filter(({ c }) => c.name === '单位全称' || c.name === '日期').slice(0, 2);
  const order = [...reserved, ...kept.filter((k) => !reserved.includes(k))];
  const names = new Map<Candidate, string>();
  for (const { c } of order) {
    const n = (byName.get(c.name) ?? 0) + 1;
    byName.set(c.name, n);
    names.set(c, n === 1 ? c.name : `${c.name}${n}`);
  }
  return kept.map(({ c, count }) => ({ name: names.get(c)!, text: c.text, kind: c.kind, count }));
}
