import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy';
import { composeInitial, composeResolution, postmortemRequired } from './messages';

const now = Date.UTC(2025, 2, 15, 14, 2);
const MIN = 60_000;
const ctx = { now, locale: 'en-GB', timeZone: 'UTC', policy: DEFAULT_POLICY };
const plain = (s: string) => s.replace(/\u202f/g, ' ');

describe('composeInitial: the domain wording, an impact sentence and a concrete next update time', () => {
  const input = {
    feature: 'Checkout',
    impact: 'Card payments fail for about a quarter of customers.',
    nextUpdateAt: now + 28 * MIN,
  };

  it('renders the domain sentence, the impact and the next update time with its zone', () => {
    const r = composeInitial(input, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(plain(r.text)).toBe(
      'We are aware of an issue affecting Checkout and are investigating. Card payments fail for about a quarter of customers. We will update every 30 minutes; the next update will be posted by 14:30 UTC.',
    );
    expect(r.lints).toEqual([]);
  });

  it.each([
    ['feature', { ...input, feature: ' ' }],
    ['impact', { ...input, impact: '' }],
    ['nextUpdateAt', { ...input, nextUpdateAt: null }],
  ] as const)('refuses without %s, naming it', (name, bad) => {
    const r = composeInitial(bad, ctx);
    expect(r).toMatchObject({ ok: false, missing: [name] });
  });

  it('flags a next update later than the cadence as an error', () => {
    const r = composeInitial({ ...input, nextUpdateAt: now + 45 * MIN }, ctx);
    expect(r.ok && r.lints.map((l) => `${l.level}:${l.code}`)).toEqual([
      'error:next_update_too_late',
    ]);
  });

  it('states the time in the page zone, or UTC, never the runtime zone unnamed', () => {
    const r = composeInitial(input, { ...ctx, timeZone: 'America/New_York', locale: 'en-US' });
    expect(r.ok && plain(r.text)).toContain('by 10:30 AM EDT.');
    const bad = composeInitial(input, { ...ctx, timeZone: 'Mars/Base' });
    expect(bad.ok && plain(bad.text)).toContain('by 14:30 UTC.');
    const none = composeInitial(input, { ...ctx, timeZone: undefined });
    expect(none.ok && plain(none.text)).toContain('by 14:30 UTC.');
  });
});

describe('composeResolution: a brief explanation; the post-mortem promise only where required', () => {
  const input = {
    feature: 'Checkout',
    resolvedAt: now - 2 * MIN,
    explanation: 'A faulty payment gateway route was rolled back.',
  };

  it('SEV-1 and SEV-2 promise the post-mortem the policy requires', () => {
    for (const severity of [1, 2] as const) {
      const r = composeResolution(input, { ...ctx, severity });
      expect(r.ok && plain(r.text)).toBe(
        'This incident has been resolved. All Checkout functionality has been restored as of 14:00 UTC. A faulty payment gateway route was rolled back. We will publish a full post-mortem within 48 hours.',
      );
      expect(r.ok && r.lints).toEqual([]);
    }
  });

  it('SEV-3, SEV-4 and an unclassified incident promise no post-mortem', () => {
    for (const severity of [3, 4, null] as const) {
      const r = composeResolution(input, { ...ctx, severity });
      expect(r.ok && plain(r.text)).toBe(
        'This incident has been resolved. All Checkout functionality has been restored as of 14:00 UTC. A faulty payment gateway route was rolled back.',
      );
    }
  });

  it('refuses without the brief explanation', () => {
    expect(
      composeResolution({ ...input, explanation: '  ' }, { ...ctx, severity: 2 }),
    ).toMatchObject({
      ok: false,
      missing: ['explanation'],
    });
  });

  it('a custom template that promises a post-mortem the policy does not require is flagged', () => {
    const template =
      'Resolved: {{feature}} is back as of {{resolvedTime}}. {{explanation}} A post-mortem follows within {{postmortemHours}} hours.';
    const r = composeResolution(input, { ...ctx, severity: 3, template });
    expect(r.ok && r.lints.map((l) => l.messageId)).toEqual(['resolution_postmortem_not_required']);
    const missing = composeResolution(input, {
      ...ctx,
      severity: 1,
      template: 'Resolved: {{feature}} is back as of {{resolvedTime}}. {{explanation}}',
    });
    expect(missing.ok && missing.lints.map((l) => l.messageId)).toEqual([
      'resolution_missing_postmortem',
    ]);
  });

  it('postmortemRequired follows the policy levels', () => {
    expect([1, 2, 3, 4, null].map((s) => postmortemRequired(DEFAULT_POLICY, s as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
