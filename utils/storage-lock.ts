/**
 * Read-modify-write of extension storage from several pages at once (popup,
 * side panel, options page) would lose one page's change. Each such change
 * runs under named locks that all the extension's pages share: Web Locks in
 * the browser; a promise chain per name where there are none (Node tests).
 *
 * A change that touches several keys (a restore: the library, favourites and
 * placeholder values) holds the lock of every key it reads or writes. Locks are
 * always taken in one global order, so two changes can never wait on each other.
 */
const chains = new Map<string, Promise<unknown>>();

function withOneLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`bixia:${name}`, task) as Promise<T>;
  const run = (chains.get(name) ?? Promise.resolve()).then(task, task);
  chains.set(name, run.catch(() => undefined));
  return run;
}

/**
 * Runs `task` holding every lock in `names`. They are taken in alphabetical
 * order whatever order they are given in: one order for every change.
 */
export function withStorageLocks<T>(names: readonly string[], task: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(names)].sort();
  const run = (i: number): Promise<T> => (i === sorted.length ? task() : withOneLock(sorted[i]!, () => run(i + 1)));
  return run(0);
}
