/**
 * The .docx writer (core/docx-write/): the GB/T 9704-2012 layout as the
 * parts spell it (page, margins, grid, fonts per level, sizes, odd/even
 * page-number footers, font alternates), escaping of hostile text,
 * determinism, and the round trip: a written document read back by the
 * importer (core/docx/) parses to the same report as its plain text.
 * test/e2e/docx-layout.test.ts renders the output in LibreOffice.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDocx } from '../../core/docx';
import { writeDocx } from '../../core/docx-write';
import { type DocParagraph, type DocumentMeta, documentPlainText } from '../../core/draft/document';
import { type ReportNode, parseReport } from '../../core/report-parser';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const META: DocumentMeta = { title: '个人党性分析报告', modifiedAt: Date.UTC(2024, 0, 5, 8, 30, 0) };

/** The seed report (data/seed-report.txt) as a draft renders it, with the levels the seed lacks added. */
function seedParagraphs(): DocParagraph[] {
  const lines = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8')
    .replace(/##paid(?:begin|end)##/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const out: DocParagraph[] = [{ kind: 'title', text: lines[0]! }];
  for (const line of lines.slice(1)) {
    if (/^[一二三四五六七八九十]、/.test(line)) out.push({ kind: 'heading1', text: line });
    else out.push({ kind: 'body', text: line });
    if (line === '一、主要差距不足') {
      out.push(
        { kind: 'heading2', text: '（一）理论学习方面' },
        { kind: 'heading3', text: '1.学习的系统性不够。', tail: '满足于读文件、看报纸，对党的创新理论缺乏系统深入的研究。' },
        { kind: 'heading3', text: '2.学以致用不够。' },
        { kind: 'body', text: '运用理论指导实践、解决问题的能力还不强。' },
        { kind: 'heading4', text: '（1）联系实际不紧。', tail: '学习与工作结合得不够紧密。' },
        { kind: 'heading4', text: '（2）转化成果不多' },
        { kind: 'heading2', text: '（二）工作作风方面。', tail: '深入基层调查研究不够，' },
      );
    }
  }
  out.push({ kind: 'signature', text: 'X县工业园区管委会' }, { kind: 'signature', text: '张三' }, { kind: 'date', text: '2024年1月5日' });
  return out;
}

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function part(bytes: Uint8Array, path: string): Promise<Document> {
  const xml = await (await unzip(bytes)).file(path)!.async('string');
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function wAll(node: Document | Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name));
}

function w(node: Document | Element, name: string): Element {
  const found = wAll(node, name)[0];
  if (!found) throw new Error(`no w:${name}`);
  return found;
}

function attrs(element: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attr of Array.from(element.attributes)) out[attr.name] = attr.value;
  return out;
}

function styleById(styles: Document, id: string): Element {
  const style = wAll(styles, 'style').find((s) => s.getAttributeNS(W, 'styleId') === id);
  if (!style) throw new Error(`no style ${id}`);
  return style;
}

/** A tree as node types, titles and texts. */
function shape(node: ReportNode): unknown {
  return { type: node.type, title: node.title, text: node.text, children: node.children.map(shape) };
}

/** Paragraphs of every kind, all headings on their own lines. */
const STANDALONE: DocParagraph[] = [
  { kind: 'title', text: '个人党性分析报告' },
  { kind: 'body', text: '近期，我参加了集中学习。' },
  { kind: 'heading1', text: '一、主要差距不足' },
  { kind: 'heading2', text: '（一）理论学习方面' },
  { kind: 'heading3', text: '1.学习的系统性不够。' },
  { kind: 'body', text: '满足于读文件。一是不深。二是不透。' },
  { kind: 'heading4', text: '（1）联系实际不紧' },
  { kind: 'body', text: '学习与工作结合得不够紧密。' },
  { kind: 'heading2', text: '（二）工作作风方面' },
  { kind: 'body', text: '一是调查研究不够。内容。' },
  { kind: 'body', text: '二是联系群众不够。内容。' },
  { kind: 'heading1', text: '二、成因分析' },
  { kind: 'body', text: '主观上：一是学习有所放松。作为。二是思想压力大。由于。' },
  { kind: 'heading1', text: '三、努力方向' },
  { kind: 'body', text: '今后，我将认真整改。' },
  { kind: 'body', text: '以上是我的个人党性分析，不当之处，恳请同志们批评指正。' },
  { kind: 'signature', text: '张三' },
  { kind: 'date', text: '2024年1月5日' },
];

