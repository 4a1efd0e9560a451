/**
 * Word documents (.docx): their text with Word's automatic numbering written
 * out (core/docx/), and the one entry that turns any file's bytes into a
 * report's text (core/report-file.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import JSZip from 'jszip';
import { Document, LevelFormat, type ILevelsOptions, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { collectionIdFor } from '../../core/collection-id';
import { decodeReportBytes } from '../../core/decode';
import { DocxError, docxToText, formatListNumber, readDocx } from '../../core/docx';
import { type Collection, buildCollection } from '../../core/library';
import { normalizeReportText, reportParagraphs } from '../../core/report-parser';
import {
  MAX_DOCX_FILE_BYTES,
  MAX_TEXT_FILE_BYTES,
  REPORT_FILE_MESSAGES,
  readReportFile,
} from '../../core/report-file';
import { craftDocx, lvl, numPr, p } from '../fixtures/docx/craft-docx';
import { makeReportDocx, planReportDocx } from '../fixtures/docx/make-docx';
import { encodeGb18030 } from '../helpers/gb18030';

const seed = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8');
const reportsDir = new URL('../fixtures/reports/', import.meta.url);

/** The collection `npm run parse` builds from a text (scripts/parse.ts's options). */
function collectionOf(text: string): Collection {
  return buildCollection(text, { collectionId: collectionIdFor(text), fallbackTitle: 'seed-report' });
}

/** Entries without the collection id each id starts with (it hashes the raw text). */
function entriesOf(collection: Collection) {
  return collection.entries.map(({ id, ...entry }) => ({ ...entry, id: id.slice(id.indexOf(':')) }));
}

async function expectDocxError(bytes: Uint8Array, code: DocxError['code']) {
  const error = await docxToText(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DocxError);
  expect((error as DocxError).code).toBe(code);
}

describe('the seed report written in Word with automatic numbering', async () => {
  const docx = await makeReportDocx(seed);
  const text = await docxToText(docx);

  it('keeps the heading numbers out of the document text, in numbering.xml', async () => {
    const zip = await JSZip.loadAsync(docx);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const numberingXml = await zip.file('word/numbering.xml')!.async('string');
    expect(documentXml).toContain('主要差距不足');
    expect(documentXml).not.toContain('一、主要差距不足');
    expect(documentXml).not.toContain('二、成因分析');
    expect(numberingXml).toContain('w:val="chineseCounting"');
    expect(numberingXml).toContain('w:val="%1、"');
    expect(planReportDocx(seed).lines.filter((line) => line.level !== undefined).map((line) => line.rest)).toEqual([
      '主要差距不足',
      '成因分析',
      '努力方向',
    ]);
  });

  it('reads back exactly the cleaned text of the seed, numbers included', () => {
    expect(text).toBe(normalizeReportText(seed).join('\n'));
  });

  it('gives the same templates and snippets as the text file, bodies included', () => {
    const fromText = entriesOf(collectionOf(seed));
    const fromDocx = entriesOf(collectionOf(text));
    const templates = (entries: typeof fromText) =>
      entries.filter((e) => e.kind === 'template').map((e) => ({ title: e.title, path: e.path }));
    expect(templates(fromDocx)).toEqual(templates(fromText));
    expect(templates(fromDocx).map((t) => t.path)).toContainEqual(['成因分析', '主观上']);
    expect(fromDocx.filter((e) => e.kind === 'snippet')).toEqual(fromText.filter((e) => e.kind === 'snippet'));
    expect(fromDocx).toEqual(fromText);
  });
});

describe('every report fixture round-trips through Word numbering', () => {
  for (const name of readdirSync(reportsDir).filter((n) => n.endsWith('.txt'))) {
    it(name, async () => {
      const decoded = decodeReportBytes(readFileSync(new URL(name, reportsDir)));
      if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
      const text = await docxToText(await makeReportDocx(decoded.text));
      // A PDF copy's broken lines are one paragraph again in Word.
      expect(text).toBe(reportParagraphs(decoded.text).paragraphs.map((paragraph) => paragraph.text).join('\n'));
      expect(entriesOf(collectionOf(text))).toEqual(entriesOf(collectionOf(decoded.text)));
    });
  }

  it('numbers three levels of a report automatically', () => {
    const decoded = decodeReportBytes(readFileSync(new URL('a-cn-cnparen-arabic.txt', reportsDir)));
    if (!decoded.ok) throw new Error(decoded.error);
    const plan = planReportDocx(decoded.text);
    expect(plan.levels.map((level) => level.pattern)).toEqual(['%、', '（%）', '%.']);
    expect(new Set(plan.lines.map((line) => line.level))).toEqual(new Set([undefined, 0, 1, 2]));
  });
});

