/** Shared review fixtures for the tests in this folder (not part of the barrel). */
import type { ActionItem, Review } from './model';

export const day = 86_400_000;
export const at = (y: number, mo: number, d: number, h = 12, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi);

/** An action item with sensible defaults. */
export function item(over: Partial<ActionItem> & { id: string }): ActionItem {
  return {
    description: 'Add a review step for deployment configuration changes to the runbook',
    owner: 'Mehmet',
    dueAt: at(2025, 3, 15, 23, 59),
    status: 'open',
    createdAt: at(2025, 3, 1),
    ...over,
  };
}

/** A complete, blameless review. */
export function review(over: Partial<Review> = {}): Review {
  return {
    id: 'r1',
    incidentId: 'inc-42',
    title: 'Checkout errors on 15 March',
    createdAt: at(2025, 3, 16),
    updatedAt: at(2025, 3, 16),
    publishedAt: at(2025, 3, 17, 9, 30),
    timeline: [
      { id: 't2', at: at(2025, 3, 15, 14, 5), text: 'Classified SEV-2', validatedBy: 'Ana' },
      { id: 't1', at: at(2025, 3, 15, 14, 0), text: 'Declared', validatedBy: 'Ana' },
    ],
    impact: {
      customersAffected: 1200,
      durationMinutes: 85,
      accounts: [
        { name: 'Globex', arr: 80_000 },
        { name: 'Acme', arr: 120_000 },
      ],
    },
    whys: [
      'Card payments failed.',
      'The gateway route pointed at a retired endpoint.',
      'The change process had no review step for routing configuration.',
    ],
    rootCause: 'Routing configuration changes bypassed review.',
    mitigations: ['Rolled back the gateway route.'],
    actionItems: [
      item({
        id: 'a2',
        dueAt: at(2025, 3, 31, 23, 59),
        owner: 'Ana',
        description: 'Alert when gateway errors exceed 2% for 5 minutes',
      }),
      item({ id: 'a1' }),
    ],
    participants: ['Ana', 'Mehmet'],
    summary: 'Card payments failed for 85 minutes.',
    ...over,
  };
}
