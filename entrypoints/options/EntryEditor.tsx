import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { addEntry, deleteEntries, duplicateEntry, restoreEntries, updateEntry } from '../../core/library-edit';
import type { Collection, Entry } from '../../core/library';
import { AlertBox } from './AlertBox';
import { BodyPreview } from './BodyPreview';
import { CopyToMine } from './CopyToMine';
import { EMPTY_DRAFT, type EditorDraft, draftFromEntry, draftsDiffer, entryDraftOf, isBodyEmpty, splitTags } from './logic';
import { editorDirty, guardUnsaved, prefilledDraft, selectEntry, selectedEntryId, showStatus } from './state';
import { writeLibrary } from './write';

/** The prefilled draft for a new entry, once: the next new entry starts empty. */
function takePrefilled(): EditorDraft | null {
  const draft = prefilledDraft.peek();
  prefilledDraft.value = null;
  return draft;
}

interface Props {
  collection: Collection;
  /** The entry edited, or null for a new one not saved yet. */
  entry: Entry | null;
  favorite: boolean;
  onToggleFavorite: (entry: Entry) => void;
  /** The user's own collections, for a built-in entry's "copy to mine". */
  targets: Collection[];
  /** What to show once this entry is deleted: the next row of the list. */
  nextId: string | null;
}

/**
 * The right column. The fields hold a draft; `baseline` is the entry as last
 * saved, so 保存 is enabled only when saving would change something. Mounted
 * once per entry (LibraryView keys it), so switching entries starts afresh — after the
 * user agreed to lose unsaved text (state.guardUnsaved).
 */
