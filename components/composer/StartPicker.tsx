import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DraftParts } from '../../core/draft/from-report';
import { partsFromCollection, structureOnly } from '../../core/draft/skeleton';
import type { Collection } from '../../core/library';
import { CollectionPicker } from '../CollectionPicker';
import { collectionLabel } from '../collection-label';

interface Props {
  collections: Collection[];
  newId: () => string;
  onStart: (parts: DraftParts | null, source?: string) => void;
}

/** Starting a draft: from a collection's whole report, from its headings alone, or from nothing. */
export function StartPicker({ collections, newId, onStart }: Props) {
  const usable = useMemo(() => collections.filter((c) => c.entries.some((e) => e.kind === 'template')), [collections]);
  const chosenId = useSignal(usable[0]?.id ?? '');
  const shape = useSignal<'whole' | 'structure'>('whole');
  const chosen = usable.find((c) => c.id === chosenId.value) ?? usable[0];
  return (
    <form
      class="start-picker"
      aria-label={i18n.t('composerNew')}
      onSubmit={(event) => {
        event.preventDefault();
        const parts = chosen && partsFromCollection(chosen.entries, newId);
        if (!parts) return onStart(null);
        onStart(shape.value === 'whole' ? parts : structureOnly(parts), collectionLabel(chosen));
      }}
    >
      <h2 class="composer-heading">{i18n.t('composerNew')}</h2>
      {usable.length > 0 && (
        <>
          <CollectionPicker
            collections={usable}
            name="start-collection"
            label={i18n.t('composerStartFrom')}
            value={chosen?.id}
            onChange={(id) => (chosenId.value = id)}
          />
          <div class="start-shapes" role="radiogroup" aria-label={i18n.t('composerStartShape')}>
            {(['whole', 'structure'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="start-shape" value={value} checked={shape.value === value} onChange={() => (shape.value = value)} />
                {value === 'whole' ? i18n.t('composerStartWhole') : i18n.t('composerStartStructure')}
              </label>
            ))}
          </div>
        </>
      )}
      <div class="form-actions">
        <button type="button" class="button" data-action="start-empty" onClick={() => onStart(null)}>
          {i18n.t('composerStartEmpty')}
        </button>
        {usable.length > 0 && (
          <button type="submit" class="button button-primary" data-action="start-draft">
            {i18n.t('composerStart')}
          </button>
        )}
      </div>
    </form>
  );
}
