/**
 * Each open incident's running deadlines, stored beside its record (`summaries`, one record per
 * open incident), so the side-panel list shows every row's next deadline without reading a
 * timeline (issue 22). Recomputed whenever an input changes: an event appended or an incident
 * written (incidents.ts, and `project` for the team's replicated writes), the policy changed
 * (settings.ts, in batches), a backup imported, a linked feed incident's updates polled. The
 * stamp (schema.ts SummaryRecord) guards the rest: a summary whose record, policy or linked feed
 * changed since is not used, and the list computes that row from its timeline as before.
 *
 * No import of settings.ts or shared.ts: both lead back here (shared.ts calls the hook).
 */
import { nextRunningDeadline, runningDeadlines } from '../../core/deadlines';
import { linkedUpdateEvents, withLinkedUpdates } from '../../core/feed-link';
import { computeObligations } from '../../core/obligations';
import { commsTally, communicationCompliance, type CommsTally } from '../../core/review';
import { DEFAULT_POLICY } from '../../core/policy';
import { listOrderKey } from '../../core/triage';
import type { ObligationStatus, Policy } from '../../core/types';
import { openTally, writeTallies, type TalliesTx } from './comms-totals';
import { confirmTallies, STATE_STORE } from './dashboard-state';
import { feedKey } from './feed-key';
import { dropOpenComms, OPEN_COMMS, openCommsBuilt, putOpenComms } from './open-comms';
import { presentKeys, putAll, readInPieces } from './bulk';
import type { LensDatabase } from './open';
import type {
  EventRecord,
  FeedIncidentRecord,
  IncidentRecord,
  SummariesRecompute,
  SummaryRecord,
  TallyRecord,
} from './schema';
import { eventsOfMany } from './timeline';
import { idsAfter, nextBatch } from './recompute-order';
import { policyStamp, summaryStamp } from './stamps';

// The stamps moved to stamps.ts (open-comms.ts checks them too, without importing this module).
export { policyStamp, summaryStamp };

/** The current policy as stored (settings.ts `getSetting` without its import). */
export async function storedPolicy(db: LensDatabase): Promise<Policy> {
  const rec = await db.get('settings', 'policy');
  return (rec?.value as Policy | undefined) ?? DEFAULT_POLICY;
}

/** The linked feed incident records of `incidents`, by incident id. */
export async function linkedFeeds(
  db: LensDatabase,
  incidents: readonly IncidentRecord[],
): Promise<Map<string, FeedIncidentRecord>> {
  const linked = incidents.filter((i) => i.linked);
  if (linked.length === 0) return new Map();
  const store = db.transaction('feedIncidents').store;
  const recs = await Promise.all(
    linked.map((i) => store.get(feedKey(i.linked!.sourceId, i.linked!.incidentId))),
  );
  return new Map(linked.flatMap((i, k) => (recs[k] ? [[i.id, recs[k]]] : [])));
}

/**
 * Every stored summary (one per open incident), read a piece at a time (bulk.ts readInPieces):
 * the worker's refresh reads them all on each wake, and a side panel's read is answered between
 * the pieces (issue 22).
 */
export function allSummaries(db: LensDatabase): Promise<SummaryRecord[]> {
  return readInPieces(db.transaction('summaries').store, (s) => s.incidentId);
}

/** The stored summaries of `ids` (missing ones left out), in one transaction. */
export async function readSummaries(
  db: LensDatabase,
  ids: readonly string[],
): Promise<Map<string, SummaryRecord>> {
  if (ids.length === 0) return new Map();
  const store = db.transaction('summaries').store;
  const recs = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(recs.flatMap((r) => (r ? [[r.incidentId, r]] : [])));
}

/**
 * The next deadline of an open incident at `now` from its stored summary, or undefined when the
 * summary is missing or stale (its stamp differs): the caller then reads the timeline.
 */
export function nextFromSummary(
  summary: SummaryRecord | undefined,
  incident: IncidentRecord,
  policy: Policy,
  feed: FeedIncidentRecord | undefined,
  now: number,
): ObligationStatus | null | undefined {
  if (!summary || summary.stamp !== summaryStamp(incident, policy, feed)) return undefined;
  return nextRunningDeadline(summary.deadlines, now, summary.dueSoonMinutes);
}

/** Summaries are written one batch at a time per database, so an older one never lands last. */
const queue = new WeakMap<LensDatabase, Promise<unknown>>();
export function serial<T>(db: LensDatabase, f: () => Promise<T>): Promise<T> {
  const next = (queue.get(db) ?? Promise.resolve()).catch(() => undefined).then(f);
  queue.set(db, next);
  return next;
}