describe('number formats, restarts and lists made with the docx package', async () => {
  const level = (lvl: number, format: ILevelsOptions['format'], text: string, extra: Partial<ILevelsOptions> = {}) => ({
    level: lvl,
    format,
    text,
    ...extra,
  });
  const item = (text: string, reference: string, lvl = 0, instance?: number) =>
    new Paragraph({ text, numbering: { reference, level: lvl, ...(instance === undefined ? {} : { instance }) } });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'cn',
          levels: [
            level(0, LevelFormat.CHINESE_COUNTING, '%1、'),
            level(1, LevelFormat.CHINESE_COUNTING, '（%2）'),
            level(2, LevelFormat.DECIMAL, '%3.'),
          ],
        },
        { reference: 'circle', levels: [level(0, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1')] },
        { reference: 'five', levels: [level(0, LevelFormat.DECIMAL, '%1)', { start: 5 })] },
        {
          reference: 'outline',
          levels: [
            level(0, LevelFormat.UPPER_LETTER, '%1.'),
            level(1, LevelFormat.DECIMAL, '%1.%2', { isLegalNumberingStyle: true }),
            level(2, LevelFormat.LOWER_ROMAN, '%3)'),
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('标题'),
          item('甲', 'cn'),
          item('乙', 'cn', 1),
          item('丙', 'cn', 2),
          item('丁', 'cn', 2),
          item('戊', 'cn', 1),
          item('己', 'cn', 2),
          ...Array.from({ length: 10 }, (_, i) => item(`第${i + 2}节`, 'cn')),
          item('庚', 'cn', 1),
          new Paragraph('正文段落'),
          item('圈一', 'circle'),
          item('圈二', 'circle'),
          new Paragraph({ text: '要点', bullet: { level: 0 } }),
          item('五号', 'five'),
          item('六号', 'five'),
          item('辛', 'cn'),
          item('新列表', 'cn', 0, 1),
          item('大纲', 'outline'),
          item('小节', 'outline', 1),
          item('细目', 'outline', 2),
          item('细目二', 'outline', 2),
        ],
      },
    ],
  });
  const text = await docxToText(new Uint8Array(await Packer.toArrayBuffer(document)));

  it('writes each numbered paragraph with the number Word shows', () => {
    expect(text.split('\n')).toEqual([
      '标题',
      '一、甲',
      '（一）乙',
      '1.丙',
      '2.丁',
      '（二）戊',
      '1.己',
      '二、第2节',
      '三、第3节',
      '四、第4节',
      '五、第5节',
      '六、第6节',
      '七、第7节',
      '八、第8节',
      '九、第9节',
      '十、第10节',
      '十一、第11节',
      '（一）庚',
      '正文段落',
      '①圈一',
      '②圈二',
      '要点',
      '5)五号',
      '6)六号',
      // The list goes on after the other lists and the plain paragraph…
      '十二、辛',
      // …and a new instance of it (Word's "restart numbering") starts again.
      '一、新列表',
      'A.大纲',
      // isLgl: the level above is written as a decimal too; a tab follows a number ending in a digit.
      '1.1 小节',
      'i)细目',
      'ii)细目二',
    ]);
  });
});

