import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { type ReadProgress, afterPaint, readFileBytes } from './files';
import { readFailedMessage } from './messages';
import { type AlertMessage, alert } from './state';

/**
 * Reading a file the user picked or dropped, then working on it: the state a
 * progress bar shows, and a token per attempt, so that a newer file or a
 * cancel makes an older attempt's late result go nowhere, and stops the
 * attempt's work if it runs off the page's thread (offThread).
 */
export function useFileReading() {
  /** What ReadingProgress shows; progress is null once the bytes are read and the work has begun. */
  const state = useSignal<{ name: string; progress: ReadProgress | null } | null>(null);
  const run = useRef(0);
  /** Stops the current attempt's work off the page's thread, if any. */
  const stopWork = useRef<(() => void) | null>(null);
  const stop = () => {
    stopWork.current?.();
    stopWork.current = null;
  };
  // Leaving the view leaves nothing working for it.
  useEffect(() => stop, []);
  const isCurrent = (token: number) => token === run.current;
  const fail = (token: number, message: AlertMessage) => {
    if (!isCurrent(token)) return;
    alert.value = message;
    state.value = null;
  };

  return {
    state,
    isCurrent,
    fail,
    /** Starts an attempt (clearing the last error) and returns its token. */
    begin(name: string, total: number | null): number {
      stop();
      alert.value = null;
      state.value = total === null ? null : { name, progress: { loaded: 0, total } };
      return ++run.current;
    },
    /** The file's bytes, or null when the attempt was overtaken or reading failed (the alert says so). */
    async read(file: File, token: number): Promise<Uint8Array | null> {
      try {
        const bytes = await readFileBytes(file, (progress) => {
          if (isCurrent(token)) state.value = { name: file.name, progress };
        });
        return isCurrent(token) ? bytes : null;
      } catch (error) {
        console.error(error);
        fail(token, readFailedMessage());
        return null;
      }
    },
    /** Shows "正在解析…" and lets it paint; false when the attempt was overtaken meanwhile. */
    async working(name: string, token: number): Promise<boolean> {
      if (isCurrent(token)) state.value = { name, progress: null };
      await afterPaint();
      return isCurrent(token);
    },
    /**
     * The result of work `start` sets off elsewhere (a worker), or null when
     * the attempt was cancelled or overtaken, which stop the work at once.
     */
    async offThread<T>(token: number, start: () => { result: Promise<T | null>; stop: () => void }): Promise<T | null> {
      if (!isCurrent(token)) return null;
      const job = start();
      stopWork.current = job.stop;
      const result = await job.result;
      if (stopWork.current === job.stop) stopWork.current = null;
      return isCurrent(token) ? result : null;
    },
    done(token: number) {
      if (isCurrent(token)) state.value = null;
    },
    cancel() {
      stop();
      run.current++;
      state.value = null;
    },
  };
}
