import type { Signal } from '@preact/signals';
import type { Tone } from './useStatus';

/** A mark for each tone that needs one, so the tone does not rest on colour alone. */
const MARKS: Partial<Record<Tone, string>> = { success: '✓', fallback: '⚠', error: '✕' };

export function StatusBar({ message, detail, tone }: { message: Signal<string>; detail?: Signal<string>; tone: Signal<Tone> }) {
  const mark = message.value ? MARKS[tone.value] : undefined;
  return (
    <div class="status" role="status" aria-live="polite" data-tone={tone.value}>
      {mark && (
        <span class="status-mark" aria-hidden="true">
          {mark}
        </span>
      )}
      <span class="status-text">
        <span class="status-message">{message}</span>
        {detail?.value && <span class="status-detail">{detail}</span>}
      </span>
    </div>
  );
}