/** How many incidents one recomputation reads (timelines in one transaction) and writes. */
export const SUMMARY_BATCH = 100;

/** What `derive` computed for some incidents: the records to write, and those to remove. */
export interface Derived {
  summaries: SummaryRecord[];
  tallies: TallyRecord[];
  /** Incidents no longer open: no summary. */
  dropSummaries: string[];
  /** Incidents never resolved: no tally. */
  dropTallies: string[];
}

/**
 * The summaries and tallies of these incident records (their current versions): open ones' running
 * deadlines, and every resolved one's communication tally for the reviews dashboard, from their
 * timelines (`timelines`, oldest first, linked feed posts merged in here) and the policy. Pure: a
 * bulk write computes them from the events it holds, without reading them back (issue 22).
 */
export function derive(
  incidents: readonly IncidentRecord[],
  timelines: ReadonlyMap<string, readonly EventRecord[]>,
  policy: Policy,
  feeds: ReadonlyMap<string, FeedIncidentRecord>,
  now: number,
): Derived {
  const open = incidents.filter((i) => i.status === 'open');
  const resolved = incidents.filter((i) => i.status !== 'open' && i.resolvedAt !== undefined);
  const eventsOf = (incident: IncidentRecord) => {
    const feed = feeds.get(incident.id);
    const own = [...(timelines.get(incident.id) ?? [])];
    const linked =
      feed && incident.linked
        ? linkedUpdateEvents(incident.id, incident.linked, feed.incident)
        : [];
    return {
      events: linked.length ? withLinkedUpdates(own, linked) : own,
      publiclyVisible: incident.publiclyVisible,
      ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
    };
  };
  // Only the states depend on the time, and they are decided at read time (core/deadlines.ts).
  // The dashboard judges every incident by the current policy (reviews/repo.ts readDashboard); a
  // resolved incident's report no longer changes with time except pending duties coming due,
  // which the tally keeps apart (core commsTally).
  const stamp = policyStamp(policy);
  const summaries: SummaryRecord[] = open.map((incident) => {
    const effective = incident.policy ?? policy;
    const comms = openTally(eventsOf(incident), policy, stamp, now); // v8: comms-totals.ts
    return {
      incidentId: incident.id,
      stamp: summaryStamp(incident, policy, feeds.get(incident.id)),
      dueSoonMinutes: effective.dueSoonMinutes,
      deadlines: runningDeadlines(computeObligations(eventsOf(incident), effective, now)),
      order: listOrderKey(incident),
      ...(comms ? { comms } : {}),
    };
  });
  const tallies: TallyRecord[] = resolved.map((incident) => ({
    incidentId: incident.id,
    resolvedAt: incident.resolvedAt!,
    policyStamp: stamp,
    tally: commsTally(
      communicationCompliance(eventsOf(incident), policy, Math.max(now, incident.resolvedAt!)),
    ),
  }));
  // An open incident resolved before (reopened) keeps a null tally: counted by the dashboard's
  // `resolvedAt` index like any, computed live while open.
  for (const i of open)
    if (i.resolvedAt !== undefined)
      tallies.push({ incidentId: i.id, resolvedAt: i.resolvedAt, policyStamp: stamp, tally: null });
  return {
    summaries,
    tallies,
    dropSummaries: incidents.filter((i) => i.status !== 'open').map((i) => i.id),
    dropTallies: incidents.filter((i) => i.resolvedAt === undefined).map((i) => i.id),
  };
}

/**
 * The stores `putDerived` writes (the tallies with their monthly totals: comms-totals.ts, v8; the
 * open incidents' part the dashboard reads beside the summaries: open-comms.ts, v11).
 */
export const DERIVED_STORES = [
  'summaries',
  'commsTallies',
  'commsTotals',
  STATE_STORE,
  OPEN_COMMS,
] as const;

/**
 * Writes what `derive` computed into a transaction holding DERIVED_STORES (not awaiting it): the
 * tallies through `writeTallies`, so the monthly totals follow. One call per transaction at a time
 * (the totals are read, then written). `fresh`: the three stores hold nothing of these incidents
 * (an import emptied them in this transaction), so nothing is read or deleted. Otherwise only the
 * summaries that exist are deleted, found by one key read (issue 22: a delete per resolved
 * incident of a bulk write cost as much as its put).
 */
