import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseRoute, routeHash, type Route } from '../responder/views/route';

/** The route in the URL hash, kept in sync both ways (back/forward included). */
export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((r: Route) => {
    location.hash = routeHash(r);
  }, []);
  return [route, go];
}
