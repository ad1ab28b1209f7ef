import { describe, expect, it } from 'vitest';
import { useCatalogue } from '../../background/i18n.test-kit';
import { DEFAULT_POLICY } from '../../../core/policy';
import type { FeedIncident, TimelineEvent } from '../../../core/types';
import { defaultFields, draftMessage, lintRuns, type ComposeEnv } from './compose';
import { impactFor } from '../kinds';
import { isLinkedEvent, linkedUpdateEvents, withLinkedUpdates } from '../feed-link';
import { obligationRows, validateTimeEdit } from './obligation-rows';

const NOW = Date.UTC(2025, 2, 15, 14, 0);
const MIN = 60_000;
const env: ComposeEnv = {
  incident: { title: 'Checkout errors', components: ['Checkout'], startedAt: NOW - 10 * MIN },
  severity: 2,
  policy: DEFAULT_POLICY,
  now: NOW,
  locale: 'en',
  timeZone: 'UTC',
};
const ev = (
  id: string,
  type: TimelineEvent['type'],
  at: number,
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({ id, type, at, ...extra });

describe('obligation checklist', () => {
  const events = [ev('d', 'declared', NOW - 5 * MIN), ev('c', 'classified', NOW, { severity: 2 })];
  it('is empty before classification', () => {
    expect(obligationRows({ events: events.slice(0, 1) }, DEFAULT_POLICY, NOW)).toEqual([]);
  });
  it('SEV-2: status page at 15 min, meeting at 30, customer email at 60 after classification', () => {
    const rows = obligationRows({ events, publiclyVisible: true }, DEFAULT_POLICY, NOW);
    const due = Object.fromEntries(
      rows.map((r) => [r.ruleId, r.dueAt === null ? null : (r.dueAt - NOW) / MIN]),
    );
    expect(due).toMatchObject({
      status_page: 15,
      coordination_meeting: 30,
      customer_email: 60,
      engage_on_call: 5, // due now: within the due-soon window
    });
    expect(rows.every((r) => r.key.includes('|'))).toBe(true);
    expect(rows.find((r) => r.ruleId === 'status_page')?.canMarkDone).toBe(true);
  });
  it('the post-mortem is met by publishing the review, never by "Mark done"', () => {
    const resolved = [...events, ev('r', 'resolved', NOW + 60 * MIN)];
    const row = obligationRows({ events: resolved }, DEFAULT_POLICY, NOW + 61 * MIN).find(
      (r) => r.ruleId === 'postmortem',
    );
    expect(row).toMatchObject({ state: 'upcoming', canMarkDone: false });
  });
  it('marking done finds the event that met it, so its time can be edited', () => {
    const done = [
      ...events,
      ev('m', 'obligation_met', NOW + 3 * MIN, { obligationId: 'coordination_meeting' }),
    ];
    const row = obligationRows({ events: done }, DEFAULT_POLICY, NOW + 4 * MIN).find(
      (r) => r.ruleId === 'coordination_meeting',
    );
    expect(row).toMatchObject({ state: 'met', canMarkDone: false, metEvent: { id: 'm' } });
  });
  it('a linked feed post meets the status page duty but is not offered for editing', () => {
    const feedPost = ev('feed:s|f|u1', 'update_posted', NOW + 2 * MIN);
    const row = obligationRows(
      { events: [...events, feedPost] },
      DEFAULT_POLICY,
      NOW + 3 * MIN,
    ).find((r) => r.ruleId === 'status_page');
    expect(row?.state).toBe('met');
    expect(row?.metEvent).toBeUndefined();
  });
  it('reclassifying recomputes the deadlines from the new severity and time', () => {
    const re = [...events, ev('r', 'reclassified', NOW + 10 * MIN, { severity: 1 })];
    const rows = obligationRows({ events: re }, DEFAULT_POLICY, NOW + 11 * MIN);
    const due = Object.fromEntries(rows.map((r) => [r.ruleId, r.dueAt]));
    expect(due.status_page).toBe(NOW + 25 * MIN);
    expect(due.customer_email).toBe(NOW + 40 * MIN);
    expect(due.exec_notice).toBe(NOW + 70 * MIN);
    expect(due.coordination_meeting).toBeUndefined();
  });
  it('edits need a valid past time and a reason', () => {
    expect(validateTimeEdit('2025-03-15T13:50', ' late entry ', NOW)).toEqual({
      ok: true,
      at: NOW - 10 * MIN,
      reason: 'late entry',
    });
    expect(validateTimeEdit('2025-03-15T13:50', ' ', NOW)).toEqual({
      ok: false,
      error: 'edit_err_reason',
    });
    expect(validateTimeEdit('2025-03-15T15:50', 'x', NOW)).toEqual({
      ok: false,
      error: 'edit_err_future',
    });
    expect(validateTimeEdit('', 'x', NOW)).toEqual({ ok: false, error: 'edit_err_time' });
  });
});

describe('composer', () => {
  it('proposes the next update from the cadence and the feature from the components', () => {
    expect(defaultFields('update', env)).toEqual({
      impacted: '',
      learned: '',
      nextUpdateAt: '2025-03-15T14:30',
    });
    expect(defaultFields('initial', env)).toEqual({
      feature: 'Checkout',
      impact: '',
      nextUpdateAt: '2025-03-15T14:30',
    });
  });
  it('refuses an update with an element missing, naming it', () => {
    const r = draftMessage(
      'update',
      { impacted: 'Checkout fails for some', learned: '', nextUpdateAt: '2025-03-15T14:30' },
      env,
    );
    expect(r).toEqual({ ok: false, missing: ['learned'] });
  });
  it('renders a complete update with lints', () => {
    const r = draftMessage(
      'update',
      {
        impacted: 'Checkout errors for 20% of users',
        learned: 'We identified a bad deploy',
        nextUpdateAt: '2025-03-15T14:30',
      },
      env,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.text).toContain('2:30 PM');
      expect(r.lints.filter((l) => l.level === 'error')).toEqual([]);
    }
  });
  it('flags a next update beyond the cadence', () => {
    const r = draftMessage(
      'update',
      {
        impacted: 'Checkout errors',
        learned: 'We identified a bad deploy',
        nextUpdateAt: '2025-03-15T15:30',
      },
      env,
    );
    expect(r.ok && r.lints.map((l) => l.code)).toContain('next_update_too_late');
  });
  it('renders the initial message, the email, exec note and banner; names missing inputs', () => {
    expect(draftMessage('initial', { feature: 'Checkout', nextUpdateAt: '' }, env)).toEqual({
      ok: false,
      missing: ['impact', 'nextUpdateAt'],
    });
    const initial = draftMessage(
      'initial',
      { feature: 'Checkout', impact: 'Card payments fail.', nextUpdateAt: '2025-03-15T14:30' },
      env,
    );
    expect(initial.ok && initial.text.replace(/\u202f/g, ' ')).toBe(
      'We are aware of an issue affecting Checkout and are investigating. Card payments fail. We will update every 30 minutes; the next update will be posted by 2:30 PM UTC.',
    );
    expect(draftMessage('banner', { feature: 'Checkout', statusPageUrl: '' }, env)).toEqual({
      ok: false,
      missing: ['statusPageUrl'],
    });
    const exec = draftMessage(
      'exec',
      {
        impact: 'Checkout down',
        customersAffected: '120',
        status: 'Investigating',
        commander: 'Ana',
        nextUpdateAt: '2025-03-15T14:30',
      },
      env,
    );
    expect(exec.ok && exec.text).toContain('[SEV-2] Checkout errors');
    const email = draftMessage(
      'customer_email',
      {
        accountName: 'Acme',
        feature: 'Checkout',
        impact: 'Orders fail.',
        statusPageUrl: 'https://status.example.com',
        company: 'Shop',
      },
      env,
    );
    expect(email.ok && email.text).toContain('since 1:50 PM UTC');
  });
  it('a resolution names the resolved time; a fix-time promise is linted with a span', () => {
    expect(
      draftMessage('resolution', { feature: 'Checkout', resolvedAt: '2025-03-15T14:00' }, env),
    ).toEqual({ ok: false, missing: ['explanation'] });
    const r = draftMessage(
      'resolution',
      {
        feature: 'Checkout',
        resolvedAt: '2025-03-15T14:00',
        explanation: 'A bad route was rolled back.',
      },
      env,
    );
    expect(r.ok && r.text).toContain('restored as of 2:00 PM UTC. A bad route was rolled back.');
    // SEV-2: the policy requires a post-mortem, so the resolution promises it
    expect(r.ok && r.text).toContain('We will publish a full post-mortem within 48 hours.');
    const sev3 = draftMessage(
      'resolution',
      { feature: 'Checkout', resolvedAt: '2025-03-15T14:00', explanation: 'Rolled back.' },
      { ...env, severity: 3 },
    );
    expect(sev3.ok && sev3.text).not.toContain('post-mortem');
    const withPromise = draftMessage(
      'banner',
      { feature: 'Checkout, fixed by 3pm', statusPageUrl: 'https://s.example' },
      env,
    );
    expect(withPromise.ok).toBe(true);
    if (withPromise.ok) {
      const runs = lintRuns(withPromise.text, withPromise.lints);
      expect(runs.map((x) => x.text).join('')).toBe(withPromise.text);
      expect(runs.some((x) => x.lint?.code === 'promised_resolution_time')).toBe(true);
    }
  });
  it('maps severity to impact_override', () => {
    expect([1, 2, 3, 4, null].map((s) => impactFor(s as 1 | null))).toEqual([
      'critical',
      'major',
      'minor',
      'none',
      undefined,
    ]);
  });
});

