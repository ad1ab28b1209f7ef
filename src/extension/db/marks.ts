import { readInPieces, WRITE_PIECE } from './bulk';
import type { LensDatabase } from './open';
import type { CopiedReplyRecord, NotifiedRecord } from './schema';
import { feedKey } from './sources';

/** Keys of one incident's notifications (see NoticeGroup in background/notices.ts). */
export interface KeyGroup {
  intro?: string;
  /** Claimed silently when `intro` is claimed now. */
  changes: string[];
  dues: string[];
}

/** A key still current is re-dated at most this often, so pruning never drops it. */
export const TOUCH_MS = 24 * 60 * 60_000;

/**
 * Up to this many keys are read one by one; more, and the whole `notified` store is read at once
 * (it holds a week of keys: pruned after NOTIFIED_RETENTION_MS, notifications/background/deliver.ts).
 */
export const CLAIM_BY_KEY = 200;

/**
 * Claims notification keys and returns the keys to SHOW. A key not yet in
 * `notified` is recorded: `pending` when it is to be shown, `shown` when it is recorded silently
 * (the changes of an incident announced now). A key left `pending` by a worker that stopped before
 * showing it is returned again, so the notification is shown late rather than never (issue 16 #9);
 * a key shown or held is never returned again while its record lives. Keys still current are
 * re-dated daily, so pruning old records never drops one that would then repeat.
 */
export async function claimKeys(
  db: LensDatabase,
  groups: readonly KeyGroup[],
  now: number,
): Promise<Set<string>> {
  const all = [
    ...new Set(groups.flatMap((g) => [...(g.intro ? [g.intro] : []), ...g.changes, ...g.dues])),
  ];
  if (all.length <= CLAIM_BY_KEY) {
    // Few keys: read one by one and claimed in one transaction.
    const tx = db.transaction('notified', 'readwrite');
    const found = await Promise.all(all.map((k) => tx.store.get(k)));
    const records = new Map(all.map((k, i) => [k, found[i]]));
    const { show, writes } = decide(groups, all, records, now);
    await Promise.all(writes.map((w) => tx.store.put(w)));
    await tx.done;
    return show;
  }
  // Many keys (10,000 open incidents' deadlines each wake): the whole store read in pieces
  // (bulk.ts readInPieces) instead of a request per key, which kept IndexedDB busy for seconds
  // and the side panel waiting, or one request for all, which it waited for whole (issue 22).
  const records = new Map<string, NotifiedRecord | undefined>();
  const read = db.transaction('notified');
  for (const r of await readInPieces(read.store, (x) => x.key)) records.set(r.key, r);
  await read.done;
  const { show, writes } = decide(groups, all, records, now);
  // Written WRITE_PIECE at a time, each piece in its own transaction (bulk.ts WRITE_PIECE: 10,000
  // new keys in one took 1.3–1.6 s in which IndexedDB answered nothing else). Each piece reads its
  // keys again first: a key another context recorded since the read above is left as it is, and
  // shown here only if still pending (as a claim in one transaction would have found it).
  writes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < writes.length; i += WRITE_PIECE) {
    const piece = writes.slice(i, i + WRITE_PIECE);
    const tx = db.transaction('notified', 'readwrite');
    const range = IDBKeyRange.bound(piece[0]!.key, piece[piece.length - 1]!.key);
    const stored = new Map((await tx.store.getAll(range)).map((r) => [r.key, r]));
    const puts: Promise<unknown>[] = [];
    for (const w of piece) {
      const before = records.get(w.key);
      const current = stored.get(w.key);
      if (before === undefined && current !== undefined) {
        if (current.state !== 'pending') show.delete(w.key);
      } else if (before === undefined || current !== undefined) {
        puts.push(tx.store.put(before === undefined ? w : { ...current!, at: now }));
      }
    }
    await Promise.all(puts);
    await tx.done;
  }
  return show;
}

/**
 * Which keys to show, from their `records` as read, and the records to write: a key not yet
 * recorded (`pending` when shown, `shown` when recorded silently), a key still current re-dated.
 */
