#!/usr/bin/env node
// `npm run check-feed -- URL-or-file`: the feed validator. Loads its TypeScript (and the core's)
// through Vite's module runner, so it needs no build step.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./check-feed-run.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2), (line) => console.log(line));