describe('linked feed incidents', () => {
  const feed = {
    id: 'f1',
    updates: [
      { id: 'u2', body: 'Fix deployed', displayAt: NOW + 20 * MIN },
      { id: 'u1', body: 'Investigating', displayAt: NOW + 5 * MIN },
    ],
  } as unknown as FeedIncident;
  it('turns feed updates into update_posted events and merges them without duplicates', () => {
    const link = { sourceId: 's', incidentId: 'f1' };
    const linked = linkedUpdateEvents('loc', link, feed);
    expect(linked.map((e) => [e.id, e.type, e.at])).toEqual([
      ['feed:s|f1|u2', 'update_posted', NOW + 20 * MIN],
      ['feed:s|f1|u1', 'update_posted', NOW + 5 * MIN],
    ]);
    const own = [{ ...ev('c', 'classified', NOW, { severity: 2 }), incidentId: 'loc' }];
    const merged = withLinkedUpdates(own, [...linked, ...linked]);
    expect(merged.map((e) => e.id)).toEqual(['c', 'feed:s|f1|u1', 'feed:s|f1|u2']);
    expect(isLinkedEvent(merged[1]!)).toBe(true);
    const rows = obligationRows({ events: merged }, DEFAULT_POLICY, NOW + 21 * MIN);
    expect(rows.find((r) => r.ruleId === 'status_page')?.state).toBe('met');
    expect(rows.find((r) => r.ruleId === 'status_updates')?.dueAt).toBe(NOW + 50 * MIN);
  });
});

