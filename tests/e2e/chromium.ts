import { existsSync } from 'node:fs';

/** Debian's Chromium binary; the wrapper at /usr/bin/chromium prints a harmless warning, so prefer the real one. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    'Chromium not found: install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.',
  );
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
