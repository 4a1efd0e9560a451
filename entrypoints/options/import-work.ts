/**
 * The work of importing a report, from a file's bytes or pasted text to what
 * the preview shows: read (core/report-file.ts: Word or text, cleaned, held
 * to a report's size), parse, build the collection and propose placeholders.
 * It runs in import.worker.ts, off the page's thread, so that a slow file
 * never freezes the page and Cancel can stop it wherever it is. Pure: no
 * browser API, no translations (the page sends the fallback title).
 */
import { collectionIdFor } from '../../core/collection-id';
import { type ReportFileErrorCode, readReportFile, readReportText } from '../../core/report-file';
import { parseReport } from '../../core/report-parser';
import { type PreparedImport, prepareImport } from './import-placeholders';

export type ImportRequest =
  | { kind: 'file'; bytes: Uint8Array; fileName: string; fallbackTitle: string }
  | { kind: 'text'; text: string; fallbackTitle: string };

export type ImportOutcome =
  | { ok: true; prepared: PreparedImport }
  | { ok: false; error: ReportFileErrorCode }
  /** Something no refusal describes: a bug, not the file. */
  | { ok: false; error: 'crashed'; detail: string };

export async function runImport(request: ImportRequest): Promise<ImportOutcome> {
  const read = request.kind === 'file' ? await readReportFile(request.bytes, request.fileName) : readReportText(request.text);
  if (!read.ok) return read;
  const report = parseReport(read.report, { fallbackTitle: request.fallbackTitle });
  const source = request.kind === 'file' ? request.fileName : undefined;
  return { ok: true, prepared: prepareImport(report, { collectionId: collectionIdFor(read.text) }, read.removed, source) };
}
