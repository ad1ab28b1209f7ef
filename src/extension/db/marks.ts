import type { LensDatabase } from './open';
import type { CopiedReplyRecord } from './schema';
import { feedKey } from './sources';

/** Keys of one incident's notifications (see NoticeGroup in background/notices.ts). */
export interface KeyGroup {
  intro?: string;
  /** Claimed silently when `intro` is claimed now. */
  changes: string[];
  dues: string[];
}

/**
 * Claims notification keys in one transaction: every key not yet in `notified` is recorded, and the
 * keys to SHOW are returned. A key is returned at most once in the database's life, whatever worker
 * restarts happen — that is what makes a notification never repeat.
 */
export async function claimKeys(
  db: LensDatabase,
  groups: readonly KeyGroup[],
  now: number,
): Promise<Set<string>> {
  const all = [
    ...new Set(groups.flatMap((g) => [...(g.intro ? [g.intro] : []), ...g.changes, ...g.dues])),
  ];
  const tx = db.transaction('notified', 'readwrite');
  const found = await Promise.all(all.map((k) => tx.store.getKey(k)));
  const known = new Set(all.filter((_k, i) => found[i] !== undefined));
  const show = new Set<string>();
  for (const g of groups) {
    const introNow = g.intro !== undefined && !known.has(g.intro);
    if (g.intro && introNow) show.add(g.intro);
    for (const k of g.changes) if (!introNow && !known.has(k)) show.add(k);
    for (const k of g.dues) if (!known.has(k)) show.add(k);
  }
  await Promise.all(all.filter((k) => !known.has(k)).map((key) => tx.store.put({ key, at: now })));
  await tx.done;
  return show;
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

/** Records the reply an agent copied for a feed incident (replacing the previous one). */
export async function putCopiedReply(db: LensDatabase, rec: CopiedReplyRecord): Promise<void> {
  await db.put('copiedReplies', rec);
}

/** Every copied reply, keyed by `${sourceId}|${incidentId}`. */
export async function copiedReplies(db: LensDatabase): Promise<Map<string, CopiedReplyRecord>> {
  return new Map((await db.getAll('copiedReplies')).map((r) => [r.key, r]));
}