export function putDerived(
  tx: TalliesTx,
  d: Derived,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<unknown>[] {
  const s = tx.objectStore('summaries');
  const drop = async () => {
    if (fresh || d.dropSummaries.length === 0) return;
    const present = await presentKeys(s, d.dropSummaries);
    const ids = d.dropSummaries.filter((id) => !present || present.has(id));
    await Promise.all([...ids.map((id) => s.delete(id)), dropOpenComms(tx, ids)]);
  };
  return [
    putAll(s, d.summaries),
    putOpenComms(tx, d.summaries), // v11: the dashboard's part, with them
    drop(),
    writeTallies(tx, d.tallies, d.dropTallies, { fresh }),
  ];
}

/**
 * Recomputes the summaries and tallies of these incident records (their current versions) from
 * their stored timelines (`derive`), and writes them; what no longer applies is removed.
 */
async function recompute(db: LensDatabase, incidents: readonly IncidentRecord[]): Promise<void> {
  const read = incidents.filter((i) => i.status === 'open' || i.resolvedAt !== undefined);
  const [policy, timelines, feeds] = await Promise.all([
    storedPolicy(db),
    eventsOfMany(
      db,
      read.map((i) => i.id),
    ),
    linkedFeeds(db, read),
  ]);
  const derived = derive(incidents, timelines, policy, feeds, Date.now());
  const tx = db.transaction([...DERIVED_STORES], 'readwrite');
  await Promise.all([...putDerived(tx, derived), tx.done]);
}

/**
 * The stored tallies of incidents resolved after `since` that were judged by `policy`, with their
 * ids; the ids of those judged by another policy (a policy change still being recomputed), for
 * the caller to compute from their timelines; and the ids of every record read (null tallies too).
 */
export async function readTallies(
  db: LensDatabase,
  since: number,
  policy: Policy,
): Promise<{ tallies: (CommsTally & { id: string })[]; stale: string[]; ids: string[] }> {
  const recs = await db.getAllFromIndex(
    'commsTallies',
    'by-resolved',
    IDBKeyRange.lowerBound(since, true),
  );
  const stamp = policyStamp(policy);
  const tallies: (CommsTally & { id: string })[] = [];
  const stale: string[] = [];
  for (const r of recs) {
    if (r.policyStamp !== stamp) stale.push(r.incidentId);
    else if (r.tally) tallies.push({ ...r.tally, id: r.incidentId });
  }
  return { tallies, stale, ids: recs.map((r) => r.incidentId) };
}

/**
 * The hook every write path calls with the incidents whose record or timeline it changed (ids of
 * incidents that no longer exist just lose their summary). In batches of SUMMARY_BATCH.
 */
export function summariesChanged(db: LensDatabase, ids: Iterable<string>): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return Promise.resolve();
  noteChanged(db, unique);
  return serial(db, async () => {
    for (let i = 0; i < unique.length; i += SUMMARY_BATCH) {
      const batch = unique.slice(i, i + SUMMARY_BATCH);
      const store = db.transaction('incidents').store;
      const recs = await Promise.all(batch.map((id) => store.get(id)));
      const gone = batch.filter((_id, k) => !recs[k]);
      if (gone.length) {
        const tx = db.transaction([...DERIVED_STORES], 'readwrite');
        await Promise.all([
          ...gone.map((id) => tx.objectStore('summaries').delete(id)),
          dropOpenComms(tx, gone),
          writeTallies(tx, [], gone),
          tx.done,
        ]);
      }
      await recompute(
        db,
        recs.filter((r): r is IncidentRecord => r !== undefined),
      );
    }
    await confirmTallies(db);
  });
}

/**
 * The hook for a write that has the incident records at hand (the current versions it just wrote):
 * no record is read again. In batches of SUMMARY_BATCH.
 */
export function incidentsChanged(
  db: LensDatabase,
  incidents: readonly IncidentRecord[],
): Promise<void> {
  if (incidents.length === 0) return Promise.resolve();
  noteChanged(
    db,
    incidents.map((i) => i.id),
  );
  return serial(db, async () => {
    for (let i = 0; i < incidents.length; i += SUMMARY_BATCH)
      await recompute(db, incidents.slice(i, i + SUMMARY_BATCH));
    await confirmTallies(db);
  });
}

/**
 * Incidents a write path recomputed while an import's derived data is being written after its
 * commit (import-derived.ts): that writer leaves them out, their summary being newer than the
 * backup's.
 */
const watchers = new WeakMap<LensDatabase, Set<Set<string>>>();
function noteChanged(db: LensDatabase, ids: readonly string[]): void {
  for (const seen of watchers.get(db) ?? []) for (const id of ids) seen.add(id);
}
/** Collects the ids passed to the hooks from now until `stop` is called. */
export function watchChanged(db: LensDatabase): { seen: Set<string>; stop(): void } {
  const seen = new Set<string>();
  const all = watchers.get(db) ?? new Set<Set<string>>();
  watchers.set(db, all.add(seen));
  return { seen, stop: () => void all.delete(seen) };
}

