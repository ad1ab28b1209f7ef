import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { bySeverity } from '../../core/triage';
import type { Severity } from '../../core/types';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { incidentRecord } from '../db/incident-record.test-kit';
import { listIncidents, saveIncident, saveIncidents } from '../db/incidents';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord } from '../db/schema';
import { countStoreReads } from '../db/store-reads.test-kit';
import { readList, readOpenWindow } from './data';

/**
 * Issue 22: with 10,000 open incidents the list's first screen spent most of its 76 ms counting
 * the open incidents and the ordered summaries (two index counts) to decide whether the order
 * index can be trusted. The mark db/list-state.ts keeps answers that with one `get`; these tests
 * say the list counts nothing once a write is confirmed, and that whatever the writes, the list
 * equals the open records sorted (the computation before the index).
 */

const HOUR = 60 * MIN;
let db: LensDatabase;
afterEach(() => db?.close());

const SEVERITIES: Severity[] = [1, 2, 3, 4];

function rec(i: number, severity: Severity, open: boolean): IncidentRecord {
  return incidentRecord(`inc-${i}`, i, {
    at: T0 + i * HOUR,
    severity,
    open,
    resolvedAt: T0 + i * HOUR + HOUR,
  });
}
const events = (i: number, open: boolean): EventRecord[] => {
  const id = `inc-${i}`;
  const at = T0 + i * HOUR;
  return [
    { id: `${id}-d`, incidentId: id, type: 'declared', at },
    { id: `${id}-c`, incidentId: id, type: 'classified', at: at + MIN, severity: 1 },
    ...(open ? [] : [{ id: `${id}-r`, incidentId: id, type: 'resolved' as const, at: at + HOUR }]),
  ];
};

/** What the list showed before the order index: every open record, sorted. */
async function expectedOpen(): Promise<string[]> {
  return (await listIncidents(db, 'open')).sort(bySeverity).map((i) => i.id);
}

describe('the open list without counting (db/list-state.ts)', () => {
  test('the first screen counts no incident and no summary once the writes are confirmed, and an appended event keeps it so', async () => {
    db = await openLensDB(freshName());
    for (let i = 0; i < 30; i++)
      await saveIncident(db, rec(i, SEVERITIES[i % 4]!, i % 6 !== 0), events(i, i % 6 !== 0));
    const reads = countStoreReads();
    const list = await readList(db, T0 + 40 * HOUR);
    expect(reads.of('incidents')).not.toContain('count');
    expect(reads.of('summaries')).not.toContain('count');
    const open = await expectedOpen();
    expect(list.open.map((i) => i.incident.id)).toEqual(open.slice(0, 20));
    expect(list.openTotal).toBe(25);
    // An event on an open incident changes no one's openness: the write keeps the mark.
    const note: EventRecord = { id: 'n', incidentId: 'inc-1', type: 'note', at: T0 + 2 * HOUR };
    await saveIncident(db, { ...rec(1, 2, true), title: 'Edited' }, [note]);
    const again = countStoreReads();
    const after = await readOpenWindow(db, T0 + 40 * HOUR, 18, 10);
    expect(again.of('incidents')).not.toContain('count');
    expect(again.of('summaries')).not.toContain('count');
    expect(after.items.map((i) => i.incident.id)).toEqual(open.slice(18));
    expect(after.total).toBe(25);
  });

  test('any writes (declared, resolved, reopened, reclassified, in bulk): every stretch equals the open records sorted, with the right total', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('save' as const),
        i: fc.nat(11),
        sev: fc.constantFrom(...SEVERITIES),
        open: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('bulk' as const),
        items: fc.array(
          fc.record({ i: fc.nat(11), sev: fc.constantFrom(...SEVERITIES), open: fc.boolean() }),
          {
            maxLength: 4,
          },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.nat(12),
        fc.integer({ min: 1, max: 12 }),
        async (ops, start, count) => {
          db = await openLensDB(freshName());
          try {
            for (const o of ops) {
              if (o.kind === 'save')
                await saveIncident(db, rec(o.i, o.sev, o.open), events(o.i, o.open));
              else {
                // One write per incident in a batch (the last one wins, as a caller would send).
                const last = new Map(o.items.map((x) => [x.i, x]));
                await saveIncidents(
                  db,
                  [...last.values()].map((x) => ({
                    incident: rec(x.i, x.sev, x.open),
                    events: events(x.i, x.open),
                  })),
                );
              }
              const open = await expectedOpen();
              const mark = await db.get('dashboardState', 'openOrdered');
              if (mark && 'n' in mark) expect(mark.n).toBe(open.length);
              const window = await readOpenWindow(db, T0 + 20 * HOUR, start, count);
              expect(window.total).toBe(open.length);
              expect(window.items.map((x) => x.incident.id)).toEqual(
                open.slice(start, start + count),
              );
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
