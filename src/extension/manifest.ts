import type { ManifestV3Export } from '@crxjs/vite-plugin';
import chrome from '../../manifest.json';
import firefoxPatch from '../../manifest.firefox.json';

export type Target = 'chrome' | 'firefox';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON merge patch (RFC 7386): objects merge key by key, null removes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: { [key: string]: Json } =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/**
 * The MV3 manifest for one browser, derived from the one source at the top of the repo:
 * `manifest.json` is the Chrome manifest, `manifest.firefox.json` the merge patch with the
 * Firefox-only keys; the version comes from package.json. Host access is never granted at install:
 * sources and sites are requested one origin at a time (optional_host_permissions).
 */
export function buildManifest(target: Target, version: string): ManifestV3Export {
  const { $comment: _note, ...patch } = firefoxPatch;
  const manifest = target === 'firefox' ? mergePatch(chrome, patch) : chrome;
  return { ...(manifest as object), version } as unknown as ManifestV3Export;
}
