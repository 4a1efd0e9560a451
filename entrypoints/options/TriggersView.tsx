import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { collectionLabel } from '../../components/collection-label';
import type { Collection, Entry } from '../../core/library';
import { scanEntries } from '../../core/search';
import { type TriggerRow, normalizeTrigger, siteOf, triggerConflicts } from '../../core/triggers';
import { loadBuiltinCollections } from '../../utils/library-source';
import { EMPTY_TRIGGERS, type StoredProblem, type StoredRead, type TriggerSettings, readStored, watchStored } from '../../utils/stored';
import { LibraryProblem } from '../../components/LibraryProblem';
import { saveRawData } from './export';
import { resetStoredKey } from './write';
import { triggerErrorMessage } from './messages';
import { alert, showStatus } from './state';
import { addOffSite, addTrigger, changeTrigger, removeOffSite, removeTrigger, setTriggersEnabled } from './triggers-write';

/** Entries the chooser lists for a query: one screen. */
const CHOICES = 8;

interface Props {
  /** The user's own collections (the built-in ones are all offered, shown or not). */
  own: readonly Collection[];
}

interface Found {
  entry: Entry;
  collection: Collection;
}

/** The stored shortcuts, kept in step with every other page that changes them. */
function useTriggers() {
  const triggers = useSignal<TriggerSettings>(EMPTY_TRIGGERS);
  const problem = useSignal<StoredProblem | null>(null);
  useEffect(() => {
    const show = (read: StoredRead<'triggers'>) => {
      problem.value = read.ok ? null : read.problem;
      triggers.value = read.ok ? read.value : EMPTY_TRIGGERS;
    };
    void readStored(['triggers']).then((reads) => show(reads.triggers));
    return watchStored('triggers', show);
  }, []);
  return { triggers, problem };
}

/** 快捷输入: typed shortcuts, what each one expands to, and where they are off. */
export function TriggersView({ own }: Props) {
  const { triggers, problem } = useTriggers();
  const builtins = useSignal<Collection[]>([]);
  useEffect(() => void loadBuiltinCollections().then((loaded) => (builtins.value = loaded)), []);
  const collections = useMemo(() => [...builtins.value, ...own], [builtins.value, own]);
  const byId = useMemo(() => {
    const map = new Map<string, Found>();
    for (const collection of collections) for (const entry of collection.entries) map.set(entry.id, { entry, collection });
    return map;
  }, [collections]);

  const current = triggers.value;
  const conflicts = useMemo(() => triggerConflicts(current.rows), [current.rows]);

  /**
   * Runs a change; a refusal or a failed write says why (beside the form that
   * asked, when it shows it itself) and keeps what the user typed.
   */
  const run: Run = async (action, done, inline) => {
    try {
      await action();
      alert.value = null;
      inline?.(null);
      showStatus(done);
      return true;
    } catch (error) {
      const message = triggerErrorMessage(error);
      if (inline) inline(message.message);
      else alert.value = message;
      return false;
    }
  };

  return (
    <div class="view triggers-view">
      <h2 class="view-heading">{i18n.t('optTriggersHeading')}</h2>
      {/* Unreadable shortcuts expand nothing and cannot be changed until saved and reset. */}
      <LibraryProblem problems={[problem.value ?? undefined]} onReset={resetStoredKey} onSaveRaw={(key) => void saveRawData(key)} />
      <section class="panel" aria-labelledby="triggers-how">
        <h3 id="triggers-how" class="small-heading">
          {i18n.t('optTriggersHowHeading')}
        </h3>
        <p class="hint">{i18n.t('optTriggersIntro')}</p>
        <label class="check">
          <input
            type="checkbox"
            id="triggers-enabled"
            checked={current.enabled}
            disabled={problem.value !== null}
            onChange={(event) => {
              const box = event.currentTarget as HTMLInputElement;
              const wanted = box.checked;
              box.checked = current.enabled;
              void run(() => setTriggersEnabled(wanted), i18n.t(wanted ? 'optTriggersOnNow' : 'optTriggersOffNow'));
            }}
          />
          {i18n.t('optTriggersEnabled')}
        </label>
      </section>
      <AddTrigger collections={collections} disabled={problem.value !== null} run={run} />
      <TriggerList rows={current.rows} byId={byId} conflicts={conflicts} run={run} />
      <OffSites sites={current.offSites} disabled={problem.value !== null} run={run} />
    </div>
  );
}

type Run = (action: () => Promise<unknown>, done: string, inline?: (message: string | null) => void) => Promise<boolean>;

/** A refusal shown beside the field it is about. */
function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} class="field-error" role="alert">
      {message}
    </p>
  ) : null;
}

