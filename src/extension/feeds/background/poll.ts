import { describeProblem, isActive, isUsableFeed, parseFeed } from '../../../core/feed';
import { nextAfterFailure, nextAfterSuccess } from '../../../core/feed/fetch-policy';
import type { FeedProblem, ParseResult } from '../../../core/types';
import { listSources, savePoll, type PollPatch, type SeenIncident } from '../../db/sources';
import type { SourceRecord } from '../../db/schema';
import type { Deps } from '../../background/deps';
import { fetchFeed, type FetchOutcome } from './fetch-feed';

/** The first `n` problems of a parse, in words (as stored and shown). */
export const problems = (r: ParseResult, n: number): FeedProblem[] =>
  r.problems.slice(0, n).map(describeProblem);

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

async function pollOnce(deps: Deps, source: SourceRecord): Promise<PollResult> {
  const db = await deps.db();
  const o = await fetchFeed(deps.fetch, source.url, source, deps.now());
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
  const parsed = parseFeed(o.body);
  if (!isUsableFeed(parsed)) {
    const why = problems(parsed, 1)[0]?.message ?? 'no incidents, components or status';
    const error = `The response is not a status feed: ${why}.`;
    await savePoll(db, source.id, source.url, {
      ...failure(source, error, now, deps),
      lastProblems: problems(parsed, 5),
    });
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
  };
  const snapshot = { sourceId: source.id, feed, fetchedAt: now };
  return (await savePoll(db, source.id, source.url, patch, { snapshot, incidents, now }))
    ? 'updated'
    : 'skipped';
}

/** Polls one source now (joining a poll of it already in flight in this worker). */
export function pollSource(deps: Deps, source: SourceRecord): Promise<PollResult> {
  let running = inflight.get(deps);
  if (!running) inflight.set(deps, (running = new Map()));
  const existing = running.get(source.id);
  if (existing) return existing;
  const p = pollOnce(deps, source).finally(() => running.delete(source.id));
  running.set(source.id, p);
  return p;
}

/**
 * A source due within this much of a wake counts as due: the poll alarm fires every 30 s, and a
 * source polled at one wake is due again a few ms after the next one (the fetch took time), so
 * without slack every source would be polled at half its rate.
 */
const WAKE_SLACK_MS = 5_000;

/** Polls, in parallel, every enabled source whose nextPollAt has come. */
export async function pollDue(deps: Deps): Promise<Map<string, PollResult>> {
  const now = deps.now();
  const due = (await listSources(await deps.db())).filter(
    (s) => s.enabled && s.nextPollAt <= now + WAKE_SLACK_MS,
  );
  const results = await Promise.all(due.map((s) => pollSource(deps, s)));
  return new Map(due.map((s, i) => [s.id, results[i]!]));
}
