/**
 * What the reviews dashboard's first screen shows, read from what v8 keeps for it (issue 22): the
 * communication report from the monthly totals of the stored tallies (db/comms-totals.ts), the
 * completion rate from the items' monthly totals and the first rows from the `by-order` index
 * (db/action-items.ts). No review and no resolved incident's tally is read; open incidents from
 * the tallies stored in their summaries (running cadences judged now), or, where a summary's stamp
 * no longer matches, from their timelines as before. v10: all of it in one transaction, the item
 * total and the tallies' completeness one `get` each (db/dashboard-state.ts) instead of counting
 * 10,000 index entries. v11: open incidents' stamps and tallies from `openComms` (db/open-comms.ts),
 * a few bytes each, instead of their whole summaries. Then, while the mark `openCommsCurrent` holds
 * for the stored policy (open-comms.ts: every copy checked against its record, put only if no
 * write came between that read and its put, removed by every write that can make one stale; a
 * pending record, the mark asked for and not built yet, is no mark), no open incident's record or
 * linked feed record is read to check the stamps, except those the mark lists (linked ones, stale
 * ones): the 1,000 open records were the page's largest read left. The others' tallies come from
 * the mark itself (one typed array) instead of 1,000 `openComms` records. Without it, as before.
 *
 * When a total cannot be trusted (a resolved incident without a tally yet, or a month holding a
 * tally of another policy while a policy change is recomputed), `readDashboardFirst` gives null
 * and the page reads everything (repo.ts readDashboard): slower, never wrong.
 */
import { communicationCompliance } from '../../core/review/compliance';
import { commsTally, type MonthlyComms } from '../../core/review/comms-monthly';
import {
  fromStored,
  monthlyCommsFromTotals,
  totalsMonthsFor,
  type CommsTotals,
} from '../../core/review/comms-totals';
import { unpackTally } from '../../core/review/comms-edge';
import { completionFromTotals } from '../../core/review/completion-totals';
import type { DashboardRow, MonthlyCompletion } from '../../core/review/actions';
import { byString } from '../../core/review/timeline';
import { zoneOffsetsInRange } from '../../core/time';
import { eventsOfMany } from '../db/incidents';
import type { IDBPTransaction, StoreNames } from 'idb';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/types';
import { ITEM_COUNT, STATE_STORE, TALLIES_COMPLETE } from '../db/dashboard-state';
import { feedKey } from '../db/feed-key';
import { markFor, OPEN_COMMS, OPEN_COMMS_CURRENT } from '../db/open-comms';
import type { LensDatabase } from '../db/open';
import type { ActionItemRecord, IncidentRecord, LensDB, OpenCommsRecord } from '../db/schema';
import { policyStamp, summaryStamp } from '../db/summaries';
import { eventsWithLinked } from '../responder/linked-events';

export interface DashboardFirst {
  comms: MonthlyComms[];
  completion: MonthlyCompletion[];
  /** The first `limit` action items, in the dashboard's order (core actionItemDashboard). */
  rows: DashboardRow[];
  /** How many action items there are in all. */
  total: number;
  /** The incident of each row's review. */
  incidentOf: Map<string, string>;
}

const policyOf = (rec: { value: unknown } | undefined): Policy =>
  (rec?.value as Policy | undefined) ?? DEFAULT_POLICY;

/** The records of these incidents (those gone left out), one `get` each within `tx`. */
async function openOf(tx: ReadTx<'incidents'>, ids: readonly string[]): Promise<IncidentRecord[]> {
  const store = tx.objectStore('incidents');
  const recs = await Promise.all(ids.map((id) => store.get(id)));
  return recs.filter((r): r is IncidentRecord => r !== undefined);
}

/** The `openComms` records of these incidents (those missing left out), one `get` each. */
async function copiesOf(
  tx: ReadTx<'openComms'>,
  ids: readonly string[],
): Promise<OpenCommsRecord[]> {
  const store = tx.objectStore(OPEN_COMMS);
  const recs = await Promise.all(ids.map((id) => store.get(id)));
  return recs.filter((r): r is OpenCommsRecord => r !== undefined);
}

/** The stores the first screen reads, all in one transaction. */
const FIRST_STORES = [
  'settings',
  'incidents',
  'commsTallies',
  'commsTotals',
  'itemTotals',
  'actionItems',
  OPEN_COMMS,
  'feedIncidents',
  STATE_STORE,
] as const;

