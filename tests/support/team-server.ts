import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

/** The in-memory CouchDB-compatible team server (team/serve.mjs) in a child process. */
export interface TeamServerProcess {
  url: string;
  adminUrl: string;
  db: string;
  /** Stops answering (the data stays): the server is offline. */
  stop(): Promise<void>;
  /** Answers again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** Requests the server received so far (for the benchmark). */
  requests(): Promise<number>;
  /** Changes a user's password as the server's admin: the user's open sessions stop working. */
  setPassword(user: string, password: string): Promise<void>;
}

const SERVE = resolve(import.meta.dirname, '../../team/serve.mjs');

export async function spawnTeamServer(
  users: [string, string][],
  db = 'team',
): Promise<TeamServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVE, '--db', db, ...users.flatMap(([u, p]) => ['--user', `${u}:${p}`])],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, string>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('The team server exited.');
    return JSON.parse(value) as Record<string, string>;
  };
  const ready = await next();
  const command = async (cmd: string) => {
    child.stdin!.write(`${cmd}\n`);
    return next();
  };
  return {
    url: ready.url!,
    adminUrl: ready.adminUrl!,
    db: ready.db!,
    stop: () => command('stop').then(() => undefined),
    start: () => command('start').then(() => undefined),
    requests: () => command('requests').then((r) => Number(r.requests)),
    async setPassword(user, password) {
      const admin = new URL(ready.adminUrl!);
      const auth = `Basic ${btoa(`${decodeURIComponent(admin.username)}:${decodeURIComponent(admin.password)}`)}`;
      const url = `${ready.url}/_users/org.couchdb.user:${encodeURIComponent(user)}`;
      const doc = (await (await fetch(url, { headers: { authorization: auth } })).json()) as object;
      const res = await fetch(url, {
        method: 'PUT',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ ...doc, password }),
      });
      if (!res.ok) throw new Error(`Could not change the password of ${user}: ${res.status}`);
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.write('exit\n');
      await exited;
    },
  };
}
