/** Checks on command payloads: views are trusted less than the background, and errors read well. */

/** A non-empty trimmed string of at most `max` characters. */
export function text(v: unknown, field: string, max = 500): string {
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`${field} is required.`);
  if (v.length > max) throw new Error(`${field} is too long (at most ${max} characters).`);
  return v.trim();
}

/** An optional string (undefined stays undefined). */
export function optText(v: unknown, field: string, max = 10_000): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new Error(`${field} must be text.`);
  if (v.length > max) throw new Error(`${field} is too long (at most ${max} characters).`);
  return v;
}

/** A finite epoch-ms time. */
export function time(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new Error(`${field} must be a time.`);
  return v;
}

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
  if (typeof v !== 'object' || v === null) throw new Error('The command needs a payload object.');
  return v;
}
