import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { classify } from '../../../core/classify';
import { computeObligations } from '../../../core/obligations';
import { DEFAULT_POLICY } from '../../../core/policy';
import type { Review } from '../../../core/review';
import { reviewsOf } from '../../db/drafts';
import { readBuilder } from '../repo';
import { eventsOf, getIncident } from '../../db/incidents';
import type { Handlers } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { makeKit, MIN, T0, type Kit } from '../../background/worker.test-kit';

let kit: Kit;
let h: Handlers;
const sender = {};

/** A SEV-1 incident declared at T0, mitigated at +20 min and resolved at +45 min. */
async function resolvedIncident(): Promise<string> {
  const inc = await h['incidents/declare'](
    { title: 'Checkout down', components: ['Checkout'], publiclyVisible: true },
    sender,
  );
  const answers = { noUserCanAccessCore: true };
  await h['incidents/classify'](
    { id: inc.id, answers, severity: classify(answers).severity },
    sender,
  );
  kit.clock.now = T0 + 45 * MIN;
  await h['incidents/record'](
    { id: inc.id, type: 'mitigated', at: T0 + 20 * MIN, text: 'Rolled back' },
    sender,
  );
  await h['incidents/record']({ id: inc.id, type: 'resolved', at: T0 + 45 * MIN }, sender);
  return inc.id;
}

beforeEach(async () => {
  kit = await makeKit();
  h = createHandlers(kit.deps);
});

describe('reviews/create', () => {
  it('prefills the timeline minute by minute from the recorded events and computes the duration', async () => {
    const id = await resolvedIncident();
    // The setup already wrote the overlay projection: forget it, so only a write by reviews/create counts.
    kit.platform.overlay = undefined;
    kit.clock.now += MIN;
    const r = await h['reviews/create']({ incidentId: id }, sender);
    expect(r.incidentId).toBe(id);
    expect(r.title).toBe('Checkout down');
    expect(r.timeline.map((e) => e.text)).toEqual([
      'Declared',
      'Classified SEV-1',
      'Mitigated: Rolled back',
      'Resolved',
    ]);
    expect(r.timeline.every((e) => e.validatedBy === undefined)).toBe(true);
    expect(r.impact.durationMinutes).toBe(45);
    // The storage signal views re-read on, rewritten by this command at its time.
    expect(kit.platform).toMatchObject({ overlay: { computedAt: kit.clock.now } });
  });

  it('is idempotent and refuses incidents that are not resolved', async () => {
    const id = await resolvedIncident();
    const a = await h['reviews/create']({ incidentId: id }, sender);
    const b = await h['reviews/create']({ incidentId: id }, sender);
    expect(b.id).toBe(a.id);
    expect(await reviewsOf(kit.db, id)).toHaveLength(1);
    const open = await h['incidents/declare'](
      { title: 'Still open', components: [], publiclyVisible: false },
      sender,
    );
    await expect(h['reviews/create']({ incidentId: open.id }, sender)).rejects.toThrow(/resolved/);
  });
});

