// `npm start`: build the extension (Chrome + Firefox) and the widgets, then serve the demo.
// `npm start -- --feed https://status.example.com/api/v2/summary.json` shows a real feed instead.
// It also starts the team server (team/server.mjs: CouchDB-compatible, in memory, loopback only)
// with two demo users, so two browser profiles can try team mode; `--no-team` leaves it out.
// Ctrl+C (SIGINT) or SIGTERM stops both and exits 0.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startDemo } from '../demo/server.mjs';
import { startTeamServer } from '../team/server.mjs';

/** The demo's team users (name, password): one per browser profile. */
const TEAM_USERS = [
  ['demo-a', 'demo-a-pw'],
  ['demo-b', 'demo-b-pw'],
];

const { values } = parseArgs({
  options: {
    feed: { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    'team-port': { type: 'string', default: process.env.TEAM_PORT ?? '5984' },
    'no-build': { type: 'boolean', default: false },
    'no-team': { type: 'boolean', default: false },
  },
});

if (values.feed && !/^https?:\/\//.test(values.feed)) {
  console.error(
    `--feed must be an http(s) URL of a Statuspage-compatible summary.json, got: ${values.feed}`,
  );
  process.exit(2);
}

if (!values['no-build']) {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let demo;
try {
  demo = await startDemo({ port: Number(values.port), feed: values.feed });
} catch (e) {
  if (e.code !== 'EADDRINUSE') throw e;
  demo = await startDemo({ port: 0, feed: values.feed });
}
/** The team server on its usual port, or any free one when that is taken (a real CouchDB, say). */
async function startTeam() {
  const options = { db: 'team', users: TEAM_USERS };
  try {
    return await startTeamServer({ ...options, port: Number(values['team-port']) });
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
    return startTeamServer({ ...options, port: 0 });
  }
}
const team = values['no-team'] ? null : await startTeam();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all([demo.close(), team?.close()]);
  console.log('Stopped the demo and the team server.');
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const teamText = team
  ? `
Team mode (CouchDB-compatible server, in memory, loopback only):
  Team server:  ${team.url}   database: ${team.db}
  Demo users:   ${TEAM_USERS.map(([u, p]) => `${u} / ${p}`).join('   ')}
  In each browser profile: options → Team → server ${team.url}, database ${team.db}, one demo user.
`
  : '';
console.log(`
Incident Lens demo: ${demo.origin}/
  Sample SaaS app (widgets):  ${demo.origin}/demo/app.html
  Sample admin console:       ${demo.origin}/demo/console.html
  Scenario feed:              ${demo.origin}/api/v2/summary.json${values.feed ? `  (proxying ${values.feed})` : ''}

Load the extension:
  Chrome:  chrome://extensions → Developer mode → Load unpacked → ${process.cwd()}/dist/chrome
  Firefox: about:debugging → This Firefox → Load Temporary Add-on → dist/firefox/manifest.json
Then in its options add the source ${demo.origin}/api/v2/summary.json and enable the console page's site.
${teamText}
Press Ctrl+C to stop.`);
