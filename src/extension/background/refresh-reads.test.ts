import './i18n.test-kit';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, onTestFinished, test } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Severity, TimelineEventType } from '../../core/types';
import { READ_PIECE } from '../db/bulk';
import { saveIncident, saveIncidents } from '../db/incidents';
import { incidentRecord } from '../db/incident-record.test-kit';
import type { EventRecord, FeedIncidentRecord, IncidentRecord } from '../db/schema';
import { countTimelineReads } from '../db/timeline-reads.test-kit';
import { computeRefresh, refresh } from './refresh';
import { computeRefreshBefore } from './refresh-before.test-kit';
import { makeKit, MIN, sampleSource, T0, type Kit } from './worker.test-kit';

/**
 * Issue 22: a refresh reads only what it needs (summaries for open incidents' deadlines, timelines
 * only where a summary is missing or stale, where a notice of a resolved incident may be due, for
 * a link to a feed incident on show and for a team's internal item), and a user sees exactly what
 * the refresh that read every timeline showed.
 */

const DAY = 24 * 60 * MIN;
const MIDDLE: TimelineEventType[] = [
  'update_posted',
  'status_page_posted',
  'customers_notified',
  'execs_notified',
  'bridge_opened',
  'engineer_assigned',
  'note',
  'obligation_met',
  'reclassified',
];
const RULES = ['status_page', 'exec_notice', 'status_updates', 'postmortem', 'customer_email'];

/** A feed incident on show (source s1, on) or not (s2, off), with one public update. */
function feedRecord(sourceId: string, id: string, at: number): FeedIncidentRecord {
  const update = {
    id: `${id}-u1`,
    status: 'investigating' as const,
    body: 'Looking',
    createdAt: at,
    displayAt: at,
    affectedComponents: [],
  };
  return {
    key: `${sourceId}|${id}`,
    sourceId,
    active: 1,
    firstSeenAt: at,
    lastSeenAt: at,
    incident: {
      id,
      kind: 'incident',
      name: `Feed ${id}`,
      status: 'investigating',
      impact: 'major',
      severity: 2,
      createdAt: at,
      updatedAt: at,
      components: [{ name: 'API' }],
      updates: [update],
    },
  };
}

const eventArb = fc.record({
  type: fc.constantFrom(...MIDDLE),
  after: fc.integer({ min: 0, max: 6 * 60 }),
  severity: fc.constantFrom<Severity>(1, 2, 3, 4),
  rule: fc.constantFrom(...RULES),
  promise: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
});

/** One responder incident: its timeline, and how it stands (open, resolved N days ago, …). */
const incidentArb = fc.record({
  severity: fc.constantFrom<Severity>(1, 2, 3, 4),
  declaredDaysAgo: fc.integer({ min: 0, max: 30 }),
  events: fc.array(eventArb, { maxLength: 8 }),
  /** undefined: open; else resolved this many minutes after the last event. */
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 4 * 24 * 60 }), { nil: undefined }),
  published: fc.option(fc.integer({ min: 0, max: 4 * 24 * 60 }), { nil: undefined }),
  link: fc.constantFrom(undefined, 's1|f1', 's1|f2', 's2|f3', 's1|gone'),
  team: fc.boolean(),
  ownPolicy: fc.boolean(),
  publiclyVisible: fc.boolean(),
  commonlyUsed: fc.option(fc.boolean(), { nil: undefined }),
});

type Drawn = typeof incidentArb extends fc.Arbitrary<infer T> ? T : never;

