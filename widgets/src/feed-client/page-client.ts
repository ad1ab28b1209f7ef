/**
 * The page side of the feed client, in the main file: the feed kept from the last page load (read
 * synchronously, so an unchanged status renders at first paint and shifts nothing) and the page's
 * one client, whose code (feed-client.ts) and the Statuspage parser (statuspage.ts) load on demand
 * the first time a widget fetches (or is pushed Statuspage JSON: the parser alone).
 */
import type { Feed, ParseResult } from '../../../src/core/types';
import type { FeedClient, FeedState } from './feed-client';

export type { FeedState };

/** No feed yet, no problem (feed-client.ts's EMPTY: the chunk shares no module with this file). */
export const EMPTY: FeedState = { feed: null, asOf: null, stale: false, error: null };

/** The localStorage key prefix of a kept feed (feed-client.ts's pageClient writes it). */
const KEY = 'incident-widgets ';

/** A kept feed: good until `until` (its max-age, or the poll interval if longer). */
interface Kept {
  feed: Feed;
  asOf: number;
  until: number;
}

/** The feed kept for `url` while it is fresh; undefined otherwise (or without storage). */
export function kept(url: string): FeedState | undefined {
  try {
    const k = JSON.parse(localStorage.getItem(KEY + url)!) as Kept;
    if (k.until > Date.now() && Array.isArray(k.feed.incidents))
      return { ...EMPTY, feed: k.feed, asOf: k.asOf };
  } catch {
    // nothing kept, or no storage
  }
}

type Parse = (json: unknown) => ParseResult;
/** The Statuspage parser, once loaded: from then on pushed data is read synchronously. */
export let parse: Parse | undefined;
let parsing: Promise<Parse> | undefined;

/** Loads the parser (once). */
export const parser = (): Promise<Parse> =>
  (parsing ??= import('./statuspage').then((m) => (parse = m.parseSummary)));

let shared: Promise<FeedClient> | undefined;

/** The page's one client, loaded and created on first use (never at import: SSR runs nothing). */
export function feedClient(): Promise<FeedClient> {
  return (shared ??= Promise.all([import('./feed-client'), parser()]).then(([m, p]) =>
    m.pageClient(p, kept),
  ));
}
