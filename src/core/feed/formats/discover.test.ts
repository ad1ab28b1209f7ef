/** Discovery: the address itself if it is a feed, else the first known path under it that is. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverFeed } from './discover';
import type { Getter } from './discover';

/** The provider fixtures (tests/fixtures/feeds, see SOURCES.md there). */
const FIXTURES = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A fake web: URL → body (anything else is a 404), recording what was asked. */
function web(pages: Record<string, string>): { get: Getter; asked: string[] } {
  const asked: string[] = [];
  const get: Getter = (url) => {
    asked.push(url);
    const text = pages[url];
    return Promise.resolve(
      text === undefined ? { ok: false, why: 'HTTP 404' } : { ok: true, text, url },
    );
  };
  return { get, asked };
}

const SITES: [string, string, string][] = [
  ['/api/v2/summary.json', '../statuspage/renku-ui-summary-outage.json', 'statuspage'],
  ['/api/v1/summary', 'incidentio-summary.json', 'incidentio'],
  ['/summary.json', 'instatus-summary.json', 'instatus'],
  ['/index.json', 'betterstack-index.json', 'betterstack'],
  ['/feed/json', 'openstatus-feed.json', 'openstatus'],
  ['/api/v1/incidents', 'cachet2-incidents.json', 'cachet'],
  ['/history.atom', 'github-history.atom', 'atom'],
  ['/feed.rss', 'betterstack-feed.rss', 'rss'],
];

describe('discoverFeed', () => {
  it.each(SITES)('finds %s from the site root, as %s', async (path, file, format) => {
    const root = 'https://status.example.com';
    const { get } = web({
      [`${root}/`]: '<html>Our status</html>',
      [root + path]: fixtureText(file),
    });
    const d = await discoverFeed(`${root}/`, get);
    expect(d).toMatchObject({ ok: true, url: root + path, format });
  });

  it('takes a feed URL as it is, without probing', async () => {
    const url = 'https://status.example.com/index.json';
    const { get, asked } = web({ [url]: fixtureText('betterstack-index.json') });
    expect(await discoverFeed(url, get)).toMatchObject({
      ok: true,
      format: 'betterstack',
      probed: 0,
    });
    expect(asked).toEqual([url]);
  });

  it('says why when nothing is found, having asked each known path once', async () => {
    const { get, asked } = web({ 'https://x.example/': '<html></html>' });
    const d = await discoverFeed('https://x.example/', get);
    expect(d).toMatchObject({ ok: false, why: 'no status feed at this address or under it' });
    expect(new Set(asked).size).toBe(asked.length);
  });
});