// A hand-written package, for what the docx package does not write: numbering
// through a paragraph style, numStyleLink, lvlRestart, a second w:num on the
// same abstract numbering, tracked changes, tables and line breaks.
describe('numbering that Word keeps elsewhere', () => {
  it('follows numbering given through paragraph styles, numStyleLink, lvlRestart and w:num overrides', async () => {
    const numbering =
      // 0: headings, linked to the Heading1/Heading2 styles.
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}` +
      `${lvl(2, 'decimal', '%3．', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      // 1: defines its levels through the numbering style "ListStyle".
      `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ListStyle"/>${lvl(0, 'ideographTraditional', '%1.')}</w:abstractNum>` +
      // 3: a Word 2010 format in markup compatibility, with its fallback.
      `<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent>` +
      `<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>` +
      `<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>`;
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr>${numPr(1)}</w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr>${numPr(1, 1)}</w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="MyHeading2"><w:basedOn w:val="Heading2"/></w:style>` +
      `<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr>${numPr(3)}</w:pPr></w:style>`;
    const heading1 = '<w:pStyle w:val="Heading1"/>';
    const body = [
      p('理论学习方面', heading1),
      p('学习不深', '<w:pStyle w:val="MyHeading2"/>'),
      p('细目', numPr(1, 2)),
      p('政治素质方面', heading1),
      p('敏锐性不强', '<w:pStyle w:val="Heading2"/>'),
      // lvlRestart 0: level 3 goes on under the new heading.
      p('细目', numPr(1, 2)),
      p('不在列表中', `${heading1}${numPr(0)}`),
      p('工作作风方面', heading1),
      // A second w:num on the same abstract numbering, restarted at 7.
      p('第七项', numPr(2, 0)),
      // Back on the first w:num: the count is shared with the second one.
      p('续', heading1),
      p('天干', numPr(4, 0)),
      p('天干二', numPr(4, 0)),
      p('编号', numPr(5, 0)),
    ].join('');
    const text = await docxToText(await craftDocx({ body, numbering, styles }));
    expect(text.split('\n')).toEqual([
      '一、理论学习方面',
      '（一）学习不深',
      '1．细目',
      '二、政治素质方面',
      '（一）敏锐性不强',
      '2．细目',
      '不在列表中',
      '三、工作作风方面',
      '七、第七项',
      '八、续',
      '甲.天干',
      '乙.天干二',
      '01 编号',
    ]);
  });

  it('reads tables cell by cell, keeps line breaks and field results, and leaves deleted text out', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const body = [
      p('存在问题', numPr(1, 0)),
      `<w:p><w:pPr>${numPr(1, 0)}<w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>删除的段落标记</w:t></w:r></w:p>`,
      `<w:p><w:pPr>${numPr(1, 0)}</w:pPr><w:r><w:t>原因分析</w:t></w:r>` +
        `<w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>删掉的字</w:delText></w:r></w:del></w:p>`,
      `<w:tbl><w:tr>${cell(p('单元格一') + p('单元格一第二段'))}${cell(p('整改措施', numPr(1, 0)))}</w:tr></w:tbl>`,
      // A heading that starts on a new page keeps its number in front of its text.
      `<w:p><w:pPr>${numPr(1, 0)}</w:pPr><w:r><w:br w:type="page"/></w:r><w:r><w:t>努力方向</w:t></w:r></w:p>`,
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
      '<w:p><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2024年5月20日</w:t></w:r></w:fldSimple></w:p>',
      '<w:p/>',
      '<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
    ].join('');
    const text = await docxToText(await craftDocx({ body, numbering }));
    expect(text.split('\n')).toEqual([
      '一、存在问题',
      // A paragraph whose mark is deleted joins the next one, which keeps its number.
      '二、删除的段落标记原因分析',
      '单元格一',
      '单元格一第二段',
      '三、整改措施',
      '四、努力方向',
      '第一行',
      '第二行',
      '2024年5月20日',
    ]);
  });

  it('formats numbers as Word does for each w:numFmt', () => {
    const cases: [number, string, string][] = [
      [1, 'chineseCounting', '一'],
      [10, 'chineseCounting', '十'],
      [11, 'chineseCounting', '十一'],
      [20, 'chineseCounting', '二十'],
      [21, 'chineseCountingThousand', '二十一'],
      [105, 'chineseCounting', '一百零五'],
      [110, 'chineseCounting', '一百一十'],
      [10, 'chineseLegalSimplified', '壹拾'],
      [12, 'ideographLegalTraditional', '壹拾貳'],
      [3, 'ideographTraditional', '丙'],
      [13, 'ideographZodiac', '子'],
      [10, 'ideographDigital', '一〇'],
      [3, 'decimalEnclosedCircle', '③'],
      [20, 'decimalEnclosedCircle', '⑳'],
      [21, 'decimalEnclosedCircle', '21'],
      [2, 'decimalEnclosedParen', '⑵'],
      [12, 'decimalFullWidth', '１２'],
      [4, 'decimalZero', '04'],
      [14, 'upperRoman', 'XIV'],
      [9, 'lowerRoman', 'ix'],
      [28, 'upperLetter', 'BB'],
      [3, 'lowerLetter', 'c'],
      [22, 'ordinal', '22nd'],
      [7, 'bullet', ''],
      [7, 'someFutureFormat', '7'],
    ];
    for (const [value, format, expected] of cases) expect([value, format, formatListNumber(value, format)]).toEqual([value, format, expected]);
  });
});

describe('files that are not readable Word documents', async () => {
  const seedDocx = await makeReportDocx(seed);
  const ole = (...streams: string[]) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    let at = 1024;
    for (const name of streams) {
      for (const ch of name) {
        bytes[at] = ch.charCodeAt(0);
        at += 2;
      }
      at += 2;
    }
    return bytes;
  };

  it('calls a zip that holds no Word document binary, or a broken .docx when so named', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a Word document');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expectDocxError(bytes, 'not-docx');
    expect(await readReportFile(bytes, 'archive.zip')).toEqual({ ok: false, error: 'binary' });
    expect(await readReportFile(bytes, 'report.docx')).toEqual({ ok: false, error: 'docx-corrupt' });
  });

  it('calls a truncated .docx or one with broken XML damaged', async () => {
    const truncated = seedDocx.slice(0, Math.floor(seedDocx.length / 2));
    await expectDocxError(truncated, 'corrupt');
    expect(await readReportFile(truncated, 'report.docx')).toEqual({ ok: false, error: 'docx-corrupt' });
    const broken = await craftDocx({ body: '<w:p><w:r><w:t>未闭合</w:r></w:p>' });
    await expectDocxError(broken, 'corrupt');
    expect(await readReportFile(broken)).toEqual({ ok: false, error: 'docx-corrupt' });
  });

  it('asks for an old .doc to be saved as .docx, and says when a document is password protected', async () => {
    expect(await readReportFile(ole(), '旧报告.doc')).toEqual({ ok: false, error: 'legacy-doc' });
    expect(await readReportFile(ole('Root Entry', 'WordDocument', '1Table'), 'report')).toEqual({ ok: false, error: 'legacy-doc' });
    expect(await readReportFile(ole('Root Entry', 'Workbook'), 'table.xls')).toEqual({ ok: false, error: 'binary' });
    const encrypted = ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage');
    expect(await readReportFile(encrypted, 'report.docx')).toEqual({ ok: false, error: 'docx-encrypted' });
    await expectDocxError(encrypted, 'encrypted');
    await expectDocxError(ole('WordDocument'), 'not-docx');
  });

  it('calls a document without text empty', async () => {
    const empty = new Document({ sections: [{ children: [new Paragraph(''), new Paragraph('\u3000 ')] }] });
    const bytes = new Uint8Array(await Packer.toArrayBuffer(empty));
    await expectDocxError(bytes, 'empty');
    expect(await readReportFile(bytes, 'empty.docx')).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses files over the size limits', async () => {
    const bigDocx = new Uint8Array(MAX_DOCX_FILE_BYTES + 1);
    bigDocx.set(seedDocx.subarray(0, 4));
    expect(await readReportFile(bigDocx, 'big.docx')).toEqual({ ok: false, error: 'too-large' });
    const bigText = new Uint8Array(MAX_TEXT_FILE_BYTES + 1).fill(0x61);
    expect(await readReportFile(bigText, 'big.txt')).toEqual({ ok: false, error: 'too-large' });
    expect(await readReportFile(new Uint8Array(MAX_TEXT_FILE_BYTES).fill(0x61), 'ok.txt')).toMatchObject({ ok: true });
  });
});

describe('readReportFile', () => {
  const text = '个人党性分析报告\n一、主要差距不足\n一是学习不够。';

  it('reads a .docx by its content, whatever its name', async () => {
    const bytes = await makeReportDocx(text, 'styles');
    const result = await readReportFile(bytes, 'report.txt');
    // The parser reads the paragraphs with their levels; the text is what identifies the report.
    expect(result).toEqual({ ok: true, report: await readDocx(bytes), text: '个人党性分析报告\n主要差距不足\n一是学习不够。', source: 'docx', removed: { direction: 0, invalid: 0 } });
    expect(result.ok && result.report).toContainEqual({ text: '主要差距不足', level: 1, bold: true });
  });

  it('still reads UTF-8 and GBK text files', async () => {
    const ok = { ok: true, report: text, text, source: 'text', removed: { direction: 0, invalid: 0 } };
    expect(await readReportFile(new TextEncoder().encode(text), 'a.txt')).toEqual({ ...ok, encoding: 'utf-8' });
    expect(await readReportFile(encodeGb18030(text))).toEqual({ ...ok, encoding: 'gb18030' });
  });

  it('passes on the refusals of text decoding', async () => {
    expect(await readReportFile(new Uint8Array(), 'a.txt')).toEqual({ ok: false, error: 'empty' });
    expect(await readReportFile(new TextEncoder().encode('%PDF-1.7\n'), 'a.pdf')).toEqual({ ok: false, error: 'pdf' });
    expect(await readReportFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toEqual({ ok: false, error: 'binary' });
  });

  it('has a message in Chinese and in English for every refusal', () => {
    for (const { zh, en } of Object.values(REPORT_FILE_MESSAGES)) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e“”]+$/);
    }
    expect(REPORT_FILE_MESSAGES['legacy-doc'].zh).toContain('.docx');
  });
});
