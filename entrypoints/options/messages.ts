/**
 * Every way an action on the options page can fail, said in the user's
 * language. Each message comes with a code for [data-error-code].
 */
import { i18n } from '#i18n';
import { LibraryEditError } from '../../core/library-edit';
import type { LibraryCheckError } from '../../core/library-schema';
import { LibraryStoreError } from '../../utils/library-store';
import type { ReportFileErrorCode } from '../../core/report-file';
import { megabytes } from './logic';
import type { AlertMessage } from './state';

/** A failed write or edit: nothing was saved, and the editor keeps its text. */
export function writeErrorMessage(error: unknown): AlertMessage {
  if (error instanceof LibraryStoreError) {
    const messages = {
      quota: i18n.t('optErrorQuota'),
      'write-failed': i18n.t('optErrorWriteFailed'),
      damaged: i18n.t('optErrorDamaged'),
      'too-new': i18n.t('optErrorTooNew'),
    };
    return { code: error.code, message: messages[error.code] };
  }
  if (error instanceof LibraryEditError) {
    const messages = {
      'no-collection': i18n.t('optErrorNoCollection'),
      'no-entry': i18n.t('optErrorNoEntry'),
      'read-only': i18n.t('optErrorReadOnly'),
      exists: i18n.t('optErrorExists'),
    };
    return { code: error.code, message: messages[error.code] };
  }
  console.error(error);
  return { code: 'unexpected', message: i18n.t('optErrorUnexpected', [String((error as Error)?.message ?? error)]) };
}

/**
 * A report file that cannot be read. The wording lives beside the reader
 * (core/report-file.ts, also used by the command line); `optLanguage` says
 * which of its two languages this page speaks.
 */
export function reportFileMessage(code: ReportFileErrorCode, messages: Record<ReportFileErrorCode, { zh: string; en: string }>): AlertMessage {
  const lang = i18n.t('optLanguage') === 'zh' ? 'zh' : 'en';
  return { code, message: messages[code][lang] };
}

/** A backup file that is not a library Bixia can import. */
export function backupCheckMessage(error: LibraryCheckError): AlertMessage {
  switch (error.code) {
    case 'too-large':
      return { code: error.code, message: i18n.t('optBackupTooLarge', [megabytes(error.bytes), megabytes(error.limit)]) };
    case 'not-json':
      return { code: error.code, message: i18n.t('optBackupNotJson') };
    case 'not-library':
      return { code: error.code, message: i18n.t('optBackupNotLibrary') };
    case 'wrong-version':
      return { code: error.code, message: i18n.t('optBackupWrongVersion', [String(error.version ?? '?')]) };
    case 'invalid':
      return { code: error.code, message: i18n.t('optBackupInvalid', [error.where, error.problem]) };
    case 'too-many-entries':
      return { code: error.code, message: i18n.t('optBackupTooManyEntries', [String(error.count), String(error.limit)]) };
    case 'duplicate-id':
      return { code: error.code, message: i18n.t('optBackupDuplicateId', [error.id]) };
    case 'empty':
      return { code: error.code, message: i18n.t('optBackupEmpty') };
  }
}

/** A file the browser could not read at all (moved, or permission lost). */
export function readFailedMessage(): AlertMessage {
  return { code: 'read-failed', message: i18n.t('optErrorReadFailed') };
}