describe('reviews/save', () => {
  it('keeps what only the background may set and checks the rest', async () => {
    const id = await resolvedIncident();
    const r = await h['reviews/create']({ incidentId: id }, sender);
    kit.clock.now += 10 * MIN;
    const edited: Review = {
      ...r,
      createdAt: 1,
      publishedAt: 2,
      whys: ['A config change reached production', 'The pipeline had no review step'],
      impact: {
        customersAffected: 120,
        durationMinutes: 999,
        accounts: [{ name: 'Acme', arr: 50_000 }],
      },
      actionItems: [
        {
          id: 'a1',
          description: 'Add a review step',
          owner: 'Mehmet',
          dueAt: T0 + 86_400_000,
          status: 'done',
          createdAt: 1,
          doneAt: 3,
        },
      ],
      timeline: [{ ...r.timeline[0]!, validatedBy: ' Ana ' }, ...r.timeline.slice(1)],
    };
    const saved = await h['reviews/save']({ review: edited }, sender);
    expect(saved.createdAt).toBe(r.createdAt);
    expect(saved.publishedAt).toBeUndefined();
    expect(saved.updatedAt).toBe(kit.clock.now);
    expect(saved.impact).toEqual({
      customersAffected: 120,
      durationMinutes: 45,
      // measured from the incident when the review was created, kept on every save
      timeToDetectMinutes: r.impact.timeToDetectMinutes,
      timeToResolveMinutes: r.impact.timeToResolveMinutes,
      accounts: [{ name: 'Acme', arr: 50_000 }],
    });
    expect(saved.impact.timeToResolveMinutes).toBeDefined();
    expect(saved.actionItems[0]).toMatchObject({ status: 'open', createdAt: kit.clock.now });
    expect(saved.actionItems[0]?.doneAt).toBeUndefined();
    expect(saved.timeline[0]?.validatedBy).toBe('Ana');
    expect((await reviewsOf(kit.db, id))[0]).toEqual(saved);
  });

  it('refuses malformed reviews and unknown ids', async () => {
    const id = await resolvedIncident();
    const r = await h['reviews/create']({ incidentId: id }, sender);
    const bad = (patch: Record<string, unknown>) =>
      h['reviews/save']({ review: { ...r, ...patch } }, sender);
    await expect(bad({ whys: ['1', '2', '3', '4', '5', '6'] })).rejects.toThrow(/at most 5/);
    await expect(bad({ impact: { customersAffected: -1, accounts: [] } })).rejects.toThrow(
      /at least 0/,
    );
    await expect(bad({ title: ' ' })).rejects.toThrow(/title/i);
    await expect(bad({ timeline: [{ id: 'x', at: 'soon', text: '' }] })).rejects.toThrow(/time/);
    await expect(bad({ id: 'nope' })).rejects.toThrow(/does not exist/);
  });
});

describe('reviews/setItemStatus and reviews/publish', () => {
  async function withItems() {
    const id = await resolvedIncident();
    const r = await h['reviews/create']({ incidentId: id }, sender);
    const items = [
      {
        id: 'a1',
        description: 'Add a review step to the runbook',
        owner: 'Mehmet',
        dueAt: T0 + 3 * 86_400_000,
        status: 'open' as const,
        createdAt: 0,
      },
      {
        id: 'a2',
        description: 'Improve monitoring',
        owner: '',
        status: 'open' as const,
        createdAt: 0,
      },
    ];
    return {
      id,
      review: await h['reviews/save']({ review: { ...r, actionItems: items } }, sender),
    };
  }

  it('stamps doneAt and statusChangedAt with the background clock', async () => {
    const { review } = await withItems();
    kit.clock.now += 60 * MIN;
    const done = await h['reviews/setItemStatus'](
      { id: review.id, itemId: 'a1', status: 'done' },
      sender,
    );
    expect(done.actionItems[0]).toMatchObject({
      status: 'done',
      doneAt: kit.clock.now,
      statusChangedAt: kit.clock.now,
    });
    kit.clock.now += MIN;
    const reopened = await h['reviews/setItemStatus'](
      { id: review.id, itemId: 'a1', status: 'open' },
      sender,
    );
    expect(reopened.actionItems[0]?.doneAt).toBeUndefined();
    expect(reopened.actionItems[0]?.statusChangedAt).toBe(kit.clock.now);
    await expect(
      h['reviews/setItemStatus']({ id: review.id, itemId: 'zz', status: 'done' }, sender),
    ).rejects.toThrow(/not in this review/);
    await expect(
      h['reviews/setItemStatus']({ id: review.id, itemId: 'a1', status: 'later' as never }, sender),
    ).rejects.toThrow(/status/);
  });

  it('refuses to publish without a root cause, without action items, or with an unowned or undated item, then meets the post-mortem obligation', async () => {
    const { id, review } = await withItems();
    await expect(h['reviews/publish']({ id: review.id }, sender)).rejects.toThrow(/root cause/);
    const cause = 'Config changes were deployed without a review step.';
    await h['reviews/save']({ review: { ...review, rootCause: cause, actionItems: [] } }, sender);
    await expect(h['reviews/publish']({ id: review.id }, sender)).rejects.toThrow(
      /at least one action item/,
    );
    await h['reviews/save']({ review: { ...review, rootCause: cause } }, sender);
    await expect(h['reviews/publish']({ id: review.id }, sender)).rejects.toThrow(
      /owner and a due date/,
    );
    await h['reviews/save'](
      { review: { ...review, rootCause: cause, actionItems: review.actionItems.slice(0, 1) } },
      sender,
    );
    kit.clock.now = T0 + 5 * 60 * MIN;
    const published = await h['reviews/publish']({ id: review.id }, sender);
    expect(published.publishedAt).toBe(kit.clock.now);
    const events = await eventsOf(kit.db, id);
    expect(events.filter((e) => e.type === 'review_published')).toHaveLength(1);
    const pm = computeObligations({ events }, DEFAULT_POLICY, kit.clock.now).find(
      (o) => o.ruleId === 'postmortem',
    );
    expect(pm?.state).toBe('met');
    expect((await getIncident(kit.db, id))?.updatedAt).toBe(kit.clock.now);
    // Denormalised for the lists, which read no timelines.
    expect((await getIncident(kit.db, id))?.reviewPublishedAt).toBe(kit.clock.now);
    // Publishing again changes nothing.
    kit.clock.now += MIN;
    expect((await h['reviews/publish']({ id: review.id }, sender)).publishedAt).toBe(
      published.publishedAt,
    );
    expect((await eventsOf(kit.db, id)).filter((e) => e.type === 'review_published')).toHaveLength(
      1,
    );
  });
});

