import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { computeObligations } from '../../core/obligations';
import { DEFAULT_POLICY } from '../../core/policy';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { putReview } from '../db/drafts';
import { eventsOf, putEvents, saveIncident } from '../db/incidents';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../db/schema';
import { OVERVIEW_PAGE, readOverview } from '../reviews/repo';
import { reviewListRows } from '../reviews/views/view-model';
import { postmortemOf, readList, readOpenWindow, readTimeline } from './data';
import { bySeverity } from '../../core/triage';
import { countTimelineReads } from '../db/timeline-reads.test-kit';
import { incidentRecord } from '../db/incident-record.test-kit';

const HOUR = 60 * MIN;
let db: LensDatabase;
afterEach(() => db?.close());

/** Incident `i` declared at T0 + i h, classified SEV-1 two minutes later; resolved one hour later unless open. */
async function seed(
  i: number,
  over: { open?: boolean; published?: 'field'; draftReview?: boolean } = {},
): Promise<IncidentRecord> {
  const id = `inc-${i}`;
  const at = T0 + i * HOUR;
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at },
    { id: `${id}-c`, incidentId: id, type: 'classified', at: at + 2 * MIN, severity: 1 },
    { id: `${id}-u`, incidentId: id, type: 'status_page_posted', at: at + 5 * MIN },
  ];
  const resolvedAt = at + HOUR;
  if (!over.open) events.push({ id: `${id}-r`, incidentId: id, type: 'resolved', at: resolvedAt });
  if (over.published)
    events.push({ id: `${id}-p`, incidentId: id, type: 'review_published', at: resolvedAt + HOUR });
  const incident: IncidentRecord = {
    ...incidentRecord(id, i, { at, severity: 1, open: !!over.open, resolvedAt }),
    ...(over.published === 'field' ? { reviewPublishedAt: resolvedAt + HOUR } : {}),
  };
  await saveIncident(db, incident, events);
  if (over.published || over.draftReview) {
    const review: ReviewRecord = {
      id: `rev-${i}`,
      incidentId: id,
      title: incident.title,
      createdAt: resolvedAt,
      updatedAt: resolvedAt,
      timeline: [],
      impact: { accounts: [] },
      whys: [],
      mitigations: [],
      actionItems: [],
      participants: [],
      ...(over.published ? { publishedAt: resolvedAt + HOUR } : {}),
    };
    await putReview(db, review);
  }
  return incident;
}