/** Stores the incident (record consistent with its timeline, as the write paths keep it). */
async function store(kit: Kit, id: string, a: Drawn, now: number): Promise<void> {
  const declaredAt = now - a.declaredDaysAgo * DAY;
  let at = declaredAt;
  let severity: Severity = a.severity;
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at },
    { id: `${id}-c`, incidentId: id, type: 'classified', at, severity },
  ];
  a.events.forEach((e, k) => {
    at += e.after * MIN;
    if (e.type === 'reclassified') severity = e.severity;
    events.push({
      id: `${id}-e${k}`,
      incidentId: id,
      type: e.type,
      at,
      ...(e.type === 'reclassified' ? { severity: e.severity } : {}),
      ...(e.type === 'obligation_met' ? { obligationId: e.rule } : {}),
      ...(e.type === 'status_page_posted' && e.promise !== undefined
        ? { nextUpdateAt: at + e.promise * MIN }
        : {}),
    });
  });
  const resolvedAt = a.resolvedAfter === undefined ? undefined : at + a.resolvedAfter * MIN;
  if (resolvedAt !== undefined)
    events.push({ id: `${id}-r`, incidentId: id, type: 'resolved', at: resolvedAt });
  const publishedAt =
    resolvedAt !== undefined && a.published !== undefined
      ? resolvedAt + a.published * MIN
      : undefined;
  if (publishedAt !== undefined)
    events.push({ id: `${id}-p`, incidentId: id, type: 'review_published', at: publishedAt });
  const [sourceId, incidentId] = a.link?.split('|') ?? [];
  const record: IncidentRecord = {
    id,
    title: `Incident ${id}`,
    components: [],
    publiclyVisible: a.publiclyVisible,
    ...(a.commonlyUsed === undefined ? {} : { commonlyUsed: a.commonlyUsed }),
    ...(a.ownPolicy ? { policy: { ...DEFAULT_POLICY, dueSoonMinutes: 20 } } : {}),
    startedAt: declaredAt,
    declaredAt,
    status: resolvedAt === undefined ? 'open' : 'resolved',
    severity,
    updatedAt: at,
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
    ...(publishedAt === undefined ? {} : { reviewPublishedAt: publishedAt }),
    ...(sourceId && incidentId ? { linked: { sourceId, incidentId } } : {}),
    ...(a.team ? { createdBy: { name: 'ana', display: 'Ana' } } : {}),
  };
  await saveIncident(kit.db, record, events);
}

/** A database with two sources (one off), three active feed incidents and these incidents. */
async function world(incidents: readonly Drawn[], now: number): Promise<Kit> {
  const kit = await makeKit();
  kit.clock.now = now;
  await kit.db.put('sources', sampleSource());
  await kit.db.put('sources', sampleSource({ id: 's2', name: 'Off', enabled: false }));
  for (const [s, f] of [
    ['s1', 'f1'],
    ['s1', 'f2'],
    ['s2', 'f3'],
  ] as const)
    await kit.db.put('feedIncidents', feedRecord(s, f, now - 2 * 60 * MIN));
  for (const [k, a] of incidents.entries()) await store(kit, `i${k}`, a, now);
  return kit;
}

/**
 * The most records any one read request returned, by object store, from now until the test ends.
 * Chromium's IndexedDB answers one request at a time per database: a side panel's read during a
 * refresh waits, at worst, for the refresh's request in progress, so the largest is what it waits.
 */
function largestReads(): Map<string, number> {
  const largest = new Map<string, number>();
  const restore: (() => void)[] = [];
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as const) {
    for (const m of ['getAll', 'getAllKeys'] as const) {
      const target = proto as unknown as Record<string, (...a: unknown[]) => IDBRequest>;
      const original = target[m]!;
      target[m] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const store = this instanceof IDBIndex ? this.objectStore.name : this.name;
        const req = original.apply(this, args);
        req.addEventListener('success', () => {
          const n = (req.result as unknown[]).length;
          largest.set(store, Math.max(n, largest.get(store) ?? 0));
        });
        return req;
      };
      restore.push(() => void (target[m] = original));
    }
  }
  onTestFinished(() => restore.forEach((r) => r()));
  return largest;
}

