import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ImportMode, ImportPlan } from '../../core/library-import';
import type { Collection, LibraryDocument } from '../../core/library';
import { MAX_BACKUP_BYTES, checkLibraryBytes } from '../../core/library-schema';
import { type PlannedImport, previewImport } from '../../utils/library-backup';
import { ConfirmDialog } from './ConfirmDialog';
import { FileDrop, useDropTarget } from './FileDrop';
import { ImportPlanView } from './ImportPlanView';
import { backupCheckMessage, writeErrorMessage } from './messages';
import { ReadingProgress } from './ReadingProgress';
import { alert, showStatus } from './state';
import { useFileReading } from './useFileReading';
import { writeImport } from './write';

interface Loaded {
  document: LibraryDocument;
  fileName: string;
}

const deletes = (plan: ImportPlan) => plan.mode === 'replace' && plan.totals.removed > 0;

/**
 * Restoring a backup: the file is checked before anything else (each problem
 * has its own message), then the plan for the chosen mode is shown, and only
 * 导入 writes. A replace that deletes something asks once more. The import
 * writes only onto the library the plan shown was made on: when another page
 * changed it meanwhile, the new plan is shown, said so, and asked about again.
 */
export function RestorePanel({ collections }: { collections: Collection[] }) {
  const loaded = useSignal<Loaded | null>(null);
  const reading = useFileReading();
  const mode = useSignal<ImportMode>('merge');
  const planned = useSignal<PlannedImport | null>(null);
  /** The plan the confirmation dialog shows; it stays as shown while the dialog is open. */
  const confirming = useSignal<PlannedImport | null>(null);
  /** The last 导入 found the library changed since its plan: the plan shown now is the new one. */
  const changed = useSignal(false);
  const busy = useSignal(false);

  const readBackup = async (file: File) => {
    loaded.value = null;
    planned.value = null;
    changed.value = false;
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

  // Planned against the library as stored now: again when the mode changes or another page edits
  // the library, but not under an open confirmation, which must keep showing what it asks about.
  const document = loaded.value?.document;
  const asking = confirming.value !== null;
  useEffect(() => {
    if (!document || asking) return;
    let live = true;
    previewImport(document, mode.value).then(
      (next) => live && (planned.value = next),
      (error) => live && (alert.value = writeErrorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [document, mode.value, collections, asking]);

  const cancel = () => {
    reading.cancel();
    loaded.value = null;
    planned.value = null;
    changed.value = false;
  };

  const apply = async (target: PlannedImport) => {
    if (!document || target.plan.noop || busy.value) return;
    confirming.value = null;
    busy.value = true;
    try {
      const outcome = await writeImport(document, target.plan.mode, target.basis);
      if (!outcome) return;
      if (!outcome.applied) {
        planned.value = outcome.changed;
        changed.value = true;
        if (deletes(outcome.changed.plan)) confirming.value = outcome.changed;
        return;
      }
      cancel();
      const t = outcome.plan.totals;
      showStatus(i18n.t('optRestoreDone', [String(t.added), String(t.updated), String(t.removed)]));
    } finally {
      busy.value = false;
    }
  };

  const shown = planned.value;
  const current = shown?.plan;
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
          {changed.value && (
            <p class="note plan-changed" role="status" data-plan-changed>
              {i18n.t('optRestoreChanged')}
            </p>
          )}
          {current && current.mode === mode.value ? <ImportPlanView plan={current} /> : <p class="hint">{i18n.t('optPlanning')}</p>}
          <div class="button-row">
            <button
              type="button"
              class="button button-primary"
              data-action="apply-import"
              disabled={!current || current.noop || current.mode !== mode.value || busy.value}
              onClick={() => shown && (deletes(shown.plan) ? (confirming.value = shown) : void apply(shown))}
            >
              {i18n.t('optApplyImport')}
            </button>
            <button type="button" class="button" data-action="cancel-restore" onClick={cancel}>
              {i18n.t('optCancel')}
            </button>
          </div>
        </div>
      )}
      {confirming.value && (
        <ConfirmDialog
          title={i18n.t('optReplaceConfirmTitle')}
          notice={changed.value ? i18n.t('optRestoreChanged') : undefined}
          message={i18n.t('optReplaceConfirm', [String(confirming.value.plan.totals.removed)])}
          confirmLabel={i18n.t('optReplaceConfirmYes')}
          cancelLabel={i18n.t('optCancel')}
          confirmAction="confirm-replace"
          cancelAction="cancel-replace"
          onConfirm={() => confirming.value && void apply(confirming.value)}
          onCancel={() => (confirming.value = null)}
        />
      )}
    </section>
  );
}
