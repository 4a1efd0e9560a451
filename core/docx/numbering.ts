/**
 * numbering.xml, and the number Word shows in front of each numbered
 * paragraph ("一、", "（二）", "3.", "①"), counted in document order as Word
 * counts it.
 */
import { formatListNumber } from './number-format';
import { type ParagraphStyle, type Styles, readNumPr } from './styles';
import { intOrNull, isOn, wAttr, wChild, wChildren, wVal } from './xml';

interface LevelDefinition {
  format: string;
  /** w:lvlText, e.g. "%1、" or "（%2）"; null when the level shows no text. */
  text: string | null;
  start: number;
  /** w:lvlRestart: null restarts after any more major level, 0 never, n after level n (1-based). */
  restartAfter: number | null;
  /** w:isLgl: every number in the text shown as a decimal. */
  legal: boolean;
  /** w:suff: what separates the number from the text. */
  suffix: 'tab' | 'space' | 'nothing';
}

interface AbstractNumbering {
  levels: Map<number, LevelDefinition>;
  numStyleLink: string | null;
}

interface NumberingInstance {
  abstractId: string;
  levels: Map<number, LevelDefinition>;
  startOverrides: Map<number, number>;
}

export interface Numbering {
  /** The list of a w:numId, or null when the document does not define it. */
  resolve(numId: string): ResolvedList | null;
}

/** A list as a paragraph sees it: the shared definition its counters belong to, and its levels. */
interface ResolvedList {
  /** Counters are kept per abstract numbering: Word continues them across w:num instances. */
  key: string;
  instance: NumberingInstance;
  level(ilvl: number): LevelDefinition | undefined;
}

export function readNumbering(document: Document | null, styles: Styles): Numbering {
  const abstracts = new Map<string, AbstractNumbering>();
  const instances = new Map<string, NumberingInstance>();
  const root = document?.documentElement;
  if (root) {
    for (const element of wChildren(root, 'abstractNum')) {
      const id = wAttr(element, 'abstractNumId');
      if (id === null) continue;
      abstracts.set(id, { levels: readLevels(wChildren(element, 'lvl')), numStyleLink: wVal(wChild(element, 'numStyleLink')) });
    }
    for (const element of wChildren(root, 'num')) {
      const id = wAttr(element, 'numId');
      const abstractId = wVal(wChild(element, 'abstractNumId'));
      if (id === null || abstractId === null) continue;
      const levels = new Map<number, LevelDefinition>();
      const startOverrides = new Map<number, number>();
      for (const override of wChildren(element, 'lvlOverride')) {
        const ilvl = intOrNull(wAttr(override, 'ilvl'));
        if (ilvl === null) continue;
        const start = intOrNull(wVal(wChild(override, 'startOverride')));
        if (start !== null) startOverrides.set(ilvl, start);
        const lvl = wChild(override, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl));
      }
      instances.set(id, { abstractId, levels, startOverrides });
    }
  }

  const resolve = (numId: string): ResolvedList | null => {
    const instance = instances.get(numId);
    if (!instance) return null;
    let key = instance.abstractId;
    const seen = new Set<string>();
    // A list that takes its levels from a numbering style (w:numStyleLink)
    // uses the abstract numbering that style's own w:num points to.
    for (;;) {
      const abstract = abstracts.get(key);
      if (!abstract) return null;
      if (abstract.numStyleLink === null || seen.has(key)) break;
      seen.add(key);
      const linkedNumId = styles.numbering.get(abstract.numStyleLink);
      const linked = linkedNumId === undefined ? undefined : instances.get(linkedNumId);
      if (!linked || !abstracts.has(linked.abstractId)) break;
      key = linked.abstractId;
    }
    const levels = abstracts.get(key)!.levels;
    return { key, instance, level: (ilvl) => instance.levels.get(ilvl) ?? levels.get(ilvl) };
  };

  return { resolve };
}

