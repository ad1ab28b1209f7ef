/**
 * Team mode's protocol: the commands the options page sends, and the sync status the background
 * publishes in storage.local (views watch it, like the overlay projection).
 */

/** What the background last knew about team sync. */
export interface TeamStatus {
  /**
   * `off`: local-only (no team configured). `connected`: the last sync reached the server.
   * `offline`: the server could not be reached; writes wait. `error`: the server refused (a 401 or
   * 403: sign in again) or answered something that is not CouchDB. `syncing`: a large pull (a
   * first sync into a fresh profile) is under way; `progress` says how far.
   */
  state: 'off' | 'connected' | 'syncing' | 'offline' | 'error';
  /** Documents here out of the team database's, while `syncing`. */
  progress?: { done: number; total: number };
  url?: string;
  db?: string;
  user?: string;
  /** Since when the state holds (offline: the first failed attempt). */
  since?: number;
  /** Local changes not on the server yet. */
  pending: number;
  lastSyncAt?: number;
  /** Why it is offline or in error, in words. */
  message?: string;
  /** True when the fix is to sign in again (the reconnect button). */
  needsLogin?: boolean;
}

export const TEAM_STATUS_KEY = 'teamStatus';
/** The port name pages open while they are visible: live replication runs while one is open. */
export const TEAM_LIVE_PORT = 'team-live';
/** How often an open page pings the worker over the port (Chrome keeps a worker alive per message). */
export const TEAM_LIVE_PING_MS = 20_000;

export interface TeamCommands {
  /**
   * Signs in with CouchDB's `_session` (the password is used once and never stored), checks the
   * database, and starts syncing. The page obtained host access for the origin first.
   */
  'team/connect': {
    req: { url: string; db: string; user: string; password: string; display?: string };
    res: TeamStatus;
  };
  /** Back to local-only: stops syncing; the shared records stay in this browser. */
  'team/disconnect': { req: null; res: TeamStatus };
  /** Syncs once now and returns the status. */
  'team/syncNow': { req: null; res: TeamStatus };
}

/** The origin pattern host access is requested for: the team server only. */
export function teamOriginPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}/*`;
}

/** A server URL the team form accepts: http(s), no credentials, no query; returns the problem. */
export function teamUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'The server URL is not a valid URL.';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The server URL must be http(s).';
  if (u.username || u.password) return 'Put the user name and password in their own fields.';
  if (u.search || u.hash) return 'The server URL takes no query or fragment.';
  return null;
}

/** A CouchDB database name (its own rule: lower case, starts with a letter). */
export const DB_NAME_RE = /^[a-z][a-z0-9_$()+/-]*$/;
