// `npm test`: everything, in order, stopping at the first failure, with the time of each step.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm run typecheck'],
  ['lint', 'npm run lint'],
  ['imports: no cycles, the worker reaches no views', 'npm run deps'],
  ['format', 'npm run format:check'],
  ['unit', 'npm run test:unit'],
  ['build', 'npm run build'],
  ['size budget', 'npm run size'],
  ['widget docs match the manifest', 'node scripts/gen-widget-docs.mjs --check'],
  ['lint firefox build', 'node scripts/lint-firefox.mjs'],
  ['e2e (Chromium)', 'npm run test:e2e'],
];

const times = [];
for (const [name, cmd] of steps) {
  const t0 = performance.now();
  console.log(`\n▶ ${name}: ${cmd}`);
  const r = spawnSync(cmd, { stdio: 'inherit', shell: true, env: { ...process.env, TZ: 'UTC' } });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  times.push(`${name} ${s}s`);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (${s}s). Steps: ${times.join(', ')}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n✔ all steps passed: ${times.join(', ')}`);
