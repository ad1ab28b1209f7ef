#!/usr/bin/env node
// `npx @incident-lens/widgets check URL-or-file`: the feed validator (src/server/check-feed.ts,
// built into dist/server/check-feed.js). Prints the detected format, the incidents and
// maintenances as a product team would see them, what the format cannot map, and every problem.
// Exit code: 0 read cleanly, 2 read with problems, 1 no feed read.
import { readFile } from 'node:fs/promises';

const [command, ...args] = process.argv.slice(2);
if (command !== 'check') {
  console.log('usage: incident-widgets check [--format F] [--header "Name: value"]… URL-or-file');
  process.exitCode = command === '--help' || command === '-h' ? 0 : 1;
} else {
  const { main } = await import('../dist/server/check-feed.js');
  process.exitCode = await main(args, (line) => console.log(line), {
    readFile: (path) => readFile(path, 'utf8'),
  });
}
