/** Every status feed format the core reads: adapters, detection, and one entry point. */
import { readAtom } from './atom';
import { readBetterStack } from './betterstack';
import { readCachet } from './cachet';
import { detectFormat } from './detect';
import { readIncidentIo } from './incidentio';
import { readInstatus } from './instatus';
import { readOpenStatus } from './openstatus';
import { readRss } from './rss';
import { readStatuspage } from './statuspage';
import { Translation } from './translate';
import type { Adapter, AdapterOptions, FeedFormat, FormatResult } from './types';

export const ADAPTERS: Record<FeedFormat, Adapter> = {
  statuspage: readStatuspage,
  incidentio: readIncidentIo,
  instatus: readInstatus,
  betterstack: readBetterStack,
  openstatus: readOpenStatus,
  cachet: readCachet,
  atom: readAtom,
  rss: readRss,
};

export interface ReadOptions extends AdapterOptions {
  /** The feed's URL: a hint for detection when the body's shape is ambiguous. */
  url?: string;
  /** Read as this format, whatever detection says (the user's override). */
  format?: FeedFormat;
}

/**
 * Reads a feed body of any supported format: the format given, else the detected one. Never
 * throws; a body no adapter recognises reads as an empty feed with a `format` problem.
 */
export function readFeed(body: unknown, options: ReadOptions = {}): FormatResult {
  const format = options.format ?? detectFormat(body, options.url);
  if (format == 'unknown') {
    const t = new Translation(options);
    t.note('$', 'format', typeof body == 'string' && /^\s*</.test(body) ? 'html' : undefined);
    const r = t.finish('statuspage', {}, options);
    // (parseFeed's own "not a Statuspage payload" would repeat it in other words)
    return { ...r, format: 'unknown', problems: r.problems.filter((p) => p.code != 'payload') };
  }
  try {
    return ADAPTERS[format](body, options);
  } catch {
    // Adapters guard every read; this only catches what slipped through.
    const t = new Translation(options);
    t.note('$', 'unreadable');
    return { ...t.finish(format, {}, options), problems: t.problems };
  }
}

export {
  detectFormat,
  formatFromUrl,
  probeUrls,
  siteRoot,
  KNOWN_PATHS,
  COMPANION_PATHS,
} from './detect';
export { discoverFeed } from './discover';
export { incidentList } from './lists';
export type { IncidentList } from './lists';
export type { Discovery, Getter } from './discover';
export { toSummaryJson } from './summary-json';
export { describeAdapterProblem, FORMAT_INFO } from './describe';
export type { FormatInfo } from './describe';
export { FORMATS } from './types';
export type { Adapter, AdapterOptions, AdapterProblem, FeedFormat, FormatResult } from './types';
export {
  readAtom,
  readBetterStack,
  readCachet,
  readIncidentIo,
  readInstatus,
  readOpenStatus,
  readRss,
  readStatuspage,
};
