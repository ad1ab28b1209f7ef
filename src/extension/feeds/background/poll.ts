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
  getSnapshot,
  listSources,
  savePoll,
  updateSource,
  type PollPatch,
  type SeenIncident,
} from '../../db/sources';
import type { SourceRecord } from '../../db/schema';
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

// Requests in flight in this worker: a second wake (alarm + "poll now") joins the running poll
// instead of fetching again. Losing this map on a restart is harmless: the fetch died with it, and
// nextPollAt (in IDB) was not advanced, so the next wake polls again.
const inflight = new WeakMap<Deps, Map<string, Promise<PollResult>>>();

function failure(
  source: SourceRecord,
  error: string,
  now: number,
  deps: Deps,
  retry?: number,
): PollPatch {
  const failures = source.failures + 1;
  return {
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
    await updateSource(await deps.db(), source.id, (cur) => ({
      ...cur,
      ...failure(cur, error, deps.now(), deps),
    }));
  } catch (again) {
    console.error('[incident-lens] recording a failed poll failed too:', again);
  }
  return 'failed';
}

/** Polls one source now (joining a poll of it already in flight in this worker). */
export function pollSource(deps: Deps, source: SourceRecord): Promise<PollResult> {
  let running = inflight.get(deps);
  if (!running) inflight.set(deps, (running = new Map()));
  const existing = running.get(source.id);
  if (existing) return existing;
  const p = pollOnce(deps, source)
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
  const results = await Promise.all(due.map((s) => pollSource(deps, s)));
  return new Map(due.map((s, i) => [s.id, results[i]!]));
}
