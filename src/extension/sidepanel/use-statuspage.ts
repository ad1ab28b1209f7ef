import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/channel';
import type { StatuspageStatus } from '../responder/protocol';

/** The Statuspage connection as views may see it (never the key), re-read on demand. */
export function useStatuspage(): { status: StatuspageStatus; refresh(): void } {
  const [status, setStatus] = useState<StatuspageStatus>({ connected: false });
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    send('statuspage/status', null).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  return { status, refresh };
}
