/** Downloads a backup of everything or of one collection, or the raw data of a value that cannot be read, as a JSON file. */
import { i18n } from '#i18n';
import { type ExportScope, exportDocument, exportFileName, rawFileName, rawStoredDocument, serializeDocument } from '../../utils/library-backup';
import type { StoredKey } from '../../utils/stored';
import { downloadText } from './files';
import { writeErrorMessage } from './messages';
import { alert, showStatus } from './state';

export async function exportToFile(scope: ExportScope): Promise<void> {
  try {
    const now = new Date();
    const document = await exportDocument(scope, now);
    const fileName = exportFileName(document, scope, now);
    downloadText(serializeDocument(document), fileName);
    alert.value = null;
    showStatus(i18n.t('optExported', [fileName]));
  } catch (error) {
    alert.value = writeErrorMessage(error);
  }
}

/** Saves exactly what storage holds for `key` (and its version mark), before the user resets it. */
export async function saveRawData(key: StoredKey): Promise<void> {
  try {
    const fileName = rawFileName(key);
    downloadText(await rawStoredDocument(key), fileName);
    showStatus(i18n.t('storedRawSaved', [fileName]));
  } catch (error) {
    alert.value = writeErrorMessage(error);
  }
}
