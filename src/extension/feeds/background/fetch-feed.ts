/**
 * One conditional GET of a feed. The timing and size rules around it (max-age, Retry-After,
 * back-off, the caps) are the shared fetch policy in core/feed/fetch-policy.ts.
 */
import {
  FETCH_LIMITS,
  bodyTooLarge,
  decodeBody,
  conditionalHeaders,
  freshForMs,
  retryAfterMs,
  validatorsOf,
} from '../../../core/feed/fetch-policy';

export type FetchOutcome =
  /**
   * `body`: the parsed JSON, or the text itself when it is not JSON (Atom and RSS are XML); the
   * core's `readFeed` reads either.
   */
  | { kind: 'ok'; body: unknown; etag?: string; lastModified?: string; maxAgeMs?: number }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; maxAgeMs?: number }
  | { kind: 'error'; error: string; status?: number; retryAfterMs?: number };

/** What a feed accepts: every format the core reads (JSON, Atom, RSS). */
const ACCEPT =
  'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5';

/**
 * Fetches a feed once, conditionally. Never throws: failures come back as `{kind:'error'}`.
 * `ownHeaders`: the source's request headers (a token for a private feed). With them no redirect
 * is followed at all, so they can only reach the address the user typed; without them, redirects
 * are decided hop by hop and one to another origin is never sent (below).
 */
export async function fetchFeed(
  fetchFn: typeof fetch,
  url: string,
  validators: { etag?: string; lastModified?: string },
  now: number,
  timeoutMs: number = FETCH_LIMITS.timeoutMs,
  ownHeaders: Record<string, string> = {},
): Promise<FetchOutcome> {
  const withHeaders = Object.keys(ownHeaders).length > 0;
  const headers = { ...ownHeaders, accept: ACCEPT, ...conditionalHeaders(validators) };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const hop = await follow(fetchFn, url, { headers, signal: ctrl.signal }, withHeaders);
    if ('error' in hop) {
      void hop.res?.body?.cancel().catch(() => undefined);
      return { kind: 'error', error: hop.error };
    }
    const res = hop.res;
    const header = (name: string) => res.headers.get(name);
    const meta = { ...validatorsOf(header, validators), ...opt('maxAgeMs', freshForMs(header)) };
    if (res.status === 304) return { kind: 'not-modified', ...meta };
    if (!res.ok) {
      const retry = retryAfterMs(res.status, header, now);
      const error = `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
      return { kind: 'error', error, status: res.status, ...opt('retryAfterMs', retry) };
    }
    // (`text()` would decode UTF-8 whatever the feed declares)
    const text = decodeBody(new Uint8Array(await res.arrayBuffer()), header('content-type'));
    if (bodyTooLarge(text)) return { kind: 'error', error: 'The response is too large.' };
    // XML (Atom, RSS) stays text; JSON is parsed once here. What it is, the core decides.
    return { kind: 'ok', body: parseJson(text), ...meta };
  } catch (e) {
    if (ctrl.signal.aborted)
      return { kind: 'error', error: `No answer within ${timeoutMs / 1000} s.` };
    return { kind: 'error', error: `The request failed: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Redirects followed within the source's origin before giving up (a loop, or a chain). */
export const MAX_REDIRECTS = 5;

/**
 * Requests `url` and follows its redirects one hop at a time (`redirect: 'manual'`), so that a hop
 * to another origin is refused before anything is sent there (issue 16 #8): the helpdesk, where the
 * extension holds host access, an intranet or loopback address, or an attacker's server. Same
 * origin means same scheme, host and port, so a public feed cannot bounce into a private address
 * range; a source on a private address may redirect within itself.
 *
 * Browsers hide where a manual redirect points (an `opaqueredirect` response, no `Location`), so
 * there a redirect is refused and the agent enters the address it leads to; where the location is
 * readable (Node: the feed helper, the tests), same-origin hops are followed.
 */
async function follow(
  fetchFn: typeof fetch,
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
  withHeaders: boolean,
): Promise<{ res: Response } | { error: string; res?: Response }> {
  const origin = new URL(url).origin;
  let at = url;
  for (let hop = 0; ; hop++) {
    const res = await fetchFn(at, {
      ...init,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
    });
    if (!isRedirect(res)) {
      // Belt and braces: a fetch that followed a redirect anyway (a wrapped fetch) is caught by
      // the address the answer came from; its body is never read.
      const to = res.url ? new URL(res.url).origin : origin;
      if (to !== origin)
        return {
          res,
          error: `The feed redirected to another origin (${to}); only redirects within ${origin} are followed. Enter the new address if it moved.`,
        };
      return { res };
    }
    if (withHeaders)
      return {
        res,
        error:
          'The feed redirects; with request headers set, redirects are not followed. Enter the final address.',
      };
    const location = res.headers.get('location');
    if (res.type === 'opaqueredirect' || !location) {
      return {
        res,
        error: `The feed answered with a redirect, and the browser does not say where to, so it was not followed. Open ${at} in a tab and enter the address it leads to.`,
      };
    }
    let next: URL;
    try {
      next = new URL(location, at);
    } catch {
      return { res, error: `The feed redirected to an address that is not valid (${location}).` };
    }
    if (next.origin !== origin) {
      return {
        res,
        error: `The feed redirected to another origin (${next.origin}); only redirects within ${origin} are followed, and nothing was sent there. Enter the new address if it moved.`,
      };
    }
    if (hop >= MAX_REDIRECTS)
      return { res, error: `The feed redirected more than ${MAX_REDIRECTS} times.` };
    void res.body?.cancel().catch(() => undefined);
    at = next.href;
  }
}

/** A redirect answer: opaque (browsers) or a 3xx with a location (Node). 304 is not one. */
function isRedirect(res: Response): boolean {
  return (
    res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304)
  );
}

/** The JSON value of a text, or the text itself when it is not JSON. */
function parseJson(text: string): unknown {
  if (!/^\uFEFF?\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return text; // a truncated JSON body: readFeed reports it as not JSON
  }
}

function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]: V });
}