/** A read-only transaction holding (at least) the stores it reads. */
type ReadTx<S extends StoreNames<LensDB>> = IDBPTransaction<
  LensDB,
  (S | StoreNames<LensDB>)[],
  'readonly'
>;

/**
 * The first `limit` action items in the dashboard's order: open ones past their due date first,
 * then all others by due date (undated last), then review title and item id. Ranges of the
 * `by-order` index ([open, due, title, item id]): the overdue ones, then, if they are fewer than
 * `limit`, the two others for the rest. The total from the stored count (v10, dashboard-state.ts),
 * or, where it is missing, from counting the index.
 */
export async function readItemRows(
  db: LensDatabase,
  now: number,
  limit: number,
): Promise<{ records: ActionItemRecord[]; total: number }> {
  return itemRowsIn(db.transaction(['actionItems', STATE_STORE]), now, limit);
}

async function itemRowsIn(
  tx: ReadTx<'actionItems' | 'dashboardState'>,
  now: number,
  limit: number,
): Promise<{ records: ActionItemRecord[]; total: number }> {
  const index = tx.objectStore('actionItems').index('by-order');
  const count = Number.isFinite(limit) ? limit : undefined;
  const [overdue, stored] = await Promise.all([
    index.getAll(IDBKeyRange.bound([1, -Infinity], [1, now], false, true), count),
    tx.objectStore(STATE_STORE).get(ITEM_COUNT),
  ]);
  const total = stored && 'n' in stored ? stored.n : index.count();
  // Chromium reads an index's records one lookup each: the later ranges only when the overdue
  // ones do not fill the page (usually they do).
  const left = count === undefined ? undefined : count - overdue.length;
  const [openLater, closed] =
    left === 0
      ? [[], []]
      : await Promise.all([
          index.getAll(IDBKeyRange.bound([1, now], [2], false, true), left),
          index.getAll(IDBKeyRange.bound([0], [1], false, true), left),
        ]);
  // The two later ranges are each in index order: merged by the same key, then the primary key.
  const order = (a: ActionItemRecord, b: ActionItemRecord) =>
    (a.due === b.due ? 0 : a.due < b.due ? -1 : 1) ||
    byString(a.reviewTitle, b.reviewTitle) ||
    byString(a.itemId, b.itemId) ||
    byString(a.reviewId, b.reviewId);
  const rest: ActionItemRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < openLater.length || j < closed.length) {
    const a = openLater[i];
    const b = closed[j];
    if (b === undefined || (a !== undefined && order(a, b) <= 0)) rest.push(openLater[i++]!);
    else rest.push(closed[j++]!);
  }
  return { records: [...overdue, ...rest].slice(0, limit), total: await total };
}

/** The dashboard's rows from item records at `now`. */
export const rowsOf = (records: readonly ActionItemRecord[], now: number): DashboardRow[] =>
  records.map((r) => ({
    item: r.item,
    reviewId: r.reviewId,
    reviewTitle: r.reviewTitle,
    overdue: r.open === 1 && r.due < now,
  }));

/**
 * The dashboard's first screen at `now` in `timeZone` (all severities), with its first `limit`
 * rows; null when the stored totals cannot be used (see the module comment).
 */
