import { useSignal } from '@preact/signals';

export type Tone = 'info' | 'success' | 'error';

/** A one-line message announced to screen readers (the status bar's aria-live). */
export function useStatus() {
  const message = useSignal('');
  const tone = useSignal<Tone>('info');
  return {
    message,
    tone,
    show(text: string, kind: Tone = 'info') {
      message.value = text;
      tone.value = kind;
    },
  };
}
