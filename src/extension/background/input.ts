/**
 * Checks on command payloads that need more than core/validate.ts (the one module for reading
 * untrusted input): URLs, poll intervals, the payload object itself. Views are trusted less than
 * the background, and errors read well.
 */
import { isObj, text } from '../../core/validate';

/** An http(s) URL, normalised. */
export function httpUrl(v: unknown, field: string): string {
  const s = text(v, field, 2000);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new Error(`${field} is not a valid URL.`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new Error(`${field} must be an http(s) URL.`);
  return u.href;
}

/**
 * Where the Statuspage summary of a status page given by its address would be: for a site root
 * (`https://www.githubstatus.com`), its `/api/v2/summary.json`; undefined for any other URL.
 */
export function summaryUrlOf(url: string): string | undefined {
  const u = new URL(url);
  return u.pathname === '/' && !u.search && !u.hash ? `${u.origin}/api/v2/summary.json` : undefined;
}

/** Minimum and maximum poll intervals, seconds (alarms fire every 30 s at most). */
export const POLL_SECONDS = { min: 30, max: 86_400 } as const;

/** A poll interval in whole seconds, clamped into POLL_SECONDS. */
export function pollSeconds(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error('The poll interval must be a number.');
  return Math.min(POLL_SECONDS.max, Math.max(POLL_SECONDS.min, Math.round(v)));
}

/** An object payload. */
export function payload<T>(v: T): T {
  if (!isObj(v)) throw new Error('The command needs a payload object.');
  return v;
}
