/**
 * The feed validator against local loopback servers: it finds the feed from a status page's
 * address, reads companions, sends headers to the feed's origin only, and says what it read.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { checkFeed, main } from './check-feed';

const FIX = new URL('../../tests/fixtures/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIX), 'utf8');

type Route = (h: IncomingHttpHeaders) => [number, string, Record<string, string>?];

/** Requests each server saw: path and headers. */
const seen: { server: string; path: string; headers: IncomingHttpHeaders }[] = [];

function serve(name: string, routes: Record<string, Route>): Promise<[Server, string]> {
  const server = createServer((req, res) => {
    seen.push({ server: name, path: req.url ?? '', headers: req.headers });
    const route = routes[req.url ?? ''];
    const [status, body, headers] = route ? route(req.headers) : [404, 'not found'];
    res.writeHead(status, headers ?? {});
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`]),
    ),
  );
}

let main1: Server;
let other: Server;
let empty: Server;
let nowhere = '';
let base = '';
let elsewhere = '';
const NOW = Date.parse('2025-06-01T06:00:00Z');

beforeAll(async () => {
  [empty, nowhere] = await serve('empty', {});
  [other, elsewhere] = await serve('other', {
    '/feed/json': () => [200, fixture('feeds/openstatus-feed.json')],
  });
  [main1, base] = await serve('main', {
    '/status': () => [200, '<!doctype html><html><body>Our status</body></html>'],
    '/status/index.json': () => [200, fixture('feeds/betterstack-index.json')],
    '/api/v2/summary.json': () => [
      200,
      fixture('statuspage/statuspage-exporter-github-summary-investigating.json'),
    ],
    '/api/v2/incidents/unresolved.json': () => [200, fixture('feeds/statuspage-unresolved.json')],
    '/history.atom': () => [200, fixture('feeds/github-history.atom')],
    '/private/feed/json': (h) =>
      h.authorization == 'Bearer s3cret'
        ? [200, fixture('feeds/openstatus-feed.json')]
        : [401, 'no'],
    '/moved/feed/json': () => [302, '', { location: `${elsewhere}/feed/json` }],
    '/same/feed/json': () => [301, '', { location: '/private/feed/json' }],
    '/broken.json': () => [200, '{"activeIncidents": [{"name": "cut'],
  });
});

afterAll(() => {
  main1.close();
  other.close();
  empty.close();
});

describe('check-feed', () => {
  it('finds the feed from a status page address and prints it as a product team would see it', async () => {
    const { code, lines } = await checkFeed(`${base}/status`, { now: NOW });
    const out = lines.join('\n');
    expect(out).toContain(`Found a feed at ${base}/status/index.json`);
    expect(out).toContain('Format: Better Stack index.json (detected)');
    expect(out).toContain('Active incidents (1)\n  - Delayed data processing in the Europe region');
    expect(out).toContain('SEV-3 minor · status unknown');
    expect(out).toContain('Cannot map from this format: incident phases');
    expect(out).toContain('Problems (0)\n  none');
    expect(code).toBe(0);
  });

  it('reads the Statuspage companions next to summary.json, and says which it could not read', async () => {
    const { lines } = await checkFeed(`${base}/api/v2/summary.json`, { now: NOW });
    const out = lines.join('\n');
    expect(out).toContain(
      'Companion /api/v2/scheduled-maintenances/upcoming.json not read: HTTP 404',
    );
    expect(out).toContain('Incident with Codespaces'); // from unresolved.json
  });

  it('says severity is unknown for a history feed', async () => {
    const { lines } = await checkFeed(`${base}/history.atom`, {
      now: Date.parse('2021-02-25T10:30:00Z'),
    });
    const out = lines.join('\n');
    expect(out).toContain('Format: Atom history feed (detected)');
    expect(out).toContain(
      '  - Incident with GitHub Actions\n    severity unknown · status identified',
    );
    expect(out).toContain('Overall: minor (derived: the feed gives no overall status)');
  });

  it('sends headers to the feed origin, and never follows a redirect elsewhere with them', async () => {
    const headers = { Authorization: 'Bearer s3cret' };
    const ok = await checkFeed(`${base}/private/feed/json`, { headers, now: NOW });
    expect(ok.lines.join('\n')).toContain('Format: OpenStatus feed JSON (detected)');
    const same = await checkFeed(`${base}/same/feed/json`, { headers, now: NOW });
    expect(same.code).toBe(0);
    const before = seen.filter((s) => s.server == 'other').length;
    const moved = await checkFeed(`${base}/moved/feed/json`, { headers, now: NOW });
    expect(moved.lines[0]).toContain('not followed (headers are for');
    const reached = seen.filter((s) => s.server == 'other').slice(before);
    expect(reached.every((s) => s.headers.authorization === undefined)).toBe(true);
  });

  it('reports every problem of a broken feed and exits 2; 1 when nothing is a feed', async () => {
    const broken = await checkFeed(`${base}/broken.json`, { format: 'instatus', now: NOW });
    expect(broken.code).toBe(2);
    expect(broken.lines.join('\n')).toContain('$: not valid JSON (truncated or malformed)');
    const none = await checkFeed(`${nowhere}/status`, { now: NOW });
    expect(none.code).toBe(1);
    expect(none.lines.at(-1)).toBe('No status feed found there.');
  });

  it('reads a file, and parses its command line', async () => {
    const printed: string[] = [];
    const args = ['--format', 'rss', 'tests/fixtures/feeds/betterstack-feed.rss'];
    const io = { readFile: (p: string) => readFile(p, 'utf8') };
    expect(await main(args, (l) => printed.push(l), io)).toBe(0);
    expect(printed).toContain('Format: RSS history feed (as chosen)');
    expect(await main(['--format', 'nope', 'x'], () => {})).toBe(1);
  });

  it('runs as `npm run check-feed`', async () => {
    const child = spawn(process.execPath, ['scripts/check-feed.mjs', `${base}/history.atom`], {
      cwd: new URL('../../', import.meta.url),
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(out).toContain('Format: Atom history feed (detected)');
    expect(code).toBe(0);
  });
});
