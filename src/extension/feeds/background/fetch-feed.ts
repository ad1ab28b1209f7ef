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
 * is followed at all, so they can only reach the address the user typed; without them, a redirect
 * within the feed's origin is followed and one to another origin refused (below).
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
    const res = await fetchFn(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      redirect: withHeaders ? 'manual' : 'follow',
      signal: ctrl.signal,
    });
    if (res.type === 'opaqueredirect' || (withHeaders && res.status >= 300 && res.status < 400)) {
      void res.body?.cancel().catch(() => undefined);
      return {
        kind: 'error',
        error:
          'The feed redirects; with request headers set, redirects are not followed. Enter the final address.',
      };
    }
    const moved = crossOrigin(url, res);
    if (moved) {
      // Not read: an answer from another origin (the helpdesk, an intranet host the extension
      // can reach) must never show as a feed (issue 16 #8).
      void res.body?.cancel().catch(() => undefined);
      return {
        kind: 'error',
        error: `The feed redirected to another origin (${moved}); only redirects within ${new URL(url).origin} are followed. Enter the new address if it moved.`,
      };
    }
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

/**
 * The origin a response ended up on, when it is not the request's. (fetch follows redirects; an MV3
 * worker cannot read a manual redirect's Location, so the final URL is checked before the body is
 * read.) Same origin means same scheme, host and port, so a redirect to a private or loopback
 * address is refused unless the source itself is on that address.
 */
export function crossOrigin(requested: string, res: Response): string | undefined {
  if (!res.url) return undefined; // a constructed Response (tests) has no URL
  const to = new URL(res.url).origin;
  return to === new URL(requested).origin ? undefined : to;
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
