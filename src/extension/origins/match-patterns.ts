/**
 * Origins and match patterns. A pattern has no port (`http://127.0.0.1/*` matches every port), so a
 * site and a source on the same host share one host permission.
 */

/** `https://acme.zendesk.com:8443/x` → `https://acme.zendesk.com/*`; throws on anything not http(s). */
export function originPattern(urlOrOrigin: string): string {
  let u: URL;
  try {
    u = new URL(urlOrOrigin);
  } catch {
    throw new Error(`"${urlOrOrigin}" is not a valid URL.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`Only http and https sites are supported, not "${u.protocol}".`);
  }
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * The host whose every port a grant for `url` covers, when `url` names a port; undefined otherwise.
 * Patterns carry no port (Firefox refuses one, and a site and a source on one host share a grant),
 * so access to `http://localhost:3000` is access to every port on localhost: the UI says so.
 */
export function everyPortOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.port ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}
