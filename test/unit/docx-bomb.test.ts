/**
 * Word documents that unpack to far more than a report can be: refused from
 * the sizes the zip declares before anything is inflated, and, when the zip
 * lies about them, while inflating, holding no more than the limit and one
 * block's output past it.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DocxError, readDocx } from '../../core/docx';
import { readPartsBounded } from '../../core/docx/bounded-read';
import { REPORT_FILE_MESSAGES, readReportFile } from '../../core/report-file';
import { craftDocx, p } from '../fixtures/docx/craft-docx';
import { writeZip, zipBombDocx } from '../fixtures/docx/zip-bomb';

const MB = 1024 * 1024;
/** Building a 300-million-character bomb takes the test a few seconds; reading it must not. */
const BUILDING = 60_000;

/** What inflating a part hands to the reader, chunk by chunk, until the reader stops it. */
async function deliveredBytes(bytes: Uint8Array, path: string, budget: number): Promise<{ delivered: number; error: unknown }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path) as unknown as { internalStream(type: string): { on(event: string, fn: (chunk: Uint8Array) => void): unknown } };
  let delivered = 0;
  const open = file.internalStream.bind(file);
  file.internalStream = (type: string) => {
    const stream = open(type);
    stream.on('data', (chunk) => (delivered += chunk.length));
    return stream;
  };
  const error = await readPartsBounded(zip, [path], { partBytes: budget, totalBytes: budget }).catch((e: unknown) => e);
  return { delivered, error };
}

describe('a zip bomb', () => {
  it('is refused from its declared size before it is inflated: 300 million characters in 300 KB', async () => {
    const bomb = zipBombDocx(300_000_000);
    expect(bomb.length).toBeLessThan(400 * 1024);
    expect(await readReportFile(bomb, 'bomb.docx')).toEqual({ ok: false, error: 'docx-too-large' });
    const { delivered, error } = await deliveredBytes(bomb, 'word/document.xml', 32 * MB);
    expect(error).toBeInstanceOf(DocxError);
    expect((error as DocxError).code).toBe('too-large');
    expect(delivered).toBe(0);
  }, BUILDING);

  it('whose central directory lies about its size is stopped once the limit is passed', async () => {
    const liar = zipBombDocx(300_000_000, 1000);
    expect(await readReportFile(liar, 'liar.docx')).toEqual({ ok: false, error: 'docx-too-large' });
    const budget = 4 * MB;
    const { delivered, error } = await deliveredBytes(liar, 'word/document.xml', budget);
    expect((error as DocxError).code).toBe('too-large');
    // One 16 KB block of deflate input unpacks to at most about 16 MB; nothing past that is made.
    expect(delivered).toBeGreaterThan(budget);
    expect(delivered).toBeLessThanOrEqual(budget + 17 * MB);
  }, BUILDING);

  it('is refused in any XML part, and when the parts together pass the total', async () => {
    const word = await JSZip.loadAsync(await craftDocx({ body: p('报告') }));
    const parts: { name: string; data: Buffer; deflate: boolean; declaredSize?: number }[] = [];
    for (const file of Object.values(word.files)) parts.push({ name: file.name, data: Buffer.from(await file.async('uint8array')), deflate: true });
    const hidden = writeZip([...parts, { name: 'customXml/item1.xml', data: Buffer.alloc(40 * MB, 'a'), deflate: true, declaredSize: 10 }]);
    await expect(readDocx(hidden)).rejects.toMatchObject({ code: 'too-large' });
    const small = { partBytes: 1 * MB, totalBytes: 1.5 * MB };
    const two = writeZip([...parts, ...['a', 'b'].map((n) => ({ name: `customXml/${n}.xml`, data: Buffer.alloc(0.9 * MB, 'a'), deflate: true }))]);
    await expect(readDocx(two, small)).rejects.toMatchObject({ code: 'too-large' });
    await expect(readDocx(two)).resolves.toEqual([{ text: '报告' }]);
  }, BUILDING);

  it('and a real report are told apart: the report reads within the limits', async () => {
    const report = await craftDocx({ body: [p('个人党性分析报告'), p('一、主要差距不足'), p('一是学习不够。')].join('') });
    expect(await readReportFile(report, 'report.docx')).toMatchObject({ ok: true, text: '个人党性分析报告\n一、主要差距不足\n一是学习不够。' });
  });

  it('says in Chinese what is wrong and what to do', () => {
    expect(REPORT_FILE_MESSAGES['docx-too-large'].zh).toMatch(/解压后.*32 MB.*64 MB.*损坏.*另存为 \.docx/);
  });
});

describe('a Word document whose text is larger than a report', () => {
  it('is refused like a text file of that size, after reading', async () => {
    const big = zipBombDocx(2 * MB + 1);
    expect(await readReportFile(big, 'big.docx')).toEqual({ ok: false, error: 'text-too-long' });
    expect(REPORT_FILE_MESSAGES['text-too-long'].zh).toContain('2 MB');
  }, BUILDING);
});
