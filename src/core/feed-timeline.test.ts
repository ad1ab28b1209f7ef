import { describe, expect, test } from 'vitest';
import { feedTimeline } from './feed-timeline';
import { computeObligations } from './obligations';
import { DEFAULT_POLICY } from './policy';
import type { FeedIncident, FeedUpdate } from './types';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0);

const update = (id: string, at: number, body = `body ${id}`): FeedUpdate => ({
  id,
  status: 'investigating',
  body,
  createdAt: at,
  displayAt: at,
  affectedComponents: [],
});

function incident(over: Partial<FeedIncident> = {}): FeedIncident {
  return {
    id: 'inc1',
    kind: 'incident',
    name: 'Checkout errors',
    status: 'investigating',
    impact: 'major',
    severity: 2,
    createdAt: T0,
    updatedAt: T0,
    components: [],
    updates: [],
    ...over,
  };
}

describe('feedTimeline', () => {
  test('severity changes seen later are reclassifications at the time they were seen', () => {
    const seen = [
      { severity: null, at: T0 + MIN }, // impact unknown at first: no classification yet
      { severity: 3 as const, at: T0 + 5 * MIN },
      { severity: 1 as const, at: T0 + 120 * MIN },
    ];
    const events = feedTimeline(incident({ severity: 1, impact: 'critical' }), seen);
    expect(
      events.filter((e) => e.severity !== undefined).map((e) => [e.type, e.at, e.severity]),
    ).toEqual([
      ['classified', T0 + 5 * MIN, 3],
      ['reclassified', T0 + 120 * MIN, 1],
    ]);
    // SEV-1's customer notification counts from the escalation
    const email = computeObligations(
      { events, publiclyVisible: true },
      DEFAULT_POLICY,
      T0 + 121 * MIN,
    ).find((o) => o.ruleId === 'customer_email');
    expect(email).toMatchObject({ dueAt: T0 + 150 * MIN, state: 'upcoming' });
  });

  test('the first severity seen counts from the creation, whenever the first poll was', () => {
    const events = feedTimeline(incident(), [{ severity: 2, at: T0 + 30 * MIN }]);
    expect(events.find((e) => e.type === 'classified')).toMatchObject({ at: T0, severity: 2 });
  });

  test('classifies at createdAt with the severity of the impact', () => {
    const events = feedTimeline(incident({ startedAt: T0 - 10 * MIN }));
    expect(events.map((e) => [e.type, e.at, e.severity])).toEqual([
      ['declared', T0 - 10 * MIN, undefined],
      ['classified', T0, 2],
    ]);
  });

  test('first update is the status-page post, every update an update_posted, resolution last', () => {
    const u = [update('b', T0 + 20 * MIN), update('a', T0 + 2 * MIN)];
    const events = feedTimeline(incident({ updates: u, resolvedAt: T0 + 60 * MIN }));
    expect(events.map((e) => `${e.type}@${(e.at - T0) / MIN}`)).toEqual([
      'declared@0',
      'classified@0',
      'status_page_posted@2',
      'update_posted@2',
      'update_posted@20',
      'resolved@60',
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  test('maintenance and unknown impact have no classification, hence no obligations', () => {
    const m = incident({ kind: 'maintenance', impact: 'maintenance', severity: null });
    expect(feedTimeline(m).some((e) => e.type === 'classified')).toBe(false);
    expect(computeObligations({ events: feedTimeline(m) }, DEFAULT_POLICY, T0)).toEqual([]);
  });

  test('feeds the obligation engine: a status-page post within 15 min is met', () => {
    const events = feedTimeline(incident({ updates: [update('a', T0 + 5 * MIN)] }));
    const s = computeObligations({ events, publiclyVisible: true }, DEFAULT_POLICY, T0 + 10 * MIN);
    const sp = s.find((o) => o.channel === 'status_page' && o.metAt !== undefined);
    expect(sp?.state).toBe('met');
  });

  test('event ids come from the feed incident and its updates, so a re-read replaces, never duplicates', () => {
    const i = incident({ updates: [update('a', T0 + MIN)] });
    const ids = [
      'feed:inc1:declared',
      'feed:inc1:classified',
      'feed:inc1:posted',
      'feed:inc1:update:a',
    ];
    expect(feedTimeline(i).map((e) => e.id)).toEqual(ids);
    expect(feedTimeline(structuredClone(i)).map((e) => e.id)).toEqual(ids);
  });
});
