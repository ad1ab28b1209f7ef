import type { FeedIncident, ObligationStatus } from '../../../core/types';
import type { OverlayIncident, OverlayState } from '../../messaging/overlay-state';

/** A feed incident for view tests. */
export function incident(over: Partial<FeedIncident> = {}): FeedIncident {
  return {
    id: 'inc1',
    kind: 'incident',
    name: 'Elevated errors on Checkout',
    status: 'identified',
    impact: 'major',
    severity: 2,
    createdAt: 1_000,
    updatedAt: 2_000,
    components: [{ name: 'Checkout API' }],
    updates: [
      {
        id: 'u2',
        status: 'identified',
        body: 'A fix is rolling out.',
        createdAt: 2_000,
        displayAt: 2_000,
        affectedComponents: [],
      },
      {
        id: 'u1',
        status: 'investigating',
        body: 'We are looking into it.',
        createdAt: 1_000,
        displayAt: 1_000,
        affectedComponents: [],
      },
    ],
    ...over,
  };
}

/** An obligation due at `dueAt`. */
export function obligation(dueAt: number, over: Partial<ObligationStatus> = {}): ObligationStatus {
  return {
    ruleId: 'status_page',
    label: 'Status page update',
    channel: 'status_page',
    state: 'upcoming',
    anchorAt: 0,
    dueAt,
    ...over,
  };
}

export function item(over: Partial<OverlayIncident> = {}): OverlayIncident {
  return {
    sourceId: 's1',
    sourceName: 'Acme status',
    incident: incident(),
    obligations: [],
    ...over,
  };
}

export function state(items: OverlayIncident[], over: Partial<OverlayState> = {}): OverlayState {
  return { computedAt: 0, incidents: items, failing: [], ...over };
}