describe('readList (side panel home)', () => {
  test('open incidents with their next deadline from their stored summaries; resolved ones awaiting a post-mortem from their records: no timeline read', async () => {
    db = await openLensDB(freshName());
    await seed(1, { published: 'field' }); // published: not awaiting
    await seed(3, { draftReview: true }); // a draft review: still awaiting
    await seed(4); // awaiting, no review yet
    await seed(5, { open: true });
    await seed(6, { open: true });
    const reads = countTimelineReads();
    const now = T0 + 7 * HOUR;

    const list = await readList(db, now);

    expect(reads).toEqual([]);
    // most severe first, then the longest running
    expect(list.open.map((i) => i.incident.id)).toEqual(['inc-5', 'inc-6']);
    // SEV-1 open for hours with one status-page post: the bridge call is the most overdue duty.
    expect(list.open[0]?.next).toMatchObject({ ruleId: 'bridge_call', state: 'overdue' });
    expect(list.reviews.map((i) => i.incident.id)).toEqual(['inc-4', 'inc-3']);
    expect(list.reviews[0]?.next).toMatchObject({
      ruleId: 'postmortem',
      anchorAt: T0 + 5 * HOUR,
      dueAt: T0 + 5 * HOUR + 48 * HOUR,
    });
    expect(list.moreReviews).toBe(false);
  });

  test('the post-mortem deadline from the record equals the one computed from the timeline', async () => {
    db = await openLensDB(freshName());
    const now = T0 + 60 * HOUR;
    const pending = await seed(1);
    const published = await seed(2, { published: 'field' });
    for (const incident of [pending, published]) {
      const full = computeObligations(
        { events: await eventsOf(db, incident.id), publiclyVisible: incident.publiclyVisible },
        DEFAULT_POLICY,
        now,
      ).find((o) => o.ruleId === 'postmortem');
      expect(postmortemOf(incident, DEFAULT_POLICY, now)).toEqual(full);
    }
    expect(postmortemOf(pending, DEFAULT_POLICY, now)?.state).toBe('overdue');
    expect(postmortemOf(published, DEFAULT_POLICY, now)?.state).toBe('met');
    // SEV-4 has no post-mortem duty.
    expect(postmortemOf({ ...pending, severity: 4 }, DEFAULT_POLICY, now)).toBeNull();
  });

  test('open incidents: only the first screen is read, without timelines; the rest page in, in the same order', async () => {
    db = await openLensDB(freshName());
    for (let i = 1; i <= 7; i++) await seed(i, { open: true });
    // a SEV-2 declared first (i = 0): ranked below every SEV-1 whatever its age
    const sev2 = await seed(0, { open: true });
    await saveIncident(db, { ...sev2, severity: 2 }, []);
    const reads = countTimelineReads();
    const now = T0 + 10 * HOUR;
    const first = await readList(db, now, 5, 3);
    expect(first.open.map((i) => i.incident.id)).toEqual(['inc-1', 'inc-2', 'inc-3']);
    expect(first.openTotal).toBe(8);
    expect(reads).toEqual([]);
    expect(first.open.every((i) => i.next !== null)).toBe(true);
    const more = await readList(db, now, 5, 6);
    expect(more.open.map((i) => i.incident.id)).toEqual([
      ...first.open.map((i) => i.incident.id),
      'inc-4',
      'inc-5',
      'inc-6',
    ]);
    const all = await readList(db, now, 5, 20);
    expect(all.open.map((i) => i.incident.id).at(-1)).toBe('inc-0');
    expect(all.open).toHaveLength(all.openTotal);
  });

  test('any stretch of a long open list is read in order from the summaries index, without reading every open incident', async () => {
    db = await openLensDB(freshName());
    const open: IncidentRecord[] = [];
    for (let i = 0; i < 40; i++) {
      const inc = await seed(i, { open: true });
      // Severities mixed, and one unclassified: the list is most severe first, not by age.
      const severity = i % 7 === 0 ? null : ((((i * 3) % 4) + 1) as 1 | 2 | 3 | 4);
      const rec = { ...inc, severity };
      await saveIncident(db, rec, []);
      open.push(rec);
    }
    const expected = [...open].sort(bySeverity).map((i) => i.id);
    const fullReads: unknown[] = [];
    const getAllFromIndex = db.getAllFromIndex.bind(db);
    db.getAllFromIndex = (...args: Parameters<typeof getAllFromIndex>) => {
      if (args[0] === 'incidents') fullReads.push(args);
      return getAllFromIndex(...args);
    };
    const reads = countTimelineReads();
    const now = T0 + 50 * HOUR;
    const middle = await readOpenWindow(db, now, 17, 6);
    expect(middle.items.map((i) => i.incident.id)).toEqual(expected.slice(17, 23));
    expect(middle.total).toBe(40);
    const end = await readOpenWindow(db, now, 36, 10);
    expect(end.items.map((i) => i.incident.id)).toEqual(expected.slice(36));
    expect(fullReads).toEqual([]);
    expect(reads).toEqual([]);
    // A summary without its order (written before schema 8): the same stretch, read the old way.
    const old = (await db.get('summaries', expected[3]!))!;
    delete old.order;
    await db.put('summaries', old);
    // Such summaries predate the open list's mark (v10's store; db/list-state.ts), which no
    // upgrade puts without counting: a raw put removes it as the write paths do.
    await db.delete('dashboardState', 'openOrdered');
    const fallback = await readOpenWindow(db, now, 17, 6);
    expect(fallback.items.map((i) => i.incident.id)).toEqual(expected.slice(17, 23));
    expect(fullReads).toHaveLength(1);
  });

  test('awaiting reviews are paged, latest resolution first', async () => {
    db = await openLensDB(freshName());
    for (let i = 1; i <= 5; i++) await seed(i);
    const reads = countTimelineReads();
    const first = await readList(db, T0 + 10 * HOUR, 2);
    expect(first.reviews.map((i) => i.incident.id)).toEqual(['inc-5', 'inc-4']);
    expect(first.moreReviews).toBe(true);
    const all = await readList(db, T0 + 10 * HOUR, 5);
    expect(all.reviews).toHaveLength(5);
    expect(all.moreReviews).toBe(false);
    expect(reads).toEqual([]);
  });
});

