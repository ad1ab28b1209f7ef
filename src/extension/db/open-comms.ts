/**
 * v11 (issue 22): each open incident's stamp and communication tally, copied from its summary
 * (summaries.ts) into `openComms` in the transaction that writes or removes the summary, so the
 * reviews dashboard's first screen (reviews/first-screen.ts) reads one small record per open
 * incident instead of every summary with its running deadlines (the largest read of the page).
 *
 * The record is what the summary holds, nothing more: the page checks its stamp against the
 * incident record as it checked the summary's, and computes from the timeline where it is
 * missing or stale. Slower, never wrong. Derived and machine-local: never in a backup, never
 * shared; an import clears it with the summaries (DERIVED_STORES).
 *
 * The mark `openCommsCurrent` (a record of `dashboardState`, like the marks of dashboard-state.ts
 * and list-state.ts) spares the page that check: checking every stamp takes reading every open
 * incident's record (1,000 records: the largest read left in the page). The mark says, for the
 * policy of fingerprint `policy`:
 *
 * - every `openComms` record is an open incident's (none left of one resolved or deleted);
 * - every open incident not listed in `check` has its record here, with a tally (null included),
 *   the policy's fingerprint, a stamp equal to `summaryStamp` of its incident record and that
 *   policy, and no linked feed incident (a feed incident's updates change its stamp, and feed
 *   records are written by every poll: a linked incident is always listed in `check`).
 *
 * With it the page reads no incident or feed record except those of `check` (checked as before),
 * and compares `policy` with the stored policy's fingerprint (a policy change needs no removal).
 * The mark also carries the unlisted incidents' packed tallies end to end, copied from these
 * records when it was put (any write here removes it, so they are still these records' while it is
 * there): the page reads that one record instead of 1,000, and the records of `check` only.
 * It is removed, in the same transaction, by every write that can break it: any `openComms` put
 * or delete (`putOpenComms`, `dropOpenComms`: a recomputation writes what it read earlier), an
 * incident put or deleted that is or was open (dashboard-state.ts `putIncidents`), any bulk
 * incident write (`incidentsMayChange`), an import's clear of the state store. Put back only by
 * `checkOpenComms`, which reads the open incidents, these records and the policy in the
 * transaction that puts it (called where the other marks are confirmed: `confirmTallies`).
 * Without it, or with another policy, the page checks every stamp as before: slower, never wrong.
 * A raw `put` into `incidents` or `openComms` (tests, tools, a later migration) bypasses this:
 * remove the mark with it.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { packTally } from '../../core/review/comms-edge';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/types';
import { putAll } from './bulk';
import type {
  IncidentRecord,
  LensDB,
  OpenCommsMark,
  OpenCommsRecord,
  SummaryRecord,
} from './schema';
import { policyStamp, summaryStamp } from './stamps';

/** The store. */
export const OPEN_COMMS = 'openComms';
/** The mark's key in `dashboardState`. */
export const OPEN_COMMS_CURRENT = 'openCommsCurrent';
/**
 * At most this many open incidents listed in `check`: beyond, no mark (after a policy change,
 * before its recomputation, every stamp differs; reading them one `get` each would cost more
 * than the page's one `getAll` of the open incidents).
 */
export const CHECK_MAX = 100;

/** Any read-write transaction that may hold the store. */
type OpenCommsTx = IDBPTransaction<
  LensDB,
  ('openComms' | StoreNames<LensDB>)[],
  'readwrite' | 'versionchange'
>;

/** The dashboard's part of a summary. */
export function openCommsOf(s: SummaryRecord): OpenCommsRecord {
  if (!s.comms) return { incidentId: s.incidentId, stamp: s.stamp };
  const { tally, policyStamp } = s.comms;
  return {
    incidentId: s.incidentId,
    stamp: s.stamp,
    policyStamp,
    tally: tally ? packTally(tally) : null,
  };
}

/**
 * Puts the dashboard's part of these summaries within `tx`. Nothing when the transaction lacks the
 * store (a migration step older than v11, before it exists).
 */