export function EntryEditor({ collection, entry, favorite, onToggleFavorite, targets, nextId }: Props) {
  const readOnly = collection.readOnly;
  const baseline = useSignal<EditorDraft>(entry ? draftFromEntry(entry) : EMPTY_DRAFT);
  // Taken once, when the editor opens: a later render must not take the next one.
  const initial = useMemo(() => (entry ? baseline.value : (takePrefilled() ?? baseline.value)), []);
  const draft = useSignal<EditorDraft>(initial);
  const bodyError = useSignal(false);
  const saving = useSignal(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const changed = !readOnly && draftsDiffer(draft.value, baseline.value);

  // Another page changed this entry: follow it, unless the user is in the middle of changing it.
  useEffect(() => {
    if (!entry) return;
    const saved = draftFromEntry(entry);
    if (!draftsDiffer(draft.value, baseline.value)) draft.value = saved;
    baseline.value = saved;
  }, [entry]);

  useEffect(() => {
    editorDirty.value = changed;
  }, [changed]);
  useEffect(() => () => void (editorDirty.value = false), []);

  const save = async () => {
    if (!changed || saving.value) return;
    if (isBodyEmpty(draft.value)) {
      bodyError.value = true;
      bodyRef.current?.focus();
      return;
    }
    saving.value = true;
    const sent = draft.value;
    const fields = entryDraftOf(sent);
    if (!entry) {
      const out = await writeLibrary((library, now) => {
        const added = addEntry(library, collection.id, fields, now);
        return { library: added.library, result: added.entry };
      });
      saving.value = false;
      if (!out.ok || !out.result) return;
      editorDirty.value = false;
      selectedEntryId.value = out.result.id;
    } else {
      const out = await writeLibrary((library, now) => updateEntry(library, collection.id, entry.id, fields, now));
      saving.value = false;
      if (!out.ok) return;
      // What was stored (a blank title derived from the body, tags cleaned) is what the fields now show,
      // unless the user typed on while it was being written.
      const stored = out.library.collections.find((c) => c.id === collection.id)?.entries.find((e) => e.id === entry.id);
      if (stored) baseline.value = draftFromEntry(stored);
      if (stored && draft.value === sent) draft.value = baseline.value;
    }
    showStatus(i18n.t('optSaved'));
  };

  // Ctrl+S saves wherever focus is on the page, and never opens the browser's "Save page".
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const duplicate = () =>
    guardUnsaved(async () => {
      if (!entry) return;
      const out = await writeLibrary((library, now) => {
        const copy = duplicateEntry(library, collection.id, entry.id, i18n.t('optCopySuffix'), now);
        return { library: copy.library, result: copy.entry };
      });
      if (!out.ok || !out.result) return;
      editorDirty.value = false;
      selectedEntryId.value = out.result.id;
      showStatus(i18n.t('optDuplicated'));
    });

  const remove = () =>
    guardUnsaved(async () => {
      if (!entry) return;
      const out = await writeLibrary((library, now) => {
        const gone = deleteEntries(library, collection.id, [entry.id], now);
        return { library: gone.library, result: gone.removed };
      });
      const removed = out.ok ? out.result : undefined;
      if (!removed) return;
      editorDirty.value = false;
      selectedEntryId.value = nextId;
      showStatus(i18n.t('optEntryDeleted', [entry.title]), 'success', async () => {
        const back = await writeLibrary((library, now) => restoreEntries(library, removed, now));
        if (!back.ok) return;
        selectEntry(collection.id, entry.id);
        showStatus(i18n.t('optRestored'));
      });
    });

  const set = (field: keyof EditorDraft) => (event: Event) => {
    draft.value = { ...draft.value, [field]: (event.currentTarget as HTMLInputElement).value };
    if (field === 'body') bodyError.value = false;
  };
  const d = draft.value;
  const tags = splitTags(d.tags);

  return (
    <section class="editor" aria-labelledby="editor-heading" data-entry-editor={entry?.id ?? 'new'}>
      <h2 id="editor-heading" class="column-heading">
        {!entry ? i18n.t('optNewEntryHeading') : readOnly ? i18n.t('optViewEntryHeading') : i18n.t('optEditEntryHeading')}
      </h2>
      <form
        class="editor-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div class="field-grid">
          <label class="field-label" for="field-kind">
            {i18n.t('optFieldKind')}
          </label>
          <select id="field-kind" name="kind" class="input select" value={d.kind} disabled={readOnly} onChange={set('kind')}>
            <option value="template">{i18n.t('kindTemplate')}</option>
            <option value="snippet">{i18n.t('kindSnippet')}</option>
          </select>

          <label class="field-label" for="field-title">
            {i18n.t('optFieldTitle')}
          </label>
          <input id="field-title" name="title" class="input" value={d.title} readOnly={readOnly} maxLength={500} placeholder={i18n.t('optTitlePlaceholder')} onInput={set('title')} />

          <label class="field-label" for="field-path">
            {i18n.t('optFieldPath')}
          </label>
          <input id="field-path" name="path" class="input" value={d.path} readOnly={readOnly} placeholder={i18n.t('optPathPlaceholder')} onInput={set('path')} />

          <label class="field-label" for="field-tags">
            {i18n.t('optFieldTags')}
          </label>
          <div class="tags-field">
            <input id="field-tags" name="tags" class="input" value={d.tags} readOnly={readOnly} placeholder={i18n.t('optTagsPlaceholder')} aria-describedby="tag-chips" onInput={set('tags')} />
            <ul id="tag-chips" class="chips" aria-label={i18n.t('optFieldTags')}>
              {tags.map((tag) => (
                <li key={tag} class="chip">
                  {tag}
                </li>
              ))}
            </ul>
          </div>
        </div>

        <label class="field-label" for="field-body">
          {i18n.t('optFieldBody')}
          <span class="hint"> {i18n.t('optBodyHint')}</span>
        </label>
        <textarea
          id="field-body"
          ref={bodyRef}
          name="body"
          class="input body-input"
          rows={10}
          value={d.body}
          readOnly={readOnly}
          aria-invalid={bodyError.value ? 'true' : undefined}
          aria-describedby={bodyError.value ? 'body-error' : undefined}
          onInput={set('body')}
        />
        {bodyError.value && (
          <div id="body-error">
            <AlertBox alert={{ code: 'empty-body', message: i18n.t('optBodyEmpty') }} />
          </div>
        )}

        <div class="button-row editor-actions">
          {!readOnly && (
            <button type="submit" class="button button-primary" data-action="save" disabled={!changed || saving.value} title="Ctrl+S">
              {i18n.t('optSave')}
            </button>
          )}
          {!readOnly && !entry && (
            <button type="button" class="button" data-action="cancel-new" onClick={() => selectEntry(collection.id, null)}>
              {i18n.t('optCancel')}
            </button>
          )}
          {!readOnly && entry && (
            <button type="button" class="button" data-action="duplicate" onClick={duplicate}>
              {i18n.t('optDuplicate')}
            </button>
          )}
          {entry && (
            <button type="button" class="button" data-action="favorite" aria-pressed={favorite} onClick={() => onToggleFavorite(entry)}>
              <span aria-hidden="true">{favorite ? '★ ' : '☆ '}</span>
              {i18n.t('favorite')}
            </button>
          )}
          {!readOnly && entry && (
            <button type="button" class="button button-danger-quiet" data-action="delete" onClick={remove}>
              {i18n.t('optDelete')}
            </button>
          )}
          {changed && <span class="hint unsaved">{i18n.t('optUnsaved')}</span>}
        </div>
      </form>
      {readOnly && entry && <CopyToMine entry={entry} targets={targets} />}
      <BodyPreview body={d.body} />
    </section>
  );
}
