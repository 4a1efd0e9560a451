import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ImportMode, ImportPlan } from '../../core/library-import';
import type { Collection, LibraryDocument } from '../../core/library';
import { MAX_BACKUP_BYTES, checkLibraryBytes } from '../../core/library-schema';
import { applyImport, previewImport } from '../../utils/library-backup';
import { ConfirmDialog } from './ConfirmDialog';
import { FileDrop, useDropTarget } from './FileDrop';
import { ImportPlanView } from './ImportPlanView';
import { backupCheckMessage, writeErrorMessage } from './messages';
import { ReadingProgress } from './ReadingProgress';
import { alert, showStatus } from './state';
import { useFileReading } from './useFileReading';
import { refreshLibrary } from './write';

interface Loaded {
  document: LibraryDocument;
  fileName: string;
}

/**
 * Restoring a backup: the file is checked before anything else (each problem
 * has its own message), then the plan for the chosen mode is shown, and only
 * 导入 writes. A replace that deletes something asks once more.
 */
export function RestorePanel({ collections }: { collections: Collection[] }) {
  const loaded = useSignal<Loaded | null>(null);
  const reading = useFileReading();
  const mode = useSignal<ImportMode>('merge');
  const plan = useSignal<ImportPlan | null>(null);
  const confirming = useSignal(false);
  const busy = useSignal(false);

  const readBackup = async (file: File) => {
    loaded.value = null;
    plan.value = null;
    const tooLarge = file.size > MAX_BACKUP_BYTES;
    const token = reading.begin(file.name, tooLarge ? null : file.size);
    if (tooLarge) return reading.fail(token, backupCheckMessage({ code: 'too-large', bytes: file.size, limit: MAX_BACKUP_BYTES }));
    const bytes = await reading.read(file, token);
    if (!bytes || !(await reading.working(file.name, token))) return;
    const check = checkLibraryBytes(bytes);
    if (!check.ok) return reading.fail(token, backupCheckMessage(check.error));
    reading.done(token);
    mode.value = 'merge';
    loaded.value = { document: check.document, fileName: file.name };
  };

  // Planned against the library as stored now: again when the mode changes or another page edits the library.
  const document = loaded.value?.document;
  useEffect(() => {
    if (!document) return;
    let live = true;
    previewImport(document, mode.value).then(
      (next) => live && (plan.value = next),
      (error) => live && (alert.value = writeErrorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [document, mode.value, collections]);

  const cancel = () => {
    reading.cancel();
    loaded.value = null;
    plan.value = null;
  };

  const apply = async () => {
    const current = plan.value;
    if (!document || !current || current.noop || busy.value) return;
    confirming.value = false;
    busy.value = true;
    try {
      const done = await applyImport(document, mode.value);
      await refreshLibrary();
      alert.value = null;
      cancel();
      const t = done.totals;
      showStatus(i18n.t('optRestoreDone', [String(t.added), String(t.updated), String(t.removed)]));
    } catch (error) {
      alert.value = writeErrorMessage(error);
    } finally {
      busy.value = false;
    }
  };

  const current = plan.value;
  const deletes = current?.mode === 'replace' && current.totals.removed > 0;
  const drop = useDropTarget((file) => void readBackup(file));
  return (
    <section class={`panel restore${drop.dragging.value ? ' dragging' : ''}`} aria-labelledby="restore-heading" {...drop.handlers}>
      <h3 id="restore-heading" class="small-heading">
        {i18n.t('optRestoreHeading')}
      </h3>
      <FileDrop
        name="backup-file"
        accept=".json,application/json"
        label={i18n.t('optChooseBackup')}
        hint={i18n.t('optBackupFileHint')}
        disabled={reading.state.value !== null || busy.value}
        onFile={(file) => void readBackup(file)}
      />
      {reading.state.value && <ReadingProgress name={reading.state.value.name} progress={reading.state.value.progress} onCancel={cancel} />}

      {loaded.value && (
        <div class="restore-choice">
          <p class="file-summary" data-backup-file>
            {i18n.t('optBackupSummary', [loaded.value.fileName, String(loaded.value.document.collections.length), loaded.value.document.exportedAt?.slice(0, 10) ?? '—'])}
          </p>
          <fieldset class="modes">
            <legend class="small-heading">{i18n.t('optImportMode')}</legend>
            {(['merge', 'replace'] as const).map((value) => (
              <label key={value} class="mode">
                <input type="radio" name="import-mode" value={value} checked={mode.value === value} onChange={() => (mode.value = value)} />
                <span class="mode-name">{value === 'merge' ? i18n.t('optModeMerge') : i18n.t('optModeReplace')}</span>
                <span class="hint">{value === 'merge' ? i18n.t('optModeMergeHint') : i18n.t('optModeReplaceHint')}</span>
              </label>
            ))}
          </fieldset>
          {current && current.mode === mode.value ? <ImportPlanView plan={current} /> : <p class="hint">{i18n.t('optPlanning')}</p>}
          <div class="button-row">
            <button
              type="button"
              class="button button-primary"
              data-action="apply-import"
              disabled={!current || current.noop || current.mode !== mode.value || busy.value}
              onClick={() => (deletes ? (confirming.value = true) : void apply())}
            >
              {i18n.t('optApplyImport')}
            </button>
            <button type="button" class="button" data-action="cancel-restore" onClick={cancel}>
              {i18n.t('optCancel')}
            </button>
          </div>
        </div>
      )}
      {confirming.value && current && (
        <ConfirmDialog
          title={i18n.t('optReplaceConfirmTitle')}
          message={i18n.t('optReplaceConfirm', [String(current.totals.removed)])}
          confirmLabel={i18n.t('optReplaceConfirmYes')}
          cancelLabel={i18n.t('optCancel')}
          confirmAction="confirm-replace"
          cancelAction="cancel-replace"
          onConfirm={() => void apply()}
          onCancel={() => (confirming.value = false)}
        />
      )}
    </section>
  );
}
