/**
 * Hostile input per format: wrong types, markup, huge and truncated payloads. Each adapter keeps
 * what it can, reports the rest, lets no markup through as anything but text, and keeps only
 * https links.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed } from '../../types';
import { ADAPTERS, describeAdapterProblem, readFeed } from './index';
import type { FeedFormat, FormatResult } from './types';

/** The provider fixtures (tests/fixtures/feeds, see SOURCES.md there). */
const FIXTURES = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Every string a view could show, and every link. */
function shown(feed: Feed): { text: string[]; links: string[] } {
  const text: string[] = [feed.page.name ?? '', feed.description];
  const links: string[] = feed.page.url ? [feed.page.url] : [];
  for (const i of [...feed.incidents, ...feed.maintenances]) {
    text.push(i.name, ...i.updates.map((u) => u.body));
    if (i.shortlink) links.push(i.shortlink);
  }
  return { text, links };
}

const HOSTILE: [string, FeedFormat][] = [
  ['incidentio-hostile.json', 'incidentio'],
  ['instatus-hostile.json', 'instatus'],
  ['betterstack-hostile.json', 'betterstack'],
  ['openstatus-hostile.json', 'openstatus'],
  ['cachet-hostile.json', 'cachet'],
  ['atom-hostile.atom', 'atom'],
  ['rss-hostile.rss', 'rss'],
];

const BASE: [string, FeedFormat][] = [
  ['incidentio-summary.json', 'incidentio'],
  ['instatus-summary.json', 'instatus'],
  ['betterstack-index.json', 'betterstack'],
  ['openstatus-feed.json', 'openstatus'],
  ['cachet2-incidents.json', 'cachet'],
  ['cachet3-incidents.json', 'cachet'],
  ['github-history.atom', 'atom'],
  ['betterstack-feed.rss', 'rss'],
  ['rootly-status.json', 'statuspage'],
];

describe.each(HOSTILE)('%s', (file, format) => {
  const r: FormatResult = ADAPTERS[format](fixtureText(file));

  it('keeps the readable items and reports the rest', () => {
    expect(r.format).toBe(format);
    expect(r.feed.incidents.length + r.feed.maintenances.length).toBeGreaterThan(0);
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(describeAdapterProblem(p).message).toBeTruthy();
  });

  it('keeps bodies free of markup, and only https links', () => {
    const { text, links } = shown(r.feed);
    for (const body of r.feed.incidents.flatMap((i) => i.updates.map((u) => u.body))) {
      expect(body).not.toMatch(/<(script|img|svg|iframe|a|p|style)\b/i);
      expect(body).not.toMatch(/alert\(/);
    }
    for (const link of links) expect(link).toMatch(/^https:\/\//);
    expect(text.every((t) => typeof t == 'string')).toBe(true);
  });
});

describe('hostile specifics', () => {
  it('never expands DOCTYPE entities (no external entity, no "billion laughs")', () => {
    const r = readFeed(fixtureText('atom-hostile.atom'));
    const names = r.feed.incidents.map((i) => i.name);
    // (the references after the status word: the name keeps them, as written)
    expect(names).toContain('Outage &xxe; &lol2;');
    expect(JSON.stringify(r.feed)).not.toContain('root:');
  });

  it('shows a text-typed Atom body with its "<" as text', () => {
    const r = readFeed(fixtureText('atom-hostile.atom'));
    const i = r.feed.incidents.find((x) => x.name == '<script>shown as text</script>')!;
    expect(i.updates[0]!.body).toBe('a < b and <b>not bold</b>');
  });

  it('drops the entry a truncated feed ends inside, keeping the ones before it', () => {
    const r = readFeed(fixtureText('atom-hostile.atom'));
    expect(r.feed.incidents.map((i) => i.name)).not.toContain('Truncated entry');
    expect(r.problems.map((p) => `${p.path} ${p.code}`)).toContain('feed.entry[2] dropped');
  });
});

describe('hostile bodies cost linear time', () => {
  it('splits a huge Statuspage-style body with no closing tags quickly', () => {
    const junk = '<p><small>Jan 1, 10:00 UTC</small><br><strong>Resolved</strong> - x'.repeat(
      40_000,
    );
    const feed = `<feed><entry><id>a</id><title>t</title><updated>2026-01-01T11:00:00Z</updated><content type="html"><![CDATA[${junk}]]></content></entry></feed>`;
    const t0 = performance.now();
    const r = readFeed(feed);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.feed.incidents[0]!.status).toBe('resolved');
  });

  it('reads JSON text that starts with a byte order mark', () => {
    const r = readFeed('\uFEFF' + fixtureText('instatus-up.json'));
    expect([r.format, r.problems]).toEqual(['instatus', []]);
  });

  it.each(BASE.filter(([file]) => file.endsWith('.json')))(
    'reads %s after a byte order mark as without one',
    (file) => {
      const text = fixtureText(file);
      expect(readFeed('\uFEFF' + text)).toEqual(readFeed(text));
    },
  );
});

describe.each(BASE)('%s, truncated and huge', (file, format) => {
  const text = fixtureText(file);

  it('never throws when cut anywhere, and says what is wrong', () => {
    const step = Math.max(1, Math.floor(text.length / 60));
    for (let n = 0; n < text.length; n += step) {
      const r = ADAPTERS[format](text.slice(0, n));
      expect(r.format).toBe(format);
      if (n < text.length - 20) expect(r.problems.length, `cut at ${n}`).toBeGreaterThan(0);
    }
  });

  it('caps a huge payload: lists, names and bodies, quickly', () => {
    const huge = inflate(text, format);
    const t0 = performance.now();
    const r = ADAPTERS[format](huge, { maxItems: 50 });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(3000);
    const all = [...r.feed.incidents, ...r.feed.maintenances];
    expect(all.length).toBeLessThanOrEqual(100);
    for (const i of all) {
      expect(i.name.length).toBeLessThanOrEqual(2000);
      for (const u of i.updates) expect(u.body.length).toBeLessThanOrEqual(10_000);
    }
    expect(r.problems.some((p) => p.code == 'items' || p.code == 'cut')).toBe(true);
  });
});

/** The fixture with its first item repeated 2,000 times and a 1 MB name. */
function inflate(text: string, format: FeedFormat): string {
  const big = 'x'.repeat(1_000_000);
  if (format == 'atom') {
    const entry = /<entry>[\s\S]*?<\/entry>/.exec(text)![0];
    const long = entry.replace(/<title>[^<]*<\/title>/, `<title>${big}</title>`);
    return text.replace(entry, long + entry.repeat(2000));
  }
  if (format == 'rss') {
    const item = /<item>[\s\S]*?<\/item>/.exec(text)![0];
    return text.replace(item, item.replace(/<title>[^<]*</, `<title>${big}<`) + item.repeat(2000));
  }
  const doc = JSON.parse(text) as Record<string, unknown>;
  const key = Object.keys(doc).find(
    (k) => Array.isArray(doc[k]) && (doc[k] as unknown[]).some((x) => typeof x == 'object'),
  )!;
  const list = doc[key] as Record<string, unknown>[];
  const first = list.find(
    (x) => typeof x == 'object' && x && ('name' in x || 'attributes' in x || 'title' in x),
  )!;
  const copies = Array.from({ length: 2000 }, (_, i) => ({
    ...first,
    id: `${String(first.id)}-${i}`,
  }));
  const long = { ...first, name: big, title: big };
  doc[key] = [long, ...copies, ...list];
  return JSON.stringify(doc);
}
