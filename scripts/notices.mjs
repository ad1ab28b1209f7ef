// Writes THIRD_PARTY_NOTICES.txt into a build folder: the name, version, licence and licence text
// of every package bundled into it (minifiers drop the licence headers from the code itself).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The folder of `name` as resolved from `from` (a package folder), whatever its `exports` allow. */
function packageDir(name, from) {
  let dir = dirname(createRequire(join(from, 'package.json')).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name.split('/').pop())) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package folder for ${name}`);
    dir = up;
  }
  return dir;
}

/**
 * `packages`: names resolved from the project, or `[name, parentName]` for a copy nested under
 * another package (lit's own lit-html).
 */
export function writeNotices(outDir, packages) {
  const parts = packages.map((p) => {
    const [name, parent] = Array.isArray(p) ? p : [p];
    const dir = packageDir(name, parent ? packageDir(parent, root) : root);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => join(dir, f)).find(existsSync);
    if (!file) throw new Error(`${name}: no LICENSE file to include`);
    return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${readFileSync(file, 'utf8').trim()}\n`;
  });
  const text = `Third-party software bundled in this folder\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`;
  writeFileSync(join(outDir, 'THIRD_PARTY_NOTICES.txt'), text);
}
