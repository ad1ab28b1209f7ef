import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { computeObligations, nextDeadline } from '../../core/obligations';
import { DEFAULT_POLICY } from '../../core/policy';
import { remotePouch, sharedStore } from '../../../tests/support/pouch';
import { useTeamServer } from '../../../tests/support/team-server.test-kit';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { eventsOf, saveIncident } from '../db/incidents';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord } from '../db/schema';
import type { SharedDoc } from '../db/shared-docs';
import { attachShared, project } from '../db/shared';
import { readList } from './data';

/**
 * Issue 22, team mode against a real CouchDB-compatible server on loopback (express-pouchdb, as in
 * team-server.test.ts): a teammate's event, replicated through the server, moves the next deadline
 * in the other browser's side-panel list, which reads it from the stored summary (no timeline).
 */

const team = useTeamServer();

async function replica(name: string, password: string) {
  const db = await openLensDB(freshName());
  const store = sharedStore({ name, display: name }, T0);
  attachShared(db, store);
  const remote = remotePouch<SharedDoc>(`${team.server.url}/team`, [name, password]);
  return {
    db,
    async sync() {
      await store.pouch.sync(remote);
      await project(db, store);
    },
  };
}

const incident: IncidentRecord = {
  id: 'inc-team',
  title: 'Checkout down',
  components: [],
  publiclyVisible: true,
  startedAt: T0,
  declaredAt: T0,
  status: 'open',
  severity: 1,
  updatedAt: T0,
};
const ev = (id: string, type: EventRecord['type'], at: number, extra = {}): EventRecord => ({
  id,
  incidentId: incident.id,
  type,
  at,
  ...extra,
});
const NOW = T0 + 10 * MIN;

/** Bob's list's next deadline, and whether the list read a timeline for it. */
async function listed(db: LensDatabase) {
  const proto = IDBObjectStore.prototype;
  const original = proto.getAll;
  let reads = 0;
  proto.getAll = function (this: IDBObjectStore, q?: IDBValidKey | IDBKeyRange | null, n?: number) {
    if (this.name === 'timeline') reads++;
    return original.call(this, q, n);
  };
  try {
    return { next: (await readList(db, NOW)).open[0]?.next, reads };
  } finally {
    proto.getAll = original;
  }
}

describe('team mode: the side-panel list after replication (issue 22)', () => {
  test('Ann opens the bridge; once synced, Bob’s list shows the next duty, from the stored summary', async () => {
    const a = await replica('ann', 'ann-pw');
    const b = await replica('bob', 'bob-pw');
    await saveIncident(a.db, incident, [
      ev('d', 'declared', T0),
      ev('c', 'classified', T0, { severity: 1 }),
    ]);
    await a.sync();
    await b.sync();
    expect((await listed(b.db)).next).toMatchObject({ ruleId: 'bridge_call' });

    await saveIncident(a.db, incident, [ev('b', 'bridge_opened', T0 + MIN)]);
    await a.sync();
    await b.sync();
    const after = await listed(b.db);
    expect(after.reads).toBe(0);
    expect(after.next?.ruleId).not.toBe('bridge_call');
    expect(after.next).toEqual(
      nextDeadline(
        computeObligations(
          { events: await eventsOf(b.db, incident.id), publiclyVisible: true },
          DEFAULT_POLICY,
          NOW,
        ),
      ),
    );
    a.db.close();
    b.db.close();
  }, 30_000);
});
