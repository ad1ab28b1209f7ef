import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  TEAM_LIVE_PING_MS,
  TEAM_LIVE_PORT,
  TEAM_STATUS_KEY,
  type TeamStatus,
} from '../../team/protocol';

/** Team sync's status as the background published it (storage.local), kept current. */
export function useTeamStatus(): TeamStatus | undefined {
  const [status, setStatus] = useState<TeamStatus | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(TEAM_STATUS_KEY).then((v) => {
      if (live)
        setStatus((v[TEAM_STATUS_KEY] as TeamStatus | undefined) ?? { state: 'off', pending: 0 });
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const c = changes[TEAM_STATUS_KEY];
      if (area === 'local' && c)
        setStatus((c.newValue as TeamStatus | undefined) ?? { state: 'off', pending: 0 });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return status;
}

/**
 * Keeps live replication running while this page is open: a port to the worker, pinged so Chrome
 * does not stop the worker meanwhile. (Local-only: the worker ignores the port.) A worker stopped
 * anyway (Firefox suspends its background page; an update restarts it) disconnects the port: the
 * page connects again, which wakes the worker and its live sync, instead of pinging a dead port.
 */
export function useTeamLive(): void {
  useEffect(() => {
    let open = true;
    let port = connect();
    function connect(): browser.Runtime.Port {
      const p = browser.runtime.connect({ name: TEAM_LIVE_PORT });
      p.onDisconnect.addListener(() => {
        if (open) port = connect();
      });
      return p;
    }
    const ping = setInterval(() => port.postMessage('ping'), TEAM_LIVE_PING_MS);
    return () => {
      open = false;
      clearInterval(ping);
      port.disconnect();
    };
  }, []);
}
