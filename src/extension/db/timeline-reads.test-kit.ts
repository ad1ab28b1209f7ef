import { onTestFinished } from 'vitest';

/**
 * Records every timeline read (a `getAll` of the `timeline` chunk store), by incident id, from now
 * until the test ends, whichever repository function or transaction makes it: the tests that say a
 * view "reads no timeline" count through this.
 */
export function countTimelineReads(): string[] {
  const read: string[] = [];
  const proto = IDBObjectStore.prototype;
  const original = proto.getAll;
  proto.getAll = function (
    this: IDBObjectStore,
    query?: IDBValidKey | IDBKeyRange | null,
    count?: number,
  ) {
    if (this.name === 'timeline')
      read.push(String(query instanceof IDBKeyRange ? (query.lower as unknown[])[0] : query));
    return original.call(this, query, count);
  };
  onTestFinished(() => void (proto.getAll = original));
  return read;
}
