// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox), one after the other.
import { build } from 'vite';

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  console.log(`built dist/${target}`);
}
