/**
 * npm run parse -- <file>: prints the library JSON that importing the file (a
 * text file or a Word .docx) would give. Errors go to stderr, in Chinese and
 * English, with a non-zero exit.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { buildCollection, libraryDocument } from '../core/library';
import { collectionIdFor } from '../core/collection-id';
import { MAX_DOCX_FILE_BYTES, readReportFile, reportFileMessage } from '../core/report-file';

const MESSAGES = {
  usage: '用法 Usage: npm run parse -- <报告文件 report file (.txt, .docx)>',
  missing: '找不到文件或无法读取 / The file does not exist or cannot be read',
  directory: '这是一个文件夹，不是文件 / This is a folder, not a file',
};

function fail(message: string, file?: string): never {
  process.stderr.write(`笔匣 bixia: ${file ? `${file}: ` : ''}${message}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail(MESSAGES.usage);

let bytes: Uint8Array;
try {
  const stat = statSync(file);
  if (stat.isDirectory()) fail(MESSAGES.directory, file);
  if (stat.size > MAX_DOCX_FILE_BYTES) fail(reportFileMessage('too-large'), file);
  bytes = readFileSync(file);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code) fail(MESSAGES.missing, file);
  throw error;
}

const decoded = await readReportFile(bytes, basename(file));
if (!decoded.ok) fail(reportFileMessage(decoded.error), file);

const fallbackTitle = basename(file, extname(file));
const collection = buildCollection(decoded.report, {
  collectionId: collectionIdFor(decoded.text),
  fallbackTitle,
});
process.stdout.write(`${JSON.stringify(libraryDocument([collection]), null, 2)}\n`);
