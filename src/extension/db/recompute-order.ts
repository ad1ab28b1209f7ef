/**
 * The one order in which every summary and tally is recomputed (after a policy change, and after a
 * replace import), one batch at a time: the open incidents by id first (phase 'open': the side
 * panel's list reads their summaries), then the others by id (phase 'rest'). The recorded
 * `SummariesRecompute` says where it stands: the phase, and the last id it has done in it.
 *
 * Two writers go through it: the import plans its batches from the backup's records
 * (import-derived.ts), the background recomputation reads each batch from the stores
 * (summaries.ts `recomputeBatch`). Both record the mark this module gives after each batch, so a
 * worker stopped in the middle of an import resumes from the record with exactly the incidents
 * the import had not written yet. Pure: no database, no clock.
 */
import type { SummariesRecompute } from './schema';

/**
 * The batch at `mark`, from `ids`: its phase's ids after `mark.after`, in id order, as many as a
 * batch holds (`size`; more are ignored). In phase 'rest' they may include open incidents,
 * which the caller skips (done in the first phase). A batch shorter than `size` ends the phase.
 * Gives the ids to compute and the mark to record with them (null: all done).
 */
export function nextBatch(
  mark: SummariesRecompute,
  ids: readonly string[],
  size: number,
): { ids: string[]; next: SummariesRecompute | null } {
  const batch = ids.slice(0, size);
  if (batch.length === size && size > 0)
    return { ids: batch, next: { ...mark, after: batch.at(-1)! } };
  return {
    ids: batch,
    next: mark.phase === 'open' ? { ...mark, phase: 'rest', after: null } : null,
  };
}

/** The ids of `sorted` (ascending) after `after` (all of them for null), at most `n`. */
export function idsAfter(sorted: readonly string[], after: string | null, n: number): string[] {
  let lo = 0;
  if (after !== null) {
    // the first index whose id is greater than `after`
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > after) hi = mid;
      else lo = mid + 1;
    }
  }
  return sorted.slice(lo, lo + n);
}

/**
 * Every batch of a recomputation from `mark` over incidents whose ids and statuses are all known
 * (the import's records): each batch's ids and the mark to record with it, the last one's null.
 * A batch with nothing to compute only moves the mark; it is folded into the one before it, or
 * left to the one after, so no transaction writes nothing but the mark, except the only one
 * (no incident at all: it removes the mark).
 */
export function planBatches(
  incidents: readonly { id: string; status: string }[],
  mark: SummariesRecompute,
  size: number,
): { ids: string[]; next: SummariesRecompute | null }[] {
  const ids = (open: boolean) =>
    incidents
      .filter((i) => (i.status === 'open') === open)
      .map((i) => i.id)
      .sort();
  const phases = { open: ids(true), rest: ids(false) };
  const batches: { ids: string[]; next: SummariesRecompute | null }[] = [];
  for (let at: SummariesRecompute | null = mark; at;) {
    const batch = nextBatch(at, idsAfter(phases[at.phase], at.after, size), size);
    const before = batches.at(-1);
    if (batch.ids.length > 0 || (!before && !batch.next)) batches.push(batch);
    else if (before) before.next = batch.next;
    at = batch.next;
  }
  return batches;
}
