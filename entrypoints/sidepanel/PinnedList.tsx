import { useSignal } from '@preact/signals';
import type { Entry } from '../../core/library';
import { ResultList } from '../../components/ResultList';

interface Props {
  id: string;
  heading: string;
  entries: Entry[];
  favorites: readonly string[];
  sourceOf: (entry: Entry) => string;
  onActivate: (entry: Entry) => void;
  onToggleFavorite: (entry: Entry) => void;
}

/**
 * Favourites or recent uses above the outline. No search box drives this
 * list, so it is a tab stop of its own: ↑/↓ (Home/End) choose a row, Enter
 * inserts it, Ctrl+S stars or unstars it, and the focus stays on the list.
 * A row is shown as chosen only while the list has the focus.
 */
export function PinnedList({ id, heading, entries, favorites, sourceOf, onActivate, onToggleFavorite }: Props) {
  const selected = useSignal(-1);
  const focused = useSignal(false);
  const at = Math.min(Math.max(selected.value, 0), entries.length - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) return;
    const entry = entries[at];
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      if (entry) onToggleFavorite(entry);
    } else if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      selected.value = Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), entries.length - 1);
    } else if (event.key === 'Home' || event.key === 'End') {
      selected.value = event.key === 'Home' ? 0 : entries.length - 1;
    } else if (event.key === 'Enter') {
      if (entry) onActivate(entry);
    } else {
      return;
    }
    event.preventDefault();
  };
  return (
    <section class="pinned" aria-labelledby={`${id}-heading`}>
      <h2 class="pinned-heading" id={`${id}-heading`}>
        {heading}
      </h2>
      <ResultList
        id={id}
        label={heading}
        results={entries}
        selected={focused.value ? at : -1}
        favorites={favorites}
        sourceOf={sourceOf}
        onSelect={(i) => (selected.value = i)}
        onActivate={onActivate}
        onToggleFavorite={onToggleFavorite}
        keyboard={{ onKeyDown, onFocus: () => (focused.value = true), onBlur: () => (focused.value = false) }}
      />
    </section>
  );
}
