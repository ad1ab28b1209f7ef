// Fails in one line when Debian's Chromium is missing: the e2e tests never skip silently.
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
if (!candidates.some((c) => c && existsSync(c))) {
  console.error(
    'Chromium not found: install it with `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
