/**
 * The structure Word itself marks in a .docx (core/docx/): heading styles
 * under every name Word and WPS write, styles based on them, outline levels,
 * the Title style, and bold resolved through styles as Word resolves it; and
 * every report fixture written each way (test/fixtures/docx/make-docx.ts)
 * read back with its levels.
 */
import { readFileSync, readdirSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { readDocx } from '../../core/docx';
import { craftDocx, lvl, numPr, p } from '../fixtures/docx/craft-docx';
import { REPORT_DOCX_MODES, expectedParagraphs, makeReportDocx, planReportDocx } from '../fixtures/docx/make-docx';

function style(id: string, name: string | null, inner = '', type = 'paragraph'): string {
  return `<w:style w:type="${type}" w:styleId="${id}">${name === null ? '' : `<w:name w:val="${name}"/>`}${inner}</w:style>`;
}

const pStyle = (id: string) => `<w:pStyle w:val="${id}"/>`;
const outline = (value: number) => `<w:outlineLvl w:val="${value}"/>`;
const basedOn = (id: string) => `<w:basedOn w:val="${id}"/>`;
const NORMAL = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>`;

async function read(body: string, styles = NORMAL) {
  return readDocx(await craftDocx({ body, styles }));
}

describe('heading levels from Word itself', () => {
  it('knows Heading 1–9 by the names Word and WPS write and by their ids when unnamed', async () => {
    const styles =
      NORMAL +
      style('Heading1', 'heading 1') +
      style('Heading2', 'Heading 2') +
      // Chinese Word: ids "1"…"9", the built-in names in English.
      style('1', 'heading 1') +
      style('2', null) +
      // WPS and other localised writers.
      style('wps1', '标题 1') +
      style('wps2', '标题2') +
      // A style's name decides: Chinese Word may give Body Text 3 the id "3".
      style('3', 'Body Text 3') +
      style('a9', 'heading 10');
    const body = [
      p('英文名一级', pStyle('Heading1')),
      p('英文名二级', pStyle('Heading2')),
      p('数字编号一级', pStyle('1')),
      p('无名样式二级', pStyle('2')),
      p('未定义样式四级', pStyle('4')),
      p('未定义英文样式五级', pStyle('Heading5')),
      p('未定义中文样式六级', pStyle('标题6')),
      p('WPS一级', pStyle('wps1')),
      p('WPS二级', pStyle('wps2')),
      p('正文文本3', pStyle('3')),
      p('不是标题', pStyle('a9')),
      p('正文'),
    ].join('');
    expect(await read(body, styles)).toEqual([
      { text: '英文名一级', level: 1 },
      { text: '英文名二级', level: 2 },
      { text: '数字编号一级', level: 1 },
      { text: '无名样式二级', level: 2 },
      { text: '未定义样式四级', level: 4 },
      { text: '未定义英文样式五级', level: 5 },
      { text: '未定义中文样式六级', level: 6 },
      { text: 'WPS一级', level: 1 },
      { text: 'WPS二级', level: 2 },
      { text: '正文文本3' },
      { text: '不是标题' },
      { text: '正文' },
    ]);
  });

  it('knows a heading by its name when a writer numbers style ids from Normal, Heading 1 being "2"', async () => {
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/></w:style>` +
      style('2', 'heading 1') +
      style('3', 'heading 2');
    const body = [p('正文在前'), p('一级', pStyle('2')), p('二级', pStyle('3')), p('正文', pStyle('1'))].join('');
    expect(await read(body, styles)).toEqual([{ text: '正文在前' }, { text: '一级', level: 1 }, { text: '二级', level: 2 }, { text: '正文' }]);
  });

  it('follows basedOn to a heading style, the nearest outline level winning', async () => {
    const styles =
      NORMAL +
      style('2', 'heading 2', basedOn('a')) +
      style('a5', '报告二级标题', basedOn('2')) +
      style('a6', '报告二级标题（红）', basedOn('a5')) +
      style('a7', '降为三级', `${basedOn('2')}<w:pPr>${outline(2)}</w:pPr>`) +
      style('a8', '标题样的正文', `${basedOn('2')}<w:pPr>${outline(9)}</w:pPr>`) +
      // A loop of basedOn ends somewhere.
      style('x', '环一', basedOn('y')) +
      style('y', '环二', basedOn('x'));
    const body = [
      p('自定义二级', pStyle('a5')),
      p('两层继承', pStyle('a6')),
      p('自带大纲级别', pStyle('a7')),
      p('正文级别', pStyle('a8')),
      p('循环', pStyle('x')),
    ].join('');
    expect(await read(body, styles)).toEqual([
      { text: '自定义二级', level: 2 },
      { text: '两层继承', level: 2 },
      { text: '自带大纲级别', level: 3 },
      { text: '正文级别' },
      { text: '循环' },
    ]);
  });

  it('reads w:outlineLvl on the paragraph before its style, 9 being body text', async () => {
    const styles = NORMAL + style('1', 'heading 1') + style('b1', '报告大纲一级', `<w:pPr>${outline(0)}</w:pPr>`);
    const body = [
      p('段落大纲一级', outline(0)),
      p('段落大纲九级', outline(8)),
      p('样式大纲一级', pStyle('b1')),
      p('段落改为三级', pStyle('1') + outline(2)),
      p('段落改为正文', pStyle('b1') + outline(9)),
      p('无效的级别', outline(12)),
    ].join('');
    expect(await read(body, styles)).toEqual([
      { text: '段落大纲一级', level: 1 },
      { text: '段落大纲九级', level: 9 },
      { text: '样式大纲一级', level: 1 },
      { text: '段落改为三级', level: 3 },
      { text: '段落改为正文' },
      { text: '无效的级别' },
    ]);
  });

  it('takes the Title style, under any id, as the title (level 0)', async () => {
    const styles = NORMAL + style('a3', 'Title') + style('t2', '标题') + style('a4', 'Subtitle');
    const body = [p('中文Word的标题', pStyle('a3')), p('WPS的标题', pStyle('t2')), p('未定义的Title', pStyle('Title')), p('副标题', pStyle('a4'))].join('');
    expect(await read(body, styles)).toEqual([
      { text: '中文Word的标题', level: 0 },
      { text: 'WPS的标题', level: 0 },
      { text: '未定义的Title', level: 0 },
      { text: '副标题' },
    ]);
  });

  it('keeps the automatic number of a numbered heading style', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const styles = NORMAL + style('1', 'heading 1', `<w:pPr>${numPr(1)}${outline(0)}</w:pPr>`);
    const body = [p('存在的问题', pStyle('1')), p('正文'), p('原因分析', pStyle('1'))].join('');
    expect(await readDocx(await craftDocx({ body, styles, numbering }))).toEqual([
      { text: '一、存在的问题', level: 1 },
      { text: '正文' },
      { text: '二、原因分析', level: 1 },
    ]);
  });
});

