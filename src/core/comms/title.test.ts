import { describe, expect, it } from 'vitest';
import { lintPublicTitle, PUBLIC_TITLE_MAX } from './title';

const codes = (title: string) => lintPublicTitle(title).map((l) => `${l.level}:${l.messageId}`);

describe('lintPublicTitle', () => {
  it('accepts a plain customer-facing title', () => {
    expect(lintPublicTitle('Card payments failing at checkout')).toEqual([]);
  });

  it('refuses a blank title (an error blocks publishing)', () => {
    expect(codes('   ')).toEqual(['error:public_title_missing']);
  });

  it('warns about a title too long to read as a headline', () => {
    const long = 'Checkout '.repeat(12).trim();
    expect(long.length).toBeGreaterThan(PUBLIC_TITLE_MAX);
    expect(lintPublicTitle(long)[0]).toMatchObject({
      level: 'warning',
      messageId: 'public_title_too_long',
      params: [PUBLIC_TITLE_MAX],
    });
  });

  it.each([
    ['SEV-1: checkout down', 'SEV-1'],
    ['P1 checkout outage', 'P1'],
    ['Checkout failing (INC-4821)', 'INC-4821'],
    ['Errors from db-prod-03.internal', 'db-prod-03.internal'],
    ['Timeouts from 10.0.3.17', '10.0.3.17'],
    ['Rollback of PR #5521', 'PR #5521'],
    ['Checkout down, ask oncall@acme.io', 'oncall@acme.io'],
  ])('flags internal detail in %j, quoting it', (title, phrase) => {
    const l = lintPublicTitle(title).filter((x) => x.messageId === 'public_title_internal');
    expect(l).toHaveLength(1);
    expect(title.slice(l[0]?.start, l[0]?.end)).toBe(phrase);
    expect(l[0]?.params).toEqual([phrase]);
    expect(l[0]?.message).toBe(`"${phrase}" is internal detail customers should not see`);
  });

  it('flags blame and promises in the title too', () => {
    expect(codes('Bob pushed a bad config')).toEqual(['warning:blame_named_cause']);
    expect(codes('Checkout will be fixed by 3pm')).toEqual(['warning:promised_resolution_time']);
  });

  it('flags a title that is the internal one', () => {
    expect(
      lintPublicTitle('db-03 disk full', { internalTitle: ' db-03 disk full ' }).map(
        (l) => l.messageId,
      ),
    ).toContain('public_title_is_internal');
    expect(lintPublicTitle('Checkout is slow', { internalTitle: 'db-03 disk full' })).toEqual([]);
  });
});
