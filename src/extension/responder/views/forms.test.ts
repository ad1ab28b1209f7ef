import { describe, expect, it } from 'vitest';
import { classifyDecision, initialClassifyForm, parsePercent, suggestion } from './classify-form';
import { bySection, parseIds, toggleId, unknownIds } from './component-pick';
import { fromLocalInput, toLocalInput } from '../../ui/datetime-input';
import { EMPTY_DECLARE, parseComponents, validateDeclare } from './declare';
import { parseRoute, routeHash } from './route';

const NOW = Date.UTC(2025, 2, 15, 14, 0);

describe('declare', () => {
  it('refuses a blank title and no components', () => {
    expect(validateDeclare(EMPTY_DECLARE, NOW)).toEqual({
      ok: false,
      errors: { title: 'declare_err_title', components: 'declare_err_components' },
    });
  });
  it('declares now by default (no start time sent)', () => {
    const r = validateDeclare(
      {
        ...EMPTY_DECLARE,
        title: ' Checkout down ',
        components: 'Checkout, checkout,\nPayments API',
      },
      NOW,
    );
    expect(r).toEqual({
      ok: true,
      req: {
        title: 'Checkout down',
        components: ['Checkout', 'Payments API'],
        publiclyVisible: true,
      },
    });
  });
  it('accepts an earlier start, refuses a future, malformed or ancient one', () => {
    const base = { ...EMPTY_DECLARE, title: 't', components: 'c', start: 'earlier' as const };
    const r = validateDeclare({ ...base, startedAt: '2025-03-15T13:10' }, NOW);
    expect(r.ok && r.req.startedAt).toBe(Date.UTC(2025, 2, 15, 13, 10));
    expect(validateDeclare({ ...base, startedAt: '2025-03-15T15:10' }, NOW)).toMatchObject({
      errors: { startedAt: 'declare_err_startFuture' },
    });
    expect(validateDeclare({ ...base, startedAt: '' }, NOW)).toMatchObject({
      errors: { startedAt: 'declare_err_start' },
    });
    expect(validateDeclare({ ...base, startedAt: '2024-01-01T00:00' }, NOW)).toMatchObject({
      errors: { startedAt: 'declare_err_startOld' },
    });
  });
  it('keeps the visibility answer and cleans component names', () => {
    expect(parseComponents('  a  b , ,A  B')).toEqual(['a b']);
    const r = validateDeclare(
      { ...EMPTY_DECLARE, title: 't', components: 'c', publiclyVisible: false },
      NOW,
    );
    expect(r.ok && r.req.publiclyVisible).toBe(false);
  });
});

describe('classify questionnaire', () => {
  const sev2 = {
    ...initialClassifyForm(undefined, true),
    percentUsersAffected: '25',
    featureCriticality: 'significant' as const,
    noUserCanAccessCore: 'no' as const,
    dataIntegrityBreach: 'no' as const,
  };
  it('prefills visibility and treats blanks as unknown (the classifier assumes the worst)', () => {
    const f = initialClassifyForm(undefined, false);
    expect(f.publiclyVisible).toBe('no');
    expect(suggestion(f).severity).toBe(1);
    expect(suggestion(f).assumed.length).toBeGreaterThan(0);
  });
  it('suggests SEV-2 with the rule that fired, and accepting sends no reason', () => {
    const s = suggestion(sev2);
    expect(s.severity).toBe(2);
    expect(s.reasons[0]).toMatch(/More than 10%/);
    const d = classifyDecision('i1', sev2);
    expect(d).toEqual({
      ok: true,
      overridden: false,
      req: {
        id: 'i1',
        severity: 2,
        answers: {
          noUserCanAccessCore: false,
          dataIntegrityBreach: false,
          publiclyVisible: true,
          percentUsersAffected: 25,
          featureCriticality: 'significant',
        },
      },
    });
  });
  it('an override needs a reason, which is sent', () => {
    expect(classifyDecision('i1', { ...sev2, chosen: 1 })).toEqual({
      ok: false,
      error: 'classify_err_reason',
    });
    const d = classifyDecision('i1', { ...sev2, chosen: 1, overrideReason: ' CEO asked ' });
    expect(d.ok && d.req).toMatchObject({ severity: 1, overrideReason: 'CEO asked' });
    expect(d.ok && d.overridden).toBe(true);
  });
  it('choosing the suggested level is not an override; a bad percentage is refused', () => {
    expect(classifyDecision('i1', { ...sev2, chosen: 2 })).toMatchObject({
      ok: true,
      overridden: false,
    });
    expect(classifyDecision('i1', { ...sev2, percentUsersAffected: '120' })).toEqual({
      ok: false,
      error: 'classify_err_percentRange',
    });
    expect(parsePercent('12,5%')).toBe(12.5);
  });
  it('reclassifying starts from the earlier answers', () => {
    const f = initialClassifyForm({ percentUsersAffected: 5, workaroundKnown: true }, true);
    expect(f.percentUsersAffected).toBe('5');
    expect(f.workaroundKnown).toBe('yes');
    expect(f.publiclyVisible).toBe('unknown');
  });
});

