/** The side panel's views, addressed by the URL hash so a view survives a reload and can be linked. */
export type Section = 'obligations' | 'classify' | 'compose' | 'timeline' | 'link' | 'resolve';

export const SECTIONS: readonly Section[] = [
  'obligations',
  'classify',
  'compose',
  'timeline',
  'link',
  'resolve',
];

export type Route =
  | { view: 'list' }
  | { view: 'declare' }
  | { view: 'settings' }
  | { view: 'incident'; id: string; section: Section };

/** `#/incident/<id>/<section>` and friends → a route; anything unknown is the list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'declare') return { view: 'declare' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'incident' && parts[1]) {
    const s = parts[2] as Section | undefined;
    return {
      view: 'incident',
      id: parts[1],
      section: s && SECTIONS.includes(s) ? s : 'obligations',
    };
  }
  return { view: 'list' };
}

/** The hash of a route (inverse of `parseRoute`). */
export function routeHash(r: Route): string {
  if (r.view === 'incident') return `#/incident/${encodeURIComponent(r.id)}/${r.section}`;
  return r.view === 'list' ? '#/' : `#/${r.view}`;
}
