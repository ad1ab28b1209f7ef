import { describe, expect, it } from 'vitest';
import {
  computeObligations,
  currentSeverity,
  incidentAnchors,
  isResolved,
  nextDeadline,
} from './obligations';
import { DEFAULT_POLICY } from './policy';
import type { ObligationStatus, Severity, TimelineEvent, TimelineEventType } from './types';

/** Frozen clock: every time is minutes after T0. */
const T0 = Date.UTC(2025, 2, 3, 9, 0);
const MIN = 60_000;
const at = (minutes: number) => T0 + minutes * MIN;
let seq = 0;
const ev = (
  type: TimelineEventType,
  minutes: number,
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  id: `e${++seq}`,
  type,
  at: at(minutes),
  ...extra,
});
const classified = (minutes: number, severity: Severity) => ev('classified', minutes, { severity });
const run = (events: TimelineEvent[], nowMinutes: number, extra = {}) =>
  computeObligations({ events, ...extra }, DEFAULT_POLICY, at(nowMinutes));
const find = (statuses: ObligationStatus[], id: string): ObligationStatus => {
  const s = statuses.find((x) => x.ruleId === id);
  if (!s) throw new Error(`no ${id}`);
  return s;
};
const dueMinutes = (s: ObligationStatus) => (s.dueAt === null ? null : (s.dueAt - T0) / MIN);

describe('timeline reading', () => {
  it('no classification: no severity, no obligations', () => {
    const events = [ev('declared', 0), ev('note', 1)];
    expect(currentSeverity(events)).toBeNull();
    expect(run(events, 5)).toEqual([]);
  });

  it('takes the latest classification by time, whatever the array order', () => {
    const events = [
      ev('reclassified', 20, { severity: 1 }),
      classified(0, 3),
      ev('reclassified', 10, { severity: 2 }),
    ];
    expect(currentSeverity(events)).toBe(1);
    expect(incidentAnchors(events)).toMatchObject({
      severity: 1,
      classifiedAt: at(20),
      resolvedAt: null,
    });
  });

  it('re-confirming the same severity does not restart the clock', () => {
    const events = [classified(0, 2), ev('reclassified', 20, { severity: 2 })];
    expect(incidentAnchors(events).classifiedAt).toBe(at(0));
  });

  it('resolution is the latest resolved event', () => {
    const events = [classified(0, 1), ev('resolved', 90), ev('resolved', 60)];
    expect(isResolved(events)).toBe(true);
    expect(incidentAnchors(events).resolvedAt).toBe(at(90));
    expect(isResolved([classified(0, 1)])).toBe(false);
  });
});

