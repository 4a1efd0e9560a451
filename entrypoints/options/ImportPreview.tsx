import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { addReport } from '../../core/library-edit';
import type { Collection } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import { ImportBodyPane } from './ImportBodyPane';
import { type RefusedEntry, checkImportLimits } from './import-limits';
import { ImportNotes } from './ImportNotes';
import { ImportTree, SnippetGroups } from './ImportTree';
import { type ParsedImport, type PlaceholderChoice, bodySegments, choicesFrom, chosenRules, hasNameProblems, placeholderTextCounts } from './import-placeholders';
import { countTicked, setTicked, snippetGroups, templateTree } from './logic';
import { PlaceholderProposals } from './PlaceholderProposals';
import { goTo, selectedCollectionId, selectedEntryId, showStatus } from './state';
import { writeLibrary } from './write';

interface Props {
  parsed: ParsedImport;
  onCancel: () => void;
}

/**
 * The parsed report before it is added: its name, the placeholders proposed
 * for its specifics, its templates as a tree and its phrases by section, each
 * ticked by default, and the body of the entry selected, as it will be
 * inserted. Only ticked entries are added, with the ticked placeholders. A
 * report imported before asks whether to replace it or keep both. Entries
 * the library cannot hold (import-limits.ts) are never ticked, and the notes
 * say which and why, as they say what the import cleaned from the text.
 */
export function ImportPreview({ parsed, onCancel }: Props) {
  const { collection, source } = parsed;
  const name = useSignal(collection.name);
  const limits = useMemo(() => checkImportLimits(collection.entries, parsed.report.paragraphs), [collection]);
  /** The entries the library would refuse; it grows if the placeholders kept push a body over its limit. */
  const refused = useSignal<RefusedEntry[]>(limits.refused);
  const refusedIds = new Set(refused.value.map((r) => r.entryId));
  const ticked = useSignal<Set<string>>(new Set(collection.entries.filter((e) => !refusedIds.has(e.id)).map((e) => e.id)));
  const choices = useSignal<PlaceholderChoice[]>(choicesFrom(parsed.proposals));
  const whole = collection.entries.find((e) => e.kind === 'template' && e.path.length === 0) ?? collection.entries[0]!;
  const selectedId = useSignal(whole.id);
  const askExisting = useSignal(false);
  const busy = useSignal(false);
  const tree = useMemo(() => templateTree(collection.entries), [collection]);
  const groups = useMemo(() => snippetGroups(collection.entries), [collection]);
  const wholeText = useMemo(() => renderBody(whole.body), [whole]);
  const counts = countTicked(collection.entries, ticked.value);
  const nothing = counts.templates + counts.snippets === 0;
  const rules = chosenRules(choices.value);
  const badNames = hasNameProblems(choices.value);
  const selected = collection.entries.find((e) => e.id === selectedId.value) ?? whole;
  const questionRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus goes to the preview, so a keyboard or screen-reader user lands where the result is.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (askExisting.value) questionRef.current?.querySelector('button')?.focus();
  }, [askExisting.value]);

  const toggle = (ids: readonly string[], on: boolean) => (ticked.value = setTicked(ticked.value, ids.filter((id) => !refusedIds.has(id)), on));

  const changeChoice = (index: number, change: Partial<PlaceholderChoice>) =>
    (choices.value = choices.value.map((choice, i) => (i === index ? { ...choice, ...change } : choice)));

  const add = async (onExisting: 'fail' | 'replace' | 'copy') => {
    if (nothing || badNames || limits.tooMany || busy.value) return;
    const built = rules.length > 0 ? parsed.withPlaceholders(rules) : collection;
    // A placeholder's markup lengthens a body: one at the limit may pass it now.
    const late = checkImportLimits(built.entries.filter((e) => ticked.value.has(e.id)), []).refused;
    if (late.length > 0) {
      refused.value = [...refused.value, ...late];
      ticked.value = setTicked(ticked.value, late.map((r) => r.entryId), false);
      return;
    }
    busy.value = true;
    try {
      const chosen: Collection = {
        ...built,
        name: name.value.trim() || collection.name,
        entries: built.entries.filter((e) => ticked.value.has(e.id)),
        ...(source ? { source } : {}),
      };
      const out = await writeLibrary((library, now) => addReport(library, chosen, onExisting, now));
      if (!out.ok) return;
      if ('exists' in out.result!) {
        askExisting.value = true;
        return;
      }
      const { added } = out.result!;
      selectedCollectionId.value = added.id;
      selectedEntryId.value = null;
      goTo('library');
      showStatus(i18n.t('optImported', [added.name, String(counts.templates), String(counts.snippets)]));
    } finally {
      busy.value = false;
    }
  };

  const treeProps = { ticked: ticked.value, onToggle: toggle, selectedId: selected.id, onSelect: (id: string) => (selectedId.value = id) };

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

      <ImportNotes removed={parsed.removed} refused={refused.value} paragraphs={limits.paragraphs} tooMany={limits.tooMany} />

      <PlaceholderProposals choices={choices.value} counts={placeholderTextCounts(bodySegments(wholeText, rules))} onChange={changeChoice} />

      <div class="preview-columns">
        <div class="preview-column">
          <section aria-labelledby="tree-heading">
            <h3 id="tree-heading" class="small-heading">
              {i18n.t('optTemplatesHeading')}
            </h3>
            <p class="hint tree-hint">{i18n.t('optTreeHint')}</p>
            <ImportTree nodes={tree} {...treeProps} />
          </section>
          <section aria-labelledby="groups-heading" class="preview-snippets">
            <h3 id="groups-heading" class="small-heading">
              {i18n.t('optSnippetsHeading')}
            </h3>
            {groups.length === 0 ? <p class="hint">{i18n.t('optNoSnippets')}</p> : <SnippetGroups groups={groups} {...treeProps} />}
          </section>
        </div>
        <div class="preview-column preview-side">
          <ImportBodyPane entry={selected} plain={renderBody(selected.body)} rules={rules} />
        </div>
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
        <button
          type="button"
          class="button button-primary"
          data-action="add-collection"
          disabled={nothing || badNames || limits.tooMany !== null || busy.value || askExisting.value}
          onClick={() => void add('fail')}
        >
          {i18n.t('optAddCollection')}
        </button>
        <button type="button" class="button" data-action="cancel-import" onClick={onCancel}>
          {i18n.t('optCancel')}
        </button>
        {nothing && <span class="hint">{i18n.t('optNothingTicked')}</span>}
        {badNames && <span class="hint" data-names-invalid>{i18n.t('optFixNames')}</span>}
      </div>
    </div>
  );
}
