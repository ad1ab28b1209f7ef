/** A normalised feed written as Statuspage summary.json reads back as the same feed. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../parse';
import { readFeed } from './index';
import { toSummaryJson } from './summary-json';
import type { Feed } from '../../types';

/** The provider fixtures (tests/fixtures/feeds, see SOURCES.md there). */
const FIXTURES = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixtureNames = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.md'))
    .sort();

/** The feed with component refs' 'unknown' statuses dropped (written out as absent). */
const known = (feed: Feed): unknown =>
  JSON.parse(JSON.stringify(feed), (k, v: unknown) =>
    (k == 'newStatus' || k == 'oldStatus') && v == 'unknown' ? undefined : v,
  );

describe('toSummaryJson', () => {
  it.each(fixtureNames())('%s reads back unchanged through parseFeed', (file) => {
    const feed = readFeed(fixtureText(file)).feed;
    const back = parseFeed(JSON.parse(JSON.stringify(toSummaryJson(feed))));
    // (an item without a name stays without one, and says so again)
    expect(back.problems.filter((p) => p.code != 'name')).toEqual([]);
    expect(known(back.feed)).toEqual(known(feed));
  });

  it('keeps a literal "<b>" in a body as text', () => {
    const feed = readFeed(fixtureText('atom-hostile.atom')).feed;
    const back = parseFeed(toSummaryJson(feed)).feed;
    expect(back.incidents.flatMap((i) => i.updates.map((u) => u.body))).toContain(
      'a < b and <b>not bold</b>',
    );
  });
});
