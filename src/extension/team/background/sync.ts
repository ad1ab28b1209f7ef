import type { Deps } from '../../background/deps';
import { refresh } from '../../background/refresh';
import type { LensDatabase } from '../../db/open';
import type { Pouch, PouchError, PouchSync } from '../../db/pouch';
import type { TeamConfig } from '../../db/schema';
import type { SharedDoc } from '../../db/shared-docs';
import { project } from '../../db/shared';
import { TEAM_STATUS_KEY, type TeamStatus } from '../protocol';
import { teamRuntime, type TeamRuntime } from './store';

/**
 * Replication with the team database under MV3 rules. The worker may be stopped at any moment,
 * so nothing here lives only in memory: PouchDB keeps its replication checkpoints in `_local`
 * documents on both sides (a stopped run resumes from the last one), the status and the two
 * sequence marks below are in storage.local, and every wake re-reads the configuration.
 *
 * - one-shot sync: on the poll alarm (every 30 s) and after each local write. On the alarm, one
 *   request (the database's info) says whether anything changed on the server; with nothing new
 *   there and nothing written here since the last push, that is all (a full one-shot sync costs
 *   about eight requests: checkpoints, `_changes` both ways, …);
 * - live sync: while a side panel, options or reviews page holds a port open (see TEAM_LIVE_PORT).
 *
 * Documents are copied into the local stores as each replication batch lands (coalesced: one
 * projection pass at a time, see `project`), and a large pull shows its progress in the status.
 */

/** The team database's URL (PouchDB's HTTP adapter sends the `_session` cookie with each request). */
export const remoteUrl = (config: TeamConfig): string =>
  `${config.url.replace(/\/$/, '')}/${encodeURIComponent(config.db)}`;

function remote(deps: Deps, config: TeamConfig): Pouch<SharedDoc> {
  if (!deps.pouch) throw new Error('No PouchDB in this context.');
  return deps.pouch<SharedDoc>(remoteUrl(config));
}

/**
 * Replication batches. PouchDB's default (100 documents, 10 batches ahead) costs five requests
 * per 100 documents (`_revs_diff`, `_bulk_get`, the source checkpoint's read and write, an info
 * read): 10,000 requests for a first sync of 200,000 event documents. 500 per batch cuts that
 * fivefold; two batches ahead bound what waits in memory.
 */
export const REPLICATION = { batch_size: 500, batches_limit: 2 } as const;

/** Status updates and view refreshes during a long replication: at most this often. */
const REFRESH_MS = 2_000;
/** A pull of more documents than this shows its progress ("Syncing: 12,345 of 210,020"). */
const PROGRESS_OVER = 500;

export async function readStatus(deps: Deps): Promise<TeamStatus> {
  const got = (await deps.platform.getLocal(TEAM_STATUS_KEY)) as TeamStatus | undefined;
  return got ?? { state: 'off', pending: 0 };
}

export async function writeStatus(deps: Deps, s: TeamStatus): Promise<TeamStatus> {
  await deps.platform.setLocal({ [TEAM_STATUS_KEY]: s });
  return s;
}

type Seq = number | string;

/** The local sequence up to which the server has every local change (the last push). */
const PUSHED = 'teamPushedSeq';
/** The server's `update_seq` read before the last complete sync (its changes are all here). */
const PULLED = 'teamRemoteSeq';

const getSeq = async (deps: Deps, key: string) =>
  (await deps.platform.getLocal(key)) as Seq | undefined;
/** Sequences are opaque (CouchDB 3's are strings): only equality means anything. */
const sameSeq = (a: Seq | undefined, b: Seq | undefined) =>
  a !== undefined && b !== undefined && String(a) === String(b);

/** Local changes the server does not have yet: this browser's writes after the last push. */
async function pendingCount(local: Pouch<SharedDoc>, pushedSeq: Seq | undefined, mine: string) {
  // Only this browser's own writes wait: documents pulled from others also advance the local
  // sequence, but the server has them already. Read in pages: after a large pull that has not
  // been pushed past yet, the tail holds every pulled document.
  let since: Seq = pushedSeq ?? 0;
  let n = 0;
  for (;;) {
    const page = await local.changes({ since, include_docs: true, limit: 500 });
    n += page.results.filter((c) => !c.id.startsWith('_') && c.doc?.author?.name === mine).length;
    if (page.results.length < 500) return n;
    since = page.last_seq;
  }
}

/** What an error from the server means for the user, in words; `needsLogin` for 401/403. */
export function describeSyncError(e: unknown, config: TeamConfig): Omit<TeamStatus, 'pending'> {
  const err = e as PouchError | null;
  const status = err?.status;
  if (status === 401 || status === 403)
    return {
      state: 'error',
      needsLogin: true,
      message:
        status === 401
          ? `The server no longer accepts the sign-in of ${config.user}: sign in again. Nothing is lost; changes wait here.`
          : `${config.user} may not use the database ${config.db} (not a member). Nothing is lost; changes wait here.`,
    };
  if (status === undefined || status === 0 || err?.name === 'TypeError')
    return { state: 'offline', message: 'The team server cannot be reached.' };
  return {
    state: 'error',
    message: `The team server answered ${status}: ${err?.reason ?? err?.message ?? 'an error'}.`,
  };
}