function decide(
  groups: readonly KeyGroup[],
  all: readonly string[],
  records: ReadonlyMap<string, NotifiedRecord | undefined>,
  now: number,
): { show: Set<string>; writes: NotifiedRecord[] } {
  const done = (k: string): boolean => {
    const r = records.get(k);
    return r !== undefined && r.state !== 'pending';
  };
  const show = new Set<string>();
  for (const g of groups) {
    const introNow = g.intro !== undefined && !done(g.intro);
    if (g.intro && introNow) show.add(g.intro);
    for (const k of g.changes) if (!introNow && !done(k)) show.add(k);
    for (const k of g.dues) if (!done(k)) show.add(k);
  }
  const writes: NotifiedRecord[] = [];
  for (const key of all) {
    const r = records.get(key);
    if (!r) writes.push({ key, at: now, state: show.has(key) ? 'pending' : 'shown' });
    else if (r.at < now - TOUCH_MS) writes.push({ ...r, at: now });
  }
  return { show, writes };
}

/**
 * Records the outcome for claimed keys: `shown` once their notification exists, or `held`.
 * WRITE_PIECE keys per transaction (see claimKeys): a worker stopped between two leaves the rest
 * pending, shown again later rather than never.
 */
export async function settleKeys(
  db: LensDatabase,
  keys: readonly string[],
  state: 'shown' | 'held',
  now: number,
): Promise<void> {
  for (let i = 0; i < keys.length; i += WRITE_PIECE) {
    const tx = db.transaction('notified', 'readwrite');
    const piece = keys.slice(i, i + WRITE_PIECE);
    await Promise.all(piece.map((key) => tx.store.put({ key, at: now, state })));
    await tx.done;
  }
}

/** The prefix of the records kept per notification created (rate limits count them). */
export const SHOWN_PREFIX = 'shown|';

/** Records that the notification `id` was created at `now`, about `scope` (a source) if any. */
export async function recordShown(
  db: LensDatabase,
  id: string,
  now: number,
  scope?: string,
): Promise<void> {
  await db.put('notified', {
    key: `${SHOWN_PREFIX}${id}`,
    at: now,
    state: 'shown',
    ...(scope ? { scope } : {}),
  });
}

/** Notifications created since `since` (their `shown|` records), through the `by-at` index. */
export async function shownSince(db: LensDatabase, since: number): Promise<NotifiedRecord[]> {
  const recent = await db.getAllFromIndex('notified', 'by-at', IDBKeyRange.lowerBound(since));
  return recent.filter((r) => r.key.startsWith(SHOWN_PREFIX));
}

/** Drops de-duplication records older than `before` (uses the v2 `by-at` index); returns the count. */
export async function pruneNotified(db: LensDatabase, before: number): Promise<number> {
  const tx = db.transaction('notified', 'readwrite');
  const keys = await tx.store.index('by-at').getAllKeys(IDBKeyRange.upperBound(before, true));
  await Promise.all(keys.map((k) => tx.store.delete(k)));
  await tx.done;
  return keys.length;
}

/** The key of a copied reply: its feed incident's key, which the overlay looks replies up by. */
export const copiedKey = feedKey;

/**
 * Records the reply an agent copied for a feed incident (replacing the previous one), keeping at
 * most `max` records: the oldest copies go first.
 */
export async function putCopiedReply(
  db: LensDatabase,
  rec: CopiedReplyRecord,
  max = Infinity,
): Promise<void> {
  const tx = db.transaction('copiedReplies', 'readwrite');
  await tx.store.put(rec);
  if ((await tx.store.count()) > max) {
    const all = await tx.store.getAll();
    all.sort((a, b) => a.copiedAt - b.copiedAt);
    await Promise.all(all.slice(0, all.length - max).map((r) => tx.store.delete(r.key)));
  }
  await tx.done;
}

/** Every copied reply, keyed by `${sourceId}|${incidentId}`. */
export async function copiedReplies(db: LensDatabase): Promise<Map<string, CopiedReplyRecord>> {
  return new Map((await db.getAll('copiedReplies')).map((r) => [r.key, r]));
}
