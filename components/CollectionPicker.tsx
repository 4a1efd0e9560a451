import { i18n } from '#i18n';
import type { Collection } from '../core/library';
import { collectionLabel } from './collection-label';

interface Props {
  collections: readonly Collection[];
  /** The form name, which is also what tests find it by. */
  name: string;
  value: string | undefined;
  onChange: (id: string) => void;
  label?: string;
}

/** Which collection a list shows, by the names the user knows them by. */
export function CollectionPicker({ collections, name, value, onChange, label = i18n.t('collectionLabel') }: Props) {
  return (
    <label class="collection-picker">
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {collections.map((c) => (
          <option key={c.id} value={c.id}>
            {collectionLabel(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
