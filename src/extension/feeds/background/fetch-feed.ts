/** One conditional GET of a feed, and the timing rules around it (max-age, Retry-After, back-off). */

/** Requests give up after this long. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Bodies larger than this are refused (a status feed is a few hundred kB at most). */
export const MAX_BODY_CHARS = 5_000_000;
/** No poll is ever scheduled sooner than this after the previous one (the alarm period). */
export const MIN_POLL_MS = 30_000;
/** Back-off, max-age and Retry-After never push the next poll further than this. */
export const MAX_DELAY_MS = 60 * 60_000;

export type FetchOutcome =
  /** `body`: the response text (JSON, or XML for Atom and RSS): the core's `readFeed` reads it. */
  | { kind: 'ok'; body: string; etag?: string; lastModified?: string; maxAgeMs?: number }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; maxAgeMs?: number }
  | { kind: 'error'; error: string; status?: number; retryAfterMs?: number };

/** `Cache-Control: max-age=N` in ms; 0 for no-cache/no-store; undefined when absent. */
export function maxAgeMs(cacheControl: string | null): number | undefined {
  if (!cacheControl) return undefined;
  if (/(^|,)\s*(no-cache|no-store)\s*(,|$)/i.test(cacheControl)) return 0;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return m ? Number(m[1]) * 1000 : undefined;
}

/** `Retry-After` (seconds or an HTTP date) as a delay from `now`, in ms. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential back-off with full jitter: a uniform delay in [0, min(cap, base·2^(failures-1))],
 * floored at MIN_POLL_MS so a failing source is never hammered.
 */
export function backoffMs(failures: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.max(MIN_POLL_MS, Math.round(random() * ceiling));
}

/** Request headers and the redirect policy of one fetch. */
export interface FetchPolicy {
  /** The source's own request headers (sent to its origin only: with them, no redirect is followed). */
  headers?: Record<string, string>;
  /** Whether a redirect may end on this other origin (the extension holds host access for it). */
  mayRedirectTo?: (url: string) => Promise<boolean>;
}

const origin = (url: string): string => new URL(url).origin;

/**
 * Fetches a feed once, conditionally. Never throws: failures come back as `{kind:'error'}`.
 * Redirects: with request headers none is followed (the headers would go wherever it points);
 * without, one that ends on another origin counts only if `mayRedirectTo` allows it.
 */
export async function fetchFeed(
  fetchFn: typeof fetch,
  url: string,
  validators: { etag?: string; lastModified?: string },
  now: number,
  timeoutMs = FETCH_TIMEOUT_MS,
  policy: FetchPolicy = {},
): Promise<FetchOutcome> {
  const own = policy.headers ?? {};
  const withHeaders = Object.keys(own).length > 0;
  const headers: Record<string, string> = {
    ...own,
    accept:
      'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchFn(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      redirect: withHeaders ? 'manual' : 'follow',
      signal: ctrl.signal,
    });
    if (res.type === 'opaqueredirect' || (withHeaders && res.status >= 300 && res.status < 400)) {
      return {
        kind: 'error',
        error:
          'The feed redirects; with request headers set, redirects are not followed. Enter the final address.',
      };
    }
    if (res.redirected && res.url && origin(res.url) !== origin(url)) {
      const allowed = policy.mayRedirectTo ? await policy.mayRedirectTo(res.url) : false;
      if (!allowed) {
        return {
          kind: 'error',
          error: `The feed redirects to ${origin(res.url)}, which Incident Lens has no access to. Add the final address instead.`,
        };
      }
    }
    const meta = {
      ...opt('etag', res.headers.get('etag') ?? validators.etag),
      ...opt('lastModified', res.headers.get('last-modified') ?? validators.lastModified),
      ...opt('maxAgeMs', maxAgeMs(res.headers.get('cache-control'))),
    };
    if (res.status === 304) return { kind: 'not-modified', ...meta };
    if (!res.ok) {
      const retry = retryAfterMs(res.headers.get('retry-after'), now);
      const error = `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
      return { kind: 'error', error, status: res.status, ...opt('retryAfterMs', retry) };
    }
    const text = await res.text();
    if (text.length > MAX_BODY_CHARS) return { kind: 'error', error: 'The response is too large.' };
    return { kind: 'ok', body: text, ...meta };
  } catch (e) {
    if (ctrl.signal.aborted)
      return { kind: 'error', error: `No answer within ${timeoutMs / 1000} s.` };
    return { kind: 'error', error: `The request failed: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]: V });
}
