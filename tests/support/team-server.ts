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
    await next();
  };
  return {
    url: ready.url!,
    adminUrl: ready.adminUrl!,
    db: ready.db!,
    stop: () => command('stop'),
    start: () => command('start'),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.write('exit\n');
      await exited;
    },
  };
}
