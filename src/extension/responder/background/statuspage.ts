import { getSetting } from '../../db/settings';
import { loadConnection, saveConnection } from '../../db/secrets';
import type { ResponderCommands, StatuspageStatus } from '../protocol';
import { StatuspageClient, type ClientEnv } from '../../statuspage/client';
import { componentChoices } from '../../statuspage/components';
import { hostPattern, keyHint, validateConnection } from '../../statuspage/config';
import type { StatuspageConnection } from '../../statuspage/types';
import type { ResponderEnv } from './env';

type SpCommands =
  'statuspage/connect' | 'statuspage/disconnect' | 'statuspage/status' | 'statuspage/components';

/**
 * Connecting a Statuspage page: the connection is checked (https, or http on loopback), proved
 * with one GET of the page, and only then stored. Replies never carry the key. Listing components
 * uses the stored connection, through the same client (and host permission) as publishing.
 */
export function statuspageHandlers(
  env: Pick<ResponderEnv, 'db' | 'releaseOrigin'>,
  client: ClientEnv,
): {
  [K in SpCommands]: (req: ResponderCommands[K]['req']) => Promise<ResponderCommands[K]['res']>;
} {
  return {
    async 'statuspage/connect'(req) {
      const checked = validateConnection(req);
      if (!checked.ok) return { ok: false, error: { kind: 'bad_config', detail: checked.detail } };
      const page = await new StatuspageClient(checked.connection, client).verify();
      if (!page.ok) return page;
      const db = await env.db();
      await saveConnection(db, checked.connection);
      return { ok: true, status: statusOf(checked.connection, page.value.name) };
    },

    async 'statuspage/disconnect'() {
      const db = await env.db();
      const old = await getSetting(db, 'statuspage');
      await saveConnection(db, null);
      // The API's host access goes too, unless a source or a site uses that origin.
      if (old) await env.releaseOrigin?.(hostPattern(old.apiBase));
      return null;
    },

    async 'statuspage/status'() {
      const conn = await loadConnection(await env.db());
      return conn ? statusOf(conn) : { connected: false };
    },

    async 'statuspage/components'() {
      const conn = await loadConnection(await env.db());
      if (!conn) return { ok: false, error: { kind: 'not_connected' } };
      const r = await new StatuspageClient(conn, client).listComponents();
      return r.ok ? { ok: true, components: componentChoices(r.value) } : r;
    },
  };
}

/** The connection as views may see it: never the key. */
function statusOf(conn: StatuspageConnection, pageName?: string): StatuspageStatus {
  return {
    connected: true,
    pageId: conn.pageId,
    apiBase: conn.apiBase,
    keyHint: keyHint(conn.apiKey),
    ...(pageName ? { pageName } : {}),
  };
}
