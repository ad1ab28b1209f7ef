import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { sharedStore } from '../../../tests/support/pouch';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { readOpenWindow } from './data';
import { incidentRecord } from '../db/incident-record.test-kit';
import { saveIncident } from '../db/incidents';
import { openLensDB } from '../db/open';
import type { EventRecord } from '../db/schema';
import { attachShared, project } from '../db/shared';

/**
 * The team projection keeps the dashboard's tallies mark and the open list's mark
 * (db/dashboard-state.ts, db/list-state.ts) through a teammate's edits, and must still remove each when
 * a replicated batch changes which incidents are resolved or open (declared, resolved, reopened,
 * deleted): whatever a teammate writes, a mark present agrees with the records.
 */

const HOUR = 60 * MIN;
const ann = { name: 'ann', display: 'Ann' };

const op = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), i: fc.nat(5), open: fc.boolean() }),
  fc.record({ kind: fc.constant('note' as const), i: fc.nat(5) }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(5) }),
);

test('a teammate’s writes, projected: each mark present agrees with the records, and the open list is right', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
      const mine = await openLensDB(freshName());
      const theirs = await openLensDB(freshName());
      const myStore = sharedStore({ name: 'bob', display: 'Bob' }, () => Date.now());
      const theirStore = sharedStore(ann, () => Date.now());
      attachShared(mine, myStore);
      attachShared(theirs, theirStore);
      try {
        for (const o of ops) {
          const id = `inc-${o.i}`;
          const at = T0 + o.i * HOUR;
          if (o.kind === 'save') {
            const events: EventRecord[] = [
              { id: `${id}-d`, incidentId: id, type: 'declared', at },
              { id: `${id}-c`, incidentId: id, type: 'classified', at, severity: 2 },
              ...(o.open ? [] : [{ id: `${id}-r`, incidentId: id, type: 'resolved' as const, at }]),
            ];
            const rec = incidentRecord(id, o.i, {
              at,
              severity: 2,
              open: o.open,
              resolvedAt: at + HOUR,
            });
            await saveIncident(theirs, rec, events);
          } else if (o.kind === 'note') {
            const old = await theirs.get('incidents', id);
            if (!old) continue;
            const note: EventRecord = {
              id: `${id}-n${Date.now()}`,
              incidentId: id,
              type: 'note',
              at,
            };
            await saveIncident(theirs, { ...old, title: `${old.title}!` }, [note]);
          } else {
            const doc = await theirStore.pouch.get(`incident:${id}`).catch(() => null);
            if (!doc) continue;
            await theirStore.pouch.remove(doc._id, doc._rev!);
          }
          await theirStore.pouch.replicate.to(myStore.pouch);
          await project(mine, myStore);
          const [tallies, list, open, tallyCount, resolved] = await Promise.all([
            mine.get('dashboardState', 'talliesComplete'),
            mine.get('dashboardState', 'openOrdered'),
            mine.countFromIndex('incidents', 'by-status', 'open'),
            mine.count('commsTallies'),
            mine.countFromIndex('incidents', 'by-resolved'),
          ]);
          if (tallies) expect(tallyCount).toBe(resolved);
          if (list && 'n' in list) expect(list.n).toBe(open);
          const window = await readOpenWindow(mine, T0 + 20 * HOUR, 0, 10);
          expect(window.total).toBe(open);
        }
      } finally {
        mine.close();
        theirs.close();
      }
    }),
    { numRuns: 15 },
  );
}, 120_000);
