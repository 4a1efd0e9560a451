import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';

interface Props {
  /** The input's name (new-collection, rename-collection) and the prefix of its buttons' data-action. */
  name: string;
  label: string;
  initial: string;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

/** Asks for a collection's name in place: Enter confirms, Esc cancels, an empty name is not taken. */
export function NameForm({ name, label, initial, onSubmit, onCancel }: Props) {
  const value = useSignal(initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const empty = value.value.trim() === '';
  return (
    <form
      class="name-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) onSubmit(value.value.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label class="field-label" for={`name-form-${name}`}>
        {label}
      </label>
      <input
        id={`name-form-${name}`}
        ref={ref}
        name={name}
        class="input"
        maxLength={500}
        value={value.value}
        onInput={(event) => (value.value = (event.currentTarget as HTMLInputElement).value)}
      />
      <div class="name-form-actions">
        <button type="submit" class="button button-primary" data-action={`confirm-${name}`} disabled={empty}>
          {i18n.t('optConfirm')}
        </button>
        <button type="button" class="button" data-action={`cancel-${name}`} onClick={onCancel}>
          {i18n.t('optCancel')}
        </button>
      </div>
    </form>
  );
}
