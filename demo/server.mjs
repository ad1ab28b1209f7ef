// The demo server: a sample SaaS app and admin console, the built widgets, and a scenario
// feed in Statuspage API v2 shape. `--feed URL` proxies a real Statuspage-compatible feed instead.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { LOOP_MS, phaseAt, summaryAt } from './scenario.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.zip': 'application/zip',
};

/** Builds the v2 endpoints from one summary, as Statuspage does. */
function endpoints(summary) {
  const { allIncidents, ...s } = summary;
  const unresolved = s.incidents;
  return {
    'summary.json': s,
    'status.json': { page: s.page, status: s.status },
    'components.json': { page: s.page, components: s.components },
    'incidents.json': { page: s.page, incidents: allIncidents },
    'incidents/unresolved.json': { page: s.page, incidents: unresolved },
    'scheduled-maintenances.json': {
      page: s.page,
      scheduled_maintenances: s.scheduled_maintenances,
    },
    'scheduled-maintenances/active.json': {
      page: s.page,
      scheduled_maintenances: s.scheduled_maintenances.filter((m) => m.status === 'in_progress'),
    },
    'scheduled-maintenances/upcoming.json': {
      page: s.page,
      scheduled_maintenances: s.scheduled_maintenances.filter((m) => m.status === 'scheduled'),
    },
  };
}

/**
 * Starts the demo server. `feed`: a real summary.json URL to proxy instead of the scenario.
 * `now`: the clock (injectable for tests); `offsetMs`: where in the loop to start.
 * Resolves to { origin, close }.
 */
export async function startDemo({
  port = 5173,
  host = '127.0.0.1',
  feed,
  now = () => Date.now(),
  offsetMs = 0,
} = {}) {
  // `offsetMs` starts the scenario part-way through its loop (e.g. for screenshots).
  const started = now() - offsetMs;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname.startsWith('/api/v2/')) return await api(url, req, res);
      if (url.pathname === '/') return redirect(res, '/demo/index.html');
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      if (rel.startsWith('..') || !/^(demo|dist|docs|widgets[/\\]dist)[/\\]/.test(rel))
        return notFound(res);
      const body = await readFile(join(ROOT, rel));
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      notFound(res);
    }
  });

  async function api(url, req, res) {
    const name = url.pathname.slice('/api/v2/'.length);
    let body;
    if (feed) {
      const target = name === 'summary.json' ? feed : feed.replace(/summary\.json$/, name);
      const upstream = await fetch(target, { signal: AbortSignal.timeout(10_000) });
      body = await upstream.text();
      res.writeHead(upstream.status, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'cache-control': 'max-age=15',
      });
      return void res.end(body);
    }
    const t = now();
    const elapsed = t - started;
    const forced = url.searchParams.get('phase');
    const loopStart = t - (elapsed % LOOP_MS);
    const all = endpoints(summaryAt(loopStart, forced ?? phaseAt(elapsed)));
    if (!(name in all)) return notFound(res);
    body = JSON.stringify(all[name]);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag, Last-Modified, Retry-After',
      'cache-control': 'max-age=10',
      etag,
    };
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    res.writeHead(200, headers).end(body);
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const { port: actual } = server.address();
  return {
    origin: `http://${host}:${actual}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

function redirect(res, to) {
  res.writeHead(302, { location: to }).end();
}
function notFound(res) {
  if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
