import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { collectionLabel } from '../../components/collection-label';
import { createCollection, deleteCollection, renameCollection, restoreCollection } from '../../core/library-edit';
import type { Collection } from '../../core/library';
import { exportToFile } from './export';
import { NameForm } from './NameForm';
import { editorDirty, guardUnsaved, selectEntry, selectedCollectionId, selectedEntryId, showStatus } from './state';
import { writeLibrary } from './write';

export { collectionLabel } from '../../components/collection-label';

interface Props {
  collections: Collection[];
  selected: Collection;
}

/** The left column: every collection with its size, and what can be done to the selected one. */
export function CollectionList({ collections, selected }: Props) {
  const editing = useSignal<'new' | 'rename' | null>(null);

  const create = async (name: string) => {
    const out = await writeLibrary((library, now) => {
      const made = createCollection(library, name, now);
      return { library: made.library, result: made.collection };
    });
    if (!out.ok || !out.result) return;
    editing.value = null;
    selectEntry(out.result.id, null);
    showStatus(i18n.t('optCollectionCreated', [name]));
  };

  const rename = async (name: string) => {
    const out = await writeLibrary((library, now) => renameCollection(library, selected.id, name, now));
    if (!out.ok) return;
    editing.value = null;
    showStatus(i18n.t('optCollectionRenamed', [name]));
  };

  // At once, with 撤销 in the status line: undo is kinder than a question asked every time.
  const remove = () =>
    guardUnsaved(async () => {
      const out = await writeLibrary((library) => {
        const { library: next, removed } = deleteCollection(library, selected.id);
        return { library: next, result: removed };
      });
      const removed = out.ok ? out.result : undefined;
      if (!removed) return;
      editorDirty.value = false;
      selectedCollectionId.value = collections[0]?.id ?? '';
      selectedEntryId.value = null;
      showStatus(i18n.t('optCollectionDeleted', [removed.collection.name, String(removed.collection.entries.length)]), 'success', async () => {
        const back = await writeLibrary((library) => restoreCollection(library, removed));
        if (!back.ok) return;
        selectEntry(removed.collection.id, null);
        showStatus(i18n.t('optRestored'));
      });
    });

  const writable = !selected.readOnly;
  return (
    <nav class="collections" aria-labelledby="collections-heading">
      <h2 id="collections-heading" class="column-heading">
        {i18n.t('optCollectionsHeading')}
      </h2>
      <ul class="collection-list">
        {collections.map((collection) => (
          <li key={collection.id}>
            <button
              type="button"
              class="collection"
              data-collection-id={collection.id}
              aria-current={collection.id === selected.id ? 'true' : undefined}
              title={collection.name}
              onClick={() => selectEntry(collection.id, null)}
            >
              <span class="collection-name">{collectionLabel(collection)}</span>
              {collection.readOnly && <span class="readonly-badge">{i18n.t('optReadOnly')}</span>}
              <span class="collection-count">{i18n.t('optEntryCount', [String(collection.entries.length)])}</span>
            </button>
          </li>
        ))}
      </ul>

      {editing.value === 'new' ? (
        <NameForm
          name="new-collection"
          label={i18n.t('optNewCollectionName')}
          initial=""
          onSubmit={(name) => void create(name)}
          onCancel={() => (editing.value = null)}
        />
      ) : (
        <button type="button" class="button" data-action="new-collection" onClick={() => (editing.value = 'new')}>
          ＋ {i18n.t('optNewCollection')}
        </button>
      )}

      <section class="collection-actions" aria-labelledby="collection-actions-heading">
        <h3 id="collection-actions-heading" class="small-heading">
          {i18n.t('optThisCollection')}
        </h3>
        {!writable && <p class="hint">{i18n.t('optBuiltinHint')}</p>}
        {writable && editing.value === 'rename' && (
          <NameForm
            name="rename-collection"
            label={i18n.t('optRenameLabel')}
            initial={selected.name}
            onSubmit={(name) => void rename(name)}
            onCancel={() => (editing.value = null)}
          />
        )}
        {writable && editing.value !== 'rename' && (
          <div class="button-row">
            <button type="button" class="button" data-action="rename-collection" onClick={() => (editing.value = 'rename')}>
              {i18n.t('optRename')}
            </button>
            <button type="button" class="button" data-action="export-collection" onClick={() => void exportToFile({ collectionId: selected.id })}>
              {i18n.t('optExportCollection')}
            </button>
            <button type="button" class="button button-danger-quiet" data-action="delete-collection" onClick={remove}>
              {i18n.t('optDeleteCollection')}
            </button>
          </div>
        )}
      </section>
    </nav>
  );
}
