import { afterAll, beforeAll } from 'vitest';
import { spawnTeamServer, type TeamServerProcess } from './team-server';

/**
 * The team server (./team-server.ts) with two users, `ann` (password `ann-pw`) and `bob`
 * (`bob-pw`), started once before a test file's tests and closed after them. Call it at the top
 * level of the file; read `.server` inside tests. Test-only (it registers vitest hooks), so the
 * benchmark, which spawns its own server from ./team-server.ts, never imports it.
 */
export function useTeamServer(): { readonly server: TeamServerProcess } {
  let server: TeamServerProcess | undefined;
  beforeAll(async () => {
    server = await spawnTeamServer([
      ['ann', 'ann-pw'],
      ['bob', 'bob-pw'],
    ]);
  }, 30_000);
  afterAll(async () => server?.close());
  return {
    get server() {
      if (!server) throw new Error('The team server is started in beforeAll: read it in a test.');
      return server;
    },
  };
}
