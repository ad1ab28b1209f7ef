import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { remotePouch, sharedStore } from '../../../../tests/support/pouch';
import { useTeamServer } from '../../../../tests/support/team-server.test-kit';
import { freshName, makeKit, T0 } from '../../background/worker.test-kit';
import { eventsOf, getIncident, saveIncident } from '../../db/incidents';
import { openLensDB, type LensDatabase } from '../../db/open';
import type { IncidentRecord } from '../../db/schema';
import type { SharedDoc } from '../../db/shared-docs';
import { attachShared, project, publishLocal, type SharedStore } from '../../db/shared';
import { exportAll, importAll } from '../../db/backup';
import { getSetting, setSetting, settingChanges } from '../../db/settings';
import { lastChangeOf } from '../../db/setting-log';
import { actionItem, checkoutReview } from '../../db/review-record.test-kit';
import type { ActionItem } from '../../../core/review/model';
import { checkServer } from './handlers';

/**
 * Team mode against a real CouchDB-compatible server on loopback (express-pouchdb in memory, with
 * _users, _security and the validate_doc_update of team/design-doc.mjs): two replicas, each a
 * PouchDB plus the local stores, replicating through it. No sync is mocked.
 */

const ann = { name: 'ann', display: 'Ann' };
const bob = { name: 'bob', display: 'Bob' };
const team = useTeamServer();

interface Replica {
  db: LensDatabase;
  store: SharedStore;
  sync(): Promise<void>;
}

async function replica(
  author: typeof ann,
  password: string,
  clock: { now: number },
): Promise<Replica> {
  const db = await openLensDB(freshName());
  const store = sharedStore(author, () => clock.now);
  attachShared(db, store);
  const remote = remotePouch<SharedDoc>(`${team.server.url}/team`, [author.name, password]);
  return {
    db,
    store,
    async sync() {
      await store.pouch.sync(remote);
      await project(db, store);
    },
  };
}

const incident = (id: string): IncidentRecord => ({
  id,
  title: 'Checkout fails',
  components: ['Checkout'],
  publiclyVisible: true,
  startedAt: T0,
  declaredAt: T0,
  status: 'open',
  severity: null,
  updatedAt: T0,
});

