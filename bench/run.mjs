// `npm run bench`: every figure in one run, printed as a table and as JSON (also written to
// bench/results.json). Benchmarks print numbers; they fail on a time only where a row says
// `budget: true` (a security bound, e.g. ticket matching on a hostile feed), after printing.
// A bench module exports `run(ctx)` returning rows { group, name, value, unit, goal?, met? }.
// TypeScript bench modules are loaded through Vite's SSR loader, so they import the real sources.
import { createServer } from 'vite';
import { readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const only = process.argv.slice(2);
// Other work on the machine skews every time: the header reports the load average at the start.
const loadAtStart = os.loadavg()[0];
if (
  !existsSync('widgets/dist/standalone/incident-widgets.js') ||
  !existsSync('dist/chrome/manifest.json')
) {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const files = (await readdir('bench'))
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const vite = await createServer({
  configFile: false,
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  logLevel: 'error',
});
const rows = [];
try {
  for (const f of files) {
    const path = `./bench/${f}`;
    process.stderr.write(`bench ${f} …\n`);
    const mod = f.endsWith('.ts') ? await vite.ssrLoadModule(path) : await import(`../bench/${f}`);
    try {
      rows.push(...(await mod.run({ log: (m) => process.stderr.write(`  ${m}\n`) })));
    } catch (e) {
      rows.push({ group: f, name: 'error', value: String(e?.message ?? e), unit: '' });
    }
  }
} finally {
  await vite.close();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at start`;
const date = new Date().toISOString().slice(0, 10);
const fmt = (v) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v);
const table = [
  `| group | figure | value | goal | met |`,
  `|---|---|---|---|---|`,
  ...rows.map(
    (r) =>
      `| ${r.group} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.goal ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`,
  ),
].join('\n');
console.log(`\nIncident Lens benchmarks — ${date} — ${machine}\n\n${table}\n`);
const json = JSON.stringify({ date, machine, rows }, null, 2);
console.log(json);
await writeFile('bench/results.json', json + '\n');
const missed = rows.filter((r) => r.budget && !r.met);
if (missed.length) {
  console.error(
    `\nbudget missed: ${missed.map((r) => `${r.name} = ${fmt(r.value)} ${r.unit} (goal ${r.goal})`).join('; ')}`,
  );
  process.exit(1);
}
