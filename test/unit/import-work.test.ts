/**
 * The import worker's work, run here on the test's thread: a file or pasted
 * text to what the preview shows, as plain data; a refusal as its code. And
 * what of a parsed report the library would refuse, named before saving with
 * the schema's own limits.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EntrySchema, MAX_BODY_LENGTH } from '../../core/library-schema';
import { checkImportLimits } from '../../entrypoints/options/import-limits';
import { runImport } from '../../entrypoints/options/import-work';
import { zipBombDocx } from '../fixtures/docx/zip-bomb';

const opening = '个人党性分析报告\n按照要求，现将个人党性分析情况报告如下。\n一、存在的问题\n';
const sentence = '在理论学习上还存在不够深入、不够系统的问题';
/** One paragraph of about 665,000 characters, with the rest of a report around it. */
const longParagraph = `${sentence}，`.repeat(Math.ceil(665_000 / (sentence.length + 1))).slice(0, 665_000 - 1) + '。';
const longReport = `${opening}（一）学习方面\n${longParagraph}\n（二）作风方面\n工作作风不够扎实。\n二、整改措施\n加强学习。`;

describe('runImport', () => {
  it('hands over a pasted report as plain data, cleaned, with its notes', async () => {
    const outcome = await runImport({ kind: 'text', text: `${opening}一是学习\u202e不够。`, fallbackTitle: '粘贴的报告' });
    expect(outcome).toMatchObject({ ok: true, prepared: { removed: { direction: 1, invalid: 0 } } });
    expect(structuredClone(outcome)).toEqual(outcome);
    if (!outcome.ok) return;
    expect(outcome.prepared.report.paragraphs.join('\n')).not.toContain('\u202e');
    expect(outcome.prepared.source).toBeUndefined();
  });

  it('refuses a zip bomb with its code, and a file by its name keeps it as the source', async () => {
    expect(await runImport({ kind: 'file', bytes: zipBombDocx(300_000_000, 10), fileName: 'bomb.docx', fallbackTitle: 'bomb' })).toEqual({ ok: false, error: 'docx-too-large' });
    const outcome = await runImport({ kind: 'file', bytes: new TextEncoder().encode(`${opening}一是学习不够。`), fileName: '报告.txt', fallbackTitle: '报告' });
    expect(outcome).toMatchObject({ ok: true, prepared: { source: '报告.txt' } });
  }, 60_000);
});

describe('checkImportLimits', () => {
  it('names a paragraph longer than one entry may be, and refuses exactly the entries the schema refuses', async () => {
    const outcome = await runImport({ kind: 'text', text: longReport, fallbackTitle: '报告' });
    if (!outcome.ok) throw new Error(outcome.error);
    const { collection, report } = outcome.prepared;
    const limits = checkImportLimits(collection.entries, report.paragraphs);
    const number = report.paragraphs.indexOf(longParagraph) + 1;
    expect(number).toBeGreaterThan(0);
    expect(limits.paragraphs).toEqual([{ number, length: 665_000, limit: MAX_BODY_LENGTH, start: longParagraph.slice(0, 20) }]);
    const refusedIds = new Set(limits.refused.map((r) => r.entryId));
    for (const entry of collection.entries) expect(refusedIds.has(entry.id)).toBe(!v.safeParse(EntrySchema, entry).success);
    const whole = collection.entries.find((e) => e.path.length === 0)!;
    expect(limits.refused).toContainEqual({ entryId: whole.id, title: whole.title, field: 'body', length: whole.body.length, limit: MAX_BODY_LENGTH });
    // The rest of the report still imports.
    expect(collection.entries.some((e) => e.title.includes('作风方面') && !refusedIds.has(e.id))).toBe(true);
    expect(limits.tooMany).toBeNull();
  }, 30_000);

  it('finds nothing in a report within the limits', async () => {
    const outcome = await runImport({ kind: 'text', text: `${opening}一是学习不够。`, fallbackTitle: '报告' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(checkImportLimits(outcome.prepared.collection.entries, outcome.prepared.report.paragraphs)).toEqual({ refused: [], paragraphs: [], tooMany: null });
  });
});
