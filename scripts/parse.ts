/**
 * npm run parse -- <file>: prints the library JSON that importing the file would
 * give. Errors go to stderr, in Chinese and English, with a non-zero exit.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type DecodeErrorCode, decodeReportBytes } from '../core/decode';
import { buildCollection, libraryDocument } from '../core/library';
import { collectionIdFor } from '../core/collection-id';

const MESSAGES: Record<DecodeErrorCode | 'missing' | 'directory' | 'usage', string> = {
  usage: '用法 Usage: npm run parse -- <报告文件 report file (.txt)>',
  missing: '找不到文件或无法读取 / The file does not exist or cannot be read',
  directory: '这是一个文件夹，不是文件 / This is a folder, not a file',
  empty: '文件是空的 / The file is empty',
  binary: '这不是文本文件（看起来是二进制文件） / This is not a text file (it looks binary)',
  undecodable: '无法识别文件的编码（支持 UTF-8、UTF-16、GBK/GB18030） / Unknown text encoding (UTF-8, UTF-16 and GBK/GB18030 are supported)',
  docx: '这是 Word 文档（.docx）；请先另存为 .txt 纯文本 / This is a Word document (.docx); save it as plain text (.txt) first',
  pdf: '这是 PDF 文件；请先复制其中的文字另存为 .txt / This is a PDF; copy its text into a .txt file first',
};

function fail(message: string, file?: string): never {
  process.stderr.write(`笔匣 bixia: ${file ? `${file}: ` : ''}${message}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail(MESSAGES.usage);

let bytes: Uint8Array;
try {
  if (statSync(file).isDirectory()) fail(MESSAGES.directory, file);
  bytes = readFileSync(file);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code) fail(MESSAGES.missing, file);
  throw error;
}

const decoded = decodeReportBytes(bytes);
if (!decoded.ok) fail(MESSAGES[decoded.error], file);

const fallbackTitle = basename(file, extname(file));
const collection = buildCollection(decoded.text, {
  collectionId: collectionIdFor(decoded.text),
  fallbackTitle,
});
process.stdout.write(`${JSON.stringify(libraryDocument([collection]), null, 2)}\n`);
