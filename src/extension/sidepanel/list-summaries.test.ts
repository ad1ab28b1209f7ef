import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { computeObligations, nextDeadline } from '../../core/obligations';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/types';
import { sharedStore } from '../../../tests/support/pouch';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { countEvents, eventsOf, putEvents, saveIncident } from '../db/incidents';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { attachShared, project } from '../db/shared';
import { ensureSummaries, summariesSettled } from '../db/summaries';
import { sampleRecords } from '../db/seed.test-kit';
import { savePoll } from '../db/sources';
import { eventsWithLinked } from '../responder/linked-events';
import { readList } from './data';
import { countTimelineReads } from '../db/timeline-reads.test-kit';

/**
 * Issue 22: the list's next deadlines come from summaries stored beside the incidents, and they
 * follow every change a user would notice: a new event, a policy change, a teammate's replicated
 * write, an upgrade from a database written before they existed. Each test checks the deadline
 * the list shows against the one computed from the timeline, and that the list read no timeline.
 */

const open: LensDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function fresh(name = freshName()): Promise<LensDatabase> {
  const db = await openLensDB(name);
  open.push(db);
  return db;
}

/** An open SEV-1, declared and classified at T0: the bridge call is due at once. */
const incident: IncidentRecord = {
  id: 'inc-1',
  title: 'Checkout down',
  components: [],
  publiclyVisible: true,
  startedAt: T0,
  declaredAt: T0,
  status: 'open',
  severity: 1,
  updatedAt: T0,
};
const start: EventRecord[] = [
  { id: 'd', incidentId: 'inc-1', type: 'declared', at: T0 },
  { id: 'c', incidentId: 'inc-1', type: 'classified', at: T0, severity: 1 },
];
const bridge: EventRecord = { id: 'b', incidentId: 'inc-1', type: 'bridge_opened', at: T0 + MIN };
const NOW = T0 + 10 * MIN;

/** What the list should show: the next deadline computed from the whole timeline. */
async function expected(db: LensDatabase, policy?: Policy) {
  const events = await eventsOf(db, 'inc-1');
  return nextDeadline(
    computeObligations(
      { events, publiclyVisible: true },
      policy ?? (await getSetting(db, 'policy')),
      NOW,
    ),
  );
}

/** The list's first row's next deadline, and the timelines the list read for it. */
async function listed(db: LensDatabase) {
  const reads = countTimelineReads();
  const list = await readList(db, NOW);
  return { next: list.open[0]?.next, reads: [...reads] };
}

