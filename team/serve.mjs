// Runs the in-memory team server (team/server.mjs) as its own process, for tests and the demo.
// Prints one JSON line {url, adminUrl, db} when ready. Reads commands on stdin, one per line:
// "stop" (stop answering, keep the data: the server is offline), "start" (answer again on the
// same port), "requests" (answers {"requests": N}, the count so far), "exit". Arguments: --port N, --db NAME, --user name:password (repeatable).
import { createInterface } from 'node:readline';
import { startTeamServer } from './server.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const users = args.flatMap((a, i) => (args[i - 1] === '--user' ? [a.split(':')] : []));
const server = await startTeamServer({
  port: Number(opt('--port') ?? 0),
  db: opt('--db') ?? 'team',
  users,
});
console.log(JSON.stringify({ url: server.url, adminUrl: server.adminUrl(), db: server.db }));
for await (const line of createInterface({ input: process.stdin })) {
  const cmd = line.trim();
  if (cmd === 'stop') await server.stop();
  else if (cmd === 'start') await server.restart();
  else if (cmd === 'exit') break;
  console.log(
    JSON.stringify({ done: cmd, ...(cmd === 'requests' ? { requests: server.requests() } : {}) }),
  );
}
await server.close();
process.exit(0);