/** The setting recording the schema version whose fill is complete (schema.ts Settings). */
const FILLED = 'summariesFilled';

/**
 * The worker's start-up check: fills the summaries and tallies when their counts differ from the
 * open and the resolved incidents' (after the v7 upgrade, or a write the worker stopped before
 * its summary), or when some summaries carry no list order (written before the v9 upgrade).
 *
 * Summaries written before v8 hold no dashboard tally (`comms`): finding them takes reading every
 * summary, which 10,000 open incidents made a cost at every start (issue 22). That scan runs once
 * per schema version: its end is recorded (`summariesFilled`), and the counts alone are checked
 * at later starts. A summary without a tally written since (an event dated after its computation:
 * comms-totals.ts openTally) stays so until its next write, as the dashboard expects; one whose
 * tally is null (never classified, or open again) is filled.
 */
export async function ensureSummaries(db: LensDatabase): Promise<void> {
  const [summaries, ordered, open, tallies, resolved, filled] = await Promise.all([
    db.count('summaries'),
    db.countFromIndex('summaries', 'by-order'),
    db.countFromIndex('incidents', 'by-status', 'open'),
    db.count('commsTallies'),
    db.countFromIndex('incidents', 'by-resolved'),
    db.get('settings', FILLED),
  ]);
  if (summaries !== open || ordered !== open || tallies !== resolved) await refreshAllSummaries(db);
  else {
    // v10: the dashboard's mark that the tallies are complete (a write may have removed it just
    // before the worker stopped).
    await confirmTallies(db);
    if (filled?.value !== db.version) {
      // v8: summaries written before hold no dashboard tally yet (`comms`): those are recomputed.
      const without = (await db.getAll('summaries'))
        .filter((s) => !s.comms)
        .map((s) => s.incidentId);
      await summariesChanged(db, without);
      // Recorded once every batch has committed: a worker stopped before scans again next time.
      await db.put('settings', { key: FILLED, value: db.version });
    }
  }
  // A recomputation the worker stopped in the middle of (a policy change): continued, not awaited.
  if ((await db.get('settings', PENDING))?.value)
    resumeRecompute(db).catch((e: unknown) =>
      console.error('[incident-lens] recomputing summaries:', e),
    );
}

/**
 * Recomputes every open incident's summary and every resolved one's tally, SUMMARY_BATCH at a time,
 * and drops those of incidents gone: after a policy change, an import, or the v7 upgrade.
 */
export function refreshAllSummaries(db: LensDatabase): Promise<void> {
  return serial(db, async () => {
    // Not filled until the end: a fill the worker stopped in the middle is done again at start.
    await db.delete('settings', FILLED);
    const [open, resolved] = await Promise.all([
      db.getAllKeysFromIndex('incidents', 'by-status', 'open'),
      db.getAllKeysFromIndex('incidents', 'by-resolved'),
    ]);
    const ids = [...new Set([...open, ...resolved])];
    for (let i = 0; i < ids.length; i += SUMMARY_BATCH) {
      const store = db.transaction('incidents').store;
      const recs = await Promise.all(ids.slice(i, i + SUMMARY_BATCH).map((id) => store.get(id)));
      await recompute(
        db,
        recs.filter((r): r is IncidentRecord => r !== undefined),
      );
    }
    const keepOpen = new Set(open);
    const keepResolved = new Set(resolved);
    const [summaries, tallies] = await Promise.all([
      db.getAllKeys('summaries'),
      db.getAllKeys('commsTallies'),
    ]);
    const tx = db.transaction([...DERIVED_STORES, 'settings'], 'readwrite');
    const dropped = summaries.filter((k) => !keepOpen.has(k));
    await Promise.all([
      ...dropped.map((k) => tx.objectStore('summaries').delete(k)),
      dropOpenComms(tx, dropped),
      writeTallies(
        tx,
        [],
        tallies.filter((k) => !keepResolved.has(k)),
      ),
      // Every summary is now this version's: the start-up scan is not needed (ensureSummaries).
      tx.objectStore('settings').put({ key: FILLED, value: db.version }),
      tx.done,
    ]);
    await confirmTallies(db);
  });
}

/** The setting recording a background recomputation (schema.ts SummariesRecompute). */
export const PENDING = 'summariesRecompute';
/** The background recomputation running per database (this worker's), and whether it must go on. */
const loops = new WeakMap<LensDatabase, Promise<void>>();
const again = new WeakSet<LensDatabase>();