describe('route and datetime', () => {
  it('round-trips routes; unknown hashes are the list', () => {
    for (const r of [
      { view: 'list' },
      { view: 'declare' },
      { view: 'settings' },
      { view: 'incident', id: 'a b', section: 'compose' },
    ] as const) {
      expect(parseRoute(routeHash(r))).toEqual(r);
    }
    expect(parseRoute('#/incident/x/bogus')).toEqual({
      view: 'incident',
      id: 'x',
      section: 'obligations',
    });
    expect(parseRoute('#/nope')).toEqual({ view: 'list' });
  });
  it('converts datetime-local values (TZ=UTC in tests) and refuses rollovers', () => {
    expect(toLocalInput(NOW)).toBe('2025-03-15T14:00');
    expect(fromLocalInput('2025-03-15T14:00')).toBe(NOW);
    expect(fromLocalInput('2025-02-31T10:00')).toBeNull();
    expect(fromLocalInput('x')).toBeNull();
  });
});

describe('component picker field', () => {
  const choices = [
    { id: 'cmp1', name: 'Checkout' },
    { id: 'cmp3', name: 'Card API', group: 'Payments' },
    { id: 'cmp2', name: 'Search' },
    { id: 'cmp4', name: 'Payouts', group: 'Payments' },
  ];
  it('reads ids separated by commas or spaces, like the publish target', () => {
    expect(parseIds(' cmp1, cmp2\ncmp3 ,,')).toEqual(['cmp1', 'cmp2', 'cmp3']);
    expect(parseIds('')).toEqual([]);
  });
  it('ticking adds an id once and keeps hand-typed ones; unticking removes every copy', () => {
    expect(toggleId('typed1 cmp1', 'cmp2', true)).toBe('typed1, cmp1, cmp2');
    expect(toggleId('cmp1', 'cmp1', true)).toBe('cmp1');
    expect(toggleId('cmp1, typed1,cmp1', 'cmp1', false)).toBe('typed1');
    expect(toggleId('', 'cmp1', true)).toBe('cmp1');
  });
  it('groups choices in page order and names ids that are not on the page', () => {
    expect(bySection(choices).map((s) => [s.group, s.items.map((c) => c.id)])).toEqual([
      [null, ['cmp1', 'cmp2']],
      ['Payments', ['cmp3', 'cmp4']],
    ]);
    expect(unknownIds('cmp1, typo9, typo9', choices)).toEqual(['typo9']);
  });
});

describe('classify decisions that need a word', () => {
  const form = () => ({
    ...initialClassifyForm(undefined, true),
    noUserCanAccessCore: 'yes' as const,
  });
  it('a downgrade asks for a reason, even when it follows the new suggestion', () => {
    const f = {
      ...initialClassifyForm(
        {
          noUserCanAccessCore: false,
          dataIntegrityBreach: false,
          percentUsersAffected: 40,
          featureCriticality: 'significant',
        },
        true,
      ),
    };
    // the answers now suggest SEV-2; the incident is SEV-1
    expect(classifyDecision('i1', f, 1)).toEqual({ ok: false, error: 'classify_err_downgrade' });
    const r = classifyDecision('i1', { ...f, overrideReason: 'Core login works again' }, 1);
    expect(r.ok && r.req).toMatchObject({ severity: 2, overrideReason: 'Core login works again' });
    // raising or keeping it does not
    expect(classifyDecision('i1', form(), 2).ok).toBe(true);
  });
  it('150% is refused with its own message, not read as unknown', () => {
    expect(classifyDecision('i1', { ...form(), percentUsersAffected: '150' })).toEqual({
      ok: false,
      error: 'classify_err_percentRange',
    });
    expect(classifyDecision('i1', { ...form(), percentUsersAffected: 'lots' })).toEqual({
      ok: false,
      error: 'classify_err_percent',
    });
  });
});