describe('deadlines per level', () => {
  it('SEV-1: bridge now, status page 15, customers 30, execs 60, updates 30, banner, post-mortem not started', () => {
    const s = run([classified(0, 1)], 0);
    expect(s.map((x) => [x.ruleId, dueMinutes(x), x.state])).toEqual([
      ['bridge_call', 5, 'due_soon'],
      ['status_page', 15, 'upcoming'],
      ['customer_email', 30, 'upcoming'],
      ['exec_notice', 60, 'upcoming'],
      ['status_updates', 30, 'upcoming'],
      ['in_app_banner', null, 'standing'],
      ['postmortem', null, 'upcoming'],
    ]);
    expect(find(s, 'postmortem').note).toBe('Starts when resolved.');
    expect(find(s, 'status_updates').occurrence).toBe(1);
  });

  it('SEV-2 gives status page at 15, meeting at 30, customer notification at 60 minutes', () => {
    const s = run([classified(0, 2)], 1);
    expect(dueMinutes(find(s, 'status_page'))).toBe(15);
    expect(dueMinutes(find(s, 'coordination_meeting'))).toBe(30);
    expect(dueMinutes(find(s, 'customer_email'))).toBe(60);
    // due "now": due soon for the due-soon window, not overdue a second after classification
    expect(find(s, 'engage_on_call')).toMatchObject({ state: 'due_soon', dueAt: at(5) });
    expect(find(run([classified(0, 2)], 6), 'engage_on_call').state).toBe('overdue');
  });

  it('a duty due at 0 minutes is not overdue at classification', () => {
    for (const sev of [1, 2] as const) {
      for (const s of run([classified(0, sev)], 0.02))
        expect(s.state, s.ruleId).not.toBe('overdue');
    }
    expect(find(run([classified(0, 1), ev('bridge_opened', 4)], 10), 'bridge_call').state).toBe(
      'met',
    );
  });

  it('SEV-3: status page and customer contact only when their condition holds', () => {
    const events = [classified(0, 3)];
    const hidden = run(events, 1, { publiclyVisible: false, commonlyUsed: false });
    expect(find(hidden, 'status_page')).toMatchObject({
      state: 'not_applicable',
      dueAt: null,
      note: 'Applies only if the incident is publicly visible; it is not.',
    });
    expect(find(hidden, 'customer_email').state).toBe('not_applicable');
    expect(find(hidden, 'engineer_assigned').state).toBe('standing');

    const shown = run(events, 1, { publiclyVisible: true, commonlyUsed: true });
    expect(dueMinutes(find(shown, 'status_page'))).toBe(15);
    expect(dueMinutes(find(shown, 'customer_email'))).toBe(60);
    expect(find(shown, 'status_page').note).toBeUndefined();
  });

  it('SEV-3: an unanswered condition is assumed true and says so', () => {
    const s = run([classified(0, 3)], 1);
    expect(find(s, 'status_page')).toMatchObject({
      state: 'upcoming',
      note: 'Not known whether the incident is publicly visible; assumed it is.',
    });
  });

  it('SEV-4: a standing tracked bug, met once logged, never overdue', () => {
    expect(run([classified(0, 4)], 10_000)[0]).toMatchObject({
      ruleId: 'tracked_bug',
      state: 'standing',
    });
    expect(run([classified(0, 4), ev('bug_logged', 3)], 5)[0]).toMatchObject({
      state: 'met',
      metAt: at(3),
    });
  });
});

describe('states and boundaries', () => {
  const events = [classified(0, 1)];
  const statusPage = (now: number, extra: TimelineEvent[] = []) =>
    find(run([...events, ...extra], now), 'status_page');

  it('upcoming until dueSoonMinutes before, due soon from exactly then', () => {
    expect(statusPage(9.99).state).toBe('upcoming');
    expect(statusPage(10).state).toBe('due_soon');
  });

  it('exactly at the deadline is due soon, not overdue; a millisecond later is overdue', () => {
    expect(statusPage(15).state).toBe('due_soon');
    expect(
      find(computeObligations({ events }, DEFAULT_POLICY, at(15) + 1), 'status_page').state,
    ).toBe('overdue');
  });

  it('met exactly at the deadline is met; a millisecond later is met late', () => {
    expect(statusPage(99, [ev('status_page_posted', 15)])).toMatchObject({
      state: 'met',
      metAt: at(15),
    });
    const late = { ...ev('status_page_posted', 15), at: at(15) + 1 };
    expect(statusPage(99, [late]).state).toBe('met_late');
  });

  it('an obligation_met event meets the rule it names', () => {
    const s = run([...events, ev('obligation_met', 40, { obligationId: 'exec_notice' })], 50);
    expect(find(s, 'exec_notice')).toMatchObject({ state: 'met', metAt: at(40) });
    expect(find(s, 'customer_email').state).toBe('overdue');
  });

  it('the banner is met once shown', () => {
    expect(find(run([...events, ev('banner_shown', 2)], 3), 'in_app_banner')).toMatchObject({
      state: 'met',
      metAt: at(2),
      dueAt: null,
    });
  });
});

