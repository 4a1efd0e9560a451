import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Collection } from '../../core/library';
import { exportToFile } from './export';
import { RestorePanel } from './RestorePanel';

/** 备份与恢复: everything or one collection out as a JSON file, and a backup back in. */
export function BackupView({ collections }: { collections: Collection[] }) {
  const own = collections.filter((c) => !c.readOnly);
  const chosen = useSignal('');
  const target = own.find((c) => c.id === chosen.value) ?? own[0];
  return (
    <div class="view backup-view">
      <h2 class="view-heading">{i18n.t('optBackupHeading')}</h2>
      <section class="panel" aria-labelledby="export-heading">
        <h3 id="export-heading" class="small-heading">
          {i18n.t('optExportHeading')}
        </h3>
        <p class="hint">{i18n.t('optExportIntro')}</p>
        <div class="button-row">
          <button type="button" class="button button-primary" data-action="export-all" onClick={() => void exportToFile('all')}>
            {i18n.t('optExportAll')}
          </button>
        </div>
        <div class="button-row">
          <label class="field-label" for="export-collection">
            {i18n.t('optExportOne')}
          </label>
          <select
            id="export-collection"
            name="export-collection"
            class="input select"
            disabled={own.length === 0}
            value={target?.id ?? ''}
            onChange={(event) => (chosen.value = (event.currentTarget as HTMLSelectElement).value)}
          >
            {own.length === 0 && <option value="">{i18n.t('optNoOwnCollections')}</option>}
            {own.map((c) => (
              <option key={c.id} value={c.id}>
                {i18n.t('optCollectionOption', [c.name, String(c.entries.length)])}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button"
            data-action="export-collection"
            disabled={!target}
            onClick={() => target && void exportToFile({ collectionId: target.id })}
          >
            {i18n.t('optExportCollection')}
          </button>
        </div>
      </section>
      <RestorePanel collections={collections} />
    </div>
  );
}