/**
 * After a policy change: records that every summary and tally must be recomputed, starts that in
 * the background, and resolves once it is recorded, not when it is done (10,000 incidents took
 * seconds, and the policy editor's save waited for them; issue 22). Meanwhile nothing wrong is
 * shown: a summary or tally of the old policy has another stamp, and its row is computed from
 * the timeline at read time. Saved again while one runs, the recomputation starts over.
 */
export async function recomputeAllLater(db: LensDatabase): Promise<void> {
  const value: SummariesRecompute = { run: newRun(), phase: 'open', after: null };
  await db.put('settings', { key: PENDING, value });
  again.add(db);
  resumeRecompute(db).catch((e: unknown) =>
    console.error('[incident-lens] recomputing summaries:', e),
  );
}

export const newRun = (): string =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Continues a recorded background recomputation, batch by batch, until none is recorded; resolves
 * when it is done. The worker calls it at start-up (ensureSummaries), so one interrupted by the
 * worker stopping continues from the last batch it recorded. Each batch takes its turn with the
 * write paths' recomputations (`serial`), so a write's own summary never waits for all of them.
 */
export function resumeRecompute(db: LensDatabase): Promise<void> {
  const running = loops.get(db);
  if (running) return running;
  const loop = (async () => {
    try {
      for (;;) {
        again.delete(db);
        while (await serial(db, () => recomputeBatch(db)));
        await serial(db, () => confirmTallies(db));
        // Checked and forgotten in one step: a recomputation recorded after the last batch's
        // read starts this loop again instead of finding it about to end.
        if (!again.has(db)) return;
      }
    } finally {
      loops.delete(db);
    }
  })();
  loops.set(db, loop);
  return loop;
}

/** Resolves once no background recomputation runs in this worker (tests, the bench). */
export async function summariesSettled(db: LensDatabase): Promise<void> {
  await loops.get(db);
  // And the dashboard copies' mark its last confirmation asked for (open-comms.ts).
  await openCommsBuilt(db);
}

/** One batch of the recorded recomputation; false when none is recorded (any more). */
async function recomputeBatch(db: LensDatabase): Promise<boolean> {
  const mark = (await db.get('settings', PENDING))?.value as SummariesRecompute | null | undefined;
  if (!mark) return false;
  // The batches in recompute-order.ts's order: open incidents first (the side panel's list reads
  // their summaries), by the status index; then every incident by key, the open ones skipped.
  if (mark.phase === 'open') {
    const open = (await db.getAllKeysFromIndex('incidents', 'by-status', 'open')).sort();
    const { ids, next } = nextBatch(mark, idsAfter(open, mark.after, SUMMARY_BATCH), SUMMARY_BATCH);
    const store = db.transaction('incidents').store;
    const recs = (await Promise.all(ids.map((id) => store.get(id)))).filter(
      (r): r is IncidentRecord => r !== undefined,
    );
    await recompute(db, recs);
    return advance(db, mark, next);
  }
  const from = mark.after === null ? null : IDBKeyRange.lowerBound(mark.after, true);
  const recs = await db.getAll('incidents', from, SUMMARY_BATCH);
  const { next } = nextBatch(
    mark,
    recs.map((r) => r.id),
    SUMMARY_BATCH,
  );
  await recompute(
    db,
    recs.filter((r) => r.status !== 'open'),
  );
  return advance(db, mark, next);
}

/**
 * Records how far the recomputation got (null: done), unless another one was recorded meanwhile
 * (a policy saved again); true while one remains recorded.
 */
async function advance(
  db: LensDatabase,
  mark: SummariesRecompute,
  next: SummariesRecompute | null,
): Promise<boolean> {
  const tx = db.transaction('settings', 'readwrite');
  const now = (await tx.store.get(PENDING))?.value as SummariesRecompute | null | undefined;
  if (now?.run === mark.run) {
    if (next) await tx.store.put({ key: PENDING, value: next });
    else await tx.store.delete(PENDING);
  }
  await tx.done;
  return now?.run !== mark.run ? !!now : next !== null;
}

/** Open incidents linked to one of these feed incidents (`sourceId|incidentId` keys). */
export async function linkedTo(db: LensDatabase, feedKeys: ReadonlySet<string>): Promise<string[]> {
  if (feedKeys.size === 0) return [];
  const open = await db.getAllFromIndex('incidents', 'by-status', 'open');
  return open
    .filter((i) => i.linked && feedKeys.has(feedKey(i.linked.sourceId, i.linked.incidentId)))
    .map((i) => i.id);
}