describe('the side-panel list’s next deadline, from stored summaries (issue 22)', () => {
  test('after a new event, the list shows the next duty, without reading the timeline', async () => {
    const db = await fresh();
    await saveIncident(db, incident, start);
    const before = await listed(db);
    expect(before.next).toMatchObject({ ruleId: 'bridge_call' });
    expect(before.reads).toEqual([]);

    // The bridge opened: an event appended, the incident record itself unchanged.
    await saveIncident(db, incident, [bridge]);
    const after = await listed(db);
    expect(after.next?.ruleId).not.toBe('bridge_call');
    expect(after.next).toEqual(await expected(db));
    expect(after.reads).toEqual([]);
  });

  test('after a policy change, the list counts down by the new policy, without reading the timeline', async () => {
    const db = await fresh();
    await saveIncident(db, incident, [...start, bridge]);
    const before = await listed(db);
    // The organisation gives SEV-1 status pages 5 minutes instead of the default.
    const policy = structuredClone(DEFAULT_POLICY);
    const page = policy.levels[0]!.obligations.find((o) => o.id === before.next?.ruleId)!;
    page.dueMinutes = 5;
    await setSetting(db, 'policy', policy);
    // Right after the save (the summaries are recomputed in the background): the new deadline.
    const saved = await listed(db);
    expect(saved.next?.dueAt).toBe(T0 + 5 * MIN);
    await summariesSettled(db);
    const after = await listed(db);
    expect(after.next?.dueAt).toBe(T0 + 5 * MIN);
    expect(after.next?.dueAt).not.toBe(before.next?.dueAt);
    expect(after.next).toEqual(await expected(db, policy));
    expect(after.reads).toEqual([]);
  });

  test('a record changed by a path that did not recompute is still shown right: its timeline is read', async () => {
    const db = await fresh();
    await saveIncident(db, incident, start);
    // Written straight into the store (as a database written by other means could be).
    await db.put('incidents', { ...incident, publiclyVisible: false, updatedAt: T0 + MIN });
    await putEvents(db, [bridge]);
    const { next, reads } = await listed(db);
    expect(reads).toEqual(['inc-1']);
    expect(next).toEqual(
      nextDeadline(
        computeObligations(
          { events: await eventsOf(db, 'inc-1'), publiclyVisible: false },
          DEFAULT_POLICY,
          NOW,
        ),
      ),
    );
  });

  test('team mode: a teammate’s event, once replicated, moves the list’s next deadline, without reading the timeline', async () => {
    const ann = await fresh();
    const bob = await fresh();
    const annStore = sharedStore({ name: 'ann', display: 'Ann' }, T0);
    const bobStore = sharedStore({ name: 'bob', display: 'Bob' }, T0);
    attachShared(ann, annStore);
    attachShared(bob, bobStore);
    const sync = async () => {
      await annStore.pouch.replicate.to(bobStore.pouch);
      await project(bob, bobStore);
    };
    await saveIncident(ann, incident, start);
    await sync();
    expect((await listed(bob)).next).toMatchObject({ ruleId: 'bridge_call' });

    await saveIncident(ann, incident, [bridge]);
    await sync();
    const after = await listed(bob);
    expect(after.next?.ruleId).not.toBe('bridge_call');
    expect(after.next).toEqual(await expected(bob));
    expect(after.reads).toEqual([]);
  });

  test('team mode: a policy changed by a teammate, once replicated, applies to the list at once', async () => {
    const ann = await fresh();
    const bob = await fresh();
    const annStore = sharedStore({ name: 'ann', display: 'Ann' }, T0);
    const bobStore = sharedStore({ name: 'bob', display: 'Bob' }, T0);
    attachShared(ann, annStore);
    attachShared(bob, bobStore);
    await saveIncident(bob, incident, [...start, bridge]);
    const before = await listed(bob);
    const policy = structuredClone(DEFAULT_POLICY);
    policy.levels[0]!.obligations.find((o) => o.id === before.next?.ruleId)!.dueMinutes = 5;
    await setSetting(ann, 'policy', policy);
    await annStore.pouch.replicate.to(bobStore.pouch);
    await project(bob, bobStore);
    expect((await listed(bob)).next?.dueAt).toBe(T0 + 5 * MIN);
    await summariesSettled(bob);
    const after = await listed(bob);
    expect(after.next?.dueAt).toBe(T0 + 5 * MIN);
    expect(after.reads).toEqual([]);
  });

  test('a linked feed incident’s new public update counts at once, without reading the timeline', async () => {
    const db = await fresh();
    const sample = sampleRecords();
    await db.put('sources', { ...sample.sources[0], url: 'https://a.test/' } as never);
    const [snapshot] = sample.snapshots as never[];
    const [seen] = sample.feedIncidents as { incident: { id: string; updates: unknown[] } }[];
    const feed = seen!.incident;
    const poll = (updates: unknown[]) =>
      savePoll(
        db,
        's1',
        'https://a.test/',
        { failures: 0 },
        {
          snapshot: snapshot!,
          incidents: [{ sourceId: 's1', incident: { ...feed, updates }, active: 1 } as never],
          now: T0,
        },
      );
    await poll([]);
    const linked = { ...incident, linked: { sourceId: 's1', incidentId: feed.id } };
    await saveIncident(db, linked, [...start, bridge]);
    const before = await listed(db);
    expect(before.reads).toEqual([]);

    // The provider posts a public update on the linked incident: it counts as a posted update.
    const update = {
      id: 'u-new',
      status: 'identified',
      body: 'We found the cause.',
      createdAt: T0 + 2 * MIN,
      displayAt: T0 + 2 * MIN,
      affectedComponents: [],
    };
    await poll([update]);
    const after = await listed(db);
    expect(after.reads).toEqual([]);
    const events = await eventsWithLinked(db, linked);
    expect(events.some((e) => e.id.startsWith('feed:'))).toBe(true);
    expect(after.next).toEqual(
      nextDeadline(computeObligations({ events, publiclyVisible: true }, DEFAULT_POLICY, NOW)),
    );
    expect(after.next).not.toEqual(before.next);
  });

  test('a v5 database with incidents opens at the current version with every record, and the worker’s start-up fills the summaries', async () => {
    const name = freshName();
    const v5 = await openLensDB(name, 5);
    await v5.put('incidents', incident);
    for (const e of [...start, bridge]) await v5.put('events' as never, e);
    await v5.put('incidents', { ...incident, id: 'inc-2', status: 'resolved', resolvedAt: T0 });
    v5.close();

    const db = await fresh(name);
    expect((await db.getAll('incidents')).map((i) => i.id)).toEqual(['inc-1', 'inc-2']);
    expect(await countEvents(db, 'inc-1')).toBe(3);
    // Before the fill: right, from the timeline.
    const first = await listed(db);
    expect(first.reads).toEqual(['inc-1']);
    expect(first.next).toEqual(await expected(db));

    await ensureSummaries(db); // what the worker runs at every start
    expect(await db.getAllKeys('summaries')).toEqual(['inc-1']);
    const filled = await listed(db);
    expect(filled.next).toEqual(first.next);
    expect(filled.reads).toEqual([]);
  });
});
