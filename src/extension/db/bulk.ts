/**
 * Bulk writes and reads with one request per record but not one promise per record (issue 22).
 * The `idb` wrapper gives every request a promise with two listeners: for 30,000 puts that was
 * over a second of the page's time on a loaded machine, beside the structured clone of the
 * records themselves. Requests of one transaction run in the order they were made, so the last
 * one succeeding means every earlier one did: a failed one aborts the transaction (its error is
 * not prevented), and every request after it fails too.
 */
import { unwrap } from 'idb';

/** An object store that may write records of type T (the `idb` wrapper's, or the browser's own). */
type Writable<T> = { put(value: T, ...rest: never[]): Promise<unknown> } | IDBObjectStore;

/** The browser's own store behind the wrapper (a Proxy: `instanceof` cannot tell them apart). */
const raw = <T>(store: Writable<T>): IDBObjectStore =>
  (unwrap(store as never) as unknown as IDBObjectStore | undefined) ?? (store as IDBObjectStore);

/** Resolves once `req` succeeded; rejects with its error (the transaction aborts with it). */
export const settled = (req: IDBRequest): Promise<void> =>
  new Promise((resolve, reject) => {
    req.addEventListener('success', () => resolve());
    req.addEventListener('error', () => reject(req.error ?? new Error('IndexedDB request failed')));
  });

/**
 * Puts every record, a request each and one promise for all: resolves once the last is written,
 * rejects when the transaction fails. A record refused on the spot (no key, not cloneable) throws,
 * as `put` does: the caller aborts the transaction.
 */
export function putAll<T>(store: Writable<T>, records: Iterable<T>): Promise<void> {
  const s = raw(store);
  let last: IDBRequest | undefined;
  for (const r of records) last = s.put(r);
  return last ? settled(last) : Promise.resolve();
}

/** The source of a key read: an object store or an index. */
type KeySource = { getAllKeys(query: IDBKeyRange, count: number): Promise<unknown[]> };

/** At most this many keys are read to learn which of some keys a store holds. */
export const SPAN_KEYS = 2_000;

/**
 * Which of `keys` (strings) the store holds, from one key read over their span (a bulk write of
 * new incidents then reads or deletes nothing per incident: each request cost as much as a put).
 * `prefix`: the store's keys are arrays starting with one of `keys` (an incident's chunks, a
 * review's action items); the first elements found are returned. Null when there are too few to
 * be worth it or the span holds more than SPAN_KEYS keys: then each one must be looked up.
 */
export async function presentKeys(
  store: KeySource,
  keys: readonly string[],
  { prefix = false }: { prefix?: boolean } = {},
): Promise<Set<string> | null> {
  if (keys.length < 4) return null;
  let lo = keys[0]!;
  let hi = lo;
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const range = prefix ? IDBKeyRange.bound([lo], [hi, []]) : IDBKeyRange.bound(lo, hi);
  const found = await store.getAllKeys(range, SPAN_KEYS + 1);
  if (found.length > SPAN_KEYS) return null;
  return new Set(found.map((k) => (prefix ? (k as [string])[0] : (k as string))));
}

/** An object store read by ranges (the `idb` wrapper's), with its records' keys. */
type RangeSource<T> = { getAll(query: IDBKeyRange | null, count: number): Promise<T[]> };

/**
 * Records read at most this many per request by `readInPieces`. Chromium's IndexedDB answers
 * one request at a time per database: a read of 10,000 summaries took 90–210 ms on a loaded
 * machine, and a side panel's read started meanwhile waited for all of it (issue 22). A piece of
 * this size takes a few milliseconds, and another connection's requests are answered between.
 */
export const READ_PIECE = 500;

/**
 * Records written at most this many per transaction where a write of many need not be atomic
 * (the notification keys' claims, db/marks.ts). Chromium's IndexedDB commits one transaction at a
 * time per database and answers nothing else meanwhile: 10,000 puts in one transaction took
 * 1.3–1.6 s, and a side panel opened then waited for it, its connection's open included (issue 22).
 */
export const WRITE_PIECE = 500;

/**
 * Every record of an object store, in key order, read READ_PIECE at a time within the caller's
 * transaction (each piece starts after the last key of the one before, so the result is the
 * whole store as one `getAll` gives it, read in that transaction's snapshot).
 */
export async function readInPieces<T>(
  store: RangeSource<T>,
  keyOf: (record: T) => IDBValidKey,
  piece: number = READ_PIECE,
): Promise<T[]> {
  const out: T[] = [];
  let from: IDBKeyRange | null = null;
  for (;;) {
    const got = await store.getAll(from, piece);
    for (const r of got) out.push(r);
    if (got.length < piece) return out;
    from = IDBKeyRange.lowerBound(keyOf(got[got.length - 1]!), true);
  }
}

/**
 * Every record under `query` of an index (or store), in its order, through one cursor: what
 * `getAll(query)` returns, for an index whose entries share one key (the open incidents of
 * `by-status`), which a ranged `getAll` cannot read in pieces. Chromium reads a cursor ahead in
 * batches of up to a hundred records, so IndexedDB answers other connections' requests between
 * them instead of after the whole read (issue 22: 10,000 open records took 150–260 ms in one
 * request on a loaded machine, and a side panel's read waited for it). No promise per record.
 */
export function readThroughCursor<T>(
  source: IDBIndex | IDBObjectStore,
  query: IDBValidKey | IDBKeyRange,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    const req = source.openCursor(query);
    req.addEventListener('success', () => {
      const cursor = req.result;
      if (!cursor) return resolve(out);
      out.push(cursor.value as T);
      cursor.continue();
    });
    req.addEventListener('error', () => reject(req.error ?? new Error('IndexedDB request failed')));
  });
}
