// Bench code that runs in an extension page: a bench entry of this folder built from source now,
// as one IIFE defining the global `name` (the storage and refresh benches evaluate it in the page).
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

export async function pageBundle(entry: string, name: string): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, entry), formats: ['iife'], name },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const first = Array.isArray(out) ? out[0]! : out;
  return first.output[0].code;
}