describe('a draft whose team template is broken says why in the user’s language', () => {
  const broken = { ...env, templates: { banner: 'Trouble with {{featur}}: {{statusPageUrl}}' } };
  const fields = { feature: 'Checkout', statusPageUrl: 'https://status.example.com' };
  it.each([
    [
      'en',
      'The template cannot be used: {{featur}} is not a placeholder of this template. It can use: {{feature}}, {{statusPageUrl}}. Check it in Options → Templates.',
    ],
    [
      'de',
      'Die Vorlage ist unbrauchbar: {{featur}} ist kein Platzhalter dieser Vorlage. Möglich sind: {{feature}}, {{statusPageUrl}}. Bitte unter Optionen → Vorlagen prüfen.',
    ],
  ] as const)('%s', (lang, problem) => {
    useCatalogue(lang);
    expect(draftMessage('banner', fields, broken)).toEqual({ ok: false, missing: [], problem });
    useCatalogue('en');
  });
  it('the same for the kinds the core composes (an update)', () => {
    const update = {
      ...env,
      templates: { update: '{{impacted}} {{learned}} {{nextUpdateTime}} {{oops}}' },
    };
    const r = draftMessage(
      'update',
      { impacted: 'Checkout', learned: 'A deploy', nextUpdateAt: '2025-03-15T14:30' },
      update,
    );
    expect(r).toEqual({
      ok: false,
      missing: [],
      problem:
        'The template cannot be used: {{oops}} is not a placeholder of this template. It can use: {{impacted}}, {{learned}}, {{nextUpdateTime}}. Check it in Options → Templates.',
    });
  });
});
