// Gzip and brotli size of every shipped bundle (widgets, extension scripts).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

async function jsFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.js')) out.push(join(e.parentPath ?? e.path, e.name));
  }
  return out.sort();
}

/** Rows: one per bundle, gzip and brotli at the levels CDNs use (gzip -9, brotli 11). */
export async function run() {
  const rows = [];
  for (const dir of ['widgets/dist/standalone', 'dist/chrome']) {
    for (const file of await jsFiles(dir)) {
      const buf = await readFile(file);
      const gz = gzipSync(buf, { level: 9 }).length;
      const br = brotliCompressSync(buf, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;
      const allInOne = file.endsWith('widgets/dist/standalone/incident-widgets.js');
      rows.push({
        group: 'bundle size',
        name: `${file} (raw ${buf.length} B, brotli ${br} B)`,
        value: gz,
        unit: 'B gzip',
        ...(allInOne ? { goal: '≤ 16384 B gzip (size-budgets.json)', met: gz <= 16384 } : {}),
      });
    }
  }
  return rows;
}
export const loaded = false; // byte counts: the same under any load
