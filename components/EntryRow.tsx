import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import { renderBody } from '../core/placeholders';

const PREVIEW_CHARS = 80;

export function entryPreview(entry: Entry): string {
  const text = renderBody(entry.body).replace(/\s+/g, ' ');
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

export function entryPathLabel(entry: Entry): string {
  return entry.path.length === 0 ? i18n.t('wholeReport') : entry.path.join(' › ');
}

interface Props {
  entry: Entry;
  id: string;
  selected: boolean;
  onSelect: () => void;
  onActivate: () => void;
}

export function EntryRow({ entry, id, selected, onSelect, onActivate }: Props) {
  const kindLabel = entry.kind === 'template' ? i18n.t('kindTemplate') : i18n.t('kindSnippet');
  return (
    <li
      id={id}
      class="row"
      role="option"
      aria-selected={selected}
      data-entry-id={entry.id}
      onMouseMove={selected ? undefined : onSelect}
      onClick={onActivate}
    >
      <span class={`badge badge-${entry.kind}`}>{kindLabel}</span>
      <span class="row-title">{entry.title}</span>
      <span class="row-path">{entryPathLabel(entry)}</span>
      {entry.kind === 'template' && <span class="row-preview">{entryPreview(entry)}</span>}
    </li>
  );
}
