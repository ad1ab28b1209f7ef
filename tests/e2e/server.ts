import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Adds or replaces the handler for an exact path (query string ignored). */
  route(path: string, handler: Handler): void;
  /** Serves a string/JSON value at a path with optional headers and status. */
  json(
    path: string,
    body: unknown,
    init?: { status?: number; headers?: Record<string, string> },
  ): void;
  html(path: string, body: string, headers?: Record<string, string>): void;
  /** Every request seen, in order: method + path (with query). */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A loopback HTTP server for e2e tests. Static files are served from the repo for
 * `/dist/…`, `/widgets/dist/…`, `/demo/…`, `/fixtures/…` (tests/fixtures/statuspage) and `/node_modules/axe-core/…`;
 * anything else goes through `route()`.
 */
export async function startServer(host = '127.0.0.1'): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer['requests'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      headers: req.headers,
    });
    try {
      const h = routes.get(url.pathname);
      if (h) return void (await h(req, res));
      const statics: [string, string][] = [
        ['/dist/', 'dist/'],
        ['/widgets/dist/', 'widgets/dist/'],
        ['/demo/', 'demo/'],
        ['/fixtures/', 'tests/fixtures/statuspage/'],
        ['/node_modules/axe-core/', 'node_modules/axe-core/'],
      ];
      for (const [prefix, dir] of statics) {
        if (!url.pathname.startsWith(prefix)) continue;
        const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
        if (rel.startsWith('..')) break;
        const file = join(ROOT, dir, rel);
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return void res.end(body);
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch {
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    json(path, body, init = {}) {
      routes.set(path, (_req, res) => {
        res.writeHead(init.status ?? 200, { 'content-type': 'application/json', ...init.headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    },
    html(path, body, headers = {}) {
      routes.set(path, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
        res.end(body);
      });
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
