import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { LibraryEditError } from '../../core/library-edit';
import type { Collection } from '../../core/library';
import { addReportCollection } from '../../utils/library-backup';
import { ImportTree, SnippetGroups } from './ImportTree';
import { countTicked, setTicked, snippetGroups, templateTree } from './logic';
import { writeErrorMessage } from './messages';
import { alert, goTo, selectedCollectionId, selectedEntryId, showStatus } from './state';
import { refreshLibrary } from './write';

interface Props {
  collection: Collection;
  /** The file it came from, kept as the collection's source. */
  source?: string;
  onCancel: () => void;
}

/**
 * The parsed report before it is added: its name, its templates as a tree
 * and its phrases by section, each ticked by default. Only ticked entries
 * are added. A report imported before asks whether to replace it or keep both.
 */
export function ImportPreview({ collection, source, onCancel }: Props) {
  const name = useSignal(collection.name);
  const ticked = useSignal<Set<string>>(new Set(collection.entries.map((e) => e.id)));
  const askExisting = useSignal(false);
  const busy = useSignal(false);
  const tree = useMemo(() => templateTree(collection.entries), [collection]);
  const groups = useMemo(() => snippetGroups(collection.entries), [collection]);
  const counts = countTicked(collection.entries, ticked.value);
  const nothing = counts.templates + counts.snippets === 0;
  const questionRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus goes to the preview, so a keyboard or screen-reader user lands where the result is.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (askExisting.value) questionRef.current?.querySelector('button')?.focus();
  }, [askExisting.value]);

  const toggle = (ids: readonly string[], on: boolean) => (ticked.value = setTicked(ticked.value, ids, on));

  const add = async (onExisting: 'fail' | 'replace' | 'copy') => {
    if (nothing || busy.value) return;
    busy.value = true;
    const chosen: Collection = {
      ...collection,
      name: name.value.trim() || collection.name,
      entries: collection.entries.filter((e) => ticked.value.has(e.id)),
      ...(source ? { source } : {}),
    };
    try {
      const added = await addReportCollection(chosen, onExisting);
      await refreshLibrary();
      alert.value = null;
      selectedCollectionId.value = added.id;
      selectedEntryId.value = null;
      goTo('library');
      showStatus(i18n.t('optImported', [added.name, String(counts.templates), String(counts.snippets)]));
    } catch (error) {
      if (error instanceof LibraryEditError && error.code === 'exists') askExisting.value = true;
      else alert.value = writeErrorMessage(error);
    } finally {
      busy.value = false;
    }
  };

  return (
    <div class="view import-preview" data-import-preview data-template-count={counts.templates} data-snippet-count={counts.snippets}>
      <h2 class="view-heading" ref={headingRef} tabIndex={-1}>
        {i18n.t('optPreviewImportHeading')}
      </h2>
      <div class="preview-header">
        <label class="field-label" for="collection-name">
          {i18n.t('optCollectionName')}
        </label>
        <input
          id="collection-name"
          name="collection-name"
          class="input"
          maxLength={500}
          value={name.value}
          onInput={(event) => (name.value = (event.currentTarget as HTMLInputElement).value)}
        />
        <p class="preview-counts" aria-live="polite">
          {i18n.t('optTickedCounts', [String(counts.templates), String(counts.snippets)])}
        </p>
        <div class="button-row">
          <button type="button" class="button" data-action="select-all" onClick={() => toggle(collection.entries.map((e) => e.id), true)}>
            {i18n.t('optSelectAll')}
          </button>
          <button type="button" class="button" data-action="select-none" onClick={() => toggle(collection.entries.map((e) => e.id), false)}>
            {i18n.t('optSelectNone')}
          </button>
        </div>
      </div>

      <div class="preview-columns">
        <section aria-labelledby="tree-heading" class="preview-column">
          <h3 id="tree-heading" class="small-heading">
            {i18n.t('optTemplatesHeading')}
          </h3>
          <ImportTree nodes={tree} ticked={ticked.value} onToggle={toggle} />
        </section>
        <section aria-labelledby="groups-heading" class="preview-column">
          <h3 id="groups-heading" class="small-heading">
            {i18n.t('optSnippetsHeading')}
          </h3>
          {groups.length === 0 ? <p class="hint">{i18n.t('optNoSnippets')}</p> : <SnippetGroups groups={groups} ticked={ticked.value} onToggle={toggle} />}
        </section>
      </div>

      {askExisting.value && (
        <div class="question" role="group" aria-labelledby="exists-text" data-import-exists ref={questionRef}>
          <p id="exists-text">{i18n.t('optExistsQuestion')}</p>
          <div class="button-row">
            <button type="button" class="button" data-action="replace-existing" disabled={busy.value} onClick={() => void add('replace')}>
              {i18n.t('optReplaceExisting')}
            </button>
            <button type="button" class="button" data-action="keep-both" disabled={busy.value} onClick={() => void add('copy')}>
              {i18n.t('optKeepBoth')}
            </button>
          </div>
        </div>
      )}

      <div class="button-row sticky-actions">
        <button type="button" class="button button-primary" data-action="add-collection" disabled={nothing || busy.value || askExisting.value} onClick={() => void add('fail')}>
          {i18n.t('optAddCollection')}
        </button>
        <button type="button" class="button" data-action="cancel-import" onClick={onCancel}>
          {i18n.t('optCancel')}
        </button>
        {nothing && <span class="hint">{i18n.t('optNothingTicked')}</span>}
      </div>
    </div>
  );
}
