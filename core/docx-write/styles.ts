/**
 * word/styles.xml: the document defaults every paragraph shares (exact grid
 * line height, no extra space, justified, 16 pt 仿宋_GB2312), Normal with its
 * two-character first-line indent, and one style per paragraph kind. Headings
 * use Word's built-in names (shown as 标题 1… in Chinese Word) with outline
 * levels; a heading that runs into its body is a Normal paragraph whose
 * heading run takes the level's character style.
 */
import { FONT, rFonts } from './fonts';
import { BODY_SIZE, CHAR, CHARACTER_SPACING, FOOTER_LINE, LINE, PAGE_NUMBER_SIZE, TITLE_SIZE } from './layout';
import { W_NS, XML_DECLARATION, el, wVal, wrap } from './xml';

export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  headingRun: ['Heading1Char', 'Heading2Char', 'Heading3Char', 'Heading4Char'],
  signature: 'Signature',
  date: 'Date',
  footer: 'Footer',
} as const;

/** The font of each heading level: 一、 黑体, （一） 楷体_GB2312, 1. and （1） 仿宋_GB2312. */
export const HEADING_FONTS = [FONT.heading1, FONT.heading2, FONT.body, FONT.body] as const;

export const NO_FIRST_LINE_INDENT = el('w:ind', { 'w:firstLineChars': 0, 'w:firstLine': 0 });

const size = (halfPoints: number) => wVal('sz', halfPoints) + wVal('szCs', halfPoints);

interface StyleSpec {
  type: 'paragraph' | 'character';
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  pPr?: string;
  rPr?: string;
}

function style(spec: StyleSpec): string {
  const inner =
    wVal('name', spec.name) +
    (spec.basedOn ? wVal('basedOn', spec.basedOn) : '') +
    (spec.next ? wVal('next', spec.next) : '') +
    el('w:qFormat') +
    wrap('w:pPr', spec.pPr ?? '') +
    wrap('w:rPr', spec.rPr ?? '');
  return wrap('w:style', inner, { 'w:type': spec.type, ...(spec.isDefault ? { 'w:default': 1 } : {}), 'w:styleId': spec.id });
}

export function stylesXml(): string {
  const docDefaults = wrap(
    'w:docDefaults',
    wrap(
      'w:rPrDefault',
      wrap('w:rPr', rFonts(FONT.body) + wVal('spacing', CHARACTER_SPACING) + size(BODY_SIZE) + el('w:lang', { 'w:val': 'en-US', 'w:eastAsia': 'zh-CN', 'w:bidi': 'ar-SA' })),
    ) +
      wrap(
        'w:pPrDefault',
        wrap(
          'w:pPr',
          // No widow and orphan control: every full page holds its 22 lines.
          wVal('widowControl', 0) +
            // Word's default, written out: LibreOffice (7.4) reads w:overflowPunct
            // the other way round, and on justified lines it does not paint a
            // mark that hangs past the margin; so there it moves a character
            // down with the mark instead (a 27-character line), as 公文 typesetting does.
            wVal('overflowPunct', 1) +
            wVal('autoSpaceDE', 0) +
            wVal('autoSpaceDN', 0) +
            wVal('adjustRightInd', 0) +
            // See CHARACTER_SPACING: the grid sets up the page, the spacing sets the characters.
            wVal('snapToGrid', 0) +
            el('w:spacing', { 'w:before': 0, 'w:after': 0, 'w:line': LINE, 'w:lineRule': 'exact' }) +
            wVal('jc', 'both'),
        ),
      ),
  );
  const styles: StyleSpec[] = [
    {
      type: 'paragraph',
      id: STYLE.normal,
      name: 'Normal',
      isDefault: true,
      pPr: el('w:ind', { 'w:firstLineChars': 200, 'w:firstLine': 2 * CHAR }),
      // The grid's charSpace is reckoned from Normal's East Asian size: it must be 16 pt here.
      rPr: rFonts(FONT.body) + size(BODY_SIZE),
    },
    { type: 'character', id: 'DefaultParagraphFont', name: 'Default Paragraph Font', isDefault: true },
    {
      type: 'paragraph',
      id: STYLE.title,
      name: 'Title',
      basedOn: STYLE.normal,
      next: STYLE.normal,
      pPr: NO_FIRST_LINE_INDENT + wVal('jc', 'center'),
      rPr: rFonts(FONT.title, true) + size(TITLE_SIZE),
    },
    ...HEADING_FONTS.map(
      (font, i): StyleSpec => ({
        type: 'paragraph',
        id: STYLE.heading[i]!,
        name: `heading ${i + 1}`,
        basedOn: STYLE.normal,
        next: STYLE.normal,
        pPr: wVal('outlineLvl', i),
        rPr: rFonts(font, true),
      }),
    ),
    ...HEADING_FONTS.map(
      (font, i): StyleSpec => ({
        type: 'character',
        id: STYLE.headingRun[i]!,
        name: `Heading ${i + 1} Char`,
        basedOn: 'DefaultParagraphFont',
        rPr: rFonts(font, true),
      }),
    ),
    { type: 'paragraph', id: STYLE.signature, name: 'Signature', basedOn: STYLE.normal, pPr: NO_FIRST_LINE_INDENT + wVal('jc', 'right') },
    { type: 'paragraph', id: STYLE.date, name: 'Date', basedOn: STYLE.normal, next: STYLE.normal, pPr: NO_FIRST_LINE_INDENT + wVal('jc', 'right') },
    {
      type: 'paragraph',
      id: STYLE.footer,
      name: 'footer',
      basedOn: STYLE.normal,
      pPr: el('w:spacing', { 'w:before': 0, 'w:after': 0, 'w:line': FOOTER_LINE, 'w:lineRule': 'exact' }) + NO_FIRST_LINE_INDENT,
      rPr: rFonts(FONT.pageNumber, true) + wVal('spacing', 0) + size(PAGE_NUMBER_SIZE),
    },
  ];
  return `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}">${docDefaults}${styles.map(style).join('')}</w:styles>`;
}
