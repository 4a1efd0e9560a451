/**
 * word/footer1.xml (odd pages) and footer2.xml (even pages): the page number
 * as "— 1 —", 4号 half-width digits in 宋体 between em dashes, one character
 * in from the right edge of the text block on odd pages and from the left on
 * even ones.
 */
import { FOOTER_LINE } from './layout';
import { STYLE } from './styles';
import { R_NS, W_NS, XML_DECLARATION, el, escapeText, wVal } from './xml';

export type FooterSide = 'right' | 'left';

export function footerXml(side: FooterSide): string {
  const indent = side === 'right' ? { 'w:left': 0, 'w:right': FOOTER_LINE } : { 'w:left': FOOTER_LINE, 'w:right': 0 };
  const pPr = `<w:pPr>${wVal('pStyle', STYLE.footer)}${el('w:ind', { ...indent, 'w:firstLineChars': 0, 'w:firstLine': 0 })}${wVal('jc', side)}</w:pPr>`;
  const run = (content: string) => `<w:r>${content}</w:r>`;
  const text = (value: string) => run(`<w:t xml:space="preserve">${escapeText(value)}</w:t>`);
  const field = (type: 'begin' | 'separate' | 'end') => run(el('w:fldChar', { 'w:fldCharType': type }));
  const paragraph =
    `<w:p>${pPr}` +
    text('\u2014 ') +
    field('begin') +
    run('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
    field('separate') +
    text('1') +
    field('end') +
    text(' \u2014') +
    '</w:p>';
  return `${XML_DECLARATION}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${paragraph}</w:ftr>`;
}
