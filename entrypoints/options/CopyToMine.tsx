import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { copyEntryInto, createCollection } from '../../core/library-edit';
import type { Collection, Entry } from '../../core/library';
import { selectEntry, showStatus } from './state';
import { writeLibrary } from './write';

interface Props {
  entry: Entry;
  /** The user's own collections, where a copy can go. */
  targets: Collection[];
}

/**
 * A built-in entry cannot change; a copy in one of the user's collections can.
 * With no collection of their own yet, the copy makes one called 我的模板, in
 * the same write.
 */
export function CopyToMine({ entry, targets }: Props) {
  const chosen = useSignal(targets[0]?.id ?? '');
  const target = targets.find((c) => c.id === chosen.value) ?? targets[0];

  const copy = async () => {
    const newName = i18n.t('optMyTemplates');
    const out = await writeLibrary((library, now) => {
      let collectionId = target?.id;
      // Also when the chosen collection was deleted in another page meanwhile.
      if (!collectionId || !library.collections.some((c) => c.id === collectionId)) {
        const made = createCollection(library, newName, now);
        library = made.library;
        collectionId = made.collection.id;
      }
      const copied = copyEntryInto(library, entry, collectionId, now);
      const name = library.collections.find((c) => c.id === collectionId)?.name ?? newName;
      return { library: copied.library, result: { collectionId, entryId: copied.entry.id, name } };
    });
    if (!out.ok || !out.result) return;
    selectEntry(out.result.collectionId, out.result.entryId);
    showStatus(i18n.t('optCopiedToMine', [out.result.name]));
  };

  return (
    <div class="copy-to-mine">
      <p class="hint">{i18n.t('optReadOnlyEntryHint')}</p>
      <div class="button-row">
        {targets.length > 0 && (
          <select
            name="target-collection"
            class="input select"
            aria-label={i18n.t('optCopyTarget')}
            value={target?.id}
            onChange={(event) => (chosen.value = (event.currentTarget as HTMLSelectElement).value)}
          >
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" class="button button-primary" data-action="copy-to-mine" onClick={() => void copy()}>
          {i18n.t('optCopyToMine')}
        </button>
      </div>
      {targets.length === 0 && <p class="hint">{i18n.t('optCopyMakesCollection', [i18n.t('optMyTemplates')])}</p>}
    </div>
  );
}
