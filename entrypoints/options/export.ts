/** Downloads a backup of everything, or of one collection, as a JSON file. */
import { i18n } from '#i18n';
import { type ExportScope, exportDocument, exportFileName, serializeDocument } from '../../utils/library-backup';
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