function readLevels(elements: Element[]): Map<number, LevelDefinition> {
  const levels = new Map<number, LevelDefinition>();
  for (const lvl of elements) {
    // A level without w:ilvl is taken as level 0, as mammoth does.
    const ilvl = intOrNull(wAttr(lvl, 'ilvl')) ?? 0;
    if (!levels.has(ilvl)) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

function readLevel(lvl: Element): LevelDefinition {
  const lvlText = wChild(lvl, 'lvlText');
  const suffix = wVal(wChild(lvl, 'suff'));
  return {
    format: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
    text: lvlText ? (wVal(lvlText) ?? '') : null,
    // ECMA-376 17.9.25: without w:start a level starts at 0.
    start: intOrNull(wVal(wChild(lvl, 'start'))) ?? 0,
    restartAfter: intOrNull(wVal(wChild(lvl, 'lvlRestart'))),
    legal: isOn(wChild(lvl, 'isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
  };
}

const MAX_LEVELS = 9;

/**
 * Numbers paragraphs as Word does. Call the counter on every paragraph in
 * document order: the counts move on with each numbered one. It gives the
 * number shown in front of the paragraph; '' for a bullet or a paragraph not
 * in a list.
 */
export function listCounter(numbering: Numbering): (pPr: Element | null, chain: ParagraphStyle[]) => string {
  const counters = new Map<string, (number | undefined)[]>();
  const startedLevels = new Set<string>();

  return (pPr, chain) => {
    const reference = paragraphNumbering(pPr, chain);
    if (!reference) return '';
    const list = numbering.resolve(reference.numId);
    const ilvl = reference.ilvl;
    const definition = list?.level(ilvl);
    if (!list || !definition || ilvl < 0 || ilvl >= MAX_LEVELS) return '';

    let counts = counters.get(list.key);
    if (!counts) counters.set(list.key, (counts = []));
    const override = list.instance.startOverrides.get(ilvl);
    const started = `${reference.numId}:${ilvl}`;
    if (override !== undefined && !startedLevels.has(started)) {
      // "Restart numbering" / "Set numbering value": the instance's first
      // paragraph at this level starts again from the override.
      counts[ilvl] = override;
    } else {
      const current = counts[ilvl];
      counts[ilvl] = current === undefined ? definition.start : current + 1;
    }
    startedLevels.add(started);
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      if (restartsAfter(list.level(deeper)?.restartAfter ?? null, ilvl)) counts[deeper] = undefined;
    }
    return levelMarker(definition, list, counts);
  };
}

function restartsAfter(restartAfter: number | null, usedLevel: number): boolean {
  if (restartAfter === null) return true;
  if (restartAfter === 0) return false;
  return usedLevel <= restartAfter - 1;
}

/** numId and level of a paragraph: its own w:numPr, else its style chain's. */
function paragraphNumbering(pPr: Element | null, chain: ParagraphStyle[]): { numId: string; ilvl: number } | null {
  let { numId, ilvl } = readNumPr(wChild(pPr, 'numPr'));
  for (const style of chain) {
    if (numId !== null && ilvl !== null) break;
    numId ??= style.numId;
    ilvl ??= style.ilvl;
  }
  // numId 0 takes a paragraph out of its style's list.
  if (numId === null || numId === '0') return null;
  return { numId, ilvl: ilvl ?? 0 };
}

/** The number Word shows in front of a paragraph, e.g. "一、" or "（二）"; '' for bullets. */
function levelMarker(definition: LevelDefinition, list: ResolvedList, counts: (number | undefined)[]): string {
  if (definition.format === 'bullet' || definition.text === null) return '';
  const text = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
    const ilvl = Number(digit) - 1;
    const level = list.level(ilvl);
    const value = counts[ilvl] ?? level?.start ?? 1;
    return formatListNumber(value, definition.legal ? 'decimal' : (level?.format ?? 'decimal'));
  });
  if (text.trim() === '') return '';
  // Word puts a tab (or a space) after the number. A number that ends in a
  // letter or digit ("1", "A") keeps one space so it does not run into the
  // text; after punctuation ("一、", "（一）", "1.") the text follows at once.
  return definition.suffix !== 'nothing' && /[0-9A-Za-z]$/.test(text) ? `${text} ` : text;
}
