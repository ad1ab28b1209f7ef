// `npm run bench`: every figure in one run, printed as a table and as JSON (also written to
// bench/results.json). Each bench module runs twice: quiet, then under a CPU burner (worker threads
// spinning on every core, bench/support/burner.ts), so the loaded figure is reproducible whatever
// else the machine runs; the table shows them side by side. Every figure with several samples
// prints its spread, median (min–max), so noise is visible.
// Benchmarks print numbers; they fail on a time only where a row says `budget: true` (a security
// bound, e.g. ticket matching on a hostile feed), after printing; a budget is asserted quiet only.
// A bench module exports `run(ctx)` returning rows { group, name, value, unit, samples?, goal?,
// met? } (ctx.loaded says which run it is), and `loaded = false` when its figures are not timings.
// TypeScript bench modules are loaded through Vite's SSR loader, so they import the real sources.
// `npm run bench -- extension` runs one module; `-- --quiet` skips the loaded runs.
import { createServer } from 'vite';
import { readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const args = process.argv.slice(2);
const quietOnly = args.includes('--quiet');
const only = args.filter((a) => !a.startsWith('--'));
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

const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { min: s[0], median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, max: s.at(-1) };
};
/** A row's figure with its spread, from its samples when it has several. */
const withSpread = (r) => (r.samples?.length ? { ...r, spread: spread(r.samples) } : r);

/** One module's rows, quiet and loaded paired by position (a module returns its rows in order). */
const rows = [];
try {
  const { startBurner } = await vite.ssrLoadModule('./bench/support/burner.ts');
  for (const f of files) {
    const path = `./bench/${f}`;
    const mod = f.endsWith('.ts') ? await vite.ssrLoadModule(path) : await import(`../bench/${f}`);
    const runOnce = async (loaded) => {
      process.stderr.write(`bench ${f} (${loaded ? 'under the CPU burner' : 'quiet'}) …\n`);
      const log = (m) => process.stderr.write(`  ${m}\n`);
      const burner = loaded ? startBurner() : null;
      try {
        return (await mod.run({ log, loaded })).map(withSpread);
      } catch (e) {
        return [{ group: f, name: 'error', value: String(e?.message ?? e), unit: '' }];
      } finally {
        await burner?.stop();
      }
    };
    const quiet = await runOnce(false);
    const loaded = quietOnly || mod.loaded === false ? [] : await runOnce(true);
    quiet.forEach((q, i) => rows.push({ ...q, ...(loaded[i] ? { loaded: loaded[i] } : {}) }));
  }
} finally {
  await vite.close();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at start`;
const date = new Date().toISOString().slice(0, 10);
const num = (v) =>
  Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);
const fmt = (r) => {
  if (!r) return '';
  if (typeof r.value !== 'number') return String(r.value);
  const s = r.spread;
  const range = s && s.min !== s.max ? ` (${num(s.min)}–${num(s.max)})` : '';
  return `${num(r.value)}${range} ${r.unit}`.trim();
};
const met = (r) => (r?.met === undefined ? '' : r.met ? 'yes' : 'no');
const table = [
  `| group | figure | quiet: median (min–max) | under the CPU burner | goal | met (quiet / burner) |`,
  `|---|---|---|---|---|---|`,
  ...rows.map(
    (r) =>
      `| ${r.group} | ${r.name} | ${fmt(r)} | ${fmt(r.loaded)} | ${r.goal ?? ''} | ${[met(r), met(r.loaded)].filter(Boolean).join(' / ')} |`,
  ),
].join('\n');
console.log(`\nIncident Lens benchmarks — ${date} — ${machine}\n\n${table}\n`);
const json = JSON.stringify({ date, machine, rows }, null, 2);
console.log(json);
await writeFile('bench/results.json', json + '\n');
const missed = rows.filter((r) => r.budget && !r.met);
if (missed.length) {
  console.error(
    `\nbudget missed: ${missed.map((r) => `${r.name} = ${fmt(r)} (goal ${r.goal})`).join('; ')}`,
  );
  process.exit(1);
}
