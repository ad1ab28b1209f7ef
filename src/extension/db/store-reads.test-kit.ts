import { onTestFinished } from 'vitest';

/**
 * Records every read request (get, getAll, getAllKeys, count, cursors), by object store, from now
 * until the test ends, whether made on the store or one of its indexes; and, like
 * timeline-reads.test-kit.ts, the incident of every timeline `getAll`. The tests that say a view
 * "reads no review" count through this.
 */
export function countStoreReads(): { of(store: string): string[]; timelines: string[] } {
  const reads: { store: string; method: string }[] = [];
  const timelines: string[] = [];
  const methods = ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const;
  const restore: (() => void)[] = [];
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as const) {
    for (const m of methods) {
      const target = proto as unknown as Record<string, (...a: unknown[]) => unknown>;
      const original = target[m]!;
      target[m] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const store = this instanceof IDBIndex ? this.objectStore.name : this.name;
        reads.push({ store, method: m });
        const query = args[0];
        if (store === 'timeline' && m === 'getAll')
          timelines.push(
            String(query instanceof IDBKeyRange ? (query.lower as unknown[])[0] : query),
          );
        return original.apply(this, args);
      };
      restore.push(() => void (target[m] = original));
    }
  }
  onTestFinished(() => restore.forEach((r) => r()));
  return {
    /** The read methods called on one store (or its indexes), in order. */
    of: (store) => reads.filter((r) => r.store === store).map((r) => r.method),
    timelines,
  };
}
