import type { Ref } from 'preact';
import { i18n } from '#i18n';
import type { EntrySearch } from './useEntrySearch';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  search: EntrySearch;
  /** The results list, when one is shown (the combobox controls it); undefined when none is. */
  listId: string | undefined;
  activeOptionId: string | undefined;
  onEnter: (event: KeyboardEvent) => void;
}

/**
 * The search field. Keys pressed while an input method is composing (a Chinese
 * candidate list is open) belong to the input method: they never move the
 * selection or act on an entry, and what is being composed is not searched
 * until it is committed. Chromium fires no input event after compositionend,
 * Firefox does: both end up in one search of the committed text.
 */
export function SearchBox({ inputRef, search, listId, activeOptionId, onEnter }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      search.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      search.page(event.key === 'PageDown' ? 1 : -1);
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
        value={search.text.value}
        onInput={(e) => search.setText((e.currentTarget as HTMLInputElement).value, (e as InputEvent).isComposing)}
        onCompositionEnd={(e) => search.setText((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
