/**
 * A report written in Word reads as the same outline as its text: every
 * report fixture made into a .docx each way (test/fixtures/docx/make-docx.ts),
 * read with readDocx (core/docx/) and parsed from its paragraphs with their
 * levels (parseReport(paragraphs), core/report-parser.ts), gives the title,
 * sections, opening, closing and 落款 written by hand beside the fixture.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { readDocx } from '../../core/docx';
import { isStrict, matchMarker } from '../../core/markers';
import { parseReport } from '../../core/report-parser';
import { type Expected, framePart, outlineOf } from '../fixtures/reports/expected';
import { REPORT_DOCX_MODES, type ReportDocxMode, expectedParagraphs, makeReportDocx, planReportDocx } from '../fixtures/docx/make-docx';

/**
 * A bold line says it is a heading but not of which level, and the parser
 * takes bold lines as headings only when nothing else marks the structure:
 * the bold way is checked on reports where its bold lines are of one level
 * and no typed number is left.
 */
function marksItsStructure(text: string, mode: ReportDocxMode): boolean {
  if (mode !== 'bold') return true;
  const ranks = new Set(planReportDocx(text).lines.flatMap((line) => (line.alone ? [line.alone.rank] : [])));
  const typed = expectedParagraphs(text, mode).some((paragraph) => {
    const marker = matchMarker(paragraph.text);
    return !paragraph.bold && marker !== null && isStrict(marker.family);
  });
  return ranks.size <= 1 && !typed;
}

const dir = new URL('../fixtures/reports/', import.meta.url);

describe('report fixtures written in Word read as the outline of their text', () => {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const decoded = decodeReportBytes(readFileSync(new URL(name, dir)));
    if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
    const expected = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Expected;
    for (const mode of REPORT_DOCX_MODES.filter((m) => marksItsStructure(decoded.text, m))) {
      it(`${name}, ${mode}`, async () => {
        const report = parseReport(await readDocx(await makeReportDocx(decoded.text, mode)));
        expect(report.title).toBe(expected.title);
        expect(outlineOf(report.root)).toEqual(expected.sections);
        expect(framePart(report, 'opening')).toBe(expected.opening ?? null);
        expect(framePart(report, 'closing')).toBe(expected.closing ?? null);
        expect(framePart(report, 'signature')?.split('\n') ?? null).toEqual(expected.signature ?? null);
      });
    }
  }

  it('reads a report whose only headings are bold lines', async () => {
    const text = [
      '2026年度组织生活会个人发言提纲',
      '一、存在的问题',
      '理论学习不够系统，满足于完成规定动作。',
      '二、原因分析',
      '对理论学习的重要性认识不足。',
      '三、整改措施',
      '制定学习计划，每周集中学习不少于半天。',
      '以上发言，请同志们批评帮助。',
    ].join('\n');
    const paragraphs = await readDocx(await makeReportDocx(text, 'bold'));
    expect(paragraphs.filter((paragraph) => paragraph.bold).map((paragraph) => paragraph.text)).toEqual([
      '2026年度组织生活会个人发言提纲',
      '存在的问题',
      '原因分析',
      '整改措施',
    ]);
    const report = parseReport(paragraphs);
    expect(outlineOf(report.root)).toEqual(['存在的问题', '原因分析', '整改措施'].map((title) => ({ title, items: [] })));
    expect(framePart(report, 'closing')).toBe('以上发言，请同志们批评帮助。');
  });
});
