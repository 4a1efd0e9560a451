import type { Ref } from 'preact';
import { i18n } from '#i18n';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  value: string;
  /** The results list, when one is shown (the combobox controls it); undefined when none is. */
  listId: string | undefined;
  activeOptionId: string | undefined;
  onInput: (value: string) => void;
  onMove: (delta: number) => void;
  onEnter: (event: KeyboardEvent) => void;
}

/**
 * The search field. Keys pressed while an input method is composing (a Chinese
 * candidate list is open) belong to the input method: they never move the
 * selection or act on an entry.
 */
export function SearchBox({ inputRef, value, listId, activeOptionId, onInput, onMove, onEnter }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEnter(event);
    }
  };
  return (
    <div class="search">
      <label class="visually-hidden" for="search-input">
        {i18n.t('searchLabel')}
      </label>
      <input
        id="search-input"
        ref={inputRef}
        type="search"
        role="combobox"
        list={undefined}
        aria-expanded={listId !== undefined}
        aria-controls={listId}
        aria-activedescendant={activeOptionId}
        aria-autocomplete="list"
        autocomplete="off"
        spellcheck={false}
        placeholder={i18n.t('searchPlaceholder')}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
