/**
 * Bundled by bench/refresh.bench.ts (Vite, IIFE) and evaluated in an extension page, so the
 * worker's refresh runs through the real repository code against the extension's real IndexedDB
 * (issue 22: a refresh with 10,000 incidents stored, many open).
 */
import { computeRefresh, refresh } from '../../src/extension/background/refresh';
import { computeRefreshBefore } from '../../src/extension/background/refresh-before.test-kit';
import type { Deps, Platform } from '../../src/extension/background/deps';
import { openLensDB } from '../../src/extension/db/open';
import { readList } from '../../src/extension/sidepanel/data';

export { seed } from './idb-entry';

/** A platform that shows nothing: the refresh's reads, computation and database writes are timed. */
const quiet = new Proxy({} as Platform, {
  get: () => async () => null,
});

/** Counts the timeline reads (a `getAll` of the `timeline` store) made while `f` runs. */
async function counting<T>(f: () => Promise<T>): Promise<{ value: T; timelines: number }> {
  const proto = IDBObjectStore.prototype;
  const original = proto.getAll;
  let timelines = 0;
  proto.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    if (this.name === 'timeline') timelines++;
    return original.apply(this, args);
  };
  try {
    return { value: await f(), timelines };
  } finally {
    proto.getAll = original;
  }
}

export type RefreshKind = 'refresh' | 'compute' | 'before';

/**
 * One refresh at the current time: `refresh` (what an alarm wake runs: reads, computation, the
 * overlay, the badge and the notices' claims), `compute` (its reads and computation alone) or
 * `before` (the same computation as it was before issue 22: every watched timeline read).
 */
export async function refreshOnce(kind: RefreshKind) {
  const db = await openLensDB();
  const deps: Deps = {
    db: async () => db,
    now: () => Date.now(),
    random: Math.random,
    newId: () => crypto.randomUUID(),
    fetch: () => Promise.reject(new Error('no network in the bench')),
    platform: quiet,
  };
  const t0 = performance.now();
  const { timelines } = await counting<unknown>(() =>
    kind === 'refresh'
      ? refresh(deps)
      : kind === 'compute'
        ? computeRefresh(db, Date.now())
        : computeRefreshBefore(db, Date.now()),
  );
  const ms = performance.now() - t0;
  db.close();
  return { ms, timelines };
}

/**
 * The side panel list's first screen (readList on its own connection, as the panel opens it)
 * while a refresh of `kind` runs on another connection, started just before; `none`: alone.
 */
export async function listDuring(kind: 'none' | 'refresh' | 'before') {
  const running = kind === 'none' ? Promise.resolve() : refreshOnce(kind).then(() => undefined);
  const t0 = performance.now();
  const db = await openLensDB();
  const list = await readList(db, Date.now());
  const ms = performance.now() - t0;
  db.close();
  await running;
  return { ms, rows: list.open.length, open: list.openTotal };
}
