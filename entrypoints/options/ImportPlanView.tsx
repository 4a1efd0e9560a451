import { i18n } from '#i18n';
import type { CollectionChange, ImportPlan } from '../../core/library-import';

const STATUS_LABEL: Record<CollectionChange['status'], () => string> = {
  new: () => i18n.t('optPlanNew'),
  merged: () => i18n.t('optPlanMerged'),
  replaced: () => i18n.t('optPlanReplaced'),
  removed: () => i18n.t('optPlanRemoved'),
};

/** What a restore would do, collection by collection, before anything is written. */
export function ImportPlanView({ plan }: { plan: ImportPlan }) {
  const { totals } = plan;
  return (
    <section
      class="plan"
      aria-labelledby="plan-heading"
      data-import-plan
      data-mode={plan.mode}
      data-added={totals.added}
      data-updated={totals.updated}
      data-unchanged={totals.unchanged}
      data-duplicates={totals.duplicates}
      data-removed={totals.removed}
      data-noop={plan.noop ? 'true' : undefined}
      data-renamed={plan.renamed}
    >
      <h3 id="plan-heading" class="small-heading">
        {i18n.t('optPlanHeading')}
      </h3>
      <p class="plan-summary">
        {i18n.t('optPlanSummary', [String(totals.added), String(totals.updated), String(totals.removed), String(totals.unchanged)])}
        {totals.duplicates > 0 && ` ${i18n.t('optPlanDuplicates', [String(totals.duplicates)])}`}
      </p>
      {plan.changes.length > 0 && (
        <div class="table-wrap">
          <table class="plan-table">
            <thead>
              <tr>
                <th scope="col">{i18n.t('collectionLabel')}</th>
                <th scope="col">{i18n.t('optPlanAction')}</th>
                <th scope="col">{i18n.t('optPlanAdded')}</th>
                <th scope="col">{i18n.t('optPlanUpdated')}</th>
                <th scope="col">{i18n.t('optPlanUnchanged')}</th>
                <th scope="col">{i18n.t('optPlanDuplicatesColumn')}</th>
                <th scope="col">{i18n.t('optPlanRemovedColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((change) => (
                <tr key={change.id} data-plan-collection-id={change.id} data-status={change.status}>
                  <th scope="row">{change.name}</th>
                  <td>
                    <span class={`plan-status plan-status-${change.status}`}>{STATUS_LABEL[change.status]()}</span>
                  </td>
                  <td>{change.added}</td>
                  <td>{change.updated}</td>
                  <td>{change.unchanged}</td>
                  <td>{change.duplicates}</td>
                  <td>{change.removed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.skippedReadOnly > 0 && (
        <p class="note" data-skipped-builtin>
          {i18n.t('optPlanSkippedBuiltin')}
        </p>
      )}
      {plan.renamed > 0 && (
        <p class="note" data-renamed-ids>
          {i18n.t('optPlanRenamed', [String(plan.renamed)])}
        </p>
      )}
      {plan.shortcuts.added + plan.shortcuts.skipped > 0 && (
        <p class="note" data-plan-shortcuts={`${plan.shortcuts.added}/${plan.shortcuts.skipped}`}>
          {plan.shortcuts.skipped > 0
            ? i18n.t('optPlanShortcutsSkipped', [String(plan.shortcuts.added), String(plan.shortcuts.skipped)])
            : i18n.t('optPlanShortcuts', [String(plan.shortcuts.added)])}
        </p>
      )}
      {plan.noop && (
        <p class="note" data-plan-noop>
          {i18n.t('optPlanNoop')}
        </p>
      )}
    </section>
  );
}