describe('reviewPublishedAt on the incident record', () => {
  it('follows review_published events recorded on the timeline and their edits', async () => {
    const id = await resolvedIncident();
    expect((await getIncident(kit.db, id))?.reviewPublishedAt).toBeUndefined();
    kit.clock.now = T0 + 10 * 60 * MIN;
    await h['incidents/record']({ id, type: 'review_published', at: T0 + 9 * 60 * MIN }, sender);
    expect((await getIncident(kit.db, id))?.reviewPublishedAt).toBe(T0 + 9 * 60 * MIN);
    const published = (await eventsOf(kit.db, id)).find((e) => e.type === 'review_published');
    await h['incidents/editEvent'](
      { id, eventId: published?.id ?? '', at: T0 + 2 * 60 * MIN, reason: 'Published earlier' },
      sender,
    );
    expect((await getIncident(kit.db, id))?.reviewPublishedAt).toBe(T0 + 2 * 60 * MIN);
  });
});

describe('a stored review with two action items under one id (left by an older version)', () => {
  it('opens in the builder with its items told apart, saves, and keeps each item’s status', async () => {
    const id = await resolvedIncident();
    const created = await h['reviews/create']({ incidentId: id }, sender);
    const item = (description: string, status: 'open' | 'done') => ({
      id: 'a1',
      description,
      owner: 'Ana',
      dueAt: T0 + 9 * 24 * 60 * MIN,
      status,
      createdAt: T0,
      ...(status === 'done' ? { doneAt: T0 + MIN } : {}),
    });
    // written straight to the store, as an older version's import or sync left it
    await kit.db.put('reviews', {
      ...created,
      actionItems: [item('Add a canary stage', 'open'), item('Page the owner', 'done')],
    });
    const { review } = await readBuilder(id)(kit.db);
    expect(review!.actionItems.map((a) => a.id)).toEqual(['a1', 'a1-2']);
    const saved = await h['reviews/save']({ review: { ...review!, summary: 'Edited' } }, sender);
    expect(saved.actionItems.map((a) => [a.id, a.description, a.status])).toEqual([
      ['a1', 'Add a canary stage', 'open'],
      ['a1-2', 'Page the owner', 'done'],
    ]);
    // and a status change reaches the one item it names
    const next = await h['reviews/setItemStatus'](
      { id: created.id, itemId: 'a1-2', status: 'open' },
      sender,
    );
    expect(next.actionItems.map((a) => a.status)).toEqual(['open', 'open']);
  });
});
