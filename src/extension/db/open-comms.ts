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
 * incident write (`incidentsMayChange`), an import's clear of the state store.
 *
 * Put back without any write paying for it. `confirmTallies` runs after every write; building the
 * mark reads every open incident and every record here (with 10,000 open, 50–100 ms), which in
 * its read-write transaction made each edit of an open incident cost that, the side panel's reads
 * queued behind it. So it only asks (`requestOpenComms`: two `get`s, and a *pending* record with a
 * fresh token when the mark is missing or names another policy), and the build runs after that
 * commits, awaited by no write (`buildOpenCommsLater`): its reads in one read-only transaction,
 * in pieces, then the mark put over the pending record only if that record still holds the token
 * read. The removals above remove a pending record as well, which is what makes the token proof
 * that nothing it read has changed. The page treats a pending record as no mark (`markFor`).
 * With more than BUILD_OPEN_MAX open incidents no build is tried: its cost on every edit would
 * outweigh what the page saves.
 * Without the mark, or with another policy, the page checks every stamp as before: slower, never
 * wrong.
 * A raw `put` into `incidents` or `openComms` (tests, tools, a later migration) bypasses this:
 * remove the mark with it.
 */
import { unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { packTally } from '../../core/review/comms-edge';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/types';
import { putAll, readInPieces, readThroughCursor } from './bulk';
import type {
  DashboardStateRecord,
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
/**
 * At most this many open incidents for a build: beyond, none is tried and the page checks every
 * stamp (its exact path). A build reads every open incident and copy, and runs after each write
 * that removed the mark: with 1,000 open it took 33–44 ms of the worker's time per edit in
 * Chromium, with 10,000 open 460–806 ms, more than the page saves once.
 */
export const BUILD_OPEN_MAX = 2_000;

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

/** The stored policy's fingerprint, from its `settings` record (the default when none). */
const stampOf = (rec: { value: unknown } | undefined): [Policy, string] => {
  const policy = (rec?.value as Policy | undefined) ?? DEFAULT_POLICY;
  return [policy, policyStamp(policy)];
};

/** The mark in `rec` when it is a full one for the policy of fingerprint `stamp`; else null. */
export function markFor(
  rec: DashboardStateRecord | undefined,
  stamp: string,
): OpenCommsMark | null {
  return rec?.key === OPEN_COMMS_CURRENT && 'policy' in rec && rec.policy === stamp ? rec : null;
}

/**
 * The cheap step, within the write paths' confirmation (dashboard-state.ts `confirmTallies`): two
 * `get`s, no incident or copy read. True when a build is wanted (`buildOpenCommsLater`, once this
 * transaction has committed): the mark is missing or names another policy. Then a pending record
 * with a fresh token is put, unless one is already there (no write since it was put, so its token
 * still proves that).
 */
export async function requestOpenComms(
  tx: IDBPTransaction<
    LensDB,
    ('settings' | 'dashboardState' | StoreNames<LensDB>)[],
    'readwrite' | 'versionchange'
  >,
): Promise<boolean> {
  const state = tx.objectStore('dashboardState');
  const [rec, policyRec] = await Promise.all([
    state.get(OPEN_COMMS_CURRENT),
    tx.objectStore('settings').get('policy'),
  ]);
  if (markFor(rec, stampOf(policyRec)[1])) return false;
  if (rec?.key === OPEN_COMMS_CURRENT && 'pending' in rec) return true;
  await state.put({ key: OPEN_COMMS_CURRENT, pending: crypto.randomUUID() });
  return true;
}

/**
 * The mark for these open incidents, `openComms` records and policy when it holds (see the module
 * comment), listing in `check` the open incidents whose record is missing, stale or linked; null
 * when a record is left of an incident not open or more than CHECK_MAX would be listed.
 */
export function openCommsMark(
  open: readonly IncidentRecord[],
  comms: readonly OpenCommsRecord[],
  policy: Policy,
): OpenCommsMark | null {
  const stamp = policyStamp(policy);
  const openIds = new Set(open.map((i) => i.id));
  if (comms.some((c) => !openIds.has(c.incidentId))) return null;
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
  if (check.length > CHECK_MAX) return null;
  // The unlisted ones' tallies end to end: the page reads them as one value, not a record each.
  const ends = new Uint32Array(packed.length);
  const tallies = new Float64Array(packed.reduce((n, t) => n + t.length, 0));
  let at = 0;
  packed.forEach((t, k) => {
    tallies.set(t, at);
    ends[k] = at += t.length;
  });
  return { key: OPEN_COMMS_CURRENT, n: open.length, policy: stamp, check, ids, ends, tallies };
}

/**
 * Builds the mark where a pending record asks for it, outside any write's transaction: reads the
 * pending record, the policy, the open incidents and every `openComms` record in one read-only
 * transaction (one snapshot), in pieces so another connection's requests (the side panel's) are
 * answered between them; computes; then puts the mark in a read-write transaction over
 * `dashboardState` alone, only if the record there is still the pending one read, with its token.
 * Every write that can change what was read removes that record (the module comment), so a token
 * still there proves the reads are the stores' current state; a policy saved meanwhile does not
 * remove it, but the mark names the policy read with the rest, and the page compares it. A write
 * in between: no mark, and that write's confirmation asks again.
 */
async function buildOpenComms(db: IDBPDatabase<LensDB>): Promise<void> {
  const tx = db.transaction(['incidents', OPEN_COMMS, 'settings', 'dashboardState']);
  const byStatus = tx.objectStore('incidents').index('by-status');
  const [rec, policyRec, openKeys] = await Promise.all([
    tx.objectStore('dashboardState').get(OPEN_COMMS_CURRENT),
    tx.objectStore('settings').get('policy'),
    // Keys only, one more than the bound at most: whether there are too many, not how many.
    byStatus.getAllKeys('open', BUILD_OPEN_MAX + 1),
  ]);
  if (rec?.key !== OPEN_COMMS_CURRENT || !('pending' in rec)) return;
  const [policy, stamp] = stampOf(policyRec);
  const tried = `${rec.pending} ${stamp}`;
  // Built in vain for this very state already (the same token and policy): it would fail again.
  if (failed.get(db) === tried) return;
  if (openKeys.length > BUILD_OPEN_MAX) {
    failed.set(db, tried);
    return;
  }
  const [open, comms] = await Promise.all([
    readThroughCursor<IncidentRecord>(unwrap(byStatus), 'open'),
    readInPieces(tx.objectStore(OPEN_COMMS), (c) => c.incidentId),
  ]);
  const mark = openCommsMark(open, comms, policy);
  if (!mark) {
    failed.set(db, tried);
    return;
  }
  const put = db.transaction('dashboardState', 'readwrite');
  const now = await put.store.get(OPEN_COMMS_CURRENT);
  if (now?.key === OPEN_COMMS_CURRENT && 'pending' in now && now.pending === rec.pending)
    await put.store.put(mark);
  await put.done;
}

/** Per database: the build running, and whether one more is wanted after it. */
const builds = new WeakMap<IDBPDatabase<LensDB>, { run: Promise<void>; again: boolean }>();
/** Per database: the pending token and policy fingerprint of the last build that found no mark. */
const failed = new WeakMap<IDBPDatabase<LensDB>, string>();

/**
 * Starts `buildOpenComms`, not awaited by the caller (a write never waits for it): one at a time
 * per database; asked while one runs, one more runs after it, however often it was asked.
 */
export function buildOpenCommsLater(db: IDBPDatabase<LensDB>): void {
  const running = builds.get(db);
  if (running) {
    running.again = true;
    return;
  }
  const entry = { run: Promise.resolve(), again: true };
  builds.set(db, entry);
  entry.run = (async () => {
    try {
      while (entry.again) {
        entry.again = false;
        await buildOpenComms(db);
      }
    } catch (e) {
      // A connection closed meanwhile (a test's, a page's): the next confirmation asks again.
      if ((e as Error | undefined)?.name !== 'InvalidStateError')
        console.error('[incident-lens] building the dashboard mark:', e);
    } finally {
      builds.delete(db);
    }
  })();
}

/** Resolves once no build of the mark runs for this database (summaries.ts `summariesSettled`). */
export function openCommsBuilt(db: IDBPDatabase<LensDB>): Promise<void> {
  return builds.get(db)?.run ?? Promise.resolve();
}