describe('the next update time an update promised', () => {
  it('holds the cadence duty to a promise sooner than the cadence, never later, never in the past', () => {
    const events = (promise?: number) => [
      classified(0, 2),
      ev('update_posted', 10, promise === undefined ? {} : { nextUpdateAt: at(promise) }),
    ];
    // promised for minute 25: due then, not at 10 + 30
    expect(dueMinutes(find(run(events(25), 12), 'status_updates'))).toBe(25);
    expect(find(run(events(25), 12), 'status_updates').everyMinutes).toBe(30);
    // a promise beyond the cadence does not stretch it (the lint flags it)
    expect(dueMinutes(find(run(events(90), 12), 'status_updates'))).toBe(40);
    // a "next update" before the post itself is no promise
    expect(dueMinutes(find(run(events(5), 12), 'status_updates'))).toBe(40);
    expect(dueMinutes(find(run(events(), 12), 'status_updates'))).toBe(40);
  });

  it("only the latest post's promise counts", () => {
    const events = [
      classified(0, 2),
      ev('update_posted', 10, { nextUpdateAt: at(15) }),
      ev('update_posted', 14),
    ];
    expect(dueMinutes(find(run(events, 16), 'status_updates'))).toBe(44);
  });
});

describe('reclassification', () => {
  it('SEV-3 raised to SEV-1 gets SEV-1 deadlines from the reclassification', () => {
    const events = [classified(0, 3), ev('reclassified', 100, { severity: 1 })];
    const s = run(events, 101, { publiclyVisible: false });
    expect(find(s, 'bridge_call')).toMatchObject({
      anchorAt: at(100),
      dueAt: at(105),
      state: 'due_soon',
    });
    expect(dueMinutes(find(s, 'status_page'))).toBe(115);
    expect(dueMinutes(find(s, 'customer_email'))).toBe(130);
    expect(dueMinutes(find(s, 'exec_notice'))).toBe(160);
    // SEV-1 has no onlyIf on the status page: visibility no longer matters.
    expect(find(s, 'status_page').state).toBe('upcoming');
  });

  it('a duty done before the reclassification still counts as met', () => {
    const events = [
      classified(0, 3),
      ev('status_page_posted', 5),
      ev('reclassified', 100, { severity: 1 }),
    ];
    expect(find(run(events, 101), 'status_page')).toMatchObject({
      state: 'met',
      metAt: at(5),
      dueAt: at(115),
    });
  });

  it('restarts the update cadence from the reclassification', () => {
    const events = [
      classified(0, 2),
      ev('update_posted', 50),
      ev('reclassified', 60, { severity: 1 }),
    ];
    expect(find(run(events, 61), 'status_updates')).toMatchObject({
      anchorAt: at(60),
      dueAt: at(90),
      occurrence: 1,
    });
  });
});

