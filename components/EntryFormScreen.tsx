import { PlaceholderForm } from './PlaceholderForm';
import { StatusBar } from './StatusBar';
import type { EntrySurface } from './useEntrySurface';

/**
 * The placeholder form that takes the whole popup or side panel while an entry's blanks
 * are asked for: the same in both, with the page's heading and its status line.
 */
export function EntryFormScreen({ surface, class: className, heading, onCancel }: { surface: EntrySurface; class: string; heading: string; onCancel?: () => void }) {
  const { use, preferences, status } = surface;
  const form = use.form.value;
  if (!form) return null;
  return (
    <main class={className} data-ready="true">
      <h1 class="visually-hidden">{heading}</h1>
      <PlaceholderForm
        entry={form.entry}
        placeholders={form.placeholders}
        remembered={preferences.values.value}
        onSubmit={use.submitForm}
        onCancel={() => {
          use.cancelForm();
          onCancel?.();
        }}
      />
      <footer class={`${className}-footer`}>
        <StatusBar message={status.message} detail={status.detail} tone={status.tone} />
      </footer>
    </main>
  );
}
