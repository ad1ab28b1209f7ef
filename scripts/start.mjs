// `npm start`: build the extension (Chrome + Firefox) and the widgets, then serve the demo.
// `npm start -- --feed https://status.example.com/api/v2/summary.json` shows a real feed instead.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startDemo } from '../demo/server.mjs';

const { values } = parseArgs({
  options: {
    feed: { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    'no-build': { type: 'boolean', default: false },
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
console.log(`
Incident Lens demo: ${demo.origin}/
  Sample SaaS app (widgets):  ${demo.origin}/demo/app.html
  Sample admin console:       ${demo.origin}/demo/console.html
  Scenario feed:              ${demo.origin}/api/v2/summary.json${values.feed ? `  (proxying ${values.feed})` : ''}

Load the extension:
  Chrome:  chrome://extensions → Developer mode → Load unpacked → ${process.cwd()}/dist/chrome
  Firefox: about:debugging → This Firefox → Load Temporary Add-on → dist/firefox/manifest.json
Then in its options add the source ${demo.origin}/api/v2/summary.json and enable the console page's site.
Press Ctrl+C to stop.`);