export function putOpenComms(
  tx: OpenCommsTx,
  summaries: readonly SummaryRecord[],
): Promise<unknown> {
  if (summaries.length === 0 || !tx.objectStoreNames.contains(OPEN_COMMS)) return Promise.resolve();
  // One request each, without idb's promise per put (bulk.ts): an import writes thousands.
  return Promise.all([
    putAll(tx.objectStore(OPEN_COMMS), summaries.map(openCommsOf)),
    openCommsMayChange(tx),
  ]);
}

/** Removes the records of these incidents within `tx` (their summaries removed). */
export function dropOpenComms(tx: OpenCommsTx, ids: readonly string[]): Promise<unknown> {
  if (ids.length === 0 || !tx.objectStoreNames.contains(OPEN_COMMS)) return Promise.resolve();
  const store = tx.objectStore(OPEN_COMMS);
  return Promise.all([...ids.map((id) => store.delete(id)), openCommsMayChange(tx)]);
}

/** Forgets the mark within `tx` (nothing when it lacks the state store: a step older than v10). */
export function openCommsMayChange(tx: OpenCommsTx): Promise<unknown> {
  if (!tx.objectStoreNames.contains('dashboardState')) return Promise.resolve();
  return tx.objectStore('dashboardState').delete(OPEN_COMMS_CURRENT);
}

/** Whether `incident`'s record here is current for `policy` (fingerprint `stamp`) without a read. */
export function currentWithout(
  incident: IncidentRecord,
  rec: OpenCommsRecord | undefined,
  policy: Policy,
  stamp: string,
): boolean {
  return (
    rec?.tally !== undefined &&
    rec.policyStamp === stamp &&
    !incident.linked &&
    rec.stamp === summaryStamp(incident, policy, undefined)
  );
}

/**
 * Reads the open incidents, these records and the policy within `tx` and puts the mark when it
 * holds (see the module comment), listing in `check` the open incidents whose record is missing,
 * stale or linked; true when it is there. Two `get`s when it already is, for the stored policy.
 */
export async function checkOpenComms(
  tx: IDBPTransaction<
    LensDB,
    ('incidents' | 'openComms' | 'settings' | 'dashboardState' | StoreNames<LensDB>)[],
    'readwrite' | 'versionchange'
  >,
): Promise<boolean> {
  const state = tx.objectStore('dashboardState');
  const [mark, policyRec] = await Promise.all([
    state.get(OPEN_COMMS_CURRENT),
    tx.objectStore('settings').get('policy'),
  ]);
  const policy = (policyRec?.value as Policy | undefined) ?? DEFAULT_POLICY;
  const stamp = policyStamp(policy);
  // A policy saved does not remove the mark (the page compares its fingerprint): one of another
  // policy is checked again.
  if (mark?.key === OPEN_COMMS_CURRENT && mark.policy === stamp) return true;
  const [open, comms] = await Promise.all([
    tx.objectStore('incidents').index('by-status').getAll('open'),
    tx.objectStore(OPEN_COMMS).getAll(),
  ]);
  const openIds = new Set(open.map((i) => i.id));
  if (comms.some((c) => !openIds.has(c.incidentId))) return false;
  const byId = new Map(comms.map((c) => [c.incidentId, c]));
  const check: string[] = [];
  const ids: string[] = [];
  const packed: Float64Array[] = [];
  for (const i of open) {
    const c = byId.get(i.id);
    if (!currentWithout(i, c, policy, stamp)) check.push(i.id);
    else if (c?.tally) {
      ids.push(i.id);
      packed.push(c.tally);
    }
  }
  if (check.length > CHECK_MAX) return false;
  // The unlisted ones' tallies end to end: the page reads them as one value, not a record each.
  const ends = new Uint32Array(packed.length);
  const tallies = new Float64Array(packed.reduce((n, t) => n + t.length, 0));
  let at = 0;
  packed.forEach((t, k) => {
    tallies.set(t, at);
    ends[k] = at += t.length;
  });
  const put: OpenCommsMark = {
    key: OPEN_COMMS_CURRENT,
    n: open.length,
    policy: stamp,
    check,
    ids,
    ends,
    tallies,
  };
  await state.put(put);
  return true;
}
