import { describe, expect, it } from 'vitest';
import { incident, item } from './fixtures.test-kit';
import { containsTerm, incidentTerms, matchTicket } from './match';

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
