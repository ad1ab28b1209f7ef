/**
 * What a change of severity must not erase: a next update time promised to customers, and duties
 * that were already overdue when the severity changed. `computeObligations` (obligations.ts) calls
 * these; they are apart so that file stays about one level's rules.
 */
import { incidentAnchors } from './obligations-timeline';
import { levelFor } from './policy';
import type {
  ObligationIncident,
  ObligationState,
  ObligationStatus,
  Policy,
  TimelineEvent,
  TimelineEventType,
} from './types';

/** Events that put an update on the public status page (and may promise the next one). */
const STATUS_POSTS: ReadonlySet<TimelineEventType> = new Set<TimelineEventType>([
  'status_page_posted',
  'update_posted',
]);

/** The id of the duty to keep a promised next update under a level without an update cadence. */
export const PROMISED_UPDATE_ID = 'promised_update';

/** A next update time a post promised: when it was posted and when the next one is due. */
export interface Promised {
  postAt: number;
  dueAt: number;
}

/** Where a live deadline stands at `now`: exactly at the deadline is still on time. */
export function clockState(dueAt: number, now: number, soonMs: number): ObligationState {
  if (now > dueAt) return 'overdue';
  return dueAt - now <= soonMs ? 'due_soon' : 'upcoming';
}

/**
 * The promise of the latest status-page post up to resolution, if it named a next update time
 * after itself. A later post without a promise ends it: that post was the promised update.
 */
export function outstandingPromise(
  events: readonly TimelineEvent[],
  resolvedAt: number | null,
): Promised | null {
  let latest: TimelineEvent | undefined;
  for (const e of events) {
    if (!STATUS_POSTS.has(e.type) || !Number.isFinite(e.at)) continue;
    if (resolvedAt !== null && e.at > resolvedAt) continue;
    if (!latest || e.at > latest.at) latest = e;
  }
  const p = latest?.nextUpdateAt;
  return latest && typeof p === 'number' && Number.isFinite(p) && p > latest.at
    ? { postAt: latest.at, dueAt: p }
    : null;
}

/**
 * The promised next update as a duty of its own, for a level with no update cadence. After
 * resolution it is gone, unless its time had already passed (a miss, kept for the review).
 */
export function promiseStatus(
  promise: Promised | null,
  resolvedAt: number | null,
  now: number,
  soonMs: number,
): ObligationStatus | null {
  if (!promise) return null;
  if (resolvedAt !== null && promise.dueAt >= resolvedAt) return null;
  const row: ObligationStatus = {
    ruleId: PROMISED_UPDATE_ID,
    label: 'Next status page update, as promised to customers',
    channel: 'status_page',
    state: resolvedAt === null ? clockState(promise.dueAt, now, soonMs) : 'missed',
    anchorAt: promise.postAt,
    dueAt: promise.dueAt,
  };
  if (resolvedAt !== null) row.note = 'Not posted before resolution.';
  return row;
}

/** What `carryOver` needs to know about the incident and the current severity. */
export interface CarryContext {
  incident: ObligationIncident;
  policy: Policy;
  classifiedAt: number;
  resolvedAt: number | null;
  now: number;
}

type Compute = (incident: ObligationIncident, policy: Policy, now: number) => ObligationStatus[];

/** The earliest event at or after `from` that meets the duty `ruleId` of severity level `sev`. */
function metAfter(ctx: CarryContext, row: ObligationStatus, from: number): number | undefined {
  const sev = row.fromSeverity;
  const rule =
    sev === undefined
      ? undefined
      : levelFor(ctx.policy, sev).obligations.find((r) => r.id === row.ruleId);
  const metBy: ReadonlySet<TimelineEventType> =
    row.ruleId === PROMISED_UPDATE_ID ? STATUS_POSTS : new Set(rule?.metBy ?? []);
  let first: number | undefined;
  for (const e of ctx.incident.events) {
    if (!Number.isFinite(e.at) || e.at < from) continue;
    const meets =
      metBy.has(e.type) || (e.type === 'obligation_met' && e.obligationId === row.ruleId);
    if (meets && (first === undefined || e.at < first)) first = e.at;
  }
  return first;
}

/**
 * Adds to `out` (the current level's duties) every duty that was overdue when the severity last
 * changed: it stays owed against its old deadline until done (then it is met late), and at
 * resolution an undone one is a miss. A duty of the same id in the new level keeps the earlier,
 * missed deadline; a running update cadence is held to it until the next post. Earlier changes are
 * handled by computing the timeline before the change (`compute`), which carries their own debts.
 */
export function carryOver(
  out: ObligationStatus[],
  ctx: CarryContext,
  compute: Compute,
): ObligationStatus[] {
  const { incident, policy, classifiedAt, resolvedAt, now } = ctx;
  const before = incident.events.filter((e) => Number.isFinite(e.at) && e.at < classifiedAt);
  const prevSeverity = incidentAnchors(before).severity;
  if (prevSeverity === null) return out;
  const owed = compute({ ...incident, events: before }, policy, classifiedAt).filter(
    (s) => s.state === 'overdue' && s.dueAt !== null,
  );
  const soonMs = policy.dueSoonMinutes * 60_000;
  const hasCadence = out.some((s) => s.everyMinutes !== undefined);
  for (const o of owed) {
    if (o.ruleId === PROMISED_UPDATE_ID && hasCadence) continue; // the cadence holds the promise
    const from = o.fromSeverity ?? prevSeverity;
    // Only a debt for sure: a conditional duty whose condition was merely assumed is not carried.
    const onlyIf = levelFor(policy, from).obligations.find((r) => r.id === o.ruleId)?.onlyIf;
    if (
      onlyIf &&
      incident[onlyIf === 'publicly_visible' ? 'publiclyVisible' : 'commonlyUsed'] !== true
    )
      continue;
    const row: ObligationStatus = { ...o, fromSeverity: from };
    const metAt = metAfter(ctx, row, classifiedAt);
    const why = `Overdue under SEV-${from} when the severity changed`;
    if (metAt !== undefined) {
      Object.assign(row, { state: 'met_late', metAt, note: `${why}; done late.` });
    } else if (resolvedAt !== null) {
      Object.assign(row, { state: 'missed', note: `${why}; not done before resolution.` });
    } else {
      Object.assign(row, {
        state: clockState(row.dueAt!, now, soonMs),
        note: `${why}; still owed.`,
      });
    }
    const i = out.findIndex((s) => s.ruleId === o.ruleId);
    const cur = i === -1 ? undefined : out[i]!;
    if (!cur) out.push(row);
    else if (cur.everyMinutes !== undefined) {
      // A running cadence: no post since the change, so the missed occurrence is still the one due.
      if (metAt === undefined && cur.dueAt !== null && row.dueAt! < cur.dueAt)
        Object.assign(cur, {
          dueAt: row.dueAt,
          anchorAt: row.anchorAt,
          state: row.state,
          note: row.note,
          fromSeverity: from,
        });
    } else if (cur.dueAt === null || row.dueAt! < cur.dueAt) out[i] = row;
  }
  return out;
}
