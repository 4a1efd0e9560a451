/** `npm run parse -- <file>`, run as a user would, on good and bad files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../core/library';
import { normalizeReportText } from '../../core/report-parser';
import { makeReportDocx } from '../fixtures/docx/make-docx';
import { encodeGb18030 } from '../helpers/gb18030';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedPath = join(root, 'data/seed-report.txt');
const dir = mkdtempSync(join(tmpdir(), 'bixia-parse-'));

function parse(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/parse.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('npm run parse', () => {
  it('prints the library JSON of the seed report', () => {
    const { code, stdout, stderr } = parse(seedPath);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as LibraryDocument;
    expect(doc.format).toBe('bixia-library');
    expect(doc.version).toBe(1);
    const [collection] = doc.collections;
    const topLevel = collection!.entries.filter((e) => e.kind === 'template' && e.path.length === 1).map((e) => e.path[0]);
    expect(topLevel).toEqual(['开头', '主要差距不足', '成因分析', '努力方向']);
  });

  it('gives the same library for the same report saved as GBK with CRLF line endings', () => {
    const text = readFileSync(seedPath, 'utf8').replace(/\n/g, '\r\n');
    const bytes = encodeGb18030(text);
    const gbk = parse(write('seed-gbk.txt', bytes));
    const utf8 = parse(seedPath);
    expect(gbk.code).toBe(0);
    const entries = (out: string) => (JSON.parse(out) as LibraryDocument).collections[0]!.entries.map((e) => [e.kind, e.path, e.body]);
    expect(entries(gbk.stdout)).toEqual(entries(utf8.stdout));
  });

  it('refuses an empty file with a clear message and a non-zero exit', () => {
    const { code, stdout, stderr } = parse(write('empty.txt', ''));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('文件是空的');
    expect(stderr).toContain('The file is empty');
  });

  it('refuses a binary file', () => {
    const { code, stderr } = parse(write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
    expect(code).not.toBe(0);
    expect(stderr).toContain('not a text file');
  });

  it('refuses a file that does not exist, a folder, and a missing argument', () => {
    expect(parse(join(dir, 'nope.txt'))).toMatchObject({ code: 1, stdout: '' });
    expect(parse(join(dir, 'nope.txt')).stderr).toContain('does not exist');
    expect(parse(dir).stderr).toContain('folder');
    expect(parse().stderr).toContain('Usage');
  });

  it('reads a Word document, numbers from its automatic numbering included, as the same report', async () => {
    // The cleaned text, so that both files have the very same text and the same collection id.
    const text = normalizeReportText(readFileSync(seedPath, 'utf8')).join('\n');
    const docx = parse(write('seed.docx', await makeReportDocx(text)));
    const txt = parse(write('seed-clean.txt', text));
    expect(docx.stderr).toBe('');
    expect(docx.code).toBe(0);
    expect(JSON.parse(docx.stdout)).toEqual(JSON.parse(txt.stdout));
    const topLevel = (JSON.parse(docx.stdout) as LibraryDocument).collections[0]!.entries
      .filter((e) => e.kind === 'template' && e.path.length === 1)
      .map((e) => e.path[0]);
    expect(topLevel).toEqual(['开头', '主要差距不足', '成因分析', '努力方向']);
  });

  it('refuses a damaged .docx and an old .doc with messages that say what to do', async () => {
    const docx = await makeReportDocx(readFileSync(seedPath, 'utf8'));
    const damaged = parse(write('damaged.docx', docx.slice(0, 1000)));
    expect(damaged).toMatchObject({ code: 1, stdout: '' });
    expect(damaged.stderr).toContain('damaged.docx: Word 文档已损坏');
    expect(damaged.stderr).toContain('The Word document is damaged');
    const old = new Uint8Array(1024);
    old.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = parse(write('old.doc', old));
    expect(legacy.code).toBe(1);
    expect(legacy.stderr).toContain('.doc');
    expect(legacy.stderr).toContain('save it as .docx');
  });

  it('names both kinds of file in its usage', () => {
    expect(parse().stderr).toMatch(/\.txt.*\.docx/);
  });
});
