import { feedKey } from './feed-key';
import { sharedOf, writeShared } from './shared';
import { linkedTo, summariesChanged } from './summaries';
import type { SupportSignal } from '../../core/review';
import type { Severity } from '../../core/types';
import type { LensDatabase } from './open';
import type {
  FeedIncidentRecord,
  PollLease,
  SeveritySeen,
  SnapshotRecord,
  SourceRecord,
} from './schema';

/** Every source, in creation order. */
export async function listSources(db: LensDatabase): Promise<SourceRecord[]> {
  return (await db.getAll('sources')).sort((a, b) => a.createdAt - b.createdAt);
}

/** One source, or undefined. */
export function getSource(db: LensDatabase, id: string): Promise<SourceRecord | undefined> {
  return db.get('sources', id);
}

/** Inserts or replaces a source. */
export async function putSource(db: LensDatabase, source: SourceRecord): Promise<void> {
  await db.put('sources', source);
}

/** The last good snapshot of a source. */
export function getSnapshot(
  db: LensDatabase,
  sourceId: string,
): Promise<SnapshotRecord | undefined> {
  return db.get('snapshots', sourceId);
}

/** Every stored snapshot (one per source that ever answered well). */
export function listSnapshots(db: LensDatabase): Promise<SnapshotRecord[]> {
  return db.getAll('snapshots');
}

/** Removes a source with its snapshot, feed incidents and copied replies, in one transaction. */
export async function deleteSource(db: LensDatabase, id: string): Promise<void> {
  const tx = db.transaction(
    ['sources', 'snapshots', 'feedIncidents', 'copiedReplies'],
    'readwrite',
  );
  const keys = await tx.objectStore('feedIncidents').index('by-source').getAllKeys(id);
  const replies = await tx
    .objectStore('copiedReplies')
    .getAllKeys(IDBKeyRange.bound(`${id}|`, `${id}|\uffff`));
  await Promise.all([
    tx.objectStore('sources').delete(id),
    tx.objectStore('snapshots').delete(id),
    ...keys.map((k) => tx.objectStore('feedIncidents').delete(k)),
    ...replies.map((k) => tx.objectStore('copiedReplies').delete(k)),
  ]);
  await tx.done;
}

/** Forgets what a source fetched (its URL changed): snapshot and feed incidents. */
export async function clearSourceData(db: LensDatabase, id: string): Promise<void> {
  const tx = db.transaction(['snapshots', 'feedIncidents'], 'readwrite');
  const keys = await tx.objectStore('feedIncidents').index('by-source').getAllKeys(id);
  await Promise.all([
    tx.objectStore('snapshots').delete(id),
    ...keys.map((k) => tx.objectStore('feedIncidents').delete(k)),
  ]);
  await tx.done;
}

export { feedKey } from './feed-key';

/** The fields a poll changes on its source. */
export type PollPatch = Partial<
  Pick<
    SourceRecord,
    | 'etag'
    | 'lastModified'
    | 'lastPollAt'
    | 'lastOkAt'
    | 'failures'
    | 'nextPollAt'
    | 'lastError'
    | 'lastProblems'
    | 'pollLease'
    | 'detectedFormat'
  >
>;

/**
 * Claims a poll of source `id` at `url` for `lease`, in one transaction: the fresh record when
 * it is claimed, undefined (writing nothing) when the source is gone, its URL changed, another
 * worker's lease still holds (`holds`), or `wanted` says no (e.g. no longer due: the caller's
 * list was read before another poll saved).
 */