function AddTrigger({ collections, disabled, run }: { collections: readonly Collection[]; disabled: boolean; run: Run }) {
  const trigger = useSignal('');
  const query = useSignal('');
  const chosen = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const found = useMemo(() => {
    const wanted = query.value.trim();
    if (wanted === '') return [];
    const all = collections.flatMap((collection) => collection.entries.map((entry) => ({ entry, collection })));
    const matched = new Set(scanEntries(all.map((f) => f.entry), wanted));
    // Entries whose title has the words first, then the shorter: a phrase before the report that quotes it.
    const inTitle = (f: Found) => (f.entry.title.includes(wanted) ? 0 : 1);
    return all
      .filter((f) => matched.has(f.entry))
      .sort((a, b) => inTitle(a) - inTitle(b) || a.entry.body.length - b.entry.body.length)
      .slice(0, CHOICES);
  }, [collections, query.value]);
  const chosenFound = found.find((f) => f.entry.id === chosen.value);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosenFound) {
      error.value = i18n.t('optTriggerChooseEntry');
      return;
    }
    const typed = trigger.value;
    const ok = await run(
      () => addTrigger(chosenFound.entry.id, typed),
      i18n.t('optTriggerAdded', [typed.trim(), chosenFound.entry.title]),
      (message) => (error.value = message),
    );
    if (ok) {
      trigger.value = '';
      query.value = '';
      chosen.value = null;
    }
  };

  return (
    <section class="panel" aria-labelledby="trigger-add-heading">
      <h3 id="trigger-add-heading" class="small-heading">
        {i18n.t('optTriggerAddHeading')}
      </h3>
      <form class="trigger-add" onSubmit={(event) => void submit(event)}>
        <label class="field-label" for="trigger-new">
          {i18n.t('optTriggerLabel')}
        </label>
        <input
          id="trigger-new"
          class="input trigger-input"
          value={trigger.value}
          maxLength={48}
          placeholder=";bl"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="trigger-rule"
          onInput={(event) => (trigger.value = (event.currentTarget as HTMLInputElement).value)}
        />
        <p id="trigger-rule" class="hint">
          {i18n.t('optTriggerRule')}
        </p>
        <label class="field-label" for="trigger-entry-search">
          {i18n.t('optTriggerEntryLabel')}
        </label>
        <input
          id="trigger-entry-search"
          type="search"
          class="input"
          value={query.value}
          placeholder={i18n.t('optTriggerEntryPlaceholder')}
          autocomplete="off"
          onInput={(event) => {
            query.value = (event.currentTarget as HTMLInputElement).value;
            chosen.value = null;
          }}
        />
        {query.value.trim() !== '' && found.length === 0 && <p class="hint">{i18n.t('optTriggerNoEntry')}</p>}
        {found.length > 0 && (
          <fieldset class="trigger-choices">
            <legend class="visually-hidden">{i18n.t('optTriggerEntryLabel')}</legend>
            {found.map(({ entry, collection }) => (
              <label key={entry.id} class="trigger-choice">
                <input
                  type="radio"
                  name="trigger-entry"
                  value={entry.id}
                  data-entry-id={entry.id}
                  checked={chosen.value === entry.id}
                  onChange={() => (chosen.value = entry.id)}
                />
                <span class="trigger-choice-title">{entry.title}</span>
                <span class="hint">{collectionLabel(collection)}</span>
              </label>
            ))}
          </fieldset>
        )}
        <FieldError id="trigger-add-error" message={error.value} />
        <div class="button-row">
          <button type="submit" class="button" data-action="add-trigger" disabled={disabled}>
            {i18n.t('optTriggerAdd')}
          </button>
        </div>
      </form>
    </section>
  );
}

