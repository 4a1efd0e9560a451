/**
 * A virtual X display for the few tests that need a headed browser: headless
 * Chromium treats every window as focused, so only a real window shows what
 * happens when the popup takes focus from the page and gives it back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const XVFB = '/usr/bin/Xvfb';

export interface VirtualDisplay {
  /** Such as ":99", for the DISPLAY environment variable. */
  display: string;
  stop(): Promise<void>;
}

export function hasXvfb(): boolean {
  return existsSync(XVFB);
}

/** Starts Xvfb on the first free display number from 90 on. */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  for (let n = 90; n < 140; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const display = `:${n}`;
    const child = spawn(XVFB, [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const started = await waitForSocket(n, child);
    if (started) {
      return {
        display,
        stop: () =>
          new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.kill();
          }),
      };
    }
  }
  throw new Error('Could not start Xvfb on any display from :90 to :139');
}

async function waitForSocket(n: number, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    if (existsSync(`/tmp/.X11-unix/X${n}`)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  return false;
}
