/**
 * Read-modify-write of extension storage from several pages at once (popup,
 * side panel, options page) would lose one page's change. Each such change
 * runs under a named lock that all the extension's pages share: Web Locks in
 * the browser; a promise chain per name where there are none (Node tests).
 */
const chains = new Map<string, Promise<unknown>>();

export function withStorageLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`bixia:${name}`, task) as Promise<T>;
  const run = (chains.get(name) ?? Promise.resolve()).then(task, task);
  chains.set(name, run.catch(() => undefined));
  return run;
}