describe('a refresh with many open incidents (issue 22)', () => {
  test('reads no more than a piece of records per request, and gives what reading whole gave', async () => {
    // More open incidents (and notification keys) than a piece: before, the open records, the
    // summaries and the claimed keys were each read in one request (600 records and more).
    // As many resolved within the 14 days watched (their post-mortems may be due).
    const N = READ_PIECE + 100;
    const now = T0 + 10 * DAY;
    const kit = await world([], now);
    const incident = (k: number, open: boolean) => {
      const at = now - (2 + (k % 3)) * DAY - k * MIN;
      const id = `${open ? 'open' : 'done'}-${String(k).padStart(4, '0')}`;
      const severity = ((k % 4) + 1) as Severity;
      const resolvedAt = at + DAY;
      return {
        incident: incidentRecord(id, k, { at, severity, open, resolvedAt }),
        events: [
          { id: `${id}-d`, incidentId: id, type: 'declared' as const, at },
          { id: `${id}-c`, incidentId: id, type: 'classified' as const, at, severity },
          ...(open
            ? []
            : [{ id: `${id}-r`, incidentId: id, type: 'resolved' as const, at: resolvedAt }]),
        ],
      };
    };
    await saveIncidents(
      kit.db,
      Array.from({ length: 2 * N }, (_, k) => incident(k >> 1, k % 2 === 0)),
    );
    await refresh(kit.deps); // claims the due notices' keys: one or more per open incident
    expect(await kit.db.count('notified')).toBeGreaterThan(READ_PIECE);
    const largest = largestReads();
    kit.clock.now = now + MIN;
    await refresh(kit.deps);
    expect([...largest].filter(([, n]) => n > READ_PIECE)).toEqual([]);
    // Every open incident still counts on the badge (with the two feed incidents on show).
    expect(kit.platform.badge?.text).toBe('S1+');
    expect(kit.platform.badge?.title).toContain(`${N + 2} active incidents`);
    expect(await computeRefresh(kit.db, now + MIN)).toStrictEqual(
      await computeRefreshBefore(kit.db, now + MIN),
    );
  });

  test('reads no timeline of an open incident whose summary is fresh', async () => {
    const N = 40;
    const now = T0 + 10 * DAY;
    const kit = await world(
      Array.from({ length: N }, (_, k) => ({
        severity: ((k % 4) + 1) as Severity,
        declaredDaysAgo: k % 3,
        events: [],
        resolvedAfter: undefined,
        published: undefined,
        link: undefined,
        team: false,
        ownPolicy: false,
        publiclyVisible: true,
        commonlyUsed: undefined,
      })),
      now,
    );
    const read = countTimelineReads();
    await refresh(kit.deps);
    expect(read).toEqual([]);
    // Their deadlines still notify: every SEV-1 and SEV-2 declared a day or more ago is overdue.
    expect(kit.platform.notifications.length).toBeGreaterThan(0);
    expect(kit.platform.badge?.text).toBe('S1+');
  });

  test('reads the timeline of an open incident whose summary is missing or stale, only', async () => {
    const now = T0 + 10 * DAY;
    const open = {
      severity: 1 as Severity,
      declaredDaysAgo: 0,
      events: [],
      resolvedAfter: undefined,
      published: undefined,
      link: undefined,
      team: false,
      ownPolicy: false,
      publiclyVisible: true,
      commonlyUsed: undefined,
    };
    const kit = await world([open, open, open], now);
    await kit.db.delete('summaries', 'i0');
    const stale = (await kit.db.get('summaries', 'i1'))!;
    await kit.db.put('summaries', { ...stale, stamp: 'other' });
    const read = countTimelineReads();
    const after = await computeRefresh(kit.db, now);
    expect(read.sort()).toEqual(['i0', 'i1']);
    expect(after).toStrictEqual(await computeRefreshBefore(kit.db, now));
  });

  test('gives the same overlay, badge and notices as reading every timeline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(incidentArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: -2 * 60, max: 5 * 24 * 60 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (incidents, laters, policyChanged) => {
          const now = T0 + 30 * DAY;
          const kit = await world(incidents, now);
          // A policy saved while its recomputation has not run yet: every summary is stale.
          if (policyChanged)
            await kit.db.put('settings', {
              key: 'policy',
              value: { ...DEFAULT_POLICY, dueSoonMinutes: 25 },
            });
          for (const later of laters) {
            const at = now + later * MIN;
            expect(await computeRefresh(kit.db, at)).toStrictEqual(
              await computeRefreshBefore(kit.db, at),
            );
          }
          kit.db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
