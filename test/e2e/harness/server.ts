/**
 * Static HTTP servers for the end-to-end test pages. The content script only
 * runs on http(s) pages, so the pages cannot be opened from file://; each
 * server listens on 127.0.0.1 with a port the system picks, so runs never
 * collide, and a second server gives a second origin for cross-origin iframes.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  /** URL path prefix (such as '/vendor/') → folder on disk; the longest prefix wins. */
  mounts: Record<string, string>;
  /**
   * The host name written into URLs. The server always listens on 127.0.0.1,
   * but 'localhost' names the same socket as a different site (not only a
   * different origin), which puts a frame from it in a process of its own.
   */
  hostname?: string;
}

export interface StaticServer {
  /** Such as http://127.0.0.1:41234, without a trailing slash. */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** The file a request path names, or undefined when it escapes every mount. */
function resolveFile(mounts: Record<string, string>, pathname: string): string | undefined {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (!pathname.startsWith(prefix)) continue;
    const root = mounts[prefix];
    if (root === undefined) continue;
    const rest = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    const file = join(root, rest);
    // normalize() resolved any '..'; anything outside the root is refused.
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
    return file;
  }
  return undefined;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    let file = resolveFile(options.mounts, pathname);
    try {
      if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file || !statSync(file).isFile()) throw new Error('not a file');
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`);
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Every test loads its pages afresh; a cached copy would hide an edit.
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  // Browsers keep connections alive; without this close() waits for them.
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.hostname ?? '127.0.0.1'}:${port}`;

  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
