import { isObj } from '../../core/validate';
import type { StatuspageError } from './types';

/** How long to wait after a 429 when the reply carries no usable Retry-After. */
export const DEFAULT_RETRY_SECONDS = 60;

const MAX_DETAIL = 500;

/**
 * The human text of an error body. Statuspage answers `{"error": "…"}` or `{"error": ["…", …]}`;
 * `message` and `errors` shapes are accepted too. Falls back to the raw text, trimmed and capped.
 */
export function errorDetail(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return cap(raw.trim());
  }
  const parts: string[] = [];
  const take = (v: unknown, prefix = ''): void => {
    if (typeof v === 'string') parts.push(prefix + v);
    else if (Array.isArray(v)) v.forEach((x) => take(x, prefix));
    else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) take(x, `${k}: `);
    }
  };
  if (isObj(parsed)) take(parsed.error ?? parsed.errors ?? parsed.message);
  return cap(parts.join('; ') || raw.trim());
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date (relative to `now`). */
export function retryAfterSeconds(header: string | null, now: number): number {
  if (header === null || header.trim() === '') return DEFAULT_RETRY_SECONDS;
  const n = Number(header.trim());
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  if (Number.isFinite(at)) return Math.max(1, Math.ceil((at - now) / 1000));
  return DEFAULT_RETRY_SECONDS;
}

/** Maps a non-2xx reply to an error the UI can explain. */
export function errorForStatus(
  status: number,
  body: string,
  retryAfter: string | null,
  now: number,
): StatuspageError {
  if (status === 401 || status === 403) return { kind: 'auth', status };
  if (status === 404) return { kind: 'not_found', status };
  if (status === 400 || status === 422)
    return { kind: 'validation', status, detail: errorDetail(body) };
  if (status === 420 || status === 429) {
    return { kind: 'rate_limited', status, retryAfterSeconds: retryAfterSeconds(retryAfter, now) };
  }
  return { kind: 'http', status, detail: errorDetail(body) };
}

function cap(s: string): string {
  return s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s;
}