describe('bold lines', () => {
  const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const para = (pPr: string, ...runs: string[]) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.join('')}</w:p>`;
  const b = (value?: string) => (value === undefined ? '<w:b/>' : `<w:b w:val="${value}"/>`);
  const rStyle = (id: string) => `<w:rStyle w:val="${id}"/>`;

  it('is bold when every run that shows text is, through direct formatting or styles', async () => {
    const styles =
      NORMAL +
      style('bp', '加粗段落', `<w:rPr>${b()}</w:rPr>`) +
      style('bp2', '继承加粗', basedOn('bp')) +
      style('bc', '加粗字符', `<w:rPr>${b()}</w:rPr>`, 'character') +
      style('bc2', '继承加粗字符', basedOn('bc'), 'character');
    const body = [
      para('', run('直接加粗', b())),
      para('', run('分两段', b()), run(' \u3000', ''), run('都加粗', b('1'))),
      para('', run('一半加粗', b()), run('一半不加粗')),
      para(pStyle('bp'), run('段落样式加粗')),
      para(pStyle('bp2'), run('继承的段落样式加粗')),
      para(pStyle('bp'), run('直接取消加粗', b('0'))),
      para(pStyle('bp'), run('直接取消', b('false')), run('加粗')),
      para('', run('字符样式加粗', rStyle('bc'))),
      para('', run('继承的字符样式加粗', rStyle('bc2'))),
      // w:b is a toggle property: a bold character style in a bold paragraph style cancels out.
      para(pStyle('bp'), run('两种样式都加粗', rStyle('bc'))),
      para(pStyle('bp'), run('直接加粗盖过', rStyle('bc') + b())),
    ].join('');
    expect(await read(body, styles)).toEqual([
      { text: '直接加粗', bold: true },
      { text: '分两段 \u3000都加粗', bold: true },
      { text: '一半加粗一半不加粗' },
      { text: '段落样式加粗', bold: true },
      { text: '继承的段落样式加粗', bold: true },
      { text: '直接取消加粗' },
      { text: '直接取消加粗' },
      { text: '字符样式加粗', bold: true },
      { text: '继承的字符样式加粗', bold: true },
      { text: '两种样式都加粗' },
      { text: '直接加粗盖过', bold: true },
    ]);
  });

  it('takes the document defaults where no style says otherwise', async () => {
    const styles =
      `<w:docDefaults><w:rPrDefault><w:rPr>${b()}</w:rPr></w:rPrDefault></w:docDefaults>` +
      NORMAL +
      style('plain', '不加粗', `<w:rPr>${b('0')}</w:rPr>`);
    const body = [para('', run('默认加粗')), para(pStyle('plain'), run('样式不加粗'))].join('');
    expect(await read(body, styles)).toEqual([{ text: '默认加粗', bold: true }, { text: '样式不加粗' }]);
  });
});

describe('levels line up with the paragraphs mammoth reads', () => {
  const styles = NORMAL + style('1', 'heading 1') + style('2', 'heading 2');
  const del = '<w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>';

  it('in tables, text boxes, around blank paragraphs and tracked changes', async () => {
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const textBox = (content: string) => `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const body = [
      p('一级', pStyle('1')),
      // A blank heading is left out; the next paragraph keeps its own level.
      p('', pStyle('2')),
      p('正文'),
      `<w:tbl><w:tr>${cell(p('表中二级', pStyle('2')) + p('表中正文'))}${cell(p('表中一级', pStyle('1')))}</w:tr></w:tbl>`,
      `<w:p><w:r><w:t>文本框外</w:t></w:r>${textBox(p('文本框中的二级', pStyle('2')))}</w:p>`,
      // A deleted paragraph mark joins the paragraph to the next one, which gives the level.
      `<w:p><w:pPr>${pStyle('1')}${del}</w:pPr><w:r><w:t>并入</w:t></w:r></w:p>`,
      p('下一段', pStyle('2')),
      `<w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">${p('删掉的标题', pStyle('1'))}</w:del>`,
      p('最后', pStyle('1')),
    ].join('');
    expect(await read(body, styles)).toEqual([
      { text: '一级', level: 1 },
      { text: '正文' },
      { text: '表中二级', level: 2 },
      { text: '表中正文' },
      { text: '表中一级', level: 1 },
      { text: '文本框外' },
      { text: '文本框中的二级', level: 2 },
      { text: '并入下一段', level: 2 },
      { text: '最后', level: 1 },
    ]);
  });
});

