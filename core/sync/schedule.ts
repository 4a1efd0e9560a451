/**
 * When sync runs (issue 14): a round after the writer changes something
 * (once they pause: a burst of edits is one round), a round when another
 * device's write arrives, and never two at once. The browsers limit sync
 * writes (Chrome: 120 a minute, 1,800 an hour), so rounds are at least
 * `minGapMs` apart; a round that found the writer changing things meanwhile
 * runs again as soon as the gap allows; a failed round waits for the next change instead of
 * retrying in a loop. Pure: the timer and the round are passed in.
 */

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export interface ScheduleOptions {
  /** One round; resolves with whether it must run again at once (the local values changed meanwhile). */
  round(): Promise<'done' | 'again' | 'failed'>;
  timer: Timer;
  /** How long the writer's pause must be before their edits go out. */
  quietMs?: number;
  /** The least time between the starts of two rounds. */
  minGapMs?: number;
}

export interface SyncSchedule {
  /** Something synced changed on this device. */
  localChanged(): void;
  /** Another device's write arrived. */
  remoteChanged(): void;
  /** Resolves once no round is running or waiting (for tests and for switching sync off). */
  idle(): Promise<void>;
  stop(): void;
}

export function syncSchedule({ round, timer, quietMs = 2_000, minGapMs = 5_000 }: ScheduleOptions): SyncSchedule {
  let waiting: unknown = null;
  let running: Promise<void> | null = null;
  let pending = false;
  let lastStart = -Infinity;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (waiting !== null || running || pending) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const start = () => {
    waiting = null;
    if (stopped) return settle();
    if (running) {
      pending = true;
      return;
    }
    lastStart = timer.now();
    running = (async () => {
      let outcome: 'done' | 'again' | 'failed';
      try {
        outcome = await round();
      } catch {
        outcome = 'failed';
      }
      running = null;
      if (!stopped && (outcome === 'again' || pending)) {
        pending = false;
        later(0);
      }
      settle();
    })();
  };

  /** A round in `ms`, but not sooner than the gap allows; an earlier one already waiting stands. */
  const later = (ms: number) => {
    if (stopped) return;
    const at = Math.max(timer.now() + ms, lastStart + minGapMs);
    if (waiting !== null) timer.clear(waiting);
    waiting = timer.set(start, Math.max(0, at - timer.now()));
  };

  return {
    localChanged: () => later(quietMs),
    remoteChanged: () => later(0),
    idle: () => new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      settle();
    }),
    stop() {
      stopped = true;
      if (waiting !== null) timer.clear(waiting);
      waiting = null;
      pending = false;
      settle();
    },
  };
}
