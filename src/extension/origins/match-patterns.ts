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