/** The document's paragraphs: style, run styles and texts. */
async function bodyParagraphs(bytes: Uint8Array) {
  const document = await part(bytes, 'word/document.xml');
  return wAll(w(document, 'body'), 'p').map((p) => {
    const pPr = wAll(p, 'pPr')[0];
    const ind = pPr ? wAll(pPr, 'ind')[0] : undefined;
    return {
      style: pPr ? (wAll(pPr, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? null) : null,
      ind: ind ? attrs(ind) : null,
      runs: wAll(p, 'r').map((r) => ({
        style: wAll(r, 'rStyle')[0]?.getAttributeNS(W, 'val') ?? null,
        text: wAll(r, 't').map((t) => t.textContent).join(''),
      })),
    };
  });
}

describe('writeDocx: the package', () => {
  it('holds its parts in a fixed order, [Content_Types].xml first, each with its content type', async () => {
    const bytes = await writeDocx(STANDALONE, META);
    // The first local file header names the first entry.
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + '[Content_Types].xml'.length))).toBe('[Content_Types].xml');
    const zip = await unzip(bytes);
    expect(Object.keys(zip.files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/settings.xml',
      'word/fontTable.xml',
      'word/footer1.xml',
      'word/footer2.xml',
      'docProps/core.xml',
      'docProps/app.xml',
    ]);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const name of Object.keys(zip.files).filter((name) => !name.endsWith('.rels') && name !== '[Content_Types].xml')) {
      expect(types).toContain(`PartName="/${name}"`);
    }
    expect(types).toContain('PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"');
  });

  it('dates every entry and the document properties by meta.modifiedAt', async () => {
    const bytes = await writeDocx(STANDALONE, META);
    const zip = await unzip(bytes);
    for (const file of Object.values(zip.files)) expect(file.date.getTime()).toBe(META.modifiedAt);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>个人党性分析报告</dc:title>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-05T08:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-05T08:30:00Z</dcterms:modified>');
  });
});

