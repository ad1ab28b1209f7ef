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

  test('is deterministic', () => {
    const i = incident({ updates: [update('a', T0 + MIN)] });
    expect(feedTimeline(i)).toEqual(feedTimeline(structuredClone(i)));
  });
});
