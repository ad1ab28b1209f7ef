/**
 * The server-side helper for providers whose feeds a customer's browser cannot read (no CORS):
 * fetches a feed of any format the core reads, normalises it, and answers with a Statuspage v2
 * summary (the shape every widget reads) and caching headers. For Node 18+, Deno, Bun and edge
 * runtimes (`feedHandler`, a fetch handler) and for Express-style servers (`expressFeed`).
 *
 * Headers given here (e.g. an internal feed's token) go to the feed's own origin only: a redirect
 * to another origin is not followed. The last good answer is kept in memory and served, marked
 * stale, while the provider fails.
 */
import { readFeed } from '../core/feed/formats/index';
import type { FeedFormat } from '../core/feed/formats/index';
import { toSummaryJson } from '../core/feed/formats/summary-json';
import { FETCH_LIMITS, decodeBody } from '../core/feed/fetch-policy';
import { isUsableFeed } from '../core/feed/usable';

export interface FeedHelperOptions {
  /** The provider's feed URL. */
  url: string;
  /** Read as this format instead of detecting it. */
  format?: FeedFormat;
  /** Request headers for the provider (sent to its origin only). */
  headers?: Record<string, string>;
  /** How long browsers and CDNs may keep the answer, and how often the provider is asked (default 60 s). */
  maxAgeSeconds?: number;
  /** The `Access-Control-Allow-Origin` answered (default `*`). */
  allowOrigin?: string;
  /** Give up on the provider after this long (default 10 s). */
  timeoutMs?: number;
  /** Refuse a provider answer larger than this (default: the shared cap, FETCH_LIMITS.maxBodyBytes, 2 MiB). */
  maxBytes?: number;
  /** The clock (for tests). */
  now?: () => number;
  /** The fetch to use (for tests, or a runtime's own). */
  fetch?: typeof fetch;
}

/** What the helper answers, before it becomes a Response. */
export interface HelperAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A short stable hash for the ETag. */
function etagOf(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 33) ^ s.charCodeAt(i);
  return `"${(h >>> 0).toString(36)}-${s.length.toString(36)}"`;
}

/** Fetches the provider's feed: same-origin redirects only, capped size and time. */
async function fetchText(o: FeedHelperOptions): Promise<string> {
  const origin = new URL(o.url).origin;
  let url = o.url;
  for (let hop = 0; hop < 6; hop++) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), o.timeoutMs ?? 10_000);
    try {
      const res = await (o.fetch ?? fetch)(url, {
        headers: { accept: 'application/json, application/xml;q=0.9, */*;q=0.5', ...o.headers },
        redirect: 'manual',
        signal: ctl.signal,
      });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url).href;
        if (new URL(url).origin != origin)
          throw new Error(`redirected to another origin (${new URL(url).origin})`);
        continue;
      }
      if (!res.ok) throw new Error(`the feed answered HTTP ${res.status}`);
      const max = o.maxBytes ?? FETCH_LIMITS.maxBodyBytes;
      const buf = new Uint8Array(await res.arrayBuffer());
      if (buf.length > max) throw new Error(`the feed is over ${max} bytes`);
      return decodeBody(buf, res.headers.get('content-type'));
    } finally {
      clearTimeout(timer);
    }
  }
  throw new Error('too many redirects');
}

/**
 * The answer logic, shared by both front ends: cached for `maxAgeSeconds`, 304 for a matching
 * If-None-Match, the last good answer (marked stale) when the provider fails, else 502.
 */
export function feedAnswerer(
  o: FeedHelperOptions,
): (ifNoneMatch?: string | null) => Promise<HelperAnswer> {
  const maxAge = o.maxAgeSeconds ?? 60;
  const now = o.now ?? Date.now;
  let good:
    { body: string; etag: string; at: number; format: string; problems: number } | undefined;
  let pending: Promise<void> | undefined;
  const base = (): Record<string, string> => ({
    'access-control-allow-origin': o.allowOrigin ?? '*',
    'access-control-expose-headers': 'etag, x-feed-format, x-feed-problems, x-feed-stale',
  });
  const refresh = async (): Promise<void> => {
    const text = await fetchText(o);
    const r = readFeed(text, { url: o.url, format: o.format });
    if (r.format == 'unknown') throw new Error('not a status feed this helper can read');
    // A 200 that is no feed ({"error": …}, `incidents: null`) would replace the last good answer
    // with an empty one, which widgets show as all clear: it counts as a failure instead.
    if (!isUsableFeed(r)) throw new Error(`not a usable ${r.format} feed`);
    const body = JSON.stringify(toSummaryJson(r.feed));
    good = { body, etag: etagOf(body), at: now(), format: r.format, problems: r.problems.length };
  };
  return async (ifNoneMatch) => {
    let error: string | undefined;
    if (!good || now() - good.at >= maxAge * 1000) {
      // One provider request at a time, whatever the number of callers.
      pending ??= refresh().finally(() => (pending = undefined));
      try {
        await pending;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    if (!good) {
      return {
        status: 502,
        headers: { ...base(), 'content-type': 'application/json', 'cache-control': 'no-store' },
        body: JSON.stringify({ error }),
      };
    }
    const headers = {
      ...base(),
      'content-type': 'application/json; charset=utf-8',
      // A failing provider: a short life, so that the answer recovers soon.
      'cache-control': error
        ? 'public, max-age=10'
        : `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}, stale-if-error=86400`,
      etag: good.etag,
      'x-feed-format': good.format,
      'x-feed-problems': String(good.problems),
      ...(error ? { 'x-feed-stale': error.slice(0, 200) } : {}),
    };
    if (ifNoneMatch && ifNoneMatch == good.etag) return { status: 304, headers, body: '' };
    return { status: 200, headers, body: good.body };
  };
}

/**
 * A fetch handler (Deno, Bun, Cloudflare Workers, Node 18+ frameworks that take Request →
 * Response): `export default { fetch: feedHandler({ url: 'https://status.example.com/summary.json' }) }`.
 */
export function feedHandler(o: FeedHelperOptions): (request?: Request) => Promise<Response> {
  const answer = feedAnswerer(o);
  return async (request) => {
    const a = await answer(request?.headers.get('if-none-match'));
    return new Response(a.status == 304 ? null : a.body, { status: a.status, headers: a.headers });
  };
}

/** The parts of Node's (and Express's) request and response the Express-style route uses. */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
}
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** An Express (or plain `node:http`) route: `app.get('/status.json', expressFeed({ url }))`. */
export function expressFeed(
  o: FeedHelperOptions,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  const answer = feedAnswerer(o);
  return async (req, res) => {
    const tag = req.headers['if-none-match'];
    const a = await answer(Array.isArray(tag) ? tag[0] : tag);
    res.statusCode = a.status;
    for (const [k, v] of Object.entries(a.headers)) res.setHeader(k, v);
    res.end(a.status == 304 ? undefined : a.body);
  };
}