describe('readOverview (reviews list)', () => {
  test('reads the latest resolved incidents a page at a time, with only their timelines and reviews', async () => {
    db = await openLensDB(freshName());
    for (let i = 1; i <= OVERVIEW_PAGE + 3; i++)
      await seed(i, i === 2 ? { published: 'field' } : {});
    await seed(100, { open: true });
    const reads = countTimelineReads();
    const now = T0 + 200 * HOUR;

    const page = await readOverview(db);
    expect(page.incidents).toHaveLength(OVERVIEW_PAGE);
    expect(page.incidents[0]?.id).toBe(`inc-${OVERVIEW_PAGE + 3}`);
    expect(page.more).toBe(true);
    expect(reads).toHaveLength(OVERVIEW_PAGE);
    expect(reads).not.toContain('inc-1');
    expect(reads).not.toContain('inc-100');

    const rest = await readOverview(db, OVERVIEW_PAGE + 50);
    expect(rest.incidents).toHaveLength(OVERVIEW_PAGE + 3);
    expect(rest.more).toBe(false);
    const rows = reviewListRows(rest.incidents, rest.reviews, rest.events, rest.policy, now);
    // The published one sorts after every pending post-mortem and shows as met.
    expect(rows.at(-1)?.incident.id).toBe('inc-2');
    expect(rows.at(-1)?.postmortem?.state).toBe('met');
    expect(rows.at(-1)?.review?.publishedAt).toBeDefined();
  });
});

describe('the open list order', () => {
  test('a SEV-1 is listed above a newer SEV-2, and both above an unclassified one', async () => {
    db = await openLensDB(freshName());
    const open = (id: string, hours: number, severity: 1 | 2 | null): IncidentRecord => ({
      id,
      title: id,
      components: [],
      publiclyVisible: true,
      startedAt: T0 + hours * HOUR,
      declaredAt: T0 + hours * HOUR,
      status: 'open',
      severity,
      updatedAt: T0,
    });
    await saveIncident(db, open('sev1', 0, 1));
    await saveIncident(db, open('sev2', 1, 2));
    await saveIncident(db, open('new', 2, null));
    const list = await readList(db, T0 + 3 * HOUR);
    expect(list.open.map((i) => i.incident.id)).toEqual(['sev1', 'sev2', 'new']);
  });
});

describe('readTimeline (side panel timeline, issue 16 #14)', () => {
  test('a page of the newest events with the linked feed posts of the same period; older ones counted', async () => {
    const db = await openLensDB(freshName());
    const link = { sourceId: 's1', incidentId: 'f1' };
    await putEvents(
      db,
      Array.from({ length: 300 }, (_, i) => ({
        id: `e${i}`,
        incidentId: 'i1',
        type: 'note' as const,
        at: T0 + i * MIN,
      })),
    );
    const update = (id: string, at: number) => ({
      id,
      status: 'identified',
      body: `Post ${id}`,
      createdAt: at,
      displayAt: at,
      affectedComponents: [],
    });
    await db.put('feedIncidents', {
      key: 's1|f1',
      sourceId: 's1',
      active: 1,
      firstSeenAt: T0,
      lastSeenAt: T0,
      incident: {
        id: 'f1',
        kind: 'incident',
        name: 'API errors',
        status: 'identified',
        impact: 'major',
        severity: 2,
        createdAt: T0,
        updatedAt: T0,
        components: [],
        // one post in the oldest 100 events' period, one among the newest 200
        updates: [update('old', T0 + 10 * MIN + 1), update('new', T0 + 250 * MIN + 1)],
      },
    } as never);
    const page = await readTimeline(db, { id: 'i1', linked: link }, 200);
    expect(page.events).toHaveLength(201);
    expect(page.events[0]!.id).toBe('e100');
    expect(page.events.map((e) => e.text).filter(Boolean)).toEqual(['Post new']);
    expect(page.events.map((e) => e.at)).toEqual(
      [...page.events.map((e) => e.at)].sort((a, b) => a - b),
    );
    expect(page).toMatchObject({ older: 101, olderCapped: false });
    const all = await readTimeline(db, { id: 'i1', linked: link }, 400);
    expect(all.events).toHaveLength(302);
    expect(all.older).toBe(0);
    db.close();
  });
});
