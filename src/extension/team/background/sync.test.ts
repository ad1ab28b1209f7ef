import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { memoryPouch, remotePouch } from '../../../../tests/support/pouch';
import { useTeamServer } from '../../../../tests/support/team-server.test-kit';
import { makeKit, T0, type Kit } from '../../background/worker.test-kit';
import { getIncident, saveIncident } from '../../db/incidents';
import type { IncidentRecord, TeamConfig } from '../../db/schema';
import { setSetting } from '../../db/settings';
import type { SharedDoc } from '../../db/shared-docs';
import { attachTeam } from './store';
import { readStatus, syncOnce } from './sync';

/**
 * The background's one-shot sync (the 30 s alarm, and after each local write) against the real
 * team server on loopback, counting the requests the server receives.
 */

const team = useTeamServer();

/** A worker signed in as Ann: its writes start a one-shot sync, as the real background's do. */
async function annWorker(): Promise<Kit & { afterWrite(): Promise<unknown> }> {
  const kit = await makeKit();
  // HTTP handles like the extension's (no check-or-create request), with Ann's credentials.
  kit.deps.pouch = <D>(name: string) =>
    /^https?:/.test(name)
      ? remotePouch<D>(name, ['ann', 'ann-pw'], { skip_setup: true })
      : memoryPouch<D>(name);
  let last: Promise<unknown> = Promise.resolve();
  const rt = await attachTeam(
    kit.db,
    kit.deps.now,
    () => (last = syncOnce(kit.deps)),
    memoryPouch<SharedDoc>(),
  );
  const config: TeamConfig = {
    url: team.server.url,
    db: team.server.db,
    user: 'ann',
    display: 'Ann',
  };
  await setSetting(kit.db, 'team', config);
  rt.config = config;
  return Object.assign(kit, { afterWrite: () => last });
}

const incident = (id: string, title: string): IncidentRecord => ({
  id,
  title,
  components: ['API'],
  publiclyVisible: false,
  startedAt: T0,
  declaredAt: T0,
  status: 'open',
  severity: null,
  updatedAt: T0,
});

/** Requests the server receives while `fn` runs. */
async function requestsDuring(fn: () => Promise<unknown>): Promise<number> {
  const before = await team.server.requests();
  await fn();
  return (await team.server.requests()) - before;
}

describe('the one-shot sync on the alarm', () => {
  test('with nothing changing, each alarm costs the server one request; a change either side still goes through', async () => {
    const ann = await annWorker();
    await saveIncident(ann.db, incident('quiet1', 'Declared before the quiet hour'), []);
    await ann.afterWrite();
    // The alarm after a push sees the server's sequence moved (by that push): one full run.
    await syncOnce(ann.deps);
    expect((await readStatus(ann.deps)).state).toBe('connected');

    // Nothing changes: three alarms, one request each (the database's info), not a replication.
    const quiet = await requestsDuring(async () => {
      for (let i = 0; i < 3; i++) await syncOnce(ann.deps);
    });
    expect(quiet).toBe(3);
    expect((await readStatus(ann.deps)).state).toBe('connected');

    // Bob writes on the server: Ann's next alarm brings it in.
    const bob = remotePouch<SharedDoc>(`${team.server.url}/${team.server.db}`, ['bob', 'bob-pw']);
    const by = { name: 'bob', display: 'Bob' };
    await bob.put({
      _id: 'incident:frombob',
      kind: 'incident',
      author: by,
      createdBy: by,
      at: T0,
      record: incident('frombob', 'Declared by Bob meanwhile'),
    });
    await syncOnce(ann.deps);
    expect((await getIncident(ann.db, 'frombob'))?.title).toBe('Declared by Bob meanwhile');

    // Ann writes: it goes out at once (the write's own sync), not at a later alarm.
    await saveIncident(ann.db, incident('quiet2', 'Declared after the quiet hour'), []);
    await ann.afterWrite();
    const onServer = await bob.get('incident:quiet2');
    expect(onServer.kind === 'incident' && onServer.record.title).toBe(
      'Declared after the quiet hour',
    );
  });
});
