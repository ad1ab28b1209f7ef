/** Detection picks each provider's format from its body (and URL), and knows where to probe. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeAdapterProblem,
  detectFormat,
  formatFromUrl,
  probeUrls,
  readFeed,
  siteRoot,
} from './index';

/** The provider fixtures (tests/fixtures/feeds, see SOURCES.md there). */
const FIXTURES = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

const CASES: [string, string][] = [
  ['github-history.atom', 'atom'],
  ['atom-hostile.atom', 'atom'],
  ['statuspage-history.rss', 'rss'],
  ['betterstack-feed.rss', 'rss'],
  ['rss-hostile.rss', 'rss'],
  ['incidentio-summary.json', 'incidentio'],
  ['incidentio-hostile.json', 'incidentio'],
  ['instatus-summary.json', 'instatus'],
  ['instatus-up.json', 'instatus'],
  ['instatus-hostile.json', 'instatus'],
  ['betterstack-index.json', 'betterstack'],
  ['betterstack-hostile.json', 'betterstack'],
  ['openstatus-feed.json', 'openstatus'],
  ['openstatus-hostile.json', 'openstatus'],
  ['cachet2-incidents.json', 'cachet'],
  ['cachet2-components.json', 'cachet'],
  ['cachet3-incidents.json', 'cachet'],
  ['cachet-hostile.json', 'cachet'],
  ['rootly-status.json', 'statuspage'],
  ['statuspage-unresolved.json', 'statuspage'],
  ['statuspage-upcoming.json', 'statuspage'],
  ['../statuspage/renku-ui-summary-outage.json', 'statuspage'],
  ['../statuspage/ManagerDashboard-emma-incidents.json', 'statuspage'],
  ['../statuspage/lurk_incidents-incident-tricky-end-time.json', 'statuspage'],
  ['../statuspage/stactus-github-components.json', 'statuspage'],
];

describe('detectFormat', () => {
  it.each(CASES)('%s is %s, as text and as a parsed value', (file, format) => {
    const text = fixtureText(file);
    expect(detectFormat(text)).toBe(format);
    if (!file.match(/\.(atom|rss)$/)) expect(detectFormat(JSON.parse(text))).toBe(format);
  });

  it('reads every fixture without a format problem once detected', () => {
    for (const [file, format] of CASES) {
      const r = readFeed(fixtureText(file));
      expect(r.format, file).toBe(format);
      expect(
        r.problems.filter((p) => p.code == 'format'),
        file,
      ).toEqual([]);
    }
  });

  it('lets the body decide over the URL', () => {
    expect(
      detectFormat(fixtureText('instatus-summary.json'), 'https://x.example/history.atom'),
    ).toBe('instatus');
  });

  it('knows an all-clear Instatus page (no lists) by its status in any case, as its reader does', () => {
    for (const status of ['up', 'HasIssues', 'undermaintenance']) {
      const body = { page: { name: 'Acme', url: 'https://acme.instatus.com', status } };
      expect(detectFormat(body), status).toBe('instatus');
    }
  });

  it('falls back on the URL only when the shape says nothing', () => {
    expect(detectFormat({}, 'https://status.example.com/api/v1/summary')).toBe('incidentio');
    expect(detectFormat('', 'https://status.example.com/feed.rss')).toBe('rss');
    expect(detectFormat({})).toBe('unknown');
  });

  it('says unknown for an HTML page, a number, null, or junk', () => {
    expect(detectFormat('<!doctype html><html><body>Login</body></html>')).toBe('unknown');
    for (const v of [42, null, undefined, 'not json', { hello: 'world' }, true]) {
      expect(detectFormat(v)).toBe('unknown');
    }
  });

  it('reads an unknown body as an empty feed with one problem, in words', () => {
    const r = readFeed('<html><body>502 Bad Gateway</body></html>');
    expect(r.format).toBe('unknown');
    expect(r.feed.incidents).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['format']);
  });

  it('reads with the format the user chose, whatever detection says', () => {
    const r = readFeed(fixtureText('instatus-summary.json'), { format: 'betterstack' });
    expect(r.format).toBe('betterstack');
    expect(r.problems.map((p) => p.code)).toEqual(['format']);
  });
});

describe('known paths', () => {
  it('probes every known path from a site root, the root given first', () => {
    const urls = probeUrls('https://status.example.com/');
    expect(urls).toContain('https://status.example.com/api/v2/summary.json');
    expect(urls).toContain('https://status.example.com/summary.json');
    expect(urls).toContain('https://status.example.com/index.json');
    expect(urls).toContain('https://status.example.com/api/v1/summary');
    expect(urls).toContain('https://status.example.com/history.atom');
    expect(urls).toContain('https://status.example.com/feed.rss');
    expect(urls).toContain('https://status.example.com/feed/json');
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('probes under a page that is not at the root, then under its origin', () => {
    const urls = probeUrls('https://example.com/status');
    expect(urls[0]).toBe('https://example.com/status/api/v2/summary.json');
    expect(urls).toContain('https://example.com/api/v2/summary.json');
  });

  it('probes nothing for a non-http address', () => {
    expect(probeUrls('javascript:alert(1)')).toEqual([]);
    expect(probeUrls('not a url')).toEqual([]);
  });

  it('knows a format from a URL path, and the site root of a feed URL', () => {
    expect(formatFromUrl('https://s.example/api/v2/incidents/unresolved.json')).toBe('statuspage');
    expect(formatFromUrl('https://s.example/index.json')).toBe('betterstack');
    expect(formatFromUrl('https://s.example/api/v1/components')).toBe('cachet');
    expect(formatFromUrl('https://s.example/whatever')).toBeUndefined();
    expect(siteRoot('https://s.example/status/api/v2/summary.json')).toBe(
      'https://s.example/status',
    );
  });
});

describe('problems in words', () => {
  it('says what an unknown body looks like', () => {
    const words = (body: unknown): string[] =>
      readFeed(body).problems.map((p) => describeAdapterProblem(p).message);
    expect(words('<html><body>502</body></html>')).toEqual([
      'markup that is not an Atom or RSS feed (an HTML error or login page?)',
    ]);
    expect(words({ hello: 'world' })[0]).toMatch(
      /^not a known status feed \(Statuspage, incident\.io/,
    );
    expect(words(readFeed)).toHaveLength(1);
    const forced = readFeed({}, { format: 'instatus' }).problems.map(describeAdapterProblem);
    expect(forced).toEqual([{ path: '$', message: 'not an Instatus payload' }]);
    const xml = readFeed('<feed><entry>', { format: 'atom' }).problems.map(describeAdapterProblem);
    expect(xml[0]!.message).toBe('not well-formed XML: text ended inside <entry> at character 13');
  });
});