describe('writeDocx: determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same paragraphs and meta, whenever it runs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2030, 5, 1));
    const first = await writeDocx(seedParagraphs(), META);
    vi.setSystemTime(Date.UTC(2031, 0, 1, 12, 34, 56));
    const second = await writeDocx(seedParagraphs(), META);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('changes with the text and with meta.modifiedAt', async () => {
    const base = Buffer.from(await writeDocx(STANDALONE, META));
    const edited = STANDALONE.map((p, i) => (i === 1 ? { ...p, text: `${p.text}补充。` } : p));
    expect(Buffer.from(await writeDocx(edited, META)).equals(base)).toBe(false);
    expect(Buffer.from(await writeDocx(STANDALONE, { ...META, modifiedAt: META.modifiedAt + 2000 })).equals(base)).toBe(false);
  });

  it('writes a valid package for a date a zip cannot hold or no date at all', async () => {
    for (const modifiedAt of [0, Number.NaN, 1e20, Date.UTC(2200, 0, 1)]) {
      const bytes = await writeDocx(STANDALONE, { title: '', modifiedAt });
      expect((await readDocx(bytes)).length).toBeGreaterThan(0);
      expect(Buffer.from(await writeDocx(STANDALONE, { title: '', modifiedAt })).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('writeDocx: page setup (GB/T 9704-2012)', () => {
  it('sets A4, the 37/35/28/26 mm margins, the 22 × 28 grid and the odd and even footers', async () => {
    const bytes = await writeDocx(STANDALONE, META);
    const document = await part(bytes, 'word/document.xml');
    const sectPr = w(document, 'sectPr');
    expect(Array.from(sectPr.childNodes).map((node) => (node as Element).localName)).toEqual([
      'footerReference',
      'footerReference',
      'pgSz',
      'pgMar',
      'pgNumType',
      'cols',
      'docGrid',
    ]);
    expect(attrs(w(sectPr, 'pgSz'))).toEqual({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrs(w(sectPr, 'pgMar'))).toEqual({
      'w:top': '2098',
      'w:right': '1474',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:header': '851',
      'w:footer': '1447',
      'w:gutter': '0',
    });
    expect(attrs(w(sectPr, 'docGrid'))).toEqual({ 'w:type': 'linesAndChars', 'w:linePitch': '579', 'w:charSpace': '-842' });
    // No different first page: page 1 carries its number too.
    expect(wAll(sectPr, 'titlePg')).toHaveLength(0);

    const rels = await part(bytes, 'word/_rels/document.xml.rels');
    const target = (id: string) =>
      Array.from(rels.getElementsByTagName('Relationship')).find((rel) => rel.getAttribute('Id') === id)?.getAttribute('Target');
    const refs = Object.fromEntries(wAll(sectPr, 'footerReference').map((ref) => [ref.getAttributeNS(W, 'type'), target(ref.getAttribute('r:id')!)]));
    expect(refs).toEqual({ default: 'footer1.xml', even: 'footer2.xml' });
  });

  it('turns on separate odd and even footers and keeps punctuation uncompressed', async () => {
    const settings = await part(await writeDocx(STANDALONE, META), 'word/settings.xml');
    expect(wAll(settings, 'evenAndOddHeaders')).toHaveLength(1);
    expect(w(settings, 'characterSpacingControl').getAttributeNS(W, 'val')).toBe('doNotCompress');
    expect(w(settings, 'compatSetting').getAttributeNS(W, 'val')).toBe('15');
  });

  it('numbers pages "— N —" in 4号 宋体, right on odd pages and left on even ones, one character in', async () => {
    const bytes = await writeDocx(STANDALONE, META);
    const styles = await part(bytes, 'word/styles.xml');
    const footerStyle = styleById(styles, 'Footer');
    expect(w(footerStyle, 'sz').getAttributeNS(W, 'val')).toBe('28');
    expect(w(footerStyle, 'rFonts').getAttributeNS(W, 'ascii')).toBe('宋体');
    expect(w(footerStyle, 'rFonts').getAttributeNS(W, 'eastAsia')).toBe('宋体');
    expect(attrs(w(footerStyle, 'spacing'))).toMatchObject({ 'w:line': '280', 'w:lineRule': 'exact', 'w:before': '0', 'w:after': '0' });
    for (const [path, side, indent] of [
      ['word/footer1.xml', 'right', { 'w:left': '0', 'w:right': '280' }],
      ['word/footer2.xml', 'left', { 'w:left': '280', 'w:right': '0' }],
    ] as const) {
      const footer = await part(bytes, path);
      expect(wAll(footer, 'p')).toHaveLength(1);
      expect(w(footer, 'pStyle').getAttributeNS(W, 'val')).toBe('Footer');
      expect(w(footer, 'jc').getAttributeNS(W, 'val')).toBe(side);
      expect(attrs(w(footer, 'ind'))).toMatchObject({ ...indent, 'w:firstLine': '0' });
      expect(wAll(footer, 'fldChar').map((f) => f.getAttributeNS(W, 'fldCharType'))).toEqual(['begin', 'separate', 'end']);
      expect(w(footer, 'instrText').textContent).toBe(' PAGE ');
      expect(wAll(footer, 't').map((t) => t.textContent).join('')).toBe('\u2014 1 \u2014');
    }
  });
});

describe('writeDocx: styles', () => {
  const font = (style: Element) => {
    const rFonts = w(style, 'rFonts');
    return ['ascii', 'hAnsi', 'eastAsia'].map((key) => rFonts.getAttributeNS(W, key));
  };

  it('sets the body in 3号 仿宋_GB2312 with a two-character first-line indent, exact 579-twip lines, justified', async () => {
    const styles = await part(await writeDocx(STANDALONE, META), 'word/styles.xml');
    const defaults = w(styles, 'docDefaults');
    expect(font(defaults)).toEqual(['仿宋_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
    expect(w(defaults, 'sz').getAttributeNS(W, 'val')).toBe('32');
    const pPr = w(w(defaults, 'pPrDefault'), 'pPr');
    expect(attrs(w(pPr, 'spacing'))).toEqual({ 'w:before': '0', 'w:after': '0', 'w:line': '579', 'w:lineRule': 'exact' });
    expect(w(pPr, 'jc').getAttributeNS(W, 'val')).toBe('both');
    expect(w(pPr, 'widowControl').getAttributeNS(W, 'val')).toBe('0');
    for (const name of ['autoSpaceDE', 'autoSpaceDN', 'adjustRightInd', 'snapToGrid']) expect(w(pPr, name).getAttributeNS(W, 'val')).toBe('0');
    // 16 − 0.4 pt characters: 28 a line in Word and in LibreOffice (see core/docx-write/layout.ts).
    expect(w(w(defaults, 'rPrDefault'), 'spacing').getAttributeNS(W, 'val')).toBe('-8');

    const normal = styleById(styles, 'Normal');
    expect(normal.getAttributeNS(W, 'default')).toBe('1');
    // The grid's charSpace is reckoned from Normal's size.
    expect(w(normal, 'sz').getAttributeNS(W, 'val')).toBe('32');
    expect(font(normal)).toEqual(['仿宋_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
    expect(attrs(w(normal, 'ind'))).toEqual({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
  });

  it('sets the title in 2号 方正小标宋简体, centred, as the Title style', async () => {
    const styles = await part(await writeDocx(STANDALONE, META), 'word/styles.xml');
    const title = styleById(styles, 'Title');
    expect(w(title, 'name').getAttributeNS(W, 'val')).toBe('Title');
    expect(font(title)).toEqual(['方正小标宋简体', '方正小标宋简体', '方正小标宋简体']);
    expect(w(title, 'sz').getAttributeNS(W, 'val')).toBe('44');
    expect(w(title, 'jc').getAttributeNS(W, 'val')).toBe('center');
    expect(attrs(w(title, 'ind'))).toEqual({ 'w:firstLineChars': '0', 'w:firstLine': '0' });
  });

  it('sets 一、 in 黑体, （一） in 楷体_GB2312, 1. and （1） in 仿宋_GB2312, as headings 1–4 and as run-in character styles', async () => {
    const styles = await part(await writeDocx(STANDALONE, META), 'word/styles.xml');
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    fonts.forEach((name, i) => {
      const heading = styleById(styles, `Heading${i + 1}`);
      expect(w(heading, 'name').getAttributeNS(W, 'val')).toBe(`heading ${i + 1}`);
      expect(w(heading, 'basedOn').getAttributeNS(W, 'val')).toBe('Normal');
      expect(w(heading, 'outlineLvl').getAttributeNS(W, 'val')).toBe(String(i));
      expect(font(heading)).toEqual([name, name, name]);
      // Same size, indent and line as the body: 公文 headings are not display type.
      expect(wAll(heading, 'sz')).toHaveLength(0);
      expect(wAll(heading, 'b')).toHaveLength(0);
      const run = styleById(styles, `Heading${i + 1}Char`);
      expect(run.getAttributeNS(W, 'type')).toBe('character');
      expect(font(run)).toEqual([name, name, name]);
    });
  });

  it('right-aligns the 落款 and its date', async () => {
    const styles = await part(await writeDocx(STANDALONE, META), 'word/styles.xml');
    for (const id of ['Signature', 'Date']) {
      expect(w(styleById(styles, id), 'jc').getAttributeNS(W, 'val')).toBe('right');
      expect(attrs(w(styleById(styles, id), 'ind'))).toEqual({ 'w:firstLineChars': '0', 'w:firstLine': '0' });
    }
  });

  it('lists every font it names in fontTable.xml with one alternate name', async () => {
    const bytes = await writeDocx(STANDALONE, META);
    const table = await part(bytes, 'word/fontTable.xml');
    const alternates = Object.fromEntries(
      wAll(table, 'font').map((f) => [f.getAttributeNS(W, 'name'), wAll(f, 'altName')[0]?.getAttributeNS(W, 'val') ?? null]),
    );
    expect(alternates).toMatchObject({
      仿宋_GB2312: '仿宋',
      仿宋: 'FangSong',
      方正小标宋简体: '华文中宋',
      黑体: 'SimHei',
      楷体_GB2312: '楷体',
      宋体: 'SimSun',
      'Times New Roman': null,
    });
    for (const f of wAll(table, 'font').filter((f) => f.getAttributeNS(W, 'name') !== 'Times New Roman')) {
      expect(w(f, 'charset').getAttributeNS(W, 'val')).toBe('86');
    }
    const named = new Set<string>();
    for (const path of ['word/styles.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/document.xml']) {
      for (const rFonts of wAll(await part(bytes, path), 'rFonts')) {
        for (const key of ['ascii', 'hAnsi', 'eastAsia', 'cs']) named.add(rFonts.getAttributeNS(W, key) ?? '');
      }
    }
    named.delete('');
    expect([...named].filter((name) => !(name in alternates))).toEqual([]);
  });
});

describe('writeDocx: paragraphs', () => {
  it('gives each kind its style, a blank line after the title and before the 落款', async () => {
    const paragraphs = await bodyParagraphs(await writeDocx(STANDALONE, META));
    expect(paragraphs.map((p) => [p.style, p.runs.map((r) => r.text).join('')])).toEqual([
      ['Title', '个人党性分析报告'],
      [null, ''],
      [null, '近期，我参加了集中学习。'],
      ['Heading1', '一、主要差距不足'],
      ['Heading2', '（一）理论学习方面'],
      ['Heading3', '1.学习的系统性不够。'],
      [null, '满足于读文件。一是不深。二是不透。'],
      ['Heading4', '（1）联系实际不紧'],
      [null, '学习与工作结合得不够紧密。'],
      ['Heading2', '（二）工作作风方面'],
      [null, '一是调查研究不够。内容。'],
      [null, '二是联系群众不够。内容。'],
      ['Heading1', '二、成因分析'],
      [null, '主观上：一是学习有所放松。作为。二是思想压力大。由于。'],
      ['Heading1', '三、努力方向'],
      [null, '今后，我将认真整改。'],
      [null, '以上是我的个人党性分析，不当之处，恳请同志们批评指正。'],
      [null, ''],
      ['Signature', '张三'],
      ['Date', '2024年1月5日'],
    ]);
  });

  it('sets a run-in heading in its level font and its tail in the body font, in one body paragraph', async () => {
    const doc: DocParagraph[] = [
      { kind: 'title', text: '报告' },
      { kind: 'heading1', text: '一、主要问题' },
      { kind: 'heading2', text: '（一）理论学习方面。', tail: '学习不深入。' },
      { kind: 'heading3', text: '1.学习的系统性不够。', tail: '满足于读文件。' },
      { kind: 'heading2', text: '（二）作风方面' },
    ];
    const paragraphs = await bodyParagraphs(await writeDocx(doc, META));
    expect(paragraphs.slice(2)).toEqual([
      { style: 'Heading1', ind: null, runs: [{ style: null, text: '一、主要问题' }] },
      { style: null, ind: null, runs: [{ style: 'Heading2Char', text: '（一）理论学习方面。' }, { style: null, text: '学习不深入。' }] },
      { style: null, ind: null, runs: [{ style: 'Heading3Char', text: '1.学习的系统性不够。' }, { style: null, text: '满足于读文件。' }] },
      // Level 2 runs in somewhere, so no level-2 heading carries an outline level (see the round trip).
      { style: null, ind: null, runs: [{ style: 'Heading2Char', text: '（二）作风方面' }] },
    ]);
  });

  it('sets the 落款 2 characters from the right and the date 2 characters right of its first character', async () => {
    const closing = async (signatures: string[], date: string) =>
      (await bodyParagraphs(await writeDocx([{ kind: 'body', text: '正文。' }, ...signatures.map((text): DocParagraph => ({ kind: 'signature', text })), { kind: 'date', text: date }], META)))
        .slice(2)
        .map((p) => [p.style, p.ind]);
    // A signature longer than the date: the date's right indent is the difference (half-width digits count half).
    expect(await closing(['中共某某县委组织部'], '2024年1月5日')).toEqual([
      ['Signature', { 'w:rightChars': '200', 'w:right': '640' }],
      ['Date', { 'w:rightChars': '300', 'w:right': '960' }],
    ]);
    // Lines of the 落款 (unit, name) share the longest one's indent: 8.5 − 7 characters.
    expect(await closing(['X县工业园区管委会', '张三'], '2024年12月25日')).toEqual([
      ['Signature', { 'w:rightChars': '200', 'w:right': '640' }],
      ['Signature', { 'w:rightChars': '200', 'w:right': '640' }],
      ['Date', { 'w:rightChars': '150', 'w:right': '480' }],
    ]);
    // A date longer than the signature: the date 2 from the right, the signature moved left to keep the offset.
    expect(await closing(['张三'], '2024年1月5日')).toEqual([
      ['Signature', { 'w:rightChars': '800', 'w:right': '2560' }],
      ['Date', { 'w:rightChars': '200', 'w:right': '640' }],
    ]);
  });

  it('keeps line breaks and tabs inside a paragraph as Word writes them', async () => {
    const xml = await (await unzip(await writeDocx([{ kind: 'title', text: '关于某某\n的报告' }, { kind: 'body', text: 'a\tb\r\nc' }], META)))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('<w:t xml:space="preserve">关于某某</w:t><w:br/><w:t xml:space="preserve">的报告</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/><w:t xml:space="preserve">c</w:t>');
  });
});

describe('writeDocx: hostile text', () => {
  const hostile = '<w:p>&amp; ]]> "q" \'a\' <!-- x --> \u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 😀 end';
  const kept = '<w:p>&amp; ]]> "q" \'a\' <!-- x -->  😀 end';

  it('escapes markup and drops what XML 1.0 cannot hold, in the text and in the title', async () => {
    const bytes = await writeDocx(
      [
        { kind: 'title', text: hostile },
        { kind: 'body', text: hostile, tail: hostile },
      ],
      { title: hostile, modifiedAt: META.modifiedAt },
    );
    const zip = await unzip(bytes);
    for (const name of Object.keys(zip.files)) {
      const xml = await zip.file(name)!.async('string');
      expect(xml).not.toContain(']]>');
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      const problems: string[] = [];
      const report = (message: unknown) => problems.push(String(message));
      new DOMParser({ errorHandler: { warning: report, error: report, fatalError: report } }).parseFromString(xml, 'text/xml');
      expect(problems, name).toEqual([]);
    }
    expect((await readDocx(bytes)).map((p) => p.text)).toEqual([kept, kept + kept]);
    const core = await part(bytes, 'docProps/core.xml');
    expect(core.getElementsByTagName('dc:title')[0]!.textContent).toBe(kept);
  });
});

describe('writeDocx: runs anywhere', () => {
  it('uses no node: module and no DOM', () => {
    const dir = new URL('../../core/docx-write/', import.meta.url);
    for (const name of ['index.ts', 'xml.ts', 'layout.ts', 'fonts.ts', 'styles.ts', 'settings.ts', 'footer.ts', 'document.ts', 'package.ts']) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      expect(source, name).not.toMatch(/from ['"]node:|require\(|\bDOMParser\b|\bwindow\.|\bdocument\.create/);
    }
  });
});

describe('writeDocx: round trip through the importer', () => {
  const roundTrip = async (paragraphs: DocParagraph[]) => {
    const fromText = parseReport(documentPlainText(paragraphs));
    const source = await readDocx(await writeDocx(paragraphs, META));
    const fromDocx = parseReport(source);
    expect(fromDocx.title).toBe(fromText.title);
    expect(fromDocx.hasTitleLine).toBe(true);
    expect(fromDocx.paragraphs).toEqual(fromText.paragraphs);
    expect(shape(fromDocx.root)).toEqual(shape(fromText.root));
    return source;
  };

  it('reads the seed report back as the same report as its plain text', async () => {
    const source = await roundTrip(seedParagraphs());
    // The title by its Title style; 一、 by heading 1; （一） runs in somewhere, so it and 1./（1） carry no level.
    expect(source[0]!.level).toBe(0);
    expect(source.filter((p) => p.level !== undefined).map((p) => [p.level, p.text])).toEqual([
      [0, seedParagraphs()[0]!.text],
      [1, '一、主要差距不足'],
      [1, '二、成因分析'],
      [1, '三、努力方向'],
    ]);
  });

  it('keeps every heading level when no heading runs in', async () => {
    const source = await roundTrip(STANDALONE);
    expect(source.filter((p) => p.level !== undefined && p.level > 0).map((p) => p.level)).toEqual([1, 2, 3, 4, 2, 1, 1]);
  });

  it('keeps the report when 一、 itself runs in, and when only 1. does', async () => {
    const runInTop = STANDALONE.map((p, i): DocParagraph => (i === 2 ? { kind: 'heading1', text: '一、主要差距不足。', tail: '对照要求，查找如下。' } : p));
    expect((await roundTrip(runInTop)).filter((p) => (p.level ?? 0) > 0)).toEqual([]);
    const runInThird = STANDALONE.flatMap((p, i): DocParagraph[] =>
      i === 4 ? [{ kind: 'heading3', text: '1.学习的系统性不够。', tail: '满足于读文件。' }] : i === 5 ? [] : [p],
    );
    expect((await roundTrip(runInThird)).filter((p) => (p.level ?? 0) > 0).map((p) => p.level)).toEqual([1, 2, 2, 1, 1]);
  });
});