let running: Promise<TeamStatus> | null = null;
/** A call arrived while a sync ran (a local write, say): run once more when it ends. */
let again = false;

/**
 * One replication both ways (or only the one cheap check when nothing changed), then the local
 * stores catch up and the views refresh. A call while one runs is served by one more run after it
 * (a write made meanwhile may have missed the running push). Returns the status it published.
 */
export function syncOnce(deps: Deps): Promise<TeamStatus> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let status: TeamStatus;
    do {
      again = false;
      status = await syncNow(deps);
    } while (again);
    return status;
  })().finally(() => (running = null));
  return running;
}

const baseOf = (config: TeamConfig) => ({ url: config.url, db: config.db, user: config.user });

async function syncNow(deps: Deps): Promise<TeamStatus> {
  const db = await deps.db();
  const rt = teamRuntime(db);
  const config = rt?.config;
  // Local-only (the default): nothing to replicate, nothing to publish.
  if (!rt || !config) return { state: 'off', pending: 0 };
  const local = rt.store.pouch;
  const before = await readStatus(deps);
  const base = baseOf(config);
  const pushed = await getSeq(deps, PUSHED);
  try {
    const server = remote(deps, config);
    // The one request of a quiet alarm: the database's info (its update_seq).
    const info = await server.info();
    const quiet =
      before.state === 'connected' &&
      sameSeq(info.update_seq, await getSeq(deps, PULLED)) &&
      sameSeq((await local.info()).update_seq, pushed);
    if (quiet) return await writeStatus(deps, { ...before, ...base, lastSyncAt: deps.now() });
    const run = local.sync(server, REPLICATION);
    const watcher = watch(deps, db, rt, run, info.doc_count);
    const result = (await run) as { push?: { last_seq?: Seq } };
    await watcher.idle();
    // What the push read up to is on the server; the pull has everything up to the info read
    // before it (later changes show as a new update_seq at the next alarm).
    await deps.platform.setLocal({
      [PUSHED]: result.push?.last_seq ?? (await local.info()).update_seq,
      [PULLED]: info.update_seq,
    });
    await project(db, rt.store);
    await refresh(deps);
    return await writeStatus(deps, {
      ...base,
      state: 'connected',
      since: before.state === 'connected' ? before.since : deps.now(),
      pending: 0,
      lastSyncAt: deps.now(),
    });
  } catch (e) {
    // Whatever arrived before the failure is copied in; nothing local is dropped.
    await project(db, rt.store).catch(() => undefined);
    const d = describeSyncError(e, config);
    return writeStatus(deps, {
      ...base,
      ...d,
      since: before.state === d.state && before.since ? before.since : deps.now(),
      pending: await pendingCount(local, pushed, config.user),
      ...(before.lastSyncAt ? { lastSyncAt: before.lastSyncAt } : {}),
    });
  }
}

/** What follows a replication (see `watch`). */
interface Watcher {
  /** Resolves when no projection step of this watcher runs. */
  idle(): Promise<void>;
}

/**
 * Follows a replication (one-shot or live): each pulled batch is copied into the local stores as it
 * lands (one pass at a time), the views refresh and a large pull publishes its progress at most
 * every REFRESH_MS, so the first sync of a big team database shows "Syncing: n of m" and fills the
 * views as it goes instead of holding every batch until the end. Each push checkpoint moves the
 * "pushed" mark: everything up to it is on the server, written or found there already.
 */
function watch(
  deps: Deps,
  db: LensDatabase,
  rt: TeamRuntime,
  run: PouchSync,
  total: number,
  /** After a push that wrote documents has checkpointed (the live sync's "waiting" count). */
  onPushed?: () => void,
): Watcher {
  const config = rt.config!;
  let last = deps.now();
  let showing = false;
  let caughtUp = false;
  let busy: Promise<void> | null = null;
  const step = async () => {
    await project(db, rt.store);
    if (deps.now() - last < REFRESH_MS) return;
    last = deps.now();
    const have = (await rt.store.pouch.info()).doc_count;
    // Progress only for a pull worth watching (a fresh profile joining a large team).
    if (!caughtUp && (showing || total - have > PROGRESS_OVER)) {
      showing = true;
      const before = await readStatus(deps);
      await writeStatus(deps, {
        ...before,
        ...baseOf(config),
        state: 'syncing',
        pending: before.pending,
        progress: { done: Math.min(have, total), total },
      });
    }
    await refresh(deps);
  };
  let wrote = false;
  run.on('change', (info) => {
    if (info.direction === 'push') wrote = true;
    if (info.direction === 'push' || busy) return;
    busy = step()
      .catch((e: unknown) => console.error('[incident-lens] team sync failed:', e))
      .finally(() => (busy = null));
  });
  // (a live sync pauses when both directions are up to date, and turns active on new changes)
  run.on('paused', () => (caughtUp = true)).on('active', () => (caughtUp = false));
  run.push.on('checkpoint', (info) => {
    if (info.checkpoint === undefined) return;
    const pushed = wrote;
    wrote = false;
    void deps.platform.setLocal({ [PUSHED]: info.checkpoint }).then(() => {
      if (pushed) onPushed?.();
    });
  });
  return { idle: async () => void (await busy) };
}

