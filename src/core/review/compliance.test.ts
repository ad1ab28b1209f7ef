import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy';
import type { Policy, Severity, TimelineEvent, TimelineEventType } from '../types';
import { communicationCompliance, type ComplianceReport, type DutyCompliance } from './compliance';
import { cadenceText, complianceSummary, complianceSummaryText } from './compliance-summary';

/** Every time is minutes after T0 (a frozen clock). */
const T0 = Date.UTC(2026, 10, 3, 9, 0);
const MIN = 60_000;
const at = (m: number) => T0 + m * MIN;
let seq = 0;
const ev = (type: TimelineEventType, m: number, extra: Partial<TimelineEvent> = {}) => ({
  id: `e${++seq}`,
  type,
  at: at(m),
  ...extra,
});
const classified = (m: number, severity: Severity) => ev('classified', m, { severity });
const reclassified = (m: number, severity: Severity) => ev('reclassified', m, { severity });
const report = (events: TimelineEvent[], nowMin: number, policy: Policy = DEFAULT_POLICY) =>
  communicationCompliance({ events }, policy, at(nowMin));
const duty = (r: ComplianceReport, id: string): DutyCompliance => {
  const d = r.duties.find((x) => x.ruleId === id);
  if (!d) throw new Error(`no duty ${id}`);
  return d;
};
const mins = (ms: number | null | undefined) => (ms == null ? ms : (ms - T0) / MIN);

/** A SEV-2 with a late first post, updates on time but one missed, customers told on time. */
const sev2 = (): TimelineEvent[] => [
  ev('declared', -5),
  classified(0, 2),
  ev('status_page_posted', 16),
  ev('update_posted', 44),
  ev('update_posted', 70),
  ev('customers_notified', 42),
  ev('update_posted', 100),
  // 130 is missed: nothing until the resolution at 155
  ev('resolved', 155),
];

describe('communicationCompliance: one-off duties', () => {
  it('reports when each duty was due, when it was met and how late', () => {
    const r = report(sev2(), 200);
    const page = duty(r, 'status_page');
    expect(page.outcome).toBe('late');
    expect(mins(page.dueAt)).toBe(15);
    expect(mins(page.metAt)).toBe(16);
    expect(page.lateMs).toBe(MIN);
    const email = duty(r, 'customer_email');
    expect(email.outcome).toBe('met');
    expect(mins(email.dueAt)).toBe(60);
    expect(mins(email.metAt)).toBe(42);
    expect(email.lateMs).toBeUndefined();
  });

  it('a duty never done is missed once its deadline passed, pending before', () => {
    const events = [classified(0, 1), ev('status_page_posted', 10)];
    expect(duty(report(events, 61), 'exec_notice').outcome).toBe('missed');
    expect(duty(report(events, 59), 'exec_notice').outcome).toBe('pending');
  });

  it('exactly at the deadline is on time', () => {
    const r = report([classified(0, 2), ev('status_page_posted', 15)], 20);
    expect(duty(r, 'status_page').outcome).toBe('met');
  });

  it('an escalation restarts a running clock with the new level’s numbers', () => {
    // SEV-2 customers due at 60; escalated at 20 → SEV-1 due 20 + 30 = 50; told at 55: late by 5.
    const events = [classified(0, 2), reclassified(20, 1), ev('customers_notified', 55)];
    const email = duty(report(events, 120), 'customer_email');
    expect(mins(email.dueAt)).toBe(50);
    expect(email.severity).toBe(1);
    expect(email.outcome).toBe('late');
    expect(email.lateMs).toBe(5 * MIN);
  });

  it('a deadline missed before a reclassification stays missed', () => {
    // SEV-1: executives due at 60; downgraded to SEV-2 (no executive duty) at 90: missed.
    const events = [classified(0, 1), reclassified(90, 2), ev('resolved', 120)];
    const exec = duty(report(events, 200), 'exec_notice');
    expect(exec.outcome).toBe('missed');
    expect(mins(exec.dueAt)).toBe(60);
    expect(exec.severity).toBe(1);
  });

  it('a duty that stopped applying before it came due is not applicable', () => {
    const events = [classified(0, 1), reclassified(20, 2), ev('resolved', 120)];
    expect(duty(report(events, 200), 'exec_notice').outcome).toBe('not_applicable');
  });

  it('a duty that starts with an escalation runs from it', () => {
    // SEV-3 not public: no status page; made SEV-2 at 30 → due at 45.
    const events = [classified(0, 3), reclassified(30, 2), ev('status_page_posted', 40)];
    const r = communicationCompliance({ events, publiclyVisible: false }, DEFAULT_POLICY, at(90));
    const page = duty(r, 'status_page');
    expect(mins(page.dueAt)).toBe(45);
    expect(page.outcome).toBe('met');
  });

  it('an onlyIf duty whose condition is false is not applicable', () => {
    const r = communicationCompliance(
      { events: [classified(0, 3)], publiclyVisible: false, commonlyUsed: false },
      DEFAULT_POLICY,
      at(200),
    );
    expect(duty(r, 'status_page').outcome).toBe('not_applicable');
    expect(duty(r, 'customer_email').outcome).toBe('not_applicable');
  });

  it('the post-mortem runs from resolution; standing duties are met or missed', () => {
    const events = [classified(0, 1), ev('resolved', 100)];
    const r = report(events, 100 + 49 * 60);
    expect(duty(r, 'postmortem').outcome).toBe('missed');
    expect(mins(duty(r, 'postmortem').dueAt)).toBe(100 + 48 * 60);
    expect(duty(r, 'in_app_banner').outcome).toBe('missed');
  });
});

