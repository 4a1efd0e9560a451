/** `npm run export`, run as a user would: a report and a draft file in, .docx and .txt out; bad input refused. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentPlainText } from '../../core/draft/document';
import { docxFile } from '../../core/draft/export';
import { draftFileText } from '../../core/draft/file';
import { draftFromText } from '../../core/draft/from-report';
import { renderDraft } from '../../core/draft/render';
import { readDocx } from '../../core/docx';
import { parseReport } from '../../core/report-parser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedPath = join(root, 'data/seed-report.txt');
const dir = mkdtempSync(join(tmpdir(), 'bixia-export-'));
const at = (name: string) => join(dir, name);

function exportCli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/export.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A report's outline: titles and their nesting. */
const shape = (n: ReturnType<typeof parseReport>['root']): unknown => ({ type: n.type, title: n.title, children: n.children.map(shape) });

// Each run starts Node with tsx (about a second and a half on two cores).
describe('npm run export', { timeout: 30_000 }, () => {
  it('writes a report as .txt and .docx that read back as the same tree', async () => {
    const { code, stderr } = exportCli(seedPath, '--docx', at('seed.docx'), '--txt', at('seed.txt'), '--date', '2026-12-01');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(at('seed.txt'), 'utf8');
    expect(text.startsWith('参加市县级领导干部“创新领导力提升”高级研修班个人党性分析报告\n\n近期，')).toBe(true);
    expect(text).toContain('\n一、主要差距不足\n（一）创新思维能力还需进一步提升。虽然');
    expect(text.endsWith('\n')).toBe(true);
    const fromDocx = parseReport(await readDocx(readFileSync(at('seed.docx'))));
    expect(shape(fromDocx.root)).toEqual(shape(parseReport(text).root));
    expect(fromDocx.title).toBe(parseReport(text).title);
  });

  it('writes from a draft file exactly the bytes the composer writes for that draft', async () => {
    let n = 0;
    const draft = { ...draftFromText(readFileSync(seedPath, 'utf8'), { id: 'd-1', now: Date.UTC(2026, 10, 30, 8), newId: () => `n-${++n}` }) };
    draft.signature = '某某单位\n{{日期|@今天}}';
    writeFileSync(at('draft.json'), draftFileText(draft));
    const { code, stderr } = exportCli(at('draft.json'), '--docx', at('draft.docx'), '--txt', at('draft.txt'), '--date', '2026-12-01');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const paragraphs = renderDraft(draft, { today: new Date(2026, 11, 1) });
    expect(readFileSync(at('draft.txt'), 'utf8')).toBe(`${documentPlainText(paragraphs)}\n`);
    expect(readFileSync(at('draft.txt'), 'utf8').endsWith('某某单位\n2026年12月1日\n')).toBe(true);
    expect(new Uint8Array(readFileSync(at('draft.docx')))).toEqual(await docxFile(paragraphs, draft.updatedAt));
  });

  it('refuses what it cannot read, in Chinese and English, and writes nothing', () => {
    const usage = exportCli(seedPath);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/用法 Usage: npm run export/);
    const missing = exportCli(at('nothing.txt'), '--txt', at('out.txt'));
    expect(missing.stderr).toMatch(/找不到文件.*does not exist/);
    writeFileSync(at('bad.json'), '{"format":"bixia-library","version":1}');
    const bad = exportCli(at('bad.json'), '--docx', at('bad.docx'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/不是笔匣的草稿文件.*Not a Bixia draft file/);
    expect(() => readFileSync(at('bad.docx'))).toThrow();
    const date = exportCli(seedPath, '--txt', at('d.txt'), '--date', '12/01/2026');
    expect(date.stderr).toMatch(/YYYY-MM-DD/);
  });
});
