/**
 * Sources beyond Statuspage, in the real extension against a local server: the site root of each
 * format finds its feed, and an Instatus and an Atom feed are polled into what the overlay shows.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { command, inPage, ready } from './helpers';

let s: ExtensionSession | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  await s?.close();
  await server?.close();
  s = server = undefined;
});

const feedFixture = (name: string): Promise<string> =>
  readFile(resolve(import.meta.dirname, '../../fixtures/feeds', name), 'utf8');

/** Serves `body` as text at `path` of the test server. */
function serve(path: string, body: string, type: string): void {
  server!.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': type }).end(body);
  });
}

const SITES: [string, string, string, string][] = [
  ['/summary.json', 'instatus-summary.json', 'instatus', 'application/json'],
  ['/index.json', 'betterstack-index.json', 'betterstack', 'application/json'],
  ['/api/v1/summary', 'incidentio-summary.json', 'incidentio', 'application/json'],
  ['/feed/json', 'openstatus-feed.json', 'openstatus', 'application/json'],
  ['/api/v1/incidents', 'cachet2-incidents.json', 'cachet', 'application/json'],
  ['/history.atom', 'github-history.atom', 'atom', 'application/atom+xml'],
  ['/feed.rss', 'betterstack-feed.rss', 'rss', 'application/rss+xml'],
];

test('the source form, given the site root of each format, detects the right feed', async () => {
  s = await launchWithExtension();
  const page = await ready(s);
  for (const [path, file, format, type] of SITES) {
    server = await startServer();
    server.html('/', '<!doctype html><title>Status</title><p>All good</p>');
    serve(path, await feedFixture(file), type);
    const r = await command(page, 'sources/test', { url: `${server.origin}/` });
    expect(r, path).toMatchObject({
      ok: true,
      value: { ok: true, url: server.origin + path, format },
    });
    await server.close();
    server = undefined;
  }
});

test.each([
  [
    '/summary.json',
    'instatus-summary.json',
    'application/json',
    "We're facing an issue with our API",
  ],
  ['/history.atom', 'github-history.atom', 'application/atom+xml', 'Incident with GitHub Actions'],
])('the extension polls %s and the overlay gets its incident', async (path, file, type, name) => {
  server = await startServer();
  serve(path, await feedFixture(file), type);
  s = await launchWithExtension();
  const page = await ready(s);
  const added = await command(page, 'sources/add', {
    name: 'Provider',
    url: server.origin + path,
    pollSeconds: 30,
  });
  expect(added).toMatchObject({ ok: true, value: { failures: 0, lastOkAt: expect.any(Number) } });
  const stored = await inPage(page, (c) => c.storage.session.get('overlay'));
  const overlay = stored.overlay as { incidents: { incident: { name: string } }[] };
  expect(overlay.incidents.map((i) => i.incident.name)).toContain(name);
});
