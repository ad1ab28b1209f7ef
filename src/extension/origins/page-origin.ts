/** Hosts where plain http is acceptable: the machine itself (dev servers, tests). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a loopback host name. */
export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * The origin of a page the overlay may run on (http/https only), or null for anything else
 * (chrome://, extension pages, file:, about:blank…).
 */
export function siteOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Normalises what a user typed as a site ("acme.zendesk.com", "https://x.y/path") to an origin. */
export function parseSiteInput(input: string): string | null {
  const v = input.trim();
  if (v === '') return null;
  const withScheme = /^[a-z]+:\/\//i.test(v) ? v : `https://${v}`;
  const origin = siteOrigin(withScheme);
  if (!origin) return null;
  const u = new URL(origin);
  if (u.protocol === 'http:' && !isLocalHost(u.hostname)) return null;
  return origin;
}

export type SourceField = 'name' | 'url' | 'pollSeconds';

/** A source form's problems, by field, as i18n keys (empty when valid). */
export function validateSource(input: {
  name: string;
  url: string;
  pollSeconds: number;
}): Partial<Record<SourceField, string>> {
  const errors: Partial<Record<SourceField, string>> = {};
  if (input.name.trim() === '') errors.name = 'err_nameRequired';
  let u: URL | null = null;
  try {
    u = new URL(input.url.trim());
  } catch {
    errors.url = 'err_urlInvalid';
  }
  if (u && u.protocol !== 'https:' && u.protocol !== 'http:') errors.url = 'err_urlHttps';
  if (!Number.isFinite(input.pollSeconds) || input.pollSeconds < 30)
    errors.pollSeconds = 'err_pollMin';
  return errors;
}

/**
 * The warning a feed URL earns, as an i18n key, or undefined: plain http to a host other than this
 * machine, where anyone on the network path can read and change what the feed says (issue 16 #16).
 * Allowed (an intranet status server may have no TLS), but said in the form and on the source.
 */
export function feedUrlWarning(url: string): 'warn_httpFeed' | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && !isLocalHost(u.hostname) ? 'warn_httpFeed' : undefined;
  } catch {
    return undefined;
  }
}
