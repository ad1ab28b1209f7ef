import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { FeedIncident } from '../../core/types';
import { freshName, sampleSource, T0 } from '../background/worker.test-kit';
import { openLensDB } from './open';
import { addSupportSignal, markFeedIncidentDone, savePoll } from './sources';

const incident = { id: 'a', name: 'Checkout errors', severity: 2 } as unknown as FeedIncident;

test('a new poll keeps what the agents recorded on a feed incident: duties done and support records', async () => {
  const db = await openLensDB(freshName());
  const source = sampleSource();
  await db.put('sources', source);
  const poll = (now: number) =>
    savePoll(
      db,
      's1',
      source.url,
      {},
      {
        snapshot: { sourceId: 's1', feed: {} as never, fetchedAt: now },
        incidents: [{ sourceId: 's1', incident, active: 1 }],
        now,
      },
    );
  await poll(T0);
  await markFeedIncidentDone(db, 's1|a', 'customer_email', T0 + 1);
  await addSupportSignal(db, 's1|a', {
    kind: 'ticket_matched',
    at: T0 + 2,
    ticket: 'ab'.repeat(32),
  });
  await poll(T0 + 60_000);
  const rec = await db.get('feedIncidents', 's1|a');
  expect(rec?.lastSeenAt).toBe(T0 + 60_000);
  expect(rec?.done).toEqual([{ obligationId: 'customer_email', at: T0 + 1 }]);
  expect(rec?.support).toEqual([{ kind: 'ticket_matched', at: T0 + 2, ticket: 'ab'.repeat(32) }]);
  db.close();
});
