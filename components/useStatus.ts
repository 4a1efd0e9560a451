import { useSignal } from '@preact/signals';

/**
 * 'fallback': nothing was inserted and the text went to the clipboard instead. It is
 * neither a success nor an error, and must never look like the first.
 */
export type Tone = 'info' | 'success' | 'fallback' | 'error';

/** A message announced to screen readers (the status bar's aria-live), with an optional second line. */
export function useStatus() {
  const message = useSignal('');
  const detail = useSignal('');
  const tone = useSignal<Tone>('info');
  return {
    message,
    detail,
    tone,
    show(text: string, kind: Tone = 'info', more = '') {
      message.value = text;
      detail.value = more;
      tone.value = kind;
    },
  };
}