describe('communicationCompliance: the update cadence', () => {
  it('counts updates on time after the first post, a missed one, and the longest gap', () => {
    const c = report(sev2(), 200).cadences[0];
    expect(c?.ruleId).toBe('status_updates');
    // After the first post at 16: 44 (due 46) on time, 70 (due 74) on time, 100 (due 100) on
    // time, 130 missed (resolved at 155, nothing posted).
    expect(c?.slots.map((s) => [mins(s.dueAt), s.outcome])).toEqual([
      [46, 'met'],
      [74, 'met'],
      [100, 'met'],
      [130, 'missed'],
    ]);
    expect([c?.onTime, c?.owed, c?.late, c?.missed]).toEqual([3, 4, 0, 1]);
    // Longest stretch without a post: 100 → resolution at 155.
    expect(c?.longestGapMs).toBe(55 * MIN);
  });

  it('a late update is late; a silence of more than a cadence is a missed one, then late', () => {
    const events = [
      classified(0, 2),
      ev('status_page_posted', 10),
      ev('update_posted', 45), // due 40: late by 5
      ev('update_posted', 140), // due 75: missed; due 105 missed; due 135: late
      ev('resolved', 150),
    ];
    const c = report(events, 200).cadences[0];
    expect(c?.slots.map((s) => [mins(s.dueAt), s.outcome])).toEqual([
      [40, 'late'],
      [75, 'missed'],
      [105, 'missed'],
      [135, 'late'],
    ]);
    expect(c?.longestGapMs).toBe(95 * MIN);
  });

  it('a promised next update time sooner than the cadence is held to', () => {
    const events = [
      classified(0, 2),
      ev('status_page_posted', 10, { nextUpdateAt: at(25) }),
      ev('update_posted', 30),
      ev('resolved', 40),
    ];
    const c = report(events, 60).cadences[0];
    expect(c?.slots.map((s) => [mins(s.dueAt), s.outcome])).toEqual([[25, 'late']]);
  });

  it('a reclassification restarts the cadence, with the new level’s cadence', () => {
    const policy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Policy;
    const sev1 = policy.levels.find((l) => l.severity === 1)!;
    // A new object: the default levels share one rule object.
    sev1.obligations = sev1.obligations.map((o) =>
      o.id === 'status_updates' ? { ...o, repeatEveryMinutes: 20, dueMinutes: 20 } : o,
    );
    const events = [
      classified(0, 2),
      ev('status_page_posted', 10),
      ev('update_posted', 35), // SEV-2: due 40, on time
      reclassified(50, 1), // SEV-1 from 50: due 70, then every 20
      ev('update_posted', 68),
      ev('update_posted', 95), // due 88: late
      ev('resolved', 100),
    ];
    const c = report(events, 120, policy).cadences[0];
    expect(c?.everyMinutes).toEqual([30, 20]);
    expect(c?.slots.map((s) => [mins(s.dueAt), s.outcome])).toEqual([
      [40, 'met'],
      [70, 'met'],
      [88, 'late'],
    ]);
  });

  it('an incident that never posted owes every update from the first one due', () => {
    const c = report([classified(0, 2), ev('resolved', 70)], 100).cadences[0];
    expect(c?.slots.map((s) => [mins(s.dueAt), s.outcome])).toEqual([
      [30, 'missed'],
      [60, 'missed'],
    ]);
  });

  it('while open, an update not yet due is not counted', () => {
    const c = report([classified(0, 2), ev('status_page_posted', 10)], 30).cadences[0];
    expect(c?.owed).toBe(0);
  });
});

describe('complianceSummary', () => {
  it('reads as one line, from the timeline', () => {
    expect(complianceSummaryText(complianceSummary(report(sev2(), 200)))).toBe(
      'status page first posted at 16 min (due 15), updates 3/4 on time, customers told at 42 min (due 60)',
    );
  });

  it('names executives for SEV-1 and what was not done', () => {
    const events = [classified(0, 1), ev('execs_notified', 61.5), ev('resolved', 90)];
    expect(complianceSummaryText(complianceSummary(report(events, 100)))).toBe(
      'status page not posted (due 15), updates 0/2 on time, customers not told (due 30), executives told at 62 min (due 60)',
    );
  });

  it('is empty for an incident never classified', () => {
    expect(complianceSummary(report([ev('declared', 0)], 10))).toEqual([]);
  });
});

describe('the summary in German', () => {
  it('writes the same facts in the language of the locale', () => {
    expect(complianceSummaryText(complianceSummary(report(sev2(), 200)), 'de')).toBe(
      'Statusseite zuerst veröffentlicht nach 16 min (fällig 15), Updates 3/4 pünktlich, Kunden informiert nach 42 min (fällig 60)',
    );
    expect(cadenceText(3, 4, 55, 'de')).toBe('3 von 4 Updates pünktlich, längste Lücke 55 min');
    expect(cadenceText(3, 4, 55)).toBe('3 of 4 updates on time, longest gap 55 min');
  });
});