export async function claimPoll(
  db: LensDatabase,
  id: string,
  url: string,
  lease: PollLease,
  holds: (l: PollLease) => boolean,
  wanted: (s: SourceRecord) => boolean = () => true,
): Promise<SourceRecord | undefined> {
  const tx = db.transaction('sources', 'readwrite');
  const cur = await tx.store.get(id);
  const ok = cur && cur.url === url && !(cur.pollLease && holds(cur.pollLease)) && wanted(cur);
  const next = ok ? { ...cur, pollLease: lease } : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * The feed incidents a good poll brings: what the feed says, with the active flag. What this
 * browser learned about an incident (first sighting, severity history, the agents' marks) is not
 * the feed's to say, and is carried over by `savePoll`.
 */
export type SeenIncident = Omit<
  FeedIncidentRecord,
  'firstSeenAt' | 'lastSeenAt' | 'key' | 'severities' | 'done'
>;

/** How many severities a feed incident remembers (the first, then the latest changes). */
export const SEVERITY_HISTORY = 20;

/**
 * The severity history after a poll that saw `severity` at `now`: unchanged while the severity is,
 * else one entry more. A record from before the history existed starts it at its first sighting.
 */
export function seenSeverities(
  prev: FeedIncidentRecord | undefined,
  severity: Severity | null,
  now: number,
): SeveritySeen[] {
  const history =
    prev?.severities ?? (prev ? [{ severity: prev.incident.severity, at: prev.firstSeenAt }] : []);
  if (history.length > 0 && history.at(-1)!.severity === severity) return history;
  const next = [...history, { severity, at: now }];
  return next.length > SEVERITY_HISTORY ? [next[0]!, ...next.slice(-(SEVERITY_HISTORY - 1))] : next;
}

/**
 * Records the result of a poll of `url` in one transaction: the source's poll fields, and for a good
 * response its snapshot and feed incidents (new ones added, seen ones refreshed, ones the feed no
 * longer lists marked inactive). Returns false, writing nothing, when the source was removed or its
 * URL changed while the request was in flight — a stale answer never lands on the new URL.
 */
export async function savePoll(
  db: LensDatabase,
  sourceId: string,
  url: string,
  patch: PollPatch,
  good?: { snapshot: SnapshotRecord; incidents: SeenIncident[]; now: number },
): Promise<boolean> {
  const tx = db.transaction(['sources', 'snapshots', 'feedIncidents'], 'readwrite');
  const current = await tx.objectStore('sources').get(sourceId);
  if (!current || current.url !== url) {
    await tx.done;
    return false;
  }
  const next: SourceRecord = { ...current, ...patch };
  for (const k of Object.keys(patch) as (keyof PollPatch)[])
    if (patch[k] === undefined) delete next[k];
  const writes: Promise<unknown>[] = [tx.objectStore('sources').put(next)];
  /** Feed incidents whose public updates changed: a linked responder incident's deadlines may. */
  const updated = new Set<string>();
  if (good) {
    const store = tx.objectStore('feedIncidents');
    const old = await store.index('by-source').getAll(sourceId);
    const byKey = new Map(old.map((r) => [r.key, r]));
    const seen = new Set<string>();
    writes.push(tx.objectStore('snapshots').put(good.snapshot));
    for (const rec of good.incidents) {
      const key = feedKey(rec.sourceId, rec.incident.id);
      if (seen.has(key)) continue;
      seen.add(key);
      const prev = byKey.get(key);
      if (updatesOf(prev?.incident) !== updatesOf(rec.incident)) updated.add(key);
      const firstSeenAt = prev?.firstSeenAt ?? good.now;
      const severities = seenSeverities(prev, rec.incident.severity, good.now);
      // What agents recorded on it (duties done, support records) is not in the feed: keep it.
      const kept = {
        ...(prev?.done ? { done: prev.done } : {}),
        ...(prev?.support ? { support: prev.support } : {}),
      };
      writes.push(
        store.put({ ...rec, ...kept, key, firstSeenAt, lastSeenAt: good.now, severities }),
      );
    }
    for (const r of old) {
      if (!seen.has(r.key) && r.active === 1) writes.push(store.put({ ...r, active: 0 }));
    }
  }
  await Promise.all(writes);
  await tx.done;
  // Issue 22: a linked feed's posts count as updates of the incident linked to it.
  await summariesChanged(db, await linkedTo(db, updated));
  return true;
}

/**
 * The ids and times of a feed incident's updates, compared to tell that one was added or moved
 * (`updates` optional: a record written by hand, as some tests do, may lack the list).
 */
const updatesOf = (
  incident: { updates?: readonly { id: string; displayAt: number }[] } | undefined,
): string => JSON.stringify(incident?.updates?.map((u) => [u.id, u.displayAt]) ?? []);

/**
 * Feed incidents that stopped being active since `since`: dropped from a summary feed that lists
 * only unresolved incidents, or listed as resolved after having been seen open. Maintenance and
 * incidents first seen already resolved are left out (nothing changed for anyone watching).
 */
export async function recentlyEndedFeedIncidents(
  db: LensDatabase,
  since: number,
): Promise<FeedIncidentRecord[]> {
  const ended = await db.getAllFromIndex('feedIncidents', 'by-active', 0);
  return ended.filter(
    (r) =>
      r.lastSeenAt >= since &&
      r.incident.kind === 'incident' &&
      (r.incident.resolvedAt === undefined || r.incident.resolvedAt > r.firstSeenAt),
  );
}

/** At most this many support records per feed incident; later ones are not kept (counts saturate). */
export const SUPPORT_SIGNALS = 1000;

/**
 * Adds an anonymised support record to a feed incident (a ticket already matched is not added
 * again). False when the incident is not stored.
 */
export async function addSupportSignal(
  db: LensDatabase,
  key: string,
  signal: SupportSignal,
): Promise<boolean> {
  const tx = db.transaction('feedIncidents', 'readwrite');
  const rec = await tx.store.get(key);
  const list = rec?.support ?? [];
  const seen =
    signal.kind === 'ticket_matched' &&
    signal.ticket !== undefined &&
    list.some((s) => s.kind === 'ticket_matched' && s.ticket === signal.ticket);
  if (rec && !seen && list.length < SUPPORT_SIGNALS)
    await tx.store.put({ ...rec, support: [...list, signal] });
  await tx.done;
  return rec !== undefined;
}

/** Feed incidents currently active, across sources. */
/**
 * Records that the agent did a feed incident's duty at `at`; the first time is kept. False when the
 * incident is not stored.
 */
export async function markFeedIncidentDone(
  db: LensDatabase,
  key: string,
  obligationId: string,
  at: number,
): Promise<boolean> {
  const shared = sharedOf(db);
  const by = shared?.author().display || shared?.author().name;
  const tx = db.transaction('feedIncidents', 'readwrite');
  const rec = await tx.store.get(key);
  const first = rec !== undefined && !rec.done?.some((d) => d.obligationId === obligationId);
  if (first)
    await tx.store.put({
      ...rec,
      done: [...(rec.done ?? []), { obligationId, at, ...(by ? { by } : {}) }],
    });
  await tx.done;
  // Team mode: the mark is shared by the feed's URL (each browser names its sources itself).
  const feedUrl = rec && (await db.get('sources', rec.sourceId))?.url;
  if (first && feedUrl)
    await writeShared(db, [
      { kind: 'mark', record: { feedUrl, incidentId: rec.incident.id, obligationId, at } },
    ]);
  return rec !== undefined;
}

export function activeFeedIncidents(db: LensDatabase): Promise<FeedIncidentRecord[]> {
  return db.getAllFromIndex('feedIncidents', 'by-active', 1);
}

/**
 * Feed incidents no longer active, across sources, whose last sighting is at or after `since`: the
 * candidates for a "recently resolved" card (one resolved earlier was last seen earlier too, unless
 * the feed still lists it, and then its resolution time decides).
 */
export async function endedFeedIncidentsSince(
  db: LensDatabase,
  since: number,
): Promise<FeedIncidentRecord[]> {
  const ended = await db.getAllFromIndex('feedIncidents', 'by-active', 0);
  return ended.filter((r) => r.lastSeenAt >= since);
}

/** Every feed incident of one source. */
export function feedIncidentsOf(db: LensDatabase, sourceId: string): Promise<FeedIncidentRecord[]> {
  return db.getAllFromIndex('feedIncidents', 'by-source', sourceId);
}

/** Applies a change to a stored source atomically; returns the new record, or undefined if absent. */
export async function updateSource(
  db: LensDatabase,
  id: string,
  change: (s: SourceRecord) => SourceRecord,
): Promise<SourceRecord | undefined> {
  const tx = db.transaction('sources', 'readwrite');
  const old = await tx.store.get(id);
  const next = old ? change(old) : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}