describe('every report fixture written in Word each way', () => {
  const dir = new URL('../fixtures/reports/', import.meta.url);
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt'));

  for (const name of names) {
    const decoded = decodeReportBytes(readFileSync(new URL(name, dir)));
    if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
    for (const mode of REPORT_DOCX_MODES) {
      it(`${name}, ${mode}: the same paragraphs, with their levels`, async () => {
        expect(await readDocx(await makeReportDocx(decoded.text, mode))).toEqual(expectedParagraphs(decoded.text, mode));
      });
    }
  }

  it('styles the headings of some fixtures on three levels, with the custom level-2 style among them', async () => {
    const decoded = decodeReportBytes(readFileSync(new URL('a-cn-cnparen-arabic.txt', dir)));
    if (!decoded.ok) throw new Error(decoded.error);
    const levels = expectedParagraphs(decoded.text, 'styles').map((paragraph) => paragraph.level);
    expect(new Set(levels)).toEqual(new Set([0, 1, 2, 3, undefined]));
    expect(planReportDocx(decoded.text).lines.filter((line) => line.alone).length).toBeGreaterThan(15);
    const styled = await makeReportDocx(decoded.text, 'styles');
    const zip = await JSZip.loadAsync(styled);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    for (const id of ['a3', '1', '2', 'a5', '3']) expect(documentXml).toContain(`<w:pStyle w:val="${id}"/>`);
    expect(documentXml).not.toContain('一、存在的问题');
  });
});
