/**
 * Team mode's pure rules: who wrote a shared record, and how concurrent versions of one record are
 * merged deterministically, so two browsers that resolve the same conflict reach the same result.
 */

/** Who wrote a shared record: the CouchDB user name (checked by the server) and a display name. */
export interface Author {
  name: string;
  display: string;
}

/** The author of records written while no team is configured (claimed by the user on connect). */
export const LOCAL_AUTHOR: Author = { name: '', display: '' };

/** One concurrent version of a record, as the replicas hold it. */
export interface Version<T> {
  /** The revision id: breaks ties of `at`, so every replica picks the same winner. */
  rev: string;
  record: T;
  author: Author;
  /** When it was written (epoch ms). */
  at: number;
}

/** A field value that lost to a later concurrent edit. */
export interface LostEdit {
  field: string;
  value: unknown;
  /** The value that won. */
  kept: unknown;
  author: Author;
  at: number;
}

export interface Merged<T> {
  record: T;
  /** The version whose author and time the merged record carries. */
  winner: Version<T>;
  lost: LostEdit[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Later first; equal times by revision id, so the order is the same on every replica. */
function later<T>(a: Version<T>, b: Version<T>): number {
  return b.at - a.at || (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0);
}

/**
 * Merges concurrent versions field by field. With their common ancestor `base`, a field only one
 * side changed keeps that change; a field several changed takes the latest edit, and every other
 * value is returned in `lost` (to be recorded, never dropped silently). Without a base, every
 * differing field counts as edited on both sides. `ignore` names bookkeeping fields (like
 * `updatedAt`) that take the latest value and are never reported.
 */
export function mergeVersions<T extends object>(
  versions: readonly Version<T>[],
  base?: T,
  ignore: readonly string[] = [],
): Merged<T> {
  if (versions.length === 0) throw new Error('Nothing to merge.');
  const ordered = [...versions].sort(later);
  const winner = ordered[0]!;
  const out: Record<string, unknown> = { ...(winner.record as Record<string, unknown>) };
  const lost: LostEdit[] = [];
  const rec = (v: Version<T>): Record<string, unknown> =>
    v.record as unknown as Record<string, unknown>;
  const baseRec = base as Record<string, unknown> | undefined;
  const fields = new Set(ordered.flatMap((v) => Object.keys(v.record)));
  for (const field of [...fields].sort()) {
    if (ignore.includes(field)) continue;
    const changed = baseRec ? ordered.filter((v) => !same(rec(v)[field], baseRec[field])) : ordered;
    if (changed.length === 0) continue;
    // The latest version that changed the field wins it; the others' different values are lost.
    const keep = changed[0]!;
    const kept = rec(keep)[field];
    if (kept === undefined) delete out[field];
    else out[field] = kept;
    for (const v of changed.slice(1)) {
      const value = rec(v)[field];
      if (!same(value, kept) && !lost.some((l) => l.field === field && same(l.value, value)))
        lost.push({ field, value, kept, author: v.author, at: v.at });
    }
  }
  return { record: out as T, winner, lost };
}

/** The words of a timeline note recording a lost concurrent edit. */
export function lostEditText(l: LostEdit): string {
  const who = l.author.display || l.author.name || 'someone';
  return `Edited concurrently by ${who}: ${l.field} was set to ${JSON.stringify(l.value)}; ${JSON.stringify(l.kept)} was kept (the later edit).`;
}
