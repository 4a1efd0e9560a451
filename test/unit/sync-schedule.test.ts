import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncSchedule } from '../../core/sync/schedule';

describe('when sync runs', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const timer = { set: (callback: () => void, ms: number) => setTimeout(callback, ms), clear: (handle: unknown) => clearTimeout(handle as number), now: () => Date.now() };

  it('sends a burst of edits in one round once the writer pauses', async () => {
    const round = vi.fn(async () => 'done' as const);
    const schedule = syncSchedule({ round, timer, quietMs: 2_000, minGapMs: 5_000 });
    for (let i = 0; i < 5; i++) {
      schedule.localChanged();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(round).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(round).toHaveBeenCalledTimes(1);
  });

  it("takes another device's write in at once, but never two rounds closer than the gap, nor two at a time", async () => {
    let release: () => void = () => undefined;
    const round = vi.fn(() => new Promise<'done'>((resolve) => (release = () => resolve('done'))));
    const schedule = syncSchedule({ round, timer, quietMs: 2_000, minGapMs: 5_000 });
    schedule.remoteChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(round).toHaveBeenCalledTimes(1);
    // Another write arrives while the round runs: one more round, after it and after the gap.
    schedule.remoteChanged();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(round).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(round).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(round).toHaveBeenCalledTimes(2);
    release();
    await schedule.idle();
  });

  it('runs again when the writer changed things during the round; after a failure, waits for the next change', async () => {
    const outcomes: ('done' | 'again' | 'failed')[] = ['again', 'done', 'failed'];
    const round = vi.fn(async () => outcomes.shift() ?? 'done');
    const schedule = syncSchedule({ round, timer, quietMs: 100, minGapMs: 1_000 });
    schedule.localChanged();
    await vi.advanceTimersByTimeAsync(100);
    expect(round).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(round).toHaveBeenCalledTimes(2);
    schedule.localChanged();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(round).toHaveBeenCalledTimes(3);
    // Failed: nothing more until something changes.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(round).toHaveBeenCalledTimes(3);
    // A round that throws counts as failed, and the schedule goes on.
    round.mockImplementationOnce(async () => {
      throw new Error('sync area gone');
    });
    schedule.remoteChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(round).toHaveBeenCalledTimes(4);
    await schedule.idle();
  });

  it('does nothing once stopped', async () => {
    const round = vi.fn(async () => 'done' as const);
    const schedule = syncSchedule({ round, timer });
    schedule.localChanged();
    schedule.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    schedule.remoteChanged();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(round).not.toHaveBeenCalled();
    await schedule.idle();
  });
});