export async function readDashboardFirst(
  db: LensDatabase,
  now: number,
  timeZone: string,
  limit: number,
  months = 12,
): Promise<DashboardFirst | null> {
  const [from, to] = totalsMonthsFor(now, months, timeZone);
  // Summed tallies are in their UTC month in any zone -12..+14 h from UTC; any other (a local
  // mean time of the 19th century) reads everything.
  if (!zoneOffsetsInRange(timeZone, from, to)) return null;
  const range = IDBKeyRange.bound(from, to);
  // One transaction for every read (idb's db.get and db.getAll each open their own).
  const tx = db.transaction([...FIRST_STORES]);
  const state = tx.objectStore(STATE_STORE);
  const policyP = tx.objectStore('settings').get('policy');
  const markP = state.get(OPEN_COMMS_CURRENT);
  // While the mark holds for the stored policy (open-comms.ts), only the open incidents it lists
  // in `check` are read, one `get` each; else every open record, as before. Requested once both
  // answers are in, still within this transaction.
  // With the mark, the copies of those it lists only (the others' tallies are in the mark).
  // A pending record (the mark asked for, not built yet) is no mark.
  const openP = Promise.all([policyP, markP]).then(([rec, found]) => {
    const mark = markFor(found, policyStamp(policyOf(rec)));
    return mark
      ? Promise.all([openOf(tx, mark.check), copiesOf(tx, mark.check)])
      : Promise.all([
          tx.objectStore('incidents').index('by-status').getAll('open'),
          // v11: each open incident's stamp and packed tally (open-comms.ts), not its whole
          // summary; one request for all of them rather than one each.
          tx.objectStore(OPEN_COMMS).getAll(),
        ]);
  });
  const [policyRec, complete, found, stored, itemTotals, items, [checked, openComms]] =
    await Promise.all([
      policyP,
      state.get(TALLIES_COMPLETE),
      markP,
      tx.objectStore('commsTotals').getAll(range),
      tx.objectStore('itemTotals').getAll(range),
      itemRowsIn(tx, now, limit),
      openP,
    ]);
  const policy = policyOf(policyRec);
  // A resolved incident without its tally (before the worker's fill): its totals are incomplete.
  // v10: one `get` says they are complete (dashboard-state.ts); without that mark, counted.
  if (!complete) {
    const [tallies, resolved] = await Promise.all([
      tx.objectStore('commsTallies').count(),
      tx.objectStore('incidents').index('by-resolved').count(),
    ]);
    if (tallies !== resolved) return null;
  }
  const stamp = policyStamp(policy);
  if (stored.some((t) => Object.keys(t.stamps).some((s) => s !== stamp))) return null;
  const totals = stored.map(fromStored);
  // With the mark: the open incidents are those of `openComms` outside `check` (current, by the
  // mark, which holds their tallies) and those of `check` still open; without it, every open
  // record read.
  const mark = markFor(found, stamp);
  const trusted = mark
    ? mark.ids.map((id, k) => ({
        id,
        packed: mark.tallies.subarray(k ? mark.ends[k - 1] : 0, mark.ends[k]),
      }))
    : [];
  const open = mark ? checked.filter((i) => i.status === 'open') : checked;
  // Open incidents from their summaries' tallies (v8; v11 their copy in `openComms`) where the
  // stamps still match, else from their timelines, judged now: placed in the reader's zone like
  // edge tallies.
  const commsOf = new Map(openComms.map((s) => [s.incidentId, s]));
  const feedStore = tx.objectStore('feedIncidents');
  const linked = open.filter((i) => i.linked);
  const linkedRecs = await Promise.all(
    linked.map((i) => feedStore.get(feedKey(i.linked!.sourceId, i.linked!.incidentId))),
  );
  const feeds = new Map(linked.flatMap((i, k) => (linkedRecs[k] ? [[i.id, linkedRecs[k]]] : [])));
  // In the order of their ids, as the `by-status` index gives them without the mark.
  const entries: { id: string; packed?: Float64Array; incident?: IncidentRecord }[] = [
    ...trusted,
    ...open.map((i) => ({ id: i.id, incident: i })),
  ];
  if (mark) entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fromSummaries: CommsTotals['edge'] = [];
  const recompute: IncidentRecord[] = [];
  for (const { id, packed, incident: i } of entries) {
    if (packed) {
      fromSummaries.push({ ...unpackTally(packed), id });
      continue;
    }
    const s = commsOf.get(id);
    const usable =
      s?.tally !== undefined &&
      s.policyStamp === stamp &&
      s.stamp === summaryStamp(i!, policy, feeds.get(id));
    if (!usable) recompute.push(i!);
    else if (s.tally) fromSummaries.push({ ...unpackTally(s.tally), id });
  }
  const own = recompute.length
    ? await eventsOfMany(
        db,
        recompute.map((i) => i.id),
      )
    : new Map<string, never[]>();
  const live = await Promise.all(
    recompute.map(async (i) => {
      const events = await eventsWithLinked(db, i, own.get(i.id) ?? []);
      const incident = {
        events,
        publiclyVisible: i.publiclyVisible,
        ...(i.commonlyUsed === undefined ? {} : { commonlyUsed: i.commonlyUsed }),
      };
      const t = commsTally(communicationCompliance(incident, policy, now));
      return t ? [{ ...t, id: i.id }] : [];
    }),
  );
  const openTotals: CommsTotals = {
    month: '',
    stamps: {},
    bySeverity: {},
    pending: [],
    edge: [...fromSummaries, ...live.flat()],
  };
  return {
    comms: monthlyCommsFromTotals([...totals, openTotals], now, { months, timeZone }),
    completion: completionFromTotals(itemTotals, now, months, timeZone),
    rows: rowsOf(items.records, now),
    total: items.total,
    incidentOf: new Map(items.records.map((r) => [r.reviewId, r.incidentId])),
  };
}
