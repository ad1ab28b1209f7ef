#!/usr/bin/env node
/**
 * The size gate, the only one: sizes of every shipped bundle (the widgets' standalone files, the
 * extension's injected content script — its loader — and the overlay module that loader imports
 * after load), gzip and brotli via node:zlib. Prints a table, writes dist/sizes.json, exits 1
 * when a budget in size-budgets.json is exceeded (or a budgeted file is missing). With a path
 * prefix as argument (`node scripts/size.mjs widgets/dist/`, as the widgets build runs it), only
 * the files under it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8'));
const only = process.argv[2] ?? '';
const files = new Set(budgets.map((b) => b.file));
const standalone = 'widgets/dist/standalone';
if (existsSync(join(root, standalone))) {
  for (const f of readdirSync(join(root, standalone)))
    if (f.endsWith('.js')) files.add(`${standalone}/${f}`);
}
for (const f of files) if (!f.startsWith(only)) files.delete(f);

const rows = [];
let failed = false;
for (const file of [...files].sort()) {
  const budget = budgets.find((b) => b.file === file);
  const path = join(root, file);
  if (!existsSync(path)) {
    rows.push({ file, missing: true, budget: budget?.gzip ?? null });
    if (budget) failed = true;
    continue;
  }
  const buf = readFileSync(path);
  const gzip = gzipSync(buf, { level: 9 }).length;
  const brotli = brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const over = budget ? gzip > budget.gzip : false;
  failed ||= over;
  rows.push({ file, raw: buf.length, gzip, brotli, budget: budget?.gzip ?? null, over });
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  `${'file'.padEnd(56)} ${pad('raw', 8)} ${pad('gzip', 8)} ${pad('brotli', 8)} ${pad('budget', 8)}`,
);
for (const r of rows) {
  if (r.missing) console.log(`${r.file.padEnd(56)} ${pad('missing', 8)}`);
  else
    console.log(
      `${r.file.padEnd(56)} ${pad(r.raw, 8)} ${pad(r.gzip, 8)} ${pad(r.brotli, 8)} ${pad(r.budget ?? '-', 8)}${r.over ? '  OVER' : ''}`,
    );
}
if (!only) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/sizes.json'), JSON.stringify(rows, null, 2) + '\n');
}
if (failed) {
  console.error('size: a bundle is over its budget (or missing); see size-budgets.json');
  process.exit(1);
}
