import { describe, expect, test } from 'vitest';
import {
  FETCH_LIMITS,
  announcedTooLarge,
  backoffMs,
  bodyTooLarge,
  conditionalHeaders,
  decodeBody,
  freshForMs,
  nextAfterFailure,
  nextAfterSuccess,
  pollEveryMs,
  pollIntervalMs,
  retryAfterMs,
  validatorsOf,
} from './fetch-policy';

const T0 = Date.parse('2025-01-06T09:00:00Z');
const headers =
  (h: Record<string, string>) =>
  (name: string): string | null =>
    h[name] ?? null;

describe('the feed fetch policy (shared by the widgets and the extension)', () => {
  test('conditional requests: the validators of the last good response go back as If-None-Match / If-Modified-Since', () => {
    expect(conditionalHeaders(undefined)).toEqual({});
    const held = validatorsOf(
      headers({ etag: '"v1"', 'last-modified': 'Mon, 06 Jan 2025 08:00:00 GMT' }),
    );
    expect(conditionalHeaders(held)).toEqual({
      'if-none-match': '"v1"',
      'if-modified-since': 'Mon, 06 Jan 2025 08:00:00 GMT',
    });
    // a 304 without validators keeps the ones held; a new ETag replaces the old
    expect(validatorsOf(headers({}), held)).toEqual(held);
    expect(validatorsOf(headers({ etag: '"v2"' }), held).etag).toBe('"v2"');
  });

  test('Cache-Control max-age, minus Age; no-cache and no-store mean now; nothing said is undefined', () => {
    expect(freshForMs(headers({ 'cache-control': 'public, max-age=120' }))).toBe(120_000);
    expect(freshForMs(headers({ 'cache-control': 'max-age=300', age: '60' }))).toBe(240_000);
    expect(freshForMs(headers({ 'cache-control': 'max-age=30', age: '90' }))).toBe(0);
    expect(freshForMs(headers({ 'cache-control': 'no-cache' }))).toBe(0);
    expect(freshForMs(headers({ 'cache-control': 'private, no-store' }))).toBe(0);
    expect(freshForMs(headers({}))).toBeUndefined();
  });

  test('Retry-After counts on 429 and 503 only, in seconds or as an HTTP date', () => {
    const later = new Date(T0 + 90_000).toUTCString();
    expect(retryAfterMs(429, headers({ 'retry-after': '30' }), T0)).toBe(30_000);
    expect(retryAfterMs(503, headers({ 'retry-after': later }), T0)).toBe(90_000);
    expect(retryAfterMs(500, headers({ 'retry-after': '30' }), T0)).toBeUndefined();
    expect(retryAfterMs(429, headers({ 'retry-after': 'soon' }), T0)).toBeUndefined();
    expect(retryAfterMs(429, headers({}), T0)).toBeUndefined();
  });

  test('back-off is full jitter under an exponential ceiling, between the two caps', () => {
    expect(backoffMs(1, 60_000, () => 0)).toBe(FETCH_LIMITS.minIntervalMs);
    expect(backoffMs(1, 60_000, () => 0.5)).toBe(30_000);
    expect(backoffMs(1, 60_000, () => 0.999999)).toBe(60_000);
    expect(backoffMs(3, 60_000, () => 0.999999)).toBe(240_000);
    expect(backoffMs(30, 60_000, () => 0.999999)).toBeGreaterThan(FETCH_LIMITS.maxDelayMs - 1000);
    expect(backoffMs(30, 60_000, () => 0.999999)).toBeLessThanOrEqual(FETCH_LIMITS.maxDelayMs);
  });

  test('the next request: the interval or the freshness after a success; back-off or Retry-After after a failure; never past the cap', () => {
    expect(nextAfterSuccess(T0, 60_000)).toBe(T0 + 60_000);
    expect(nextAfterSuccess(T0, 60_000, 300_000)).toBe(T0 + 300_000);
    expect(nextAfterSuccess(T0, 60_000, 10 * 3_600_000)).toBe(T0 + FETCH_LIMITS.maxDelayMs);
    expect(nextAfterFailure(T0, 1, 60_000, () => 0.5)).toBe(T0 + 30_000);
    expect(nextAfterFailure(T0, 1, 60_000, () => 0.5, 600_000)).toBe(T0 + 600_000);
    expect(nextAfterFailure(T0, 1, 60_000, () => 0.5, 86_400_000)).toBe(
      T0 + FETCH_LIMITS.maxDelayMs,
    );
  });

  test('poll intervals stay within the caps', () => {
    expect(pollIntervalMs(1_000)).toBe(FETCH_LIMITS.minIntervalMs);
    expect(pollIntervalMs(NaN)).toBe(FETCH_LIMITS.minIntervalMs);
    expect(pollIntervalMs(120_000)).toBe(120_000);
    expect(pollIntervalMs(1e12)).toBe(FETCH_LIMITS.maxDelayMs);
  });

  test('a client configured in seconds: absent or unreadable is the default minute, then the caps', () => {
    expect(pollEveryMs(undefined)).toBe(60_000);
    expect(pollEveryMs(NaN)).toBe(60_000);
    expect(pollEveryMs(0)).toBe(60_000);
    expect(pollEveryMs(5)).toBe(FETCH_LIMITS.minIntervalMs);
    expect(pollEveryMs(120)).toBe(120_000);
  });

  test('the body size limit: announced (never read) or counted', () => {
    const max = FETCH_LIMITS.maxBodyBytes;
    expect(announcedTooLarge(headers({ 'content-length': String(max + 1) }))).toBe(true);
    expect(announcedTooLarge(headers({ 'content-length': String(max) }))).toBe(false);
    expect(announcedTooLarge(headers({}))).toBe(false);
    expect(bodyTooLarge('x'.repeat(max + 1))).toBe(true);
    expect(bodyTooLarge('x'.repeat(max))).toBe(false);
  });
});

describe('decodeBody', () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test('decodes in the Content-Type charset first, then the XML declaration, else UTF-8', () => {
    expect(decodeBody(latin1('Caf\u00e9'), 'text/plain; charset="iso-8859-1"')).toBe('Café');
    const xml = '<?xml version="1.0" encoding="windows-1252"?><a>Caf\u00e9</a>';
    expect(decodeBody(latin1(xml), 'application/xml')).toContain('Café');
    expect(decodeBody(utf8(xml), 'application/xml; charset=utf-8')).toContain('Café');
    expect(decodeBody(utf8('{"a":"Café"}'), null)).toBe('{"a":"Café"}');
  });

  test('drops a UTF-8 byte order mark, and reads an unknown charset as UTF-8', () => {
    expect(decodeBody(utf8('\uFEFF{}'), 'application/json')).toBe('{}');
    expect(decodeBody(utf8('Café'), 'text/plain; charset=no-such-charset')).toBe('Café');
  });
});
