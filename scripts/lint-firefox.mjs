// Runs `web-ext lint` on dist/firefox and fails on any error (warnings are printed).
import { spawnSync } from 'node:child_process';

const r = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8' },
);
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors, warnings } = report;
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} ${w.file ?? ''}`);
for (const e of errors) console.error(`error ${e.code}: ${e.message} ${e.file ?? ''}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);
