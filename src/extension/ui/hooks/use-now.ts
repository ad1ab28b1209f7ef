import { useEffect, useState } from 'preact/hooks';
import { ticker as sharedTicker, type Ticker } from './ticker';

/**
 * The current time, refreshed once a second through the shared ticker while `active` is true
 * (a countdown is on screen). When inactive it subscribes to nothing, so no timer runs.
 */
export function useNow(active: boolean, ticker: Ticker = sharedTicker): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    return ticker.subscribe(setNow);
  }, [active, ticker]);
  return now;
}
