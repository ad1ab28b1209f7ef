import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

/**
 * `npm start` (scripts/start.mjs, without the build) serves the demo and a team server, prints the
 * team server's URL and the demo users, and stops both cleanly on Ctrl+C (SIGINT).
 */
test('npm start also starts the team server, prints its URL and a demo user, and stops cleanly with the demo', async () => {
  const child = spawn(
    process.execPath,
    [resolve(import.meta.dirname, 'start.mjs'), '--no-build', '--port', '0', '--team-port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let out = '';
  for await (const line of createInterface({ input: child.stdout })) {
    out += `${line}\n`;
    if (line.startsWith('Press Ctrl+C')) break;
  }
  const teamUrl = /Team server: +(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const demoUrl = /Incident Lens demo: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  expect(teamUrl).toBeDefined();
  expect(out).toContain('Demo users:   demo-a / demo-a-pw   demo-b / demo-b-pw');
  // The printed demo user signs in, and the team database answers that member.
  const session = await fetch(`${teamUrl}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'demo-a', password: 'demo-a-pw' }),
  });
  expect(session.status).toBe(200);
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const db = await fetch(`${teamUrl}/team`, { headers: { cookie } });
  expect(((await db.json()) as { db_name: string }).db_name).toBe('team');
  expect((await fetch(`${demoUrl}/api/v2/summary.json`)).status).toBe(200);

  child.kill('SIGINT');
  expect(await exited).toBe(0);
  // Both stopped answering.
  await expect(fetch(`${teamUrl}/`)).rejects.toThrow();
  await expect(fetch(`${demoUrl}/`)).rejects.toThrow();
}, 30_000);
