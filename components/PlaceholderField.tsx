import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { dynamicSuggestions, isDateLike } from '../core/dynamic-values';
import type { Placeholder } from '../core/placeholders';

interface Props {
  id: string;
  placeholder: Placeholder;
  value: string;
  onInput: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * One placeholder's input. A date or a year is offered today's values in the
 * genre's forms (2026年12月1日, 二〇二六年十二月一日, 2026, 2026年度) as
 * suggestions under the input.
 */
export function PlaceholderField({ id, placeholder, value, onInput, inputRef }: Props) {
  const suggestions = isDateLike(placeholder.name, placeholder.defaultValue) ? dynamicSuggestions() : [];
  const listId = suggestions.length > 0 ? `${id}-today` : undefined;
  return (
    <div class="form-row">
      <label for={id}>{placeholder.name}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        name={placeholder.name}
        value={value}
        list={listId}
        title={listId ? i18n.t('todaySuggestions') : undefined}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
      {listId && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.token} value={s.value} />
          ))}
        </datalist>
      )}
    </div>
  );
}
