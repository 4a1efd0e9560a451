import { useLayoutEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import { prefillValue } from '../core/dynamic-values';
import { type Placeholder, valueFor } from '../core/placeholders';
import type { Action } from './deliver';
import { PlaceholderField } from './PlaceholderField';

interface Props {
  entry: Entry;
  placeholders: Placeholder[];
  /** Values the user typed last time, by placeholder name. */
  remembered: Record<string, string>;
  onSubmit: (values: Record<string, string>, action: Action) => void;
  onCancel: () => void;
}

/**
 * Asks for the placeholders of an entry before it is inserted, prefilled with
 * today's date where the default is dynamic, else what the user typed last
 * time, else the defaults. Enter inserts, Ctrl+Enter
 * copies, Esc goes back; an Enter that confirms an input-method candidate does
 * nothing.
 */
export function PlaceholderForm({ entry, placeholders, remembered, onSubmit, onCancel }: Props) {
  const values = useSignal<Record<string, string>>(
    Object.fromEntries(placeholders.map((p) => [p.name, prefillValue(p.defaultValue, valueFor(remembered, p.name))])),
  );
  const firstRef = useRef<HTMLInputElement>(null);
  // Before the form is painted, so a key pressed the moment it shows goes into it.
  useLayoutEffect(() => {
    firstRef.current?.focus();
    firstRef.current?.select();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onSubmit(values.value, event.ctrlKey || event.metaKey ? 'copy' : 'insert');
    }
  };

  return (
    <form
      class="placeholder-form"
      aria-labelledby="placeholder-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values.value, 'insert');
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="placeholder-form-title" class="form-title">
        {i18n.t('placeholderFormTitle')}
        <span class="form-entry">{entry.title}</span>
      </h2>
      {placeholders.map((placeholder, index) => (
        <PlaceholderField
          key={placeholder.name}
          id={`placeholder-${index}`}
          placeholder={placeholder}
          inputRef={index === 0 ? firstRef : undefined}
          value={valueFor(values.value, placeholder.name) ?? ''}
          onInput={(value) => (values.value = { ...values.value, [placeholder.name]: value })}
        />
      ))}
      <div class="form-actions">
        <button type="button" class="button" onClick={onCancel}>
          {i18n.t('back')}
        </button>
        <button type="button" class="button" onClick={() => onSubmit(values.value, 'copy')}>
          {i18n.t('placeholderCopy')}
        </button>
        <button type="submit" class="button button-primary">
          {i18n.t('placeholderSubmit')}
        </button>
      </div>
      <p class="form-hint">{i18n.t('placeholderFormHint')}</p>
    </form>
  );
}
