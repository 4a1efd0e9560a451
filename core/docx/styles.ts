/**
 * styles.xml: what a paragraph's style chain (w:pStyle, then w:basedOn) says
 * about its list numbering, its outline level and whether its text is bold.
 */
import { intOrNull, isOn, wAttr, wChild, wChildren, wVal } from './xml';

interface NumberingReference {
  numId: string | null;
  ilvl: number | null;
}

export interface ParagraphStyle extends NumberingReference {
  id: string;
  name: string | null;
  basedOn: string | null;
  /** w:outlineLvl's value (0–8 a heading level, 9 body text); null when the style does not set one. */
  outlineLevel: number | null;
  /** w:b in the style's run properties; null when the style does not set it. */
  bold: boolean | null;
}

interface CharacterStyle {
  basedOn: string | null;
  bold: boolean | null;
}

export interface Styles {
  paragraph: Map<string, ParagraphStyle>;
  character: Map<string, CharacterStyle>;
  /** Numbering styles (w:type="numbering"): their w:numId. */
  numbering: Map<string, string>;
  defaultParagraph: string | null;
  /** w:b of the document defaults (w:docDefaults/w:rPrDefault). */
  defaultBold: boolean | null;
}

export function readStyles(document: Document | null): Styles {
  const styles: Styles = { paragraph: new Map(), character: new Map(), numbering: new Map(), defaultParagraph: null, defaultBold: null };
  const root = document?.documentElement;
  if (!root) return styles;
  styles.defaultBold = boldOf(wChild(wChild(wChild(root, 'docDefaults'), 'rPrDefault'), 'rPr'));
  for (const style of wChildren(root, 'style')) {
    const id = wAttr(style, 'styleId');
    if (!id) continue;
    const pPr = wChild(style, 'pPr');
    const reference = readNumPr(wChild(pPr, 'numPr'));
    const basedOn = wVal(wChild(style, 'basedOn'));
    const bold = boldOf(wChild(style, 'rPr'));
    const type = wAttr(style, 'type') ?? 'paragraph';
    if (type === 'paragraph') {
      const outlineLevel = intOrNull(wVal(wChild(pPr, 'outlineLvl')));
      styles.paragraph.set(id, { id, name: wVal(wChild(style, 'name')), basedOn, ...reference, outlineLevel, bold });
      if (styles.defaultParagraph === null && isDefault(style)) styles.defaultParagraph = id;
    } else if (type === 'character') {
      styles.character.set(id, { basedOn, bold });
    } else if (type === 'numbering' && reference.numId !== null) {
      styles.numbering.set(id, reference.numId);
    }
  }
  return styles;
}

export function readNumPr(numPr: Element | null): NumberingReference {
  return { numId: wVal(wChild(numPr, 'numId')), ilvl: intOrNull(wVal(wChild(numPr, 'ilvl'))) };
}

/** w:b of run properties: true, false (w:val="0"/"false"), or null when not set. */
function boldOf(rPr: Element | null): boolean | null {
  const b = wChild(rPr, 'b');
  return b ? isOn(b) : null;
}

function isDefault(style: Element): boolean {
  const value = wAttr(style, 'default');
  return value === '1' || value === 'true' || value === 'on';
}

/**
 * A paragraph's style and the styles it is based on, nearest first. Word
 * gives a paragraph without w:pStyle, or with a style the document does not
 * define, the default paragraph style; an undefined style still counts by its
 * id (a document may name "Heading1" without defining it).
 */
export function paragraphStyleChain(styles: Styles, styleId: string | null): ParagraphStyle[] {
  const chain: ParagraphStyle[] = [];
  const seen = new Set<string>();
  let id = styleId ?? styles.defaultParagraph;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const style = styles.paragraph.get(id);
    if (!style) {
      chain.push({ id, name: null, basedOn: null, numId: null, ilvl: null, outlineLevel: null, bold: null });
      id = styles.defaultParagraph;
      continue;
    }
    chain.push(style);
    id = style.basedOn;
  }
  return chain;
}

/**
 * Whether a run is bold as Word shows it. Direct formatting (the run's own
 * w:b) decides outright. w:b is a toggle property (ECMA-376 17.7.3): set in
 * both the paragraph style and the run's character style it cancels out, so
 * a bold character style in a bold heading is not bold. The document default
 * counts only where no style sets it.
 */
export function isRunBold(rPr: Element | null, paragraphBold: boolean | null, styles: Styles): boolean {
  const direct = boldOf(rPr);
  if (direct !== null) return direct;
  const character = characterStyleBold(styles, wVal(wChild(rPr, 'rStyle')));
  if (paragraphBold === null && character === null) return styles.defaultBold ?? false;
  return (paragraphBold ?? false) !== (character ?? false);
}

/** w:b of the nearest style in a paragraph style chain that sets it. */
export function chainBold(chain: ParagraphStyle[]): boolean | null {
  return chain.find((style) => style.bold !== null)?.bold ?? null;
}

function characterStyleBold(styles: Styles, styleId: string | null): boolean | null {
  const seen = new Set<string>();
  for (let id = styleId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const style = styles.character.get(id);
    if (!style) return null;
    if (style.bold !== null) return style.bold;
    id = style.basedOn;
  }
  return null;
}