describe('reclassification keeps what was promised and what was already owed', () => {
  it('a next update promised before an upgrade still holds', () => {
    const events = [
      classified(0, 2),
      ev('status_page_posted', 10, { nextUpdateAt: at(25) }),
      ev('reclassified', 20, { severity: 1 }),
    ];
    expect(find(run(events, 21), 'status_updates')).toMatchObject({ dueAt: at(25), occurrence: 1 });
    expect(find(run(events, 26), 'status_updates').state).toBe('overdue');
  });

  it('a next update promised before a downgrade to a level without a cadence still holds', () => {
    const events = [
      classified(0, 2),
      ev('status_page_posted', 10, { nextUpdateAt: at(25) }),
      ev('reclassified', 20, { severity: 3 }),
    ];
    expect(find(run(events, 21), 'promised_update')).toMatchObject({
      state: 'due_soon',
      anchorAt: at(10),
      dueAt: at(25),
      channel: 'status_page',
    });
    expect(find(run(events, 26), 'promised_update').state).toBe('overdue');
    // the next post keeps the promise (and promises nothing more)
    const kept = run([...events, ev('update_posted', 24)], 26);
    expect(kept.some((x) => x.ruleId === 'promised_update')).toBe(false);
  });

  it('duties overdue at a downgrade stay overdue under the new level', () => {
    const events = [classified(0, 1), ev('reclassified', 70, { severity: 2 })];
    const s = run(events, 71);
    // SEV-2 has no exec notice, but SEV-1's was due at 60 and is still owed
    expect(find(s, 'exec_notice')).toMatchObject({
      state: 'overdue',
      dueAt: at(60),
      fromSeverity: 1,
      note: 'Overdue under SEV-1 when the severity changed; still owed.',
    });
    // SEV-2 gives customers 60 minutes from the downgrade; the SEV-1 deadline (30) had passed
    expect(find(s, 'customer_email')).toMatchObject({ state: 'overdue', dueAt: at(30) });
    expect(find(s, 'bridge_call').state).toBe('overdue');
    // done later: met late, against the deadline that was missed
    const done = run([...events, ev('customers_notified', 80), ev('execs_notified', 81)], 90);
    expect(find(done, 'customer_email')).toMatchObject({
      state: 'met_late',
      metAt: at(80),
      dueAt: at(30),
    });
    expect(find(done, 'exec_notice')).toMatchObject({ state: 'met_late', metAt: at(81) });
  });

  it('a downgrade before a deadline relaxes it (nothing was overdue yet)', () => {
    const events = [
      classified(0, 1),
      ev('bridge_opened', 1),
      ev('reclassified', 10, { severity: 2 }),
    ];
    const s = run(events, 11);
    expect(s.some((x) => x.ruleId === 'exec_notice')).toBe(false);
    expect(find(s, 'customer_email')).toMatchObject({ state: 'upcoming', dueAt: at(70) });
  });

  it('a conditional duty is carried only when its condition is known to hold', () => {
    const events = [classified(0, 3), ev('reclassified', 100, { severity: 1 })];
    expect(find(run(events, 101), 'customer_email').dueAt).toBe(at(130));
    expect(find(run(events, 101, { commonlyUsed: true }), 'customer_email')).toMatchObject({
      dueAt: at(60),
      state: 'overdue',
      fromSeverity: 3,
    });
  });

  it('an update cadence missed before a downgrade to SEV-3 is still owed', () => {
    const events = [
      classified(0, 1),
      ev('status_page_posted', 5),
      ev('reclassified', 40, { severity: 3 }),
    ];
    expect(find(run(events, 41), 'status_updates')).toMatchObject({
      state: 'overdue',
      dueAt: at(35),
    });
    expect(find(run([...events, ev('update_posted', 45)], 46), 'status_updates')).toMatchObject({
      state: 'met_late',
      metAt: at(45),
    });
  });
});

describe('recurring status updates', () => {
  it('are due one cadence after the last post, numbering occurrences', () => {
    const events = [classified(0, 1), ev('status_page_posted', 10), ev('update_posted', 38)];
    const s = find(run(events, 40), 'status_updates');
    expect(s).toMatchObject({
      anchorAt: at(38),
      dueAt: at(68),
      occurrence: 3,
      lastMetAt: at(38),
      state: 'upcoming',
    });
  });

  it('events out of order give the same result', () => {
    const events = [ev('update_posted', 38), classified(0, 1), ev('status_page_posted', 10)];
    expect(dueMinutes(find(run(events, 40), 'status_updates'))).toBe(68);
  });

  it('go overdue when the cadence lapses', () => {
    const events = [classified(0, 1), ev('status_page_posted', 10)];
    expect(find(run(events, 40), 'status_updates').state).toBe('due_soon');
    expect(find(run(events, 41), 'status_updates').state).toBe('overdue');
  });
});

