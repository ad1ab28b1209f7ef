import { describe, expect, it } from 'vitest';
import { composeUpdate, proposeNextUpdate } from './compose';

const now = Date.UTC(2025, 2, 15, 14, 2);
const ctx = { now, locale: 'en-US', timeZone: 'UTC', cadenceMinutes: 30 };
const full = {
  impacted: 'Checkout is still failing for about 20% of card payments.',
  learned: 'We traced the errors to a misrouted payment gateway connection.',
  nextUpdateAt: now + 30 * 60_000,
};

describe('composeUpdate', () => {
  it('builds the three-element update with no lints', () => {
    const r = composeUpdate(full, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // ICU versions differ in the space before PM (U+0020 or U+202F); normalise it.
    expect(r.text.replace(/\u202f/g, ' ')).toBe(
      [
        'Still impacted: Checkout is still failing for about 20% of card payments.',
        'What we have learned: We traced the errors to a misrouted payment gateway connection.',
        'Next update: we will post the next update by 2:32 PM UTC.',
      ].join('\n'),
    );
    expect(r.lints).toEqual([]);
  });

  it.each([
    ['impacted', { ...full, impacted: '  ' }],
    ['learned', { ...full, learned: '' }],
    ['nextUpdateAt', { ...full, nextUpdateAt: null }],
  ] as const)('refuses without %s', (name, input) => {
    const r = composeUpdate(input, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing).toEqual([name]);
      expect(r.message).toMatch(/^An update needs all three elements; missing: /);
    }
  });

  it('lists every missing element in order', () => {
    const r = composeUpdate({ impacted: '', learned: '\n', nextUpdateAt: Number.NaN }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing).toEqual(['impacted', 'learned', 'nextUpdateAt']);
      expect(r.message).toBe(
        'An update needs all three elements; missing: what is still impacted, what the team has learned, the next update time.',
      );
    }
  });

  it('lints a next update later than the cadence', () => {
    const r = composeUpdate({ ...full, nextUpdateAt: now + 31 * 60_000 }, ctx);
    expect(r.ok && r.lints.map((l) => l.code)).toEqual(['next_update_too_late']);
  });

  it('reports a broken custom template instead of rendering it', () => {
    const r = composeUpdate(full, { ...ctx, template: '{{impacted}} {{nextUpdate}}' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0]?.code).toBe('unknown_placeholder');
  });

  it.each([
    ['impacted', 'We learned: {{learned}}. Next update by {{nextUpdateTime}}.'],
    ['learned', 'Still impacted: {{impacted}}. Next update by {{nextUpdateTime}}.'],
    ['nextUpdateTime', 'Still impacted: {{impacted}}. We learned: {{learned}}.'],
  ])('refuses a custom template without {{%s}}, naming it', (name, template) => {
    const r = composeUpdate(full, { ...ctx, template });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toEqual([]);
    expect(r.problems?.map((p) => [p.code, p.placeholder])).toEqual([
      ['missing_placeholder', name],
    ]);
    expect(r.message).toMatch(
      /^The update template cannot be used: The "update" template must contain /,
    );
    expect(r.message).toContain(`{{${name}}}`);
  });

  it('accepts a reworded custom template that keeps all three placeholders', () => {
    const r = composeUpdate(full, {
      ...ctx,
      template: 'Impact: {{impacted}} | Learned: {{learned}} | Next: {{nextUpdateTime}}',
    });
    expect(r.ok).toBe(true);
  });

  it('shows the date when the next update falls on another day', () => {
    const late = Date.UTC(2025, 2, 15, 23, 50);
    const r = composeUpdate(
      { ...full, nextUpdateAt: late + 30 * 60_000 },
      { ...ctx, now: late, locale: 'en-GB' },
    );
    expect(r.ok && r.text).toContain('by 16 Mar, 00:20 UTC.');
  });
});

describe('proposeNextUpdate', () => {
  it('rounds down to a 5-minute mark so it never exceeds the cadence', () => {
    expect(proposeNextUpdate(now, 30)).toBe(Date.UTC(2025, 2, 15, 14, 30));
    expect(proposeNextUpdate(Date.UTC(2025, 2, 15, 14, 0), 30)).toBe(Date.UTC(2025, 2, 15, 14, 30));
  });

  it('falls back to the exact time when rounding would not move forward', () => {
    const t = Date.UTC(2025, 2, 15, 14, 1);
    expect(proposeNextUpdate(t, 3)).toBe(t + 3 * 60_000);
  });
});
