/**
 * The one fetch policy for every client of a status feed: the web widgets' feed client and the
 * extension's poller. Pure functions: the clients do the I/O, pass in the clock and the random
 * source, and ask these when to ask again and what to send.
 */

/**
 * The caps, each documented here and nowhere else:
 * - `timeoutMs`: a request that has not answered within 10 s is aborted (a status page that slow
 *   is down for our purpose; the next attempt backs off).
 * - `maxBodyBytes`: a body over 2 MiB is refused and the last good data kept. A Statuspage
 *   summary is tens of kB, a busy incidents.json a few hundred kB.
 * - `minIntervalMs`: no client asks a feed more often than every 15 s, whatever it is configured
 *   to, and no failure is retried sooner.
 * - `maxDelayMs`: back-off, `Cache-Control: max-age` and `Retry-After` never push the next request
 *   further than 60 min away, so a feed that recovers is seen within the hour.
 */
export const FETCH_LIMITS = {
  timeoutMs: 10_000,
  maxBodyBytes: 2 * 1024 * 1024,
  minIntervalMs: 15_000,
  maxDelayMs: 60 * 60_000,
} as const;

const SECOND = 1000;
/** `charset=` in a Content-Type, and `encoding="…"` in an XML declaration. */
const CHARSET = /;\s*charset\s*=\s*"?([\w.:-]+)/i;
const XML_ENCODING = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/;

/**
 * A body's bytes as text, in the charset it declares: the Content-Type's `charset`, else the XML
 * declaration's `encoding` (RFC 7303 order), else UTF-8. `Response.text()` always decodes UTF-8,
 * so an RSS feed in ISO-8859-1 or windows-1252 showed "Caf\ufffd" for "Café". An unknown label
 * reads as UTF-8; a UTF-8 byte order mark is dropped.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const label = CHARSET.exec(contentType ?? '')?.[1] ?? XML_ENCODING.exec(head)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder();
  }
  return decoder.decode(bytes);
}

/** HTTP statuses whose `Retry-After` says when to come back. */
const RETRY_AFTER_STATUSES = [429, 503];

/** The validators of the last good response: sent back as a conditional request. */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** Reads a response header (`Headers.get`, or a stand-in in tests). */
export type HeaderReader = (name: string) => string | null;

/** `If-None-Match` / `If-Modified-Since` for the validators we hold (none: an empty object). */
export function conditionalHeaders(v: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (v?.etag) headers['if-none-match'] = v.etag;
  if (v?.lastModified) headers['if-modified-since'] = v.lastModified;
  return headers;
}

/** The validators of a response, falling back to those we held (a 304 may omit them). */
export function validatorsOf(header: HeaderReader, held?: Validators): Validators {
  const out: Validators = {};
  const etag = header('etag') ?? held?.etag;
  const lastModified = header('last-modified') ?? held?.lastModified;
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return out;
}

/**
 * How long the response stays fresh, in ms: `Cache-Control: max-age` minus `Age`; 0 for
 * no-cache / no-store; undefined when the server says nothing.
 */
export function freshForMs(header: HeaderReader): number | undefined {
  const cacheControl = header('cache-control');
  if (!cacheControl) return undefined;
  if (/(^|,)\s*(no-cache|no-store)\s*(,|$)/i.test(cacheControl)) return 0;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  if (!m) return undefined;
  const age = Number(header('age'));
  return Math.max(0, (Number(m[1]) - (Number.isFinite(age) ? age : 0)) * SECOND);
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an HTTP date) on 429 and
 * 503 only; undefined otherwise or when unreadable.
 */
export function retryAfterMs(
  status: number,
  header: HeaderReader,
  now: number,
): number | undefined {
  if (!RETRY_AFTER_STATUSES.includes(status)) return undefined;
  const value = header('retry-after');
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * SECOND;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** True when a `Content-Length` already says the body is over the cap (so it is never read). */
export function announcedTooLarge(header: HeaderReader): boolean {
  return Number(header('content-length')) > FETCH_LIMITS.maxBodyBytes;
}

/**
 * True when a body read as text is over the cap. A string's length in UTF-16 units is at most its
 * size in UTF-8 bytes, so this never refuses a body that fits.
 */
export function bodyTooLarge(text: string): boolean {
  return text.length > FETCH_LIMITS.maxBodyBytes;
}

/** Seconds between polls when a client does not say (the widgets' `poll-interval` default). */
export const DEFAULT_POLL_SECONDS = 60;

/**
 * The poll interval for a client configured in seconds (absent, 0 or unreadable: the default),
 * within the caps.
 */
export function pollEveryMs(seconds: number | undefined): number {
  return pollIntervalMs((seconds || DEFAULT_POLL_SECONDS) * SECOND);
}

/** The poll interval a client asked for, within the cap (15 s at least). */
export function pollIntervalMs(requestedMs: number): number {
  return Math.min(
    FETCH_LIMITS.maxDelayMs,
    Math.max(FETCH_LIMITS.minIntervalMs, Number.isFinite(requestedMs) ? requestedMs : 0),
  );
}

/**
 * Exponential back-off with full jitter: a uniform delay in [0, intervalMs · 2^(failures−1)],
 * capped at `maxDelayMs`, and never under `minIntervalMs`. `random` returns [0, 1).
 */
export function backoffMs(failures: number, intervalMs: number, random: () => number): number {
  const ceiling = Math.min(FETCH_LIMITS.maxDelayMs, intervalMs * 2 ** Math.max(0, failures - 1));
  return Math.max(FETCH_LIMITS.minIntervalMs, Math.round(random() * ceiling));
}

/** When to ask again after a good response (200 or 304): the interval, or later while fresh. */
export function nextAfterSuccess(now: number, intervalMs: number, freshMs?: number): number {
  return now + Math.min(FETCH_LIMITS.maxDelayMs, Math.max(intervalMs, freshMs ?? 0));
}

/**
 * When to ask again after the `failures`-th failure in a row: the back-off, or later when the
 * server asked (`Retry-After`).
 */
export function nextAfterFailure(
  now: number,
  failures: number,
  intervalMs: number,
  random: () => number,
  retryAfter?: number,
): number {
  const wait = Math.max(backoffMs(failures, intervalMs, random), retryAfter ?? 0);
  return now + Math.min(FETCH_LIMITS.maxDelayMs, wait);
}
