/**
 * Which format a feed is in, from its body (the shape decides) and its URL (a hint when the shape
 * cannot), and where to look for a feed from a site's root. Pure data and functions.
 */
import { cachetKind } from './cachet';
import { isObj, own } from './translate';
import { withoutBom } from '../read';
import type { FeedFormat } from './types';

/** Known feed paths from a status page's root, in the order to probe them. */
export const KNOWN_PATHS: readonly { path: string; format: FeedFormat }[] = [
  { path: '/api/v2/summary.json', format: 'statuspage' },
  { path: '/api/v1/summary', format: 'incidentio' },
  { path: '/summary.json', format: 'instatus' },
  { path: '/index.json', format: 'betterstack' },
  { path: '/feed/json', format: 'openstatus' },
  { path: '/api/v1/status.json', format: 'statuspage' }, // Rootly
  { path: '/api/v1/incidents', format: 'cachet' }, // Cachet 2.x
  { path: '/api/incidents', format: 'cachet' }, // Cachet 3.x
  { path: '/history.atom', format: 'atom' },
  { path: '/feed.atom', format: 'atom' },
  { path: '/feed/atom', format: 'atom' },
  { path: '/history.rss', format: 'rss' },
  { path: '/feed.rss', format: 'rss' },
  { path: '/feed/rss', format: 'rss' },
];

/** Companion documents a format merges in, by companion name, relative to the site root. */
export const COMPANION_PATHS: Partial<Record<FeedFormat, Record<string, string>>> = {
  statuspage: {
    unresolved: '/api/v2/incidents/unresolved.json',
    upcoming: '/api/v2/scheduled-maintenances/upcoming.json',
  },
  cachet: { components: '/api/v1/components' },
};

/**
 * The URLs to probe for a feed, given a status page's address: the known paths under it (its
 * path kept, for pages not at a site root), then under its origin. Empty for anything but an
 * http(s) URL.
 */
export function probeUrls(address: string): string[] {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return [];
  }
  if (url.protocol != 'https:' && url.protocol != 'http:') return [];
  const bases = [url.origin + url.pathname.replace(/\/+$/, ''), url.origin];
  return [...new Set(bases.flatMap((b) => KNOWN_PATHS.map((k) => b + k.path)))];
}

/** The site root a feed URL hangs from (its known path removed), for finding companions. */
export function siteRoot(feedUrl: string): string | undefined {
  try {
    const url = new URL(feedUrl);
    const known = KNOWN_PATHS.find((k) => url.pathname.endsWith(k.path));
    const path = known
      ? url.pathname.slice(0, -known.path.length)
      : url.pathname.replace(/\/[^/]*$/, '');
    return url.origin + path;
  } catch {
    return undefined;
  }
}

/** The format a URL's path suggests (a hint only: the body's shape wins). */
export function formatFromUrl(url: string | undefined): FeedFormat | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  if (/\/api\/v2\/.+\.json$/.test(path)) return 'statuspage';
  const known = KNOWN_PATHS.find((k) => path.endsWith(k.path));
  if (known) return known.format;
  if (/\/api(\/v1)?\/(incidents|components)$/.test(path)) return 'cachet';
  if (/\.atom$/.test(path)) return 'atom';
  if (/\.rss$|\/rss(\.xml)?$/.test(path)) return 'rss';
  return undefined;
}

/** The root element of XML text, cheaply (prolog, comments and DOCTYPE skipped), lower-cased. */
function xmlRootName(text: string): string | undefined {
  const m =
    /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<([a-z_][\w.:-]*)/i.exec(
      text.slice(0, 4096),
    );
  return m?.[1]?.toLowerCase();
}

/** The format of a JSON value by its shape, if it is one the core reads. */
function shape(root: unknown): FeedFormat | undefined {
  if (Array.isArray(root)) return 'statuspage'; // a bare list of incidents
  if (!isObj(root)) return undefined;
  const list = (k: string): boolean => Array.isArray(own(root, k));
  if (list('ongoing_incidents') || list('in_progress_maintenances')) return 'incidentio';
  const page = own(root, 'page');
  if (
    own(root, 'activeIncidents') !== undefined ||
    own(root, 'activeMaintenances') !== undefined ||
    ['UP', 'HASISSUES', 'UNDERMAINTENANCE'].includes(String(own(page, 'status')).toUpperCase())
  ) {
    return 'instatus';
  }
  const data = own(root, 'data');
  if (
    own(data, 'type') == 'status_page' ||
    own(own(data, 'attributes'), 'aggregate_state') != null
  ) {
    return 'betterstack';
  }
  if (cachetKind(root)) return 'cachet';
  if (list('statusReports') || list('pageComponents')) return 'openstatus';
  if (
    list('incidents') ||
    list('scheduled_maintenances') ||
    list('components') ||
    isObj(own(root, 'status')) ||
    own(root, 'incident_updates') !== undefined ||
    isObj(own(root, 'incident'))
  ) {
    return 'statuspage';
  }
  if (list('maintenances') && own(root, 'title') !== undefined) return 'openstatus';
  return undefined;
}

/**
 * The format of a feed body (a JSON value, or text: JSON or XML), by its shape; the URL's path
 * decides only when the shape does not. Never throws.
 */
export function detectFormat(body: unknown, url?: string): FeedFormat | 'unknown' {
  try {
    let value = body;
    if (typeof body == 'string') {
      const root = xmlRootName(body);
      if (root !== undefined) {
        const local = root.slice(root.indexOf(':') + 1);
        return local == 'feed' ? 'atom' : local == 'rss' || local == 'rdf' ? 'rss' : 'unknown';
      }
      try {
        value = JSON.parse(withoutBom(body)) as unknown;
      } catch {
        return formatFromUrl(url) ?? 'unknown';
      }
    }
    return shape(value) ?? formatFromUrl(url) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
