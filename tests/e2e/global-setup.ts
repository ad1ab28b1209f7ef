import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium';

/** Fails the whole e2e run in one line when Chromium or the builds are missing; never skips. */
export default function setup(): void {
  chromiumPath();
  for (const dir of ['dist/chrome/manifest.json']) {
    if (!existsSync(dir))
      throw new Error(`${dir} is missing: run \`npm run build\` before the e2e tests.`);
  }
}