/** Pages holding a live port now (they count whether or not a team is configured). */
let ports = 0;
/** The live replication, while one runs. */
let replication: { cancel(): void } | null = null;
let starting: Promise<void> | null = null;

/** True while a page keeps live replication running. */
export const isLive = (): boolean => replication !== null;

/**
 * Counts a page that holds a live port, and starts live replication (both ways, retrying) if a team
 * is configured; each change that arrives is copied into the local stores and the views refresh.
 * Returns a stop function for that page's port.
 */
export async function startLive(deps: Deps): Promise<() => void> {
  ports++;
  let released = false;
  await ensureLive(deps);
  return () => {
    if (released) return;
    released = true;
    if (--ports <= 0) {
      ports = 0;
      stopLive();
      // A write made just before the last page closed may not have been pushed by the cancelled
      // live replication: a one-shot sync sends it now rather than at the next alarm.
      void syncOnce(deps).catch(() => undefined);
    }
  };
}

/**
 * (Re)starts live replication for the pages already open: after connecting or signing in again,
 * a page opened before (the options page the user connected from) syncs live at once, and a
 * replication that ended on an error (a 401) is replaced by one with the new session.
 */
export async function restartLive(deps: Deps): Promise<void> {
  stopLive();
  await ensureLive(deps);
}

function ensureLive(deps: Deps): Promise<void> {
  if (ports <= 0 || replication) return Promise.resolve();
  starting ??= beginLive(deps).finally(() => (starting = null));
  return starting;
}

async function beginLive(deps: Deps): Promise<void> {
  const db = await deps.db();
  const rt = teamRuntime(db);
  if (!rt?.config || ports <= 0 || replication) return;
  const config = rt.config;
  const server = remote(deps, config);
  // The size of the database, for the progress of a first sync (unknown offline: no progress).
  const total = await server.info().then(
    (i) => i.doc_count,
    () => 0,
  );
  if (ports <= 0 || replication) return;
  const run = rt.store.pouch.sync(server, { ...REPLICATION, live: true, retry: true });
  replication = run;
  const watcher = watch(deps, db, rt, run, total, () => settle());
  // Coalesced: one settling at a time, and one more if a batch arrived meanwhile.
  let settling: Promise<void> | null = null;
  let more = false;
  const settle = (): void => {
    if (settling) {
      more = true;
      return;
    }
    settling = (async () => {
      do {
        more = false;
        await watcher.idle();
        await settleLive(deps, db, rt, config);
      } while (more);
    })()
      .catch((e: unknown) => console.error('[incident-lens] team sync failed:', e))
      .finally(() => (settling = null));
  };
  // An ended replication (a refused session, say) is forgotten, so the next connect starts anew.
  const ended = (err: unknown): void => {
    if (replication === run) replication = null;
    void failed(deps, config, err);
  };
  run
    .on('paused', (err) => {
      if (!err) return settle();
      void failed(deps, config, err);
    })
    // One document the server refused (its validation): not the session. It stays here.
    .on('denied', (err) => console.warn('[incident-lens] the team server refused a document:', err))
    .on('error', ended);
}

/** Live replication caught up (or pushed): copy in, refresh, and publish "connected". */
async function settleLive(
  deps: Deps,
  db: LensDatabase,
  rt: TeamRuntime,
  config: TeamConfig,
): Promise<void> {
  await project(db, rt.store);
  await refresh(deps);
  const before = await readStatus(deps);
  const waiting = await pendingCount(rt.store.pouch, await getSeq(deps, PUSHED), config.user);
  // Offline with writes waiting: an idle pause says nothing about what the server has.
  if (before.state !== 'connected' && before.state !== 'syncing' && waiting > 0) return;
  await writeStatus(deps, {
    ...baseOf(config),
    state: 'connected',
    since: before.state === 'connected' ? before.since : deps.now(),
    pending: waiting,
    lastSyncAt: deps.now(),
  });
}

async function failed(deps: Deps, config: TeamConfig, err: unknown): Promise<void> {
  const db = await deps.db();
  const rt = teamRuntime(db);
  if (!rt) return;
  const before = await readStatus(deps);
  const d = describeSyncError(err, config);
  await writeStatus(deps, {
    ...baseOf(config),
    ...d,
    since: before.state === d.state && before.since ? before.since : deps.now(),
    pending: await pendingCount(rt.store.pouch, await getSeq(deps, PUSHED), config.user),
    ...(before.lastSyncAt ? { lastSyncAt: before.lastSyncAt } : {}),
  });
}

/** Stops live replication (the last page closed, or the team was disconnected). */
export function stopLive(): void {
  replication?.cancel();
  replication = null;
}