function TriggerList({
  rows,
  byId,
  conflicts,
  run,
}: {
  rows: readonly TriggerRow[];
  byId: ReadonlyMap<string, Found>;
  conflicts: ReturnType<typeof triggerConflicts>;
  run: Run;
}) {
  const filter = useSignal('');
  const editing = useSignal<TriggerRow | null>(null);
  const draft = useSignal('');
  const error = useSignal<string | null>(null);
  const shown = useMemo(() => {
    const wanted = normalizeTrigger(filter.value.trim());
    if (wanted === '') return rows;
    return rows.filter((row) => normalizeTrigger(row.trigger).includes(wanted) || (byId.get(row.entryId)?.entry.title.toLowerCase() ?? '').includes(wanted));
  }, [rows, byId, filter.value]);
  const conflictOf = (row: TriggerRow) => {
    const found = conflicts.find((c) => c.first === row || c.second === row);
    if (!found) return null;
    const other = found.first === row ? found.second : found.first;
    return i18n.t(found.kind === 'same' ? 'optTriggerConflictSame' : 'optTriggerConflictPrefix', [other.trigger]);
  };

  return (
    <section class="panel" aria-labelledby="trigger-list-heading">
      <h3 id="trigger-list-heading" class="small-heading">
        {i18n.t('optTriggerListHeading', [String(rows.length)])}
      </h3>
      {rows.length === 0 ? (
        <p class="hint trigger-none">{i18n.t('optTriggerNone')}</p>
      ) : (
        <>
          <input
            type="search"
            id="trigger-filter"
            class="input"
            value={filter.value}
            aria-label={i18n.t('optTriggerFilter')}
            placeholder={i18n.t('optTriggerFilter')}
            onInput={(event) => (filter.value = (event.currentTarget as HTMLInputElement).value)}
          />
          <ul class="trigger-list">
            {shown.map((row) => {
              const found = byId.get(row.entryId);
              const conflict = conflictOf(row);
              const isEditing = editing.value === row;
              return (
                <li key={`${row.entryId} ${row.trigger}`} class="trigger-row" data-trigger={row.trigger}>
                  {isEditing ? (
                    <form
                      class="trigger-edit"
                      onSubmit={(event) => {
                        event.preventDefault();
                        void run(() => changeTrigger(row, draft.value), i18n.t('optTriggerChanged', [draft.value.trim()]), (message) => (error.value = message)).then(
                          (ok) => ok && (editing.value = null),
                        );
                      }}
                    >
                      <input
                        class="input trigger-input"
                        value={draft.value}
                        maxLength={48}
                        aria-label={i18n.t('optTriggerLabel')}
                        spellcheck={false}
                        ref={(input) => input?.focus()}
                        onInput={(event) => (draft.value = (event.currentTarget as HTMLInputElement).value)}
                        onKeyDown={(event) => event.key === 'Escape' && (editing.value = null)}
                      />
                      <button type="submit" class="button" data-action="save-trigger">
                        {i18n.t('optSave')}
                      </button>
                      <button type="button" class="button" onClick={() => (editing.value = null)}>
                        {i18n.t('optCancel')}
                      </button>
                      <FieldError id="trigger-edit-error" message={error.value} />
                    </form>
                  ) : (
                    <code class="trigger-text">{row.trigger}</code>
                  )}
                  <span class="trigger-entry">
                    {found ? (
                      <>
                        <span class="trigger-entry-title">{found.entry.title}</span>
                        <span class="hint">{collectionLabel(found.collection)}</span>
                      </>
                    ) : (
                      <span class="trigger-missing">{i18n.t('optTriggerEntryGone')}</span>
                    )}
                  </span>
                  {conflict && (
                    <span class="trigger-conflict" role="note">
                      ⚠ {conflict}
                    </span>
                  )}
                  {!isEditing && (
                    <span class="trigger-actions">
                      <button
                        type="button"
                        class="button"
                        data-action="edit-trigger"
                        aria-label={i18n.t('optTriggerEditLabel', [row.trigger])}
                        onClick={() => {
                          draft.value = row.trigger;
                          error.value = null;
                          editing.value = row;
                        }}
                      >
                        {i18n.t('optTriggerEdit')}
                      </button>
                      <button
                        type="button"
                        class="button button-danger-quiet"
                        data-action="remove-trigger"
                        aria-label={i18n.t('optTriggerRemoveLabel', [row.trigger])}
                        onClick={() => void run(() => removeTrigger(row), i18n.t('optTriggerRemoved', [row.trigger]))}
                      >
                        {i18n.t('optTriggerRemove')}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {shown.length === 0 && <p class="hint">{i18n.t('optTriggerFilterNone')}</p>}
        </>
      )}
    </section>
  );
}

function OffSites({ sites, disabled, run }: { sites: readonly string[]; disabled: boolean; run: Run }) {
  const typed = useSignal('');
  const error = useSignal<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const site = siteOf(typed.value);
    if (!site) {
      error.value = i18n.t('optTriggerBadSite', [typed.value.trim()]);
      return;
    }
    if (await run(() => addOffSite(site), i18n.t('optTriggerSiteAdded', [site]), (message) => (error.value = message))) typed.value = '';
  };
  return (
    <section class="panel" aria-labelledby="trigger-sites-heading">
      <h3 id="trigger-sites-heading" class="small-heading">
        {i18n.t('optTriggerSitesHeading')}
      </h3>
      <p class="hint">{i18n.t('optTriggerSitesIntro')}</p>
      <form class="button-row" onSubmit={(event) => void submit(event)}>
        <input
          id="trigger-site-new"
          class="input trigger-site-input"
          value={typed.value}
          placeholder="oa.example.cn"
          aria-label={i18n.t('optTriggerSiteLabel')}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => (typed.value = (event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button" data-action="add-site" disabled={disabled}>
          {i18n.t('optTriggerSiteAdd')}
        </button>
      </form>
      <FieldError id="trigger-site-error" message={error.value} />
      {sites.length > 0 && (
        <ul class="trigger-sites">
          {sites.map((site) => (
            <li key={site} class="trigger-site" data-site={site}>
              <span>{site}</span>
              <button
                type="button"
                class="button button-danger-quiet"
                data-action="remove-site"
                aria-label={i18n.t('optTriggerSiteRemoveLabel', [site])}
                onClick={() => void run(() => removeOffSite(site), i18n.t('optTriggerSiteRemoved', [site]))}
              >
                {i18n.t('optTriggerRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
