import { describe, expect, it } from 'vitest';
import { lintMessage, lintVerdict, type MessageLintContext } from './lint';
import { findBlame } from './blame';

const now = Date.UTC(2025, 2, 15, 14, 0);
const update: MessageLintContext = { kind: 'update', now, cadenceMinutes: 30 };
const GOOD =
  'Checkout is still unavailable for some card payments. We identified a faulty gateway route. Next update by 14:30 UTC.';
const codes = (text: string, ctx: MessageLintContext = update): string[] =>
  lintMessage(text, ctx).map((l) => l.code);

describe('lintMessage: missing elements (update)', () => {
  it('accepts a complete update', () => {
    expect(codes(GOOD)).toEqual([]);
  });

  it('flags no next-update time', () => {
    const l = lintMessage(
      'Checkout is still unavailable. We identified a faulty gateway route.',
      update,
    );
    expect(l).toHaveLength(1);
    expect(l[0]).toMatchObject({ code: 'missing_element', level: 'error' });
    expect(l[0]?.message).toMatch(/next update/);
  });

  it('flags nothing about impact', () => {
    const l = lintMessage('We identified a faulty gateway route. Next update by 14:30.', update);
    expect(l.map((x) => x.message)).toEqual([
      'Say what is still impacted (or that nothing is impacted any more).',
    ]);
  });

  it('flags nothing learned', () => {
    const l = lintMessage('Checkout is still unavailable. Next update by 14:30.', update);
    expect(l.map((x) => x.message)).toEqual([
      'Say what the team has learned since the last update.',
    ]);
  });

  it('does not require the update elements of other kinds', () => {
    expect(codes('We are investigating.', { ...update, kind: 'banner' })).toEqual([]);
  });

  it('initial needs the update commitment; resolution needs "resolved"', () => {
    expect(codes('We are aware of an issue.', { ...update, kind: 'initial' })).toEqual([
      'missing_element',
    ]);
    // "every 30 minutes" alone is no concrete time: the initial post names the next update time
    expect(
      codes('We are aware of an issue. We will update every 30 minutes.', {
        ...update,
        kind: 'initial',
      }),
    ).toEqual(['missing_element']);
    expect(
      codes(
        'We are aware of an issue. We will update every 30 minutes; the next update will be posted by 14:30 UTC.',
        { ...update, kind: 'initial' },
      ),
    ).toEqual([]);
    expect(codes('All good now.', { ...update, kind: 'resolution' })).toEqual(['missing_element']);
  });
});

describe('lintMessage: next update time', () => {
  it('exactly the cadence is fine; one ms more is too late', () => {
    expect(codes(GOOD, { ...update, nextUpdateAt: now + 30 * 60_000 })).toEqual([]);
    expect(codes(GOOD, { ...update, nextUpdateAt: now + 30 * 60_000 + 1 })).toEqual([
      'next_update_too_late',
    ]);
  });

  it('a next update in the past is an error', () => {
    expect(codes(GOOD, { ...update, nextUpdateAt: now - 1 })).toEqual(['next_update_in_past']);
  });

  it('reads "next update in N minutes/hours" from the text, with a span', () => {
    const text =
      'Checkout is still unavailable. We identified the cause. Our next update will be in 45 minutes.';
    const l = lintMessage(text, update);
    expect(l.map((x) => x.code)).toEqual(['next_update_too_late']);
    expect(text.slice(l[0]?.start, l[0]?.end)).toBe('next update will be in 45 minutes');
    expect(codes(text.replace('45 minutes', '1 hour'))).toEqual(['next_update_too_late']);
    expect(codes(text.replace('45 minutes', '30 minutes'))).toEqual([]);
  });
});

