/**
 * Origins and match patterns. Chrome matches host access per port: a pattern carries the origin's
 * port (`http://localhost:3000/*`), so turning the overlay on for `localhost:3000` does not reach
 * every other server on localhost (issue 16, item 16). Firefox refuses a port in a host permission,
 * so its build makes portless patterns (`http://localhost/*`, every port) and the UI says so.
 */

/** True where host permissions and content-script matches honour a port (the Chrome build). */
export const PATTERNS_HAVE_PORTS: boolean = import.meta.env.LENS_TARGET !== 'firefox';

/**
 * `https://acme.zendesk.com:8443/x` → `https://acme.zendesk.com:8443/*` (without the port where the
 * browser ignores it); throws on anything not http(s). A default port is never written.
 */
export function originPattern(urlOrOrigin: string, ports: boolean = PATTERNS_HAVE_PORTS): string {
  let u: URL;
  try {
    u = new URL(urlOrOrigin);
  } catch {
    throw new Error(`"${urlOrOrigin}" is not a valid URL.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`Only http and https sites are supported, not "${u.protocol}".`);
  }
  return `${u.protocol}//${u.hostname}${ports && u.port ? `:${u.port}` : ''}/*`;
}

/**
 * The host whose every port a grant for `url` covers, when `url` names a port and the browser
 * grants per host (Firefox); undefined otherwise. The UI shows it beside the address.
 */
export function everyPortOf(url: string, ports: boolean = PATTERNS_HAVE_PORTS): string | undefined {
  if (ports) return undefined;
  try {
    const u = new URL(url);
    return u.port ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}
