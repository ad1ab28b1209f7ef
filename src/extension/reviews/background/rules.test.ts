import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Severity } from '../../../core/types';
import { getIncident } from '../../db/incidents';
import type { Handlers } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { makeKit, MIN, T0, type Kit } from '../../background/worker.test-kit';

let kit: Kit;
let h: Handlers;
const sender = {};
const DAY = 86_400_000;

async function resolved(severity: Severity): Promise<string> {
  const inc = await h['incidents/declare'](
    { title: 'Search slow', components: ['Search'], publiclyVisible: true },
    sender,
  );
  await h['incidents/classify'](
    { id: inc.id, answers: {}, severity, overrideReason: 'Test' },
    sender,
  );
  kit.clock.now = T0 + 45 * MIN;
  await h['incidents/record']({ id: inc.id, type: 'resolved', at: T0 + 45 * MIN }, sender);
  return inc.id;
}

beforeEach(async () => {
  kit = await makeKit();
  h = createHandlers(kit.deps);
});

describe('reviews/publish: vague action items', () => {
  it('refuses a vague item, and publishes once it is marked as a follow-up to define', async () => {
    const id = await resolved(2);
    const r = await h['reviews/create']({ incidentId: id }, sender);
    const item = {
      id: 'a1',
      description: 'Improve monitoring',
      owner: 'Ana',
      dueAt: kit.clock.now + 5 * DAY,
      status: 'open' as const,
      createdAt: kit.clock.now,
    };
    await h['reviews/save'](
      { review: { ...r, rootCause: 'Index rebuilds had no capacity check.', actionItems: [item] } },
      sender,
    );
    await expect(h['reviews/publish']({ id: r.id }, sender)).rejects.toThrow(
      /"Improve monitoring" is vague/,
    );
    const saved = await h['reviews/save'](
      {
        review: {
          ...r,
          rootCause: 'Index rebuilds had no capacity check.',
          actionItems: [{ ...item, toDefine: true }],
        },
      },
      sender,
    );
    expect(saved.actionItems[0]?.toDefine).toBe(true);
    const published = await h['reviews/publish']({ id: r.id }, sender);
    expect(published.publishedAt).toBe(kit.clock.now);
  });

  it('a factors review publishes on its factors, and keeps links only to its own items', async () => {
    const id = await resolved(1);
    const r = await h['reviews/create']({ incidentId: id }, sender);
    const saved = await h['reviews/save'](
      {
        review: {
          ...r,
          rootCauseForm: 'factors',
          factors: [
            {
              id: 'f1',
              description: 'No capacity check.',
              evidence: 'CPU graph',
              actionItemIds: ['a1', 'ghost'],
            },
          ],
          actionItems: [
            {
              id: 'a1',
              description: 'Add a capacity check to the index rebuild job',
              owner: 'Ana',
              dueAt: kit.clock.now + 5 * DAY,
              status: 'open',
              createdAt: kit.clock.now,
            },
          ],
        },
      },
      sender,
    );
    expect(saved.rootCauseForm).toBe('factors');
    expect(saved.factors?.[0]?.actionItemIds).toEqual(['a1']);
    await expect(h['reviews/publish']({ id: r.id }, sender)).resolves.toMatchObject({
      publishedAt: kit.clock.now,
    });
  });
});

describe('reviews/skip', () => {
  it('an optional review (SEV-3/4) is skipped with a reason and leaves the waiting list', async () => {
    const id = await resolved(3);
    await expect(h['reviews/skip']({ incidentId: id, reason: '  ' }, sender)).rejects.toThrow(
      /reason/,
    );
    const inc = await h['reviews/skip']({ incidentId: id, reason: 'Tracked as a bug' }, sender);
    expect(inc.reviewSkipped).toEqual({ reason: 'Tracked as a bug', at: kit.clock.now });
    expect((await getIncident(kit.db, id))?.reviewSkipped?.reason).toBe('Tracked as a bug');
  });

  it('a required review (SEV-1/2) cannot be skipped', async () => {
    const id = await resolved(2);
    await expect(h['reviews/skip']({ incidentId: id, reason: 'Busy' }, sender)).rejects.toThrow(
      /required/,
    );
  });
});
