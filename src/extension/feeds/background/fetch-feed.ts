/**
 * One conditional GET of a feed. The timing and size rules around it (max-age, Retry-After,
 * back-off, the caps) are the shared fetch policy in core/feed/fetch-policy.ts.
 */
import {
  FETCH_LIMITS,
  bodyTooLarge,
  conditionalHeaders,
  freshForMs,
  retryAfterMs,
  validatorsOf,
} from '../../../core/feed/fetch-policy';

export type FetchOutcome =
  | { kind: 'ok'; body: unknown; etag?: string; lastModified?: string; maxAgeMs?: number }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; maxAgeMs?: number }
  | { kind: 'error'; error: string; status?: number; retryAfterMs?: number };

/** Fetches a feed once, conditionally. Never throws: failures come back as `{kind:'error'}`. */
export async function fetchFeed(
  fetchFn: typeof fetch,
  url: string,
  validators: { etag?: string; lastModified?: string },
  now: number,
  timeoutMs: number = FETCH_LIMITS.timeoutMs,
): Promise<FetchOutcome> {
  const headers = { accept: 'application/json', ...conditionalHeaders(validators) };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const hop = await follow(fetchFn, url, { headers, signal: ctrl.signal });
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
    const text = await res.text();
    if (bodyTooLarge(text)) return { kind: 'error', error: 'The response is too large.' };
    try {
      return { kind: 'ok', body: JSON.parse(text), ...meta };
    } catch {
      const type = res.headers.get('content-type') ?? 'no content type';
      return { kind: 'error', error: `The response is not JSON (${type}).` };
    }
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
    if (!isRedirect(res)) return { res };
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

function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]: V });
}
