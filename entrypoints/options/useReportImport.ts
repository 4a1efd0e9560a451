import { i18n } from '#i18n';
import { MAX_DOCX_FILE_BYTES, REPORT_FILE_MESSAGES } from '../../core/report-file-errors';
import { type ParsedImport, withRebuild } from './import-placeholders';
import type { ImportOutcome, ImportRequest } from './import-work';
import { fileNameWithoutExtension } from './logic';
import { reportFileMessage, writeErrorMessage } from './messages';
// Vite's ?worker import rather than new Worker(new URL(…, import.meta.url)): WXT defines
// import.meta.url away for its service worker, which hides that pattern from Vite.
import ImportWorker from './import.worker.ts?worker';
import type { AlertMessage } from './state';
import { useFileReading } from './useFileReading';

/**
 * Importing a report for the preview, from a file or pasted text: the bytes
 * are read here with progress, then read, parsed and built in a worker
 * (import.worker.ts), so the page stays responsive however slow the file, and
 * Cancel or a newer file terminates the worker wherever it is. Refusals go to
 * the page's alert in the user's language; nothing is written.
 */
export function useReportImport() {
  const reading = useFileReading();

  const work = async (token: number, name: string, request: ImportRequest): Promise<ParsedImport | null> => {
    if (!(await reading.working(name, token))) return null;
    let outcome: ImportOutcome | null;
    try {
      outcome = await reading.offThread(token, () => startImportWorker(request));
    } catch (error) {
      // The worker could not even start.
      reading.fail(token, writeErrorMessage(error));
      return null;
    }
    if (!outcome) return null;
    if (!outcome.ok) {
      reading.fail(token, refusalMessage(outcome, request.kind));
      return null;
    }
    reading.done(token);
    return withRebuild(outcome.prepared);
  };

  return {
    state: reading.state,
    cancel: reading.cancel,
    /** The preview of a picked or dropped file; null when it was refused (the alert says why), cancelled or overtaken. */
    async importFile(file: File): Promise<ParsedImport | null> {
      const token = reading.begin(file.name, file.size);
      if (file.size > MAX_DOCX_FILE_BYTES) {
        reading.fail(token, reportFileMessage('too-large', REPORT_FILE_MESSAGES));
        return null;
      }
      const bytes = await reading.read(file, token);
      if (!bytes) return null;
      return work(token, file.name, { kind: 'file', bytes, fileName: file.name, fallbackTitle: fileNameWithoutExtension(file.name) });
    },
    /** The preview of pasted text, as importFile. */
    async importText(text: string): Promise<ParsedImport | null> {
      const token = reading.begin('', null);
      if (text.trim() === '') {
        reading.fail(token, pasteEmpty());
        return null;
      }
      return work(token, '', { kind: 'text', text, fallbackTitle: i18n.t('optPastedTitle') });
    },
  };
}

function pasteEmpty(): AlertMessage {
  return { code: 'empty', message: i18n.t('optPasteEmpty') };
}

function refusalMessage(outcome: Exclude<ImportOutcome, { ok: true }>, kind: ImportRequest['kind']): AlertMessage {
  if (outcome.error === 'crashed') return writeErrorMessage(new Error(outcome.detail));
  if (outcome.error === 'empty' && kind === 'text') return pasteEmpty();
  return reportFileMessage(outcome.error, REPORT_FILE_MESSAGES);
}

/** One worker for one import; stop() terminates it and the result is null. */
function startImportWorker(request: ImportRequest): { result: Promise<ImportOutcome | null>; stop: () => void } {
  const worker = new ImportWorker();
  let settle!: (outcome: ImportOutcome | null) => void;
  const result = new Promise<ImportOutcome | null>((resolve) => (settle = resolve));
  const finish = (outcome: ImportOutcome | null) => {
    worker.terminate();
    settle(outcome);
  };
  worker.onmessage = (event: MessageEvent<ImportOutcome>) => finish(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ ok: false, error: 'crashed', detail: event.message || 'the import worker failed to run' });
  };
  worker.onmessageerror = () => finish({ ok: false, error: 'crashed', detail: 'the import worker sent an unreadable answer' });
  // The bytes move to the worker instead of being copied: the page has no more use for them.
  worker.postMessage(request, request.kind === 'file' ? [request.bytes.buffer] : []);
  return { result, stop: () => finish(null) };
}
