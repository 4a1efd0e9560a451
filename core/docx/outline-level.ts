/**
 * A paragraph's place in the document's outline, as Word's navigation pane
 * shows it: 0 for the title (the Title style), 1–9 for headings, none for
 * body text.
 */
import type { ParagraphStyle } from './styles';
import { intOrNull, wChild, wVal } from './xml';

/** w:outlineLvl 9 is "body text"; 0–8 are heading levels 1–9. */
const BODY_TEXT = 9;

/**
 * Built-in style names as Word writes them in styles.xml (in English, even in
 * Chinese Word) and as WPS and other localised writers do.
 */
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;
/** Style ids, for a style without a name: Chinese Word's ids for Heading 1–9 are "1"…"9". */
const HEADING_ID = /^(?:heading|标题)?([1-9])$/i;
const TITLE_ID = /^title$/i;

/**
 * The paragraph's outline level: its own w:outlineLvl, else the nearest style
 * of its chain that is a built-in heading, the Title, or sets w:outlineLvl.
 */
export function outlineLevel(pPr: Element | null, chain: ParagraphStyle[]): number | undefined {
  const own = intOrNull(wVal(wChild(pPr, 'outlineLvl')));
  if (own !== null) return headingLevel(own);
  for (const style of chain) {
    const builtIn = builtInLevel(style);
    if (builtIn !== null) return builtIn;
    if (style.outlineLevel !== null) return headingLevel(style.outlineLevel);
  }
  return undefined;
}

function headingLevel(outlineLvl: number): number | undefined {
  return outlineLvl >= 0 && outlineLvl < BODY_TEXT ? outlineLvl + 1 : undefined;
}

/**
 * The level a built-in heading or the Title stands for. A style is known by
 * its name when it has one: ids are made up from localised names, so in
 * Chinese Word "正文文本 3" (Body Text 3) may get the id "3" when Heading 3
 * is not in the document.
 */
function builtInLevel(style: ParagraphStyle): number | null {
  const name = style.name?.trim().replace(/\s+/g, ' ');
  const [headingRe, titleRe, key] = name ? [HEADING_NAME, TITLE_NAME, name] : [HEADING_ID, TITLE_ID, style.id];
  const heading = headingRe.exec(key);
  if (heading) return Number(heading[1]);
  return titleRe.test(key) ? 0 : null;
}
