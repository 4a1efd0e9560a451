/**
 * The fonts GB/T 9704 names and word/fontTable.xml, which gives Word each
 * font's one alternate name (Word reads altName as a single name, not a list)
 * and its panose, charset and family for matching when neither is installed.
 */
import { W_NS, XML_DECLARATION, el, wVal, wrap } from './xml';

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  complex: 'Times New Roman',
} as const;

interface FontEntry {
  name: string;
  altName?: string;
  panose?: string;
  /** 86 = GB2312, 00 = ANSI. */
  charset: string;
  family: 'modern' | 'roman' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** Every font a run names, and the installed faces their alternates point to. */
const FONTS: readonly FontEntry[] = [
  { name: FONT.body, altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'variable' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.title, altName: '华文中宋', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.heading1, altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading2, altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.pageNumber, altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.complex, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
];

export function fontTableXml(): string {
  const fonts = FONTS.map((font) =>
    wrap(
      'w:font',
      (font.altName ? wVal('altName', font.altName) : '') +
        (font.panose ? wVal('panose1', font.panose) : '') +
        wVal('charset', font.charset) +
        wVal('family', font.family) +
        wVal('pitch', font.pitch),
      { 'w:name': font.name },
    ),
  ).join('');
  return `${XML_DECLARATION}<w:fonts xmlns:w="${W_NS}">${fonts}</w:fonts>`;
}

/** w:rFonts naming one font for Latin, East Asian and complex script text alike but the complex script's Times New Roman. */
export function rFonts(font: string, hintEastAsia = false): string {
  return el('w:rFonts', {
    'w:ascii': font,
    'w:hAnsi': font,
    'w:eastAsia': font,
    'w:cs': FONT.complex,
    ...(hintEastAsia ? { 'w:hint': 'eastAsia' } : {}),
  });
}
