/**
 * Every way an action on the options page can fail, said in the user's
 * language. Each message comes with a code for [data-error-code].
 */
import { i18n } from '#i18n';
import { LibraryEditError } from '../../core/library-edit';
import type { FieldProblem, LibraryCheckError } from '../../core/library-schema';
import { storedKeyName } from '../../components/LibraryProblem';
import { StoreError } from '../../utils/stored';
import type { ReportFileErrorCode } from '../../core/report-file';
import { megabytes } from './logic';
import { TRIGGER_MAX, TRIGGER_MIN } from '../../core/triggers';
import { TriggerRefused } from './triggers-write';
import type { AlertMessage } from './state';

/** Why a typed shortcut or a site was not saved; a failed write is said as for any other. */
export function triggerErrorMessage(error: unknown): AlertMessage {
  if (!(error instanceof TriggerRefused)) return writeErrorMessage(error);
  const refusal = error.refusal;
  const other = 'other' in refusal ? refusal.other.trigger : '';
  const messages: Record<typeof refusal.code, () => string> = {
    empty: () => i18n.t('optTriggerEmpty'),
    'too-short': () => i18n.t('optTriggerTooShort', [String(TRIGGER_MIN)]),
    'too-long': () => i18n.t('optTriggerTooLong', [String(TRIGGER_MAX)]),
    space: () => i18n.t('optTriggerSpace'),
    'no-mark': () => i18n.t('optTriggerNoMark'),
    same: () => i18n.t('optTriggerTaken', [other]),
    prefix: () => i18n.t('optTriggerPrefix', [other]),
    full: () => i18n.t('optTriggerFull'),
    'site-exists': () => i18n.t('optTriggerSiteExists'),
    gone: () => i18n.t('optTriggerGone'),
  };
  return { code: `trigger-${refusal.code}`, message: messages[refusal.code]() };
}

/** A failed write or edit: nothing was saved, and the editor keeps its text. */
export function writeErrorMessage(error: unknown): AlertMessage {
  if (error instanceof StoreError) {
    const name = storedKeyName(error.key);
    const messages = {
      quota: () => i18n.t('optErrorQuota'),
      'write-failed': () => i18n.t('optErrorWriteFailed'),
      damaged: () => i18n.t('storedErrorDamaged', [name]),
      'too-new': () => i18n.t('storedErrorTooNew', [name]),
    };
    return { code: error.code, message: messages[error.code]() };
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
      return { code: error.code, message: i18n.t('optBackupInvalid', [problemText(error.problem, fieldName(error.path))]) };
    case 'too-many-entries':
      return { code: error.code, message: i18n.t('optBackupTooManyEntries', [String(error.count), String(error.limit)]) };
    case 'duplicate-id':
      return { code: error.code, message: i18n.t('optBackupDuplicateId', [error.id]) };
    case 'empty':
      return { code: error.code, message: i18n.t('optBackupEmpty') };
  }
}

const FIELD_LABEL: Record<string, () => string> = {
  id: () => i18n.t('backupFieldId'),
  kind: () => i18n.t('backupFieldKind'),
  title: () => i18n.t('backupFieldTitle'),
  body: () => i18n.t('backupFieldBody'),
  path: () => i18n.t('backupFieldPath'),
  tags: () => i18n.t('backupFieldTags'),
  createdAt: () => i18n.t('backupFieldCreatedAt'),
  updatedAt: () => i18n.t('backupFieldUpdatedAt'),
  name: () => i18n.t('backupFieldName'),
  readOnly: () => i18n.t('backupFieldReadOnly'),
  source: () => i18n.t('backupFieldSource'),
  entries: () => i18n.t('backupFieldEntries'),
  collections: () => i18n.t('backupFieldCollections'),
  favorites: () => i18n.t('backupFieldFavorites'),
  placeholderValues: () => i18n.t('backupFieldPlaceholderValues'),
  exportedAt: () => i18n.t('backupFieldExportedAt'),
  version: () => i18n.t('backupFieldVersion'),
  format: () => i18n.t('backupFieldFormat'),
};

/**
 * A place in a backup as the user knows it: `['collections', 2, 'entries', 11, 'body']`
 * is 第 3 个模板库的第 12 条的“正文” (in English, inner part first: the body of entry 12 of collection 3).
 */
export function fieldName(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  path.forEach((step, i) => {
    const parent = path[i - 1];
    if (typeof step === 'number') {
      const n = String(step + 1);
      if (parent === 'collections') parts.push(i18n.t('backupFieldCollection', [n]));
      else if (parent === 'entries') parts.push(i18n.t('backupFieldEntry', [n]));
      else if (parent === 'tags') parts[parts.length - 1] = i18n.t('backupFieldTag', [n]);
      else if (parent === 'path') parts[parts.length - 1] = i18n.t('backupFieldPathPart', [n]);
      else if (parent === 'favorites') parts[parts.length - 1] = i18n.t('backupFieldFavorite', [n]);
      return;
    }
    // A list's name gives way to its item's ("第 3 个模板库", not "模板库列表的第 3 个模板库").
    if ((step === 'collections' || step === 'entries') && typeof path[i + 1] === 'number') return;
    if (parent === 'placeholderValues') parts[parts.length - 1] = i18n.t('backupFieldPlaceholder', [step]);
    else parts.push(FIELD_LABEL[step]?.() ?? step);
  });
  if (parts.length === 0) return i18n.t('backupFieldDocument');
  return (i18n.t('optLanguage') === 'zh' ? parts : parts.reverse()).join(i18n.t('backupFieldJoin'));
}

const EXPECTED_KIND = {
  text: () => i18n.t('backupKindText'),
  number: () => i18n.t('backupKindNumber'),
  boolean: () => i18n.t('backupKindBoolean'),
  list: () => i18n.t('backupKindList'),
  object: () => i18n.t('backupKindObject'),
};

function problemText(problem: FieldProblem, field: string): string {
  switch (problem.kind) {
    case 'missing':
      return i18n.t('backupProblemMissing', [field]);
    case 'type':
      return i18n.t('backupProblemType', [field, EXPECTED_KIND[problem.expected]()]);
    case 'too-long':
      return i18n.t('backupProblemTooLong', [field, String(problem.limit)]);
    case 'too-many':
      return i18n.t('backupProblemTooMany', [field, String(problem.limit)]);
    case 'empty':
      return i18n.t('backupProblemEmpty', [field]);
    case 'pattern':
      return i18n.t('backupProblemPattern', [field]);
    case 'choice':
      return i18n.t('backupProblemChoice', [field, problem.choices.join(i18n.t('backupChoiceJoin'))]);
    case 'number':
      return i18n.t('backupProblemNumber', [field]);
    case 'other':
      return i18n.t('backupProblemOther', [field]);
  }
}

/** A file the browser could not read at all (moved, or permission lost). */
export function readFailedMessage(): AlertMessage {
  return { code: 'read-failed', message: i18n.t('optErrorReadFailed') };
}
