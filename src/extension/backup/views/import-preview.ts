import { validateBackup, type ImportMode } from '../../db/backup';
import type { SiteRecord, SourceRecord } from '../../db/schema';
import { feedKeyOf } from '../../feeds/refusals';
import { originPattern } from '../../origins/match-patterns';

/** What an import would change, worked out before anything is written (issue 19, item 5). */
export interface ImportPreview {
  /** Sources in the file, by name. */
  sources: string[];
  /** Sites in the file, by origin. */
  sites: string[];
  /** Records per store in the file. */
  counts: Record<string, number>;
  /** Merge: the file's sources left out because their feed is already here. */
  duplicates: string[];
  /** Replace: the sources and sites here that are not in the file, and so would go. */
  removed: { sources: string[]; sites: string[] };
  /** Host access the imported sources and sites need (one match pattern each). */
  hosts: string[];
}

/** Checks a backup file and describes what it would change; `error` is the reason it is refused. */
export function previewImport(
  json: string,
  here: { sources: readonly SourceRecord[]; sites: readonly SiteRecord[] },
): ImportPreview | { error: string } {
  const checked = validateBackup(json);
  if ('error' in checked) return { error: checked.error };
  const sources = checked.stores.sources as SourceRecord[];
  const sites = checked.stores.sites as SiteRecord[];
  const duplicates = sources
    .filter((s) => here.sources.some((o) => o.id !== s.id && feedKeyOf(o.url) === feedKeyOf(s.url)))
    .map((s) => s.name);
  const ids = new Set(sources.map((s) => s.id));
  const patterns = new Set(sites.map((s) => s.pattern));
  const hosts = new Set<string>();
  for (const s of sources) {
    try {
      hosts.add(originPattern(s.url));
    } catch {
      // validateBackup checked every URL; nothing to ask for one that is not http(s)
    }
  }
  for (const s of sites) hosts.add(s.pattern);
  return {
    sources: sources.map((s) => s.name),
    sites: sites.map((s) => s.origin),
    counts: Object.fromEntries(Object.entries(checked.stores).map(([k, v]) => [k, v.length])),
    duplicates,
    removed: {
      sources: here.sources.filter((s) => !ids.has(s.id)).map((s) => s.name),
      sites: here.sites.filter((s) => !patterns.has(s.pattern)).map((s) => s.origin),
    },
    hosts: [...hosts],
  };
}

export type { ImportMode };
