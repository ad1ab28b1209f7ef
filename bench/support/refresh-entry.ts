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

/** When the clock of this context reads `t` (performance.now()), on the wall clock shared by all. */
const wall = (t: number) => performance.timeOrigin + t;

let started: Promise<{ ms: number; end: number }> | undefined;

/**
 * Starts a refresh of `kind` here and returns at once (run in the extension's service worker,
 * where the worker's own refresh runs: the list in a page then shares only the database with it).
 */
export function begin(kind: RefreshKind): void {
  started = refreshOnce(kind).then((r) => ({ ms: r.ms, end: wall(performance.now()) }));
}

/** The refresh `begin` started: its time, and when it ended on the shared wall clock. */
export async function finish(): Promise<{ ms: number; end: number }> {
  const r = await started!;
  started = undefined;
  return r;
}

/**
 * The side panel list's first screen (readList on its own connection, as the panel opens it)
 * while a refresh of `kind` runs on another connection in this page, started just before (so
 * the two share this page's thread as well as the database); `none`: alone (`end`: when it was
 * read, on the wall clock `finish` uses).
 */
export async function listDuring(kind: 'none' | 'refresh' | 'before') {
  const running = kind === 'none' ? Promise.resolve() : refreshOnce(kind).then(() => undefined);
  const t0 = performance.now();
  const db = await openLensDB();
  const list = await readList(db, Date.now());
  const t1 = performance.now();
  db.close();
  await running;
  return { ms: t1 - t0, end: wall(t1), rows: list.open.length, open: list.openTotal };
}
