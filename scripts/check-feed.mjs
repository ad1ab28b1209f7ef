#!/usr/bin/env node
// `npm run check-feed -- URL-or-file`: the feed validator, the same code as the published
// package's `npx @incident-lens/widgets check` (src/server/check-feed.ts). Loads its TypeScript
// (and the core's) through Vite's module runner, so it needs no build step.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../src/server/check-feed.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2), (line) => console.log(line), {
  readFile: (path) => readFile(path, 'utf8'),
});
