import type { Deps } from '../../background/deps';
import { text } from '../../../core/validate';
import { payload } from '../../background/input';
import type { TeamConfig } from '../../db/schema';
import { setSetting } from '../../db/settings';
import { claimLocal } from '../../db/shared';
import type { Handlers } from '../../messaging/channel';
import { DB_NAME_RE, teamUrlProblem, type TeamStatus } from '../protocol';
import { teamRuntime } from './store';
import { isLive, restartLive, stopLive, syncOnce, writeStatus } from './sync';

type TeamCommand = 'team/connect' | 'team/disconnect' | 'team/syncNow';

/** Reads a JSON body; null when the server answered something else (an HTML page, say). */
async function json(res: Response): Promise<Record<string, unknown> | null> {
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  if (!/json|text\/plain/.test(type) && !body.trim().startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Checks, in order, that the URL is a CouchDB-compatible server, that the user can sign in
 * (`_session`: the browser keeps the cookie, the password is dropped), and that the database exists
 * and the user is a member. Throws a message a user can act on; changes nothing locally.
 */
export async function checkServer(deps: Deps, c: TeamConfig, password: string): Promise<void> {
  const base = c.url.replace(/\/$/, '');
  const call = async (path: string, init: RequestInit = {}) => {
    try {
      return await deps.fetch(`${base}${path}`, { credentials: 'include', ...init });
    } catch {
      throw new Error(`The server at ${base} cannot be reached.`);
    }
  };
  const root = await call('/');
  const welcome = root.ok ? await json(root) : null;
  if (!root.ok)
    throw new Error(
      `The server at ${base} answered ${root.status}, not a CouchDB welcome. Check the URL.`,
    );
  if (!welcome || !('couchdb' in welcome || 'express-pouchdb' in welcome))
    throw new Error(
      `${base} does not look like a CouchDB server (it answered ${welcome ? 'other JSON' : 'something that is not JSON'}). Check the URL.`,
    );
  const session = await call('/_session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: c.user, password }),
  });
  if (session.status === 401) throw new Error('Wrong user name or password.');
  const s = await json(session);
  if (!session.ok || s?.ok !== true)
    throw new Error(`Signing in failed: the server answered ${session.status}.`);
  const db = await call(`/${encodeURIComponent(c.db)}`);
  if (db.status === 404)
    throw new Error(`The database "${c.db}" does not exist. Create it with npm run team:setup.`);
  if (db.status === 401 || db.status === 403)
    throw new Error(`${c.user} is not a member of the database "${c.db}".`);
  const info = db.ok ? await json(db) : null;
  if (!info || typeof info.db_name !== 'string')
    throw new Error(
      `The database "${c.db}" answered ${db.status}, not CouchDB database information.`,
    );
}

export function teamHandlers(deps: Deps): Pick<Handlers, TeamCommand> {
  return {
    async 'team/connect'(p) {
      payload(p);
      const url = text(p.url, 'The server URL', 500).trim().replace(/\/$/, '');
      const problem = teamUrlProblem(url);
      if (problem) throw new Error(problem);
      const dbName = text(p.db, 'The database name', 200).trim();
      if (!DB_NAME_RE.test(dbName))
        throw new Error(
          'The database name must start with a lower-case letter (a-z, 0-9, _$()+-/).',
        );
      const user = text(p.user, 'The user name', 200).trim();
      const password = text(p.password, 'The password', 500);
      const display = (typeof p.display === 'string' ? p.display : '').trim().slice(0, 100) || user;
      const config: TeamConfig = { url, db: dbName, user, display };
      await checkServer(deps, config, password);
      const db = await deps.db();
      await setSetting(db, 'team', config);
      const rt = teamRuntime(db);
      if (rt) {
        rt.config = config;
        await claimLocal(rt.store);
      }
      // Pages open already (the options page connecting, say) sync live from now, with this
      // session; with none open, a one-shot sync runs. Neither is awaited: the first sync of a
      // large team database takes minutes (the status line shows its progress), longer than a
      // message may keep the worker (Chrome ends an event that runs 5 minutes).
      const status = await writeStatus(deps, {
        url: config.url,
        db: config.db,
        user: config.user,
        state: 'syncing',
        pending: 0,
      });
      await restartLive(deps);
      if (!isLive()) void syncOnce(deps).catch(() => undefined);
      return status;
    },
    async 'team/disconnect'() {
      const db = await deps.db();
      stopLive();
      await setSetting(db, 'team', null);
      const rt = teamRuntime(db);
      if (rt) rt.config = null;
      return writeStatus(deps, { state: 'off', pending: 0 });
    },
    async 'team/syncNow'(): Promise<TeamStatus> {
      return syncOnce(deps);
    },
  };
}
