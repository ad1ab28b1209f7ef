import { describe, expect, it } from 'vitest';
import { incident, item } from './fixtures.test-kit';
import type { OverlayIncident } from '../../messaging/overlay-state';
import { hostileItems, ticketText } from '../../../../tests/support/hostile-feed';
import { containsTerm, createMatcher, incidentTerms, MATCH_LIMITS, matchTicket } from './match';

const checkout = item();
const login = item({
  sourceId: 's2',
  incident: incident({
    id: 'inc2',
    name: 'Login failures for SSO users',
    components: [{ name: 'Single Sign-On' }],
  }),
});

describe('ticket matching', () => {
  it('takes component names and the telling words of the title', () => {
    expect(incidentTerms(checkout)).toEqual([
      'Checkout API',
      'Elevated errors on Checkout',
      'Checkout',
    ]);
  });
  it('matches whole words, case-insensitively', () => {
    expect(containsTerm('My CHECKOUT is broken', 'Checkout')).toBe(true);
    expect(containsTerm('checkouts', 'Checkout')).toBe(false);
    expect(containsTerm('the single  sign-on page', 'Single Sign-On')).toBe(true);
  });
  it('picks the incident the ticket text points to, with the term that matched', () => {
    const text = 'Ticket #4411: customer cannot log in with single sign-on since this morning';
    expect(matchTicket(text, [checkout, login])).toMatchObject({
      key: 's2|inc2',
      term: 'Single Sign-On',
    });
    expect(matchTicket('Payment failed at checkout', [checkout, login])).toMatchObject({
      key: 's1|inc1',
      term: 'Checkout',
    });
  });
  it('matches nothing on unrelated or empty text', () => {
    expect(matchTicket('Invoice address change request', [checkout, login])).toBeNull();
    expect(matchTicket('', [checkout])).toBeNull();
  });
});

describe('ticket matching on a large or hostile feed (issue 16, item 2)', () => {
  const hostile: OverlayIncident[] = hostileItems(500, 380);

  it('takes a bounded number of terms from an incident that names 380 components', () => {
    // before: one regex per name, 380 of them, each run over 50k characters of page text
    expect(incidentTerms(hostile[0]!).length).toBeLessThanOrEqual(24);
    expect(MATCH_LIMITS.termsTotal).toBeLessThanOrEqual(1_000);
  });

  it('still finds the incident a 50k-character ticket names, most severe first', () => {
    expect(matchTicket(ticketText(50_000), hostile)).toMatchObject({
      key: 's0|inc0',
      term: 'Region 0 cluster 0 storage gateway replica 0',
    });
  });

  it('matches words in any script, case-insensitively, and whole words only', () => {
    expect(containsTerm('Kunde meldet: ZÜRICH Rechenzentrum down', 'Zürich rechenzentrum')).toBe(
      true,
    );
    expect(containsTerm('Проблема с ОПЛАТОЙ заказа', 'оплатой')).toBe(true);
    expect(containsTerm('ödeme sistemi', 'Ödeme')).toBe(true);
    expect(containsTerm('Zürichsee', 'Zürich')).toBe(false);
  });

  it('does not match again when a new projection changed only times', () => {
    const match = createMatcher();
    const text = 'Payment failed at checkout';
    const first = match(text, [checkout, login]);
    expect(first).toMatchObject({ key: 's1|inc1' });
    // a poll: new objects, new computedAt and countdowns, same names
    const polled = [checkout, login].map((i) => ({
      ...i,
      obligations: [],
      incident: { ...i.incident, updatedAt: i.incident.updatedAt + 60_000 },
    }));
    expect(match(text, polled)).toBe(first);
    // a renamed component is a real change
    const renamed = [
      { ...login, incident: { ...login.incident, name: 'Checkout is down for all' } },
    ];
    expect(match(text, renamed)).toMatchObject({ key: 's2|inc2' });
  });
});