describe('replication through the team server', () => {
  test('an incident declared in A reaches B with who declared it', async () => {
    const clock = { now: T0 };
    const a = await replica(ann, 'ann-pw', clock);
    const b = await replica(bob, 'bob-pw', clock);
    await saveIncident(a.db, incident('x1'), [
      { id: 'd1', incidentId: 'x1', type: 'declared', at: T0 },
    ]);
    await a.sync();
    await b.sync();
    expect(await getIncident(b.db, 'x1')).toMatchObject({
      title: 'Checkout fails',
      createdBy: ann,
    });
    expect(await eventsOf(b.db, 'x1')).toEqual([
      { id: 'd1', incidentId: 'x1', type: 'declared', at: T0, author: ann },
    ]);
  });

  test('both edit the same field offline: the later edit wins, the other is a timeline note, no event is lost', async () => {
    const clock = { now: T0 };
    const a = await replica(ann, 'ann-pw', clock);
    const b = await replica(bob, 'bob-pw', clock);
    await saveIncident(a.db, incident('x2'));
    await a.sync();
    await b.sync();
    // Offline: each edits the title and records a note.
    clock.now = T0 + 1000;
    await saveIncident(a.db, { ...(await getIncident(a.db, 'x2'))!, title: 'Ann: checkout down' }, [
      { id: 'na', incidentId: 'x2', type: 'note', at: T0 + 1000, text: 'from A' },
    ]);
    clock.now = T0 + 2000;
    await saveIncident(
      b.db,
      { ...(await getIncident(b.db, 'x2'))!, title: 'Bob: payments down', severity: 2 },
      [{ id: 'nb', incidentId: 'x2', type: 'note', at: T0 + 2000, text: 'from B' }],
    );
    // Back online, in any order, until both have everything.
    await a.sync();
    await b.sync();
    await a.sync();
    await b.sync();
    for (const r of [a, b]) {
      const got = (await getIncident(r.db, 'x2'))!;
      expect(got.title).toBe('Bob: payments down');
      expect(got.severity).toBe(2);
      const notes = (await eventsOf(r.db, 'x2')).map((e) => e.text).sort();
      expect(notes).toEqual([
        'Edited concurrently by Ann: title was set to "Ann: checkout down"; "Bob: payments down" was kept (the later edit).',
        'from A',
        'from B',
      ]);
      const doc = await r.store.pouch.get('incident:x2', { conflicts: true });
      expect(doc._conflicts ?? []).toEqual([]);
    }
  });

  test('the conflict resolved in the browser whose edit won: the other still gets the note, written by the resolver', async () => {
    const clock = { now: T0 };
    const a = await replica(ann, 'ann-pw', clock);
    const b = await replica(bob, 'bob-pw', clock);
    await saveIncident(a.db, incident('x5'));
    await a.sync();
    await b.sync();
    clock.now = T0 + 1000;
    await saveIncident(a.db, { ...(await getIncident(a.db, 'x5'))!, title: 'Ann: checkout down' });
    clock.now = T0 + 2000;
    await saveIncident(b.db, { ...(await getIncident(b.db, 'x5'))!, title: 'Bob: payments down' });
    // A's edit reaches the server first; B finds the conflict, resolves it and pushes the
    // resolution before A pulls: A never sees a conflict, so the note must come from B.
    await a.sync();
    await b.sync();
    await b.sync();
    await a.sync();
    const note =
      'Edited concurrently by Ann: title was set to "Ann: checkout down"; "Bob: payments down" was kept (the later edit).';
    for (const r of [a, b]) {
      expect((await getIncident(r.db, 'x5'))!.title).toBe('Bob: payments down');
      const notes = (await eventsOf(r.db, 'x5')).filter((e) => e.text === note);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.author).toEqual(bob);
    }
  });

  test('a backup imported in team mode goes out through the shared store and keeps who wrote what', async () => {
    const clock = { now: T0 };
    const a = await replica(ann, 'ann-pw', clock);
    const b = await replica(bob, 'bob-pw', clock);
    await saveIncident(a.db, incident('k1'), [
      { id: 'k1d', incidentId: 'k1', type: 'declared', at: T0 },
    ]);
    await a.sync();
    await b.sync();
    // Bob declares one more, unsynced, and takes a backup of his browser.
    clock.now = T0 + 1000;
    await saveIncident(b.db, { ...incident('k2'), title: 'Bob: exports stuck' }, [
      { id: 'k2d', incidentId: 'k2', type: 'declared', at: T0 + 1000 },
    ]);
    const backup = await exportAll(b.db, T0 + 2000);
    // His new browser: joins the team (gets Ann's incident), then restores the backup.
    clock.now = T0 + 5000;
    const b2 = await replica(bob, 'bob-pw', clock);
    await b2.sync();
    const imported = await importAll(b2.db, backup, { mode: 'replace' });
    expect(imported).toEqual(expect.objectContaining({ ok: true }));
    await publishLocal(b2.db);
    await b2.sync();
    await a.sync();
    // Ann receives Bob's incident from the backup, declared by Bob…
    expect(await getIncident(a.db, 'k2')).toMatchObject({
      title: 'Bob: exports stuck',
      createdBy: bob,
      lastBy: bob,
    });
    expect(await eventsOf(a.db, 'k2')).toEqual([
      { id: 'k2d', incidentId: 'k2', type: 'declared', at: T0 + 1000, author: bob },
    ]);
    // …and her own incident still says she declared it and last wrote it: nothing re-stamped.
    for (const r of [a, b2])
      expect(await getIncident(r.db, 'k1')).toMatchObject({
        createdBy: ann,
        lastBy: ann,
        lastAt: T0,
      });
    expect(await eventsOf(a.db, 'k1')).toEqual([
      { id: 'k1d', incidentId: 'k1', type: 'declared', at: T0, author: ann },
    ]);
  });

  test('the server refuses a document whose author is not the signed-in user, and a non-member', async () => {
    const asAnn = remotePouch<SharedDoc>(`${team.server.url}/team`, ['ann', 'ann-pw']);
    const forged = {
      _id: 'incident:forged',
      kind: 'incident',
      author: bob,
      createdBy: bob,
      at: T0,
      record: incident('forged'),
    } as SharedDoc;
    await expect(asAnn.put(forged)).rejects.toMatchObject({ status: 403 });
    await expect(
      asAnn.put({ ...forged, author: ann, createdBy: ann } as SharedDoc),
    ).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      asAnn.put({
        _id: 'incident:bad',
        kind: 'incident',
        author: ann,
        at: T0,
      } as unknown as SharedDoc),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('the server refuses a review with two action items under one id', () => {
  const item = (id: string, description: string) => actionItem(id, description, T0);
  const reviewDoc = (items: ActionItem[]) => ({
    kind: 'review',
    author: ann,
    at: T0,
    record: checkoutReview(T0, items, { id: 'rv1' }),
  });
  const put = (id: string, body: unknown) =>
    fetch(`${team.server.url}/team/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${btoa('ann:ann-pw')}`,
      },
      body: JSON.stringify(body),
    });

  test('on write, with a reason naming the review and the id; one with distinct ids is stored', async () => {
    const refused = await put(
      'review:rv1',
      reviewDoc([item('a1', 'Add a canary'), item('a2', 'Runbook'), item('a1', 'Alert')]),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: 'forbidden',
      reason:
        'The review "Checkout outage" has two action items with the id "a1"; each needs its own.',
    });
    const stored = await put(
      'review:rv1',
      reviewDoc([item('a1', 'Add a canary'), item('a1-2', 'Alert')]),
    );
    expect(stored.status).toBe(201);
  });

  test('through replication too: the repeated review stays out, the rest arrives', async () => {
    const local = sharedStore(ann, T0).pouch;
    await local.bulkDocs(
      [
        { _id: 'review:rv2', ...reviewDoc([item('x', 'One'), item('x', 'Two')]) },
        { _id: 'review:rv3', ...reviewDoc([item('x', 'One'), item('y', 'Two')]) },
      ].map((d) => ({ ...d, record: { ...d.record, id: d._id.slice(7) } })) as never,
    );
    const remote = remotePouch<SharedDoc>(`${team.server.url}/team`, ['ann', 'ann-pw']);
    const result = (await local.replicate.to(remote)) as { doc_write_failures: number };
    expect(result.doc_write_failures).toBe(1);
    await expect(remote.get('review:rv2')).rejects.toMatchObject({ status: 404 });
    await expect(remote.get('review:rv3')).resolves.toMatchObject({ kind: 'review' });
  });
});