describe('resolution', () => {
  const events = [
    classified(0, 1),
    ev('status_page_posted', 10),
    ev('banner_shown', 3),
    ev('resolved', 60),
  ];

  it('ends recurring duties at resolution; a standing duty never met is a miss', () => {
    const s = run(
      events.filter((e) => e.type !== 'banner_shown'),
      61,
    );
    expect(find(s, 'status_updates')).toMatchObject({
      state: 'not_applicable',
      dueAt: null,
      note: 'Ended at resolution.',
      lastMetAt: at(10),
    });
    expect(find(s, 'in_app_banner')).toMatchObject({
      state: 'missed',
      note: 'Not done before resolution.',
    });
    expect(find(run(events, 61), 'in_app_banner').state).toBe('met');
  });

  it('starts the 48 h post-mortem clock; a published review meets it', () => {
    const open = find(run(events, 61), 'postmortem');
    expect(open).toMatchObject({ anchorAt: at(60), dueAt: at(60 + 48 * 60), state: 'upcoming' });
    expect(find(run(events, 60 + 48 * 60 + 1), 'postmortem').state).toBe('overdue');
    const done = find(run([...events, ev('review_published', 2000)], 2001), 'postmortem');
    expect(done).toMatchObject({ state: 'met', metAt: at(2000) });
  });

  it('the latest resolution sets the post-mortem clock', () => {
    const s = find(run([...events, ev('resolved', 120)], 121), 'postmortem');
    expect(s.anchorAt).toBe(at(120));
  });

  it('one-off duties stop counting down at resolution: a miss stays a miss, a duty not yet due lapses', () => {
    const s = run(events, 61);
    // the customer notification was due at 30 and never sent: a miss, kept for the review
    expect(find(s, 'customer_email')).toMatchObject({
      state: 'missed',
      dueAt: at(30),
      note: 'Not done before resolution.',
    });
    // the exec notice was due at 60, exactly when it was resolved: it no longer applies
    expect(find(s, 'exec_notice')).toMatchObject({
      state: 'not_applicable',
      note: 'Resolved before it was due.',
    });
    // nothing of the incident itself alerts any more, days later; only the post-mortem counts down
    const later = run(events, 600);
    expect(
      later.filter((x) => x.state === 'overdue' || x.state === 'due_soon').map((x) => x.ruleId),
    ).toEqual([]);
    expect(find(later, 'postmortem').state).toBe('upcoming');
  });
});

describe('nextDeadline', () => {
  it('picks overdue first, then the soonest deadline, ignoring met and open-ended ones', () => {
    const s = run([classified(0, 1), ev('bridge_opened', 0)], 20);
    expect(nextDeadline(s)?.ruleId).toBe('status_page');
    const noOverdue = run(
      [classified(0, 1), ev('bridge_opened', 0), ev('status_page_posted', 5)],
      20,
    );
    expect(nextDeadline(noOverdue)?.ruleId).toBe('customer_email');
  });

  it('ranks overdue above due soon even if computed at different moments', () => {
    const a: ObligationStatus = {
      ruleId: 'a',
      label: 'a',
      channel: 'exec',
      state: 'due_soon',
      anchorAt: 0,
      dueAt: 5,
    };
    const b: ObligationStatus = { ...a, ruleId: 'b', state: 'overdue', dueAt: 9 };
    expect(nextDeadline([a, b])?.ruleId).toBe('b');
  });

  it('is null when nothing counts down', () => {
    expect(nextDeadline(run([classified(0, 4)], 1))).toBeNull();
    expect(nextDeadline([])).toBeNull();
  });
});

describe('a duty under an unanswered condition of the policy (issue 19, item 11)', () => {
  const T = Date.UTC(2026, 0, 5, 9);
  const sev3 = (commonlyUsed?: boolean) =>
    computeObligations(
      {
        events: [{ id: 'c', type: 'classified', severity: 3, at: T }],
        publiclyVisible: true,
        ...(commonlyUsed === undefined ? {} : { commonlyUsed }),
      },
      DEFAULT_POLICY,
      T + 10 * 60_000,
    ).find((o) => o.channel === 'customer_email');

  it('is marked conditional when nobody said whether the feature is commonly used', () => {
    expect(sev3()).toMatchObject({ state: 'upcoming', onlyIf: 'commonly_used' });
  });

  it('is a plain duty once the condition holds, and not applicable once it does not', () => {
    expect(sev3(true)?.onlyIf).toBeUndefined();
    expect(sev3(true)?.state).toBe('upcoming');
    expect(sev3(false)).toMatchObject({ state: 'not_applicable' });
    expect(sev3(false)?.onlyIf).toBeUndefined();
  });
});
