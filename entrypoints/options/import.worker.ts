/**
 * The import worker: one per import, terminated when the user cancels or a
 * newer file overtakes it (useReportImport.ts). Holds nothing between
 * imports; every answer is plain data the page can take as it is.
 */
import { type ImportOutcome, type ImportRequest, runImport } from './import-work';

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  let outcome: ImportOutcome;
  try {
    outcome = await runImport(event.data);
  } catch (error) {
    outcome = { ok: false, error: 'crashed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  self.postMessage(outcome);
};
