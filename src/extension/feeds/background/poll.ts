import { isActive, isUsableFeed } from '../../../core/feed';
import {
  describeAdapterProblem,
  incidentList,
  readFeed,
  type FormatResult,
} from '../../../core/feed/formats';
import { FETCH_LIMITS, nextAfterFailure, nextAfterSuccess } from '../../../core/feed/fetch-policy';
import type { FeedProblem } from '../../../core/types';
import {
  claimPoll,
  getSnapshot,
  listSources,
  savePoll,
  updateSource,
  type PollPatch,
  type SeenIncident,
} from '../../db/sources';
import type { PollLease, SourceRecord } from '../../db/schema';
import type { Deps } from '../../background/deps';
import { fetchFeed, type FetchOutcome } from './fetch-feed';

/** The first `n` problems of a read, in words (as stored and shown). */
export const problems = (r: FormatResult, n: number): FeedProblem[] =>
  r.problems.slice(0, n).map(describeAdapterProblem);

/**
 * True when a read gave something worth keeping (the format known, and the core's test of a
 * usable feed); otherwise the last good snapshot stays.
 */
export const usable = (r: FormatResult): boolean => r.format !== 'unknown' && isUsableFeed(r);

/** What one poll did, for tests and the "test"/"poll now" replies. */
export type PollResult = 'updated' | 'not-modified' | 'failed' | 'skipped';

// Polls in flight in this worker: a second wake here ("poll now" during an alarm's poll) joins the
// running poll and gets its result. This map is only that convenience: it is lost on a restart and
// a second worker instance has its own, so what makes one request per due poll is the lease in the
// database (claimPoll), which every instance sees (issue 22).
const inflight = new WeakMap<Deps, Map<string, Promise<PollResult>>>();

/**
 * How long a claimed poll holds its source. Longer than the fetch's timeout (10 s) with room to
 * save the answer on a slow machine; shorter than the alarm's 30 s, so a poll whose worker died
 * mid-request is retried at the next wake.
 */
export const LEASE_MS = 25_000;

/**
 * True while a lease holds at `now`: not yet expired, and not further ahead than any lease is ever
 * given (a lease from before the clock was set back would otherwise stop polling).
 */
export const leaseHolds = (l: PollLease, now: number): boolean =>
  l.until > now && l.until <= now + LEASE_MS;

function failure(
  source: SourceRecord,
  error: string,
  now: number,
  deps: Deps,
  retry?: number,
): PollPatch {
  const failures = source.failures + 1;
  return {
    pollLease: undefined,
    failures,
    lastError: error,
    lastPollAt: now,
    nextPollAt: nextAfterFailure(now, failures, source.pollSeconds * 1000, deps.random, retry),
  };
}

function success(
  source: SourceRecord,
  o: FetchOutcome & { kind: 'ok' | 'not-modified' },
  now: number,
): PollPatch {
  return {
    pollLease: undefined,
    etag: o.etag,
    lastModified: o.lastModified,
    failures: 0,
    lastError: undefined,
    lastPollAt: now,
    lastOkAt: now,
    nextPollAt: nextAfterSuccess(now, source.pollSeconds * 1000, o.maxAgeMs),
  };
}

/**
 * Why a 200 must not replace the last good data, or undefined. A feed that listed incidents and
 * now answers without a list (`incidents: null`, a status-only payload, a different document) would
 * read as "everything resolved": the overlay would empty and "Resolved" notices fire for incidents
 * still open (issue 16 #6). The last good data stays and the source shows as stale instead.
 */
function missingList(r: FormatResult, body: unknown, listedBefore: boolean): string | undefined {
  const list = incidentList(r.format, body);
  if (list === 'broken') {
    const got = r.problems.find((p) => p.code === 'list')?.path ?? 'its incident list';
    return `The response has no usable incident list (${got} is not a list); the last good data is kept.`;
  }
  if (listedBefore && list === 'missing')
    return 'The response has no incident list any more; the last good data is kept.';
  return undefined;
}

/** The source's request headers: sent with its own requests only (no redirect is followed). */
export const ownHeaders = (s: Pick<SourceRecord, 'headers'>): Record<string, string> =>
  s.headers ?? {};