describe('the team policy and templates record who changed them (issue 20)', () => {
  test('each change carries its author to the other replica: the policy per version, a template per key', async () => {
    const clock = { now: T0 };
    const a = await replica(ann, 'ann-pw', clock);
    const b = await replica(bob, 'bob-pw', clock);
    const policy = await getSetting(a.db, 'policy');
    await setSetting(a.db, 'policy', { ...policy, version: policy.version + 1 });
    await a.sync();
    await b.sync();
    expect(await settingChanges(b.db, 'policy')).toEqual([
      { author: ann, at: T0, keys: ['policy'], version: policy.version + 1 },
    ]);
    // Bob edits the update template, Ann the German initial one; the same value again adds nothing.
    clock.now = T0 + 60_000;
    await setSetting(b.db, 'templates', { update: 'Bob: {{impact}}' });
    await b.sync();
    await a.sync();
    clock.now = T0 + 120_000;
    const now = await getSetting(a.db, 'templates');
    await setSetting(a.db, 'templates', { ...now, 'de:initial': 'Ann: {{impact}}' });
    await setSetting(a.db, 'templates', { ...now, 'de:initial': 'Ann: {{impact}}' });
    await a.sync();
    await b.sync();
    const log = await settingChanges(b.db, 'templates');
    expect(lastChangeOf(log, 'update')).toMatchObject({ author: bob, at: T0 + 60_000 });
    expect(lastChangeOf(log, 'de:initial')).toMatchObject({ author: ann, at: T0 + 120_000 });
    expect(log).toHaveLength(2);
    expect(await getSetting(b.db, 'templates')).toMatchObject({ 'de:initial': 'Ann: {{impact}}' });
  });
});

describe('connecting: a server that is not CouchDB changes nothing and says why', () => {
  let bad: Server;
  let base = '';
  beforeAll(async () => {
    bad = createServer((req, res) => {
      if (req.url?.startsWith('/html'))
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>');
      else if (req.url?.startsWith('/500')) res.writeHead(500).end('oops');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
    });
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(bad.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => bad.close(() => r())));

  const config = (url: string) => ({ url, db: 'team', user: 'ann', display: 'Ann' });

  test.each([
    ['/html', 'does not look like a CouchDB server (it answered something that is not JSON)'],
    ['/500', 'answered 500, not a CouchDB welcome'],
    ['/json', 'does not look like a CouchDB server (it answered other JSON)'],
  ])('%s', async (path, message) => {
    const kit = await makeKit();
    const deps = { ...kit.deps, fetch: (u: RequestInfo | URL, i?: RequestInit) => fetch(u, i) };
    const before = await (await deps.db()).getAll('settings');
    await expect(checkServer(deps, config(`${base}${path}`), 'pw')).rejects.toThrow(message);
    expect(await (await deps.db()).getAll('settings')).toEqual(before);
  });

  test('a wrong password says so', async () => {
    const kit = await makeKit();
    const deps = { ...kit.deps, fetch: (u: RequestInfo | URL, i?: RequestInit) => fetch(u, i) };
    await expect(checkServer(deps, config(team.server.url), 'wrong')).rejects.toThrow(
      'Wrong user name or password.',
    );
  });

  test('an unreachable server says so', async () => {
    const kit = await makeKit();
    const deps = { ...kit.deps, fetch: (u: RequestInfo | URL, i?: RequestInit) => fetch(u, i) };
    await expect(checkServer(deps, config('http://127.0.0.1:9'), 'pw')).rejects.toThrow(
      'cannot be reached',
    );
  });
});
