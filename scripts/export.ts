/**
 * npm run export -- <REPORT.txt|REPORT.docx|DRAFT.json> [--docx OUT.docx] [--txt OUT.txt] [--date YYYY-MM-DD]
 *
 * Writes the documents the composer's export writes: for a draft file (the
 * composer's 导出草稿文件) exactly the same bytes; for a report, the report
 * as a draft of its own, numbered afresh. --date fixes "today" for dynamic
 * values (@今天) and, for a report, the file's dates, so batches repeat.
 * Errors go to stderr in Chinese and English, with a non-zero exit.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readDraftFile, DRAFT_FILE_MESSAGES } from '../core/draft/file';
import { docxFile, plainTextFile } from '../core/draft/export';
import { draftFromParts, partsFromReport } from '../core/draft/from-report';
import type { Draft } from '../core/draft/model';
import { renderDraft } from '../core/draft/render';
import { MAX_DOCX_FILE_BYTES, readReportFile, reportFileMessage } from '../core/report-file';
import { parseReport } from '../core/report-parser';

const USAGE =
  '用法 Usage: npm run export -- <报告 report .txt/.docx | 草稿 draft .json> [--docx OUT.docx] [--txt OUT.txt] [--date YYYY-MM-DD]';

function fail(message: string, file?: string): never {
  process.stderr.write(`笔匣 bixia: ${file ? `${file}: ` : ''}${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
let input: string | undefined;
const outputs: { docx?: string; txt?: string } = {};
let date: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--docx' || arg === '--txt' || arg === '--date') {
    const value = args[++i];
    if (!value || value.startsWith('--')) fail(USAGE);
    if (arg === '--date') date = value;
    else outputs[arg.slice(2) as 'docx' | 'txt'] = value;
  } else if (!input && !arg.startsWith('--')) input = arg;
  else fail(USAGE);
}
if (!input || (!outputs.docx && !outputs.txt)) fail(USAGE);

let today = new Date();
if (date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  today = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(NaN);
  if (Number.isNaN(today.getTime())) fail('日期应写作 YYYY-MM-DD / --date must be YYYY-MM-DD');
}

let bytes: Uint8Array;
let mtime: number;
try {
  const stat = statSync(input);
  if (stat.isDirectory()) fail('这是一个文件夹，不是文件 / This is a folder, not a file', input);
  if (stat.size > MAX_DOCX_FILE_BYTES) fail(reportFileMessage('too-large'), input);
  bytes = readFileSync(input);
  mtime = Math.floor(stat.mtimeMs / 1000) * 1000;
} catch (error) {
  if ((error as NodeJS.ErrnoException).code) fail('找不到文件或无法读取 / The file does not exist or cannot be read', input);
  throw error;
}

async function loadDraft(file: string): Promise<Draft> {
  if (/\.json$/i.test(file)) {
    const read = readDraftFile(new TextDecoder().decode(bytes));
    if (!read.ok) fail(DRAFT_FILE_MESSAGES[read.error], file);
    return read.draft;
  }
  const decoded = await readReportFile(bytes, basename(file));
  if (!decoded.ok) fail(reportFileMessage(decoded.error), file);
  let n = 0;
  return draftFromParts(partsFromReport(parseReport(decoded.report), () => `n-${++n}`, true), {
    id: 'cli',
    now: date ? today.getTime() : mtime,
  });
}

const draft = await loadDraft(input);
const paragraphs = renderDraft(draft, { today });
if (paragraphs.length === 0) fail('没有可导出的内容 / There is nothing to export', input);
try {
  if (outputs.txt) writeFileSync(outputs.txt, plainTextFile(paragraphs));
  if (outputs.docx) writeFileSync(outputs.docx, await docxFile(paragraphs, draft.updatedAt));
} catch {
  fail('无法写入输出文件 / The output file cannot be written', outputs.docx ?? outputs.txt);
}
for (const out of [outputs.txt, outputs.docx]) if (out) process.stdout.write(`${out}\n`);