async function pollOnce(deps: Deps, source: SourceRecord): Promise<PollResult> {
  const db = await deps.db();
  const o = await fetchFeed(
    deps.fetch,
    source.url,
    source,
    deps.now(),
    undefined,
    ownHeaders(source),
  );
  const now = deps.now();
  if (o.kind === 'error') {
    await savePoll(db, source.id, source.url, failure(source, o.error, now, deps, o.retryAfterMs));
    return 'failed';
  }
  if (o.kind === 'not-modified') {
    return (await savePoll(db, source.id, source.url, success(source, o, now)))
      ? 'not-modified'
      : 'skipped';
  }
  const parsed = readFeed(o.body, { url: source.url, format: source.format });
  if (!usable(parsed)) {
    const why = problems(parsed, 1)[0]?.message ?? 'no incidents, components or status';
    const error = `The response is not a status feed: ${why}.`;
    await savePoll(db, source.id, source.url, {
      ...failure(source, error, now, deps),
      lastProblems: problems(parsed, 5),
    });
    return 'failed';
  }
  const last = await getSnapshot(db, source.id);
  const listedBefore = last ? (last.listsIncidents ?? last.feed.incidents.length > 0) : false;
  const missing = missingList(parsed, o.body, listedBefore);
  if (missing) {
    await savePoll(db, source.id, source.url, failure(source, missing, now, deps));
    return 'failed';
  }
  const feed = parsed.feed;
  const incidents = [...feed.incidents, ...feed.maintenances].map((incident): SeenIncident => ({
    sourceId: source.id,
    incident,
    active: isActive(incident) ? 1 : 0,
  }));
  const patch = {
    ...success(source, o, now),
    lastProblems: parsed.problems.length ? problems(parsed, 5) : undefined,
    detectedFormat: parsed.format === 'unknown' ? undefined : parsed.format,
  };
  const snapshot = {
    sourceId: source.id,
    feed,
    fetchedAt: now,
    listsIncidents: incidentList(parsed.format, o.body) === 'listed',
  };
  return (await savePoll(db, source.id, source.url, patch, { snapshot, incidents, now }))
    ? 'updated'
    : 'skipped';
}

/**
 * A poll whose result could not be written (quota, a closed connection): the error is recorded on
 * the source in a small write of its own, so it shows as failing, and other sources of the same
 * tick go on (issue 16 #10). Never throws.
 */
async function saveFailed(deps: Deps, source: SourceRecord, e: unknown): Promise<PollResult> {
  const why = e instanceof Error ? e.message : String(e);
  const error = `The poll's result could not be saved: ${why}`;
  try {
    await updateSource(await deps.db(), source.id, (cur) => {
      const { pollLease: _released, ...rest } = cur;
      const { pollLease: _none, ...patch } = failure(cur, error, deps.now(), deps);
      return { ...rest, ...patch };
    });
  } catch (again) {
    console.error('[incident-lens] recording a failed poll failed too:', again);
  }
  return 'failed';
}

/**
 * Claims the source's lease, then polls it with the record as the claim read it (fresh validators).
 * 'skipped' without a request when another poll of it holds the lease, or `dueOnly` and the stored
 * record is no longer due (another wake polled it since the caller read the list).
 */
async function claimAndPoll(
  deps: Deps,
  source: SourceRecord,
  dueOnly: boolean,
): Promise<PollResult> {
  const db = await deps.db();
  const now = deps.now();
  const lease = { id: deps.newId(), until: now + LEASE_MS };
  const claimed = await claimPoll(
    db,
    source.id,
    source.url,
    lease,
    (l) => leaseHolds(l, now),
    (s) => !dueOnly || (s.enabled && isDue(s, now)),
  );
  if (!claimed) return 'skipped';
  return pollOnce(deps, claimed).catch((e: unknown) => saveFailed(deps, claimed, e));
}

/**
 * Polls one source now: joins a poll of it in flight in this worker, else claims its lease (see
 * claimAndPoll). `dueOnly`: only if the stored record is still due (the alarm's polls).
 */
export function pollSource(
  deps: Deps,
  source: SourceRecord,
  { dueOnly = false }: { dueOnly?: boolean } = {},
): Promise<PollResult> {
  let running = inflight.get(deps);
  if (!running) inflight.set(deps, (running = new Map()));
  const existing = running.get(source.id);
  if (existing) return existing;
  const p = claimAndPoll(deps, source, dueOnly)
    .catch((e: unknown) => saveFailed(deps, source, e))
    .finally(() => running.delete(source.id));
  running.set(source.id, p);
  return p;
}

/**
 * A source due within this much of a wake counts as due: the poll alarm fires every 30 s, and a
 * source polled at one wake is due again a few ms after the next one (the fetch took time), so
 * without slack every source would be polled at half its rate.
 */
const WAKE_SLACK_MS = 5_000;

/**
 * True when a source should be polled at `now`: its nextPollAt has come, or the times stored read
 * as a clock that moved. No poll ever schedules the next one further than the longer of its
 * interval and FETCH_LIMITS.maxDelayMs, so a nextPollAt beyond that, or a lastPollAt in the future, means the
 * clock was set back since (issue 16 #5: two days ahead then corrected stopped polling for days).
 */
export function isDue(s: SourceRecord, now: number): boolean {
  if (s.nextPollAt <= now + WAKE_SLACK_MS) return true;
  const furthest = Math.max(s.pollSeconds * 1000, FETCH_LIMITS.maxDelayMs) + WAKE_SLACK_MS;
  if (s.nextPollAt > now + furthest) return true;
  return s.lastPollAt !== undefined && s.lastPollAt > now + WAKE_SLACK_MS;
}

/** Polls, in parallel, every enabled source that is due (see isDue). */
export async function pollDue(deps: Deps): Promise<Map<string, PollResult>> {
  const now = deps.now();
  const due = (await listSources(await deps.db())).filter((s) => s.enabled && isDue(s, now));
  const results = await Promise.all(due.map((s) => pollSource(deps, s, { dueOnly: true })));
  return new Map(due.map((s, i) => [s.id, results[i]!]));
}
