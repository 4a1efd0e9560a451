import type { Signal } from '@preact/signals';
import type { Tone } from './useStatus';

export function StatusBar({ message, tone }: { message: Signal<string>; tone: Signal<Tone> }) {
  return (
    <div class="status" role="status" aria-live="polite" data-tone={tone.value}>
      {message}
    </div>
  );
}
