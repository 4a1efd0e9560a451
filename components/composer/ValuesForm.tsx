import { i18n } from '#i18n';
import type { Placeholder } from '../../core/placeholders';
import { valueFor } from '../../core/placeholders';
import { PlaceholderField } from '../PlaceholderField';

interface Props {
  placeholders: Placeholder[];
  /** Each placeholder's value as it will be filled in. */
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
}

/**
 * Every placeholder of the whole draft, asked once: a value given here fills
 * each place the name stands, in every part.
 */
export function ValuesForm({ placeholders, values, onChange }: Props) {
  if (placeholders.length === 0) return <p class="composer-note">{i18n.t('composerNoPlaceholders')}</p>;
  return (
    <fieldset class="values-form placeholder-form" data-values-form>
      <legend class="form-title">{i18n.t('composerValuesTitle', [String(placeholders.length)])}</legend>
      {placeholders.map((placeholder, index) => (
        <PlaceholderField
          key={placeholder.name}
          id={`draft-value-${index}`}
          placeholder={placeholder}
          value={valueFor(values, placeholder.name) ?? ''}
          onInput={(value) => onChange(placeholder.name, value)}
        />
      ))}
      <p class="form-hint">{i18n.t('composerValuesHint')}</p>
    </fieldset>
  );
}
