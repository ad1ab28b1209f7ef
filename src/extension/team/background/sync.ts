import type { Deps } from '../../background/deps';
import { refresh } from '../../background/refresh';
import type { Pouch, PouchError } from '../../db/pouch';
import type { TeamConfig } from '../../db/schema';
import type { SharedDoc } from '../../db/shared-docs';
import { project } from '../../db/shared';
import { TEAM_STATUS_KEY, type TeamStatus } from '../protocol';
import { teamRuntime } from './store';

/**
 * Replication with the team database under MV3 rules. The worker may be stopped at any moment,
 * so nothing here lives only in memory: PouchDB keeps its replication checkpoints in `_local`
 * documents on both sides (a stopped run resumes from the last one), the status is in
 * storage.local, and every wake re-reads the configuration.
 *
 * - one-shot sync: on the poll alarm (every 30 s) and after each local write;
 * - live sync: while a side panel, options or reviews page holds a port open (see TEAM_LIVE_PORT).
 */

/** The team database's URL (PouchDB's HTTP adapter sends the `_session` cookie with each request). */
export const remoteUrl = (config: TeamConfig): string =>
  `${config.url.replace(/\/$/, '')}/${encodeURIComponent(config.db)}`;

function remote(deps: Deps, config: TeamConfig): Pouch<SharedDoc> {
  if (!deps.pouch) throw new Error('No PouchDB in this context.');
  return deps.pouch<SharedDoc>(remoteUrl(config));
}

export async function readStatus(deps: Deps): Promise<TeamStatus> {
  const got = (await deps.platform.getLocal(TEAM_STATUS_KEY)) as TeamStatus | undefined;
  return got ?? { state: 'off', pending: 0 };
}

export async function writeStatus(deps: Deps, s: TeamStatus): Promise<TeamStatus> {
  await deps.platform.setLocal({ [TEAM_STATUS_KEY]: s });
  return s;
}

/** Local changes the server does not have yet: those after the last successful push. */
async function pendingCount(local: Pouch<SharedDoc>, pushedSeq: number | string | undefined) {
  // Only this browser's own writes wait: documents pulled from others also advance the local
  // sequence, but the server has them already.
  const changes = await local.changes({ since: pushedSeq ?? 0, include_docs: true });
  const mine = teamUser;
  return changes.results.filter(
    (c) => !c.id.startsWith('_') && (mine === null || c.doc?.author?.name === mine),
  ).length;
}

/** The signed-in user whose writes count as waiting (set by each sync run). */
let teamUser: string | null = null;

const PUSHED = 'teamPushedSeq';

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

/**
 * One replication both ways, then the local stores catch up and the views refresh. A second call
 * while one runs waits for it. Returns the status it published.
 */
export function syncOnce(deps: Deps): Promise<TeamStatus> {
  running ??= syncNow(deps).finally(() => (running = null));
  return running;
}

async function syncNow(deps: Deps): Promise<TeamStatus> {
  const db = await deps.db();
  const rt = teamRuntime(db);
  const config = rt?.config;
  // Local-only (the default): nothing to replicate, nothing to publish.
  if (!rt || !config) return { state: 'off', pending: 0 };
  const local = rt.store.pouch;
  teamUser = config.user;
  const before = await readStatus(deps);
  const base = { url: config.url, db: config.db, user: config.user };
  const pushed = (await deps.platform.getLocal(PUSHED)) as number | string | undefined;
  try {
    await local.sync(remote(deps, config));
    const { update_seq } = await local.info();
    await deps.platform.setLocal({ [PUSHED]: update_seq });
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
      pending: await pendingCount(local, pushed),
      ...(before.lastSyncAt ? { lastSyncAt: before.lastSyncAt } : {}),
    });
  }
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
  teamUser = config.user;
  const base = { url: config.url, db: config.db, user: config.user };
  const run = rt.store.pouch.sync(remote(deps, config), { live: true, retry: true });
  replication = run;
  // `pushed`: the local sequence a push batch reached (only pushes move the "waiting" count;
  // an idle pause says nothing about what the server has).
  const settle = (pushed?: number | string): void => {
    void (async () => {
      await project(db, rt.store);
      await refresh(deps);
      if (pushed !== undefined) await deps.platform.setLocal({ [PUSHED]: pushed });
      const before = await readStatus(deps);
      const waiting = await pendingCount(
        rt.store.pouch,
        (await deps.platform.getLocal(PUSHED)) as number | string | undefined,
      );
      if (before.state !== 'connected' && waiting > 0 && pushed === undefined) return;
      await writeStatus(deps, {
        ...base,
        state: 'connected',
        since: before.state === 'connected' ? before.since : deps.now(),
        pending: waiting,
        lastSyncAt: deps.now(),
      });
    })().catch((e: unknown) => console.error('[incident-lens] team sync failed:', e));
  };
  // An ended replication (a refused session, say) is forgotten, so the next connect starts anew.
  const ended = (err: unknown): void => {
    if (replication === run) replication = null;
    void failed(deps, config, err);
  };
  run
    .on('change', (info) => settle(info.direction === 'push' ? info.change?.last_seq : undefined))
    .on('paused', (err) => {
      if (!err) return settle();
      void failed(deps, config, err);
    })
    // One document the server refused (its validation): not the session. It stays here.
    .on('denied', (err) => console.warn('[incident-lens] the team server refused a document:', err))
    .on('error', ended);
}

async function failed(deps: Deps, config: TeamConfig, err: unknown): Promise<void> {
  const db = await deps.db();
  const rt = teamRuntime(db);
  if (!rt) return;
  const before = await readStatus(deps);
  const d = describeSyncError(err, config);
  const pushed = (await deps.platform.getLocal(PUSHED)) as number | string | undefined;
  await writeStatus(deps, {
    url: config.url,
    db: config.db,
    user: config.user,
    ...d,
    since: before.state === d.state && before.since ? before.since : deps.now(),
    pending: await pendingCount(rt.store.pouch, pushed),
    ...(before.lastSyncAt ? { lastSyncAt: before.lastSyncAt } : {}),
  });
}

/** Stops live replication (the last page closed, or the team was disconnected). */
export function stopLive(): void {
  replication?.cancel();
  replication = null;
}