describe('lintMessage: promised resolution time', () => {
  it.each([
    ['This will be fixed by 3pm.', 'will be fixed by 3pm'],
    ['We expect it resolved within 2 hours.', 'resolved within 2 hours'],
    ['We expect a fix in 30 minutes.', 'fix in 30 minutes'],
    ['ETA for the fix is unknown.', 'ETA'],
    ['Service should be back up in an hour.', 'should be back up in an hour'],
    ['Payments should be restored before noon.', 'should be restored before noon'],
    ['It will be resolved at 16:00.', 'will be resolved at 16:00'],
    ['It will be resolved at 4:30 PM UTC today.', 'will be resolved at 4:30 PM UTC'],
    ['Estimated time to resolution: 1 hour.', 'Estimated time to resolution'],
    ['The migration will be complete in 5 minutes.', 'will be complete in 5 minutes'],
    ['Search should be back up shortly.', 'should be back up shortly'],
    ['We guarantee no data was lost.', 'We guarantee'],
    [
      'Exports will be working again within a few minutes.',
      'will be working again within a few minutes',
    ],
  ])('flags %j, quoting the whole phrase', (text, span) => {
    const l = lintMessage(text, { ...update, kind: 'banner' });
    const p = l.filter((x) => x.code === 'promised_resolution_time');
    expect(p, text).toHaveLength(1);
    expect(text.slice(p[0]?.start, p[0]?.end)).toBe(span);
    expect(p[0]?.params).toEqual([span]);
    expect(p[0]?.message).toBe(`"${span}" promises a resolution time the team may not meet`);
    expect(p[0]?.suggestion).toMatch(/next update/);
  });

  it.each([
    'This incident has been resolved. All Checkout functionality has been restored as of 3:00 PM UTC. We will publish a full post-mortem within 48 hours.',
    'We will update every 30 minutes.',
    'We deployed the fix in production and are monitoring.',
    'Beta users are affected.',
    'We will post the next update by 3:30 PM UTC.',
    'Traffic is back to normal and we are monitoring.',
  ])('does not flag %j', (text) => {
    expect(codes(text, { ...update, kind: 'resolution' })).not.toContain(
      'promised_resolution_time',
    );
  });
});

describe('blaming language', () => {
  it.each([
    ['The outage was caused by human error.', 'human error'],
    ['Engineer Bob broke the deploy.', 'Engineer Bob broke'],
    ['It was the fault of our vendor.', 'the fault of'],
    ['A careless config change.', 'careless'],
    ['The on-call should have noticed.', 'should have'],
    ['Mehmet forgot to renew the certificate.', 'Mehmet forgot'],
    ["This was Acme's fault.", "Acme's fault"],
    ['Someone ignored the alert.', 'Someone ignored'],
    ['Bob pushed a bad config to production.', 'Bob pushed a bad config'],
    ['An engineer deployed a broken build.', 'An engineer deployed a broken build'],
    ['Bob fat-fingered the DNS record.', 'Bob fat-fingered'],
    ['The firewall rule was fat-fingered.', 'fat-fingered'],
  ])('flags %j', (text, span) => {
    const l = lintMessage(text, { ...update, kind: 'banner' });
    const b = l.filter((x) => x.code === 'blaming_language');
    expect(b, text).toHaveLength(1);
    expect(text.slice(b[0]?.start, b[0]?.end)).toBe(span);
    expect(b[0]?.suggestion).toBeTruthy();
  });

  it.each([
    'A configuration change reached production without review.',
    'The certificate expired because renewal was manual.',
    'It broke when the cache filled up.',
    'This review is blameless.',
    'The deploy failed to complete.',
    'Monitoring failed to alert.',
    'The pipeline pushed a new config.',
    'We pushed a fix to production.',
  ])('does not flag %j', (text) => {
    expect(findBlame(text)).toEqual([]);
  });
});

describe('lintVerdict: errors block, warnings ask for confirmation', () => {
  it('blocks on any error and lists the warnings to confirm', () => {
    const errorsAndWarnings = lintMessage('We are aware of an issue. ETA 3pm.', {
      ...update,
      kind: 'initial',
    });
    const v = lintVerdict(errorsAndWarnings);
    expect(v.verdict).toBe('block');
    expect(v.errors.map((l) => l.code)).toContain('missing_element');
    expect(v.warnings.map((l) => l.code)).toEqual(['promised_resolution_time']);
  });

  it('asks to confirm when there are only warnings, and passes a clean message', () => {
    expect(
      lintVerdict(lintMessage('Bob pushed a bad config.', { ...update, kind: 'banner' })),
    ).toMatchObject({
      verdict: 'confirm',
      errors: [],
    });
    expect(lintVerdict(lintMessage(GOOD, update))).toEqual({
      verdict: 'ok',
      errors: [],
      warnings: [],
    });
  });
});
