import { describe, expect, it } from 'vitest';
import { supportImpact, supportSignalFrom, type SupportSignal } from './support';

const T = Date.UTC(2026, 10, 3, 9, 0);
const MIN = 60_000;

describe('supportImpact', () => {
  const signals: SupportSignal[] = [
    { kind: 'ticket_matched', at: T + 5 * MIN, ticket: 'k1' },
    { kind: 'ticket_matched', at: T + 9 * MIN, ticket: 'k1' }, // the same ticket seen again
    { kind: 'ticket_matched', at: T + 12 * MIN, ticket: 'k2', openedAt: T - 8 * MIN },
    { kind: 'reply_copied', at: T + 13 * MIN, ticket: 'k2' },
    { kind: 'reply_copied', at: T + 14 * MIN },
    { kind: 'reply_inserted', at: T + 20 * MIN, ticket: 'k1' },
  ];

  it('counts distinct tickets and each copied or inserted reply', () => {
    const s = supportImpact(signals, T);
    expect([s.ticketsMatched, s.repliesCopied, s.repliesInserted]).toEqual([2, 2, 1]);
  });

  it('a ticket opened before the declaration is a detection finding', () => {
    const s = supportImpact(signals, T);
    expect(s.firstTicketAt).toBe(T - 8 * MIN);
    expect(s.firstTicketVsDeclaredMs).toBe(-8 * MIN);
    expect(s.customersFirst).toBe(true);
  });

  it('without an opening time, the time the ticket was seen counts', () => {
    const s = supportImpact(signals.slice(0, 2), T);
    expect(s.firstTicketVsDeclaredMs).toBe(5 * MIN);
    expect(s.customersFirst).toBe(false);
  });

  it('no records: zero counts and no times', () => {
    expect(supportImpact([], T)).toEqual({
      ticketsMatched: 0,
      repliesCopied: 0,
      repliesInserted: 0,
      firstTicketAt: null,
      firstTicketVsDeclaredMs: null,
      customersFirst: false,
    });
  });

  it('an opening time later than when it was seen is ignored (not a real opening time)', () => {
    const s = supportImpact([{ kind: 'ticket_matched', at: T, openedAt: T + MIN }], T - MIN);
    expect(s.firstTicketAt).toBe(T);
  });
});

describe('supportSignalFrom', () => {
  it('keeps only the kind, the times and an opaque key', () => {
    expect(
      supportSignalFrom({
        kind: 'reply_copied',
        at: T,
        ticket: 'a'.repeat(64),
        text: 'Dear customer, our checkout is down',
        url: 'https://help.example.com/tickets/42',
      }),
    ).toEqual({ kind: 'reply_copied', at: T, ticket: 'a'.repeat(64) });
  });

  it('refuses what is not a record: a bad kind, a bad time, a key that could carry text', () => {
    expect(supportSignalFrom({ kind: 'ticket_read', at: T })).toBeNull();
    expect(supportSignalFrom({ kind: 'ticket_matched', at: Number.NaN })).toBeNull();
    expect(supportSignalFrom(null)).toBeNull();
    expect(supportSignalFrom({ kind: 'ticket_matched', at: T, ticket: 'Acme invoice 42' })).toEqual(
      {
        kind: 'ticket_matched',
        at: T,
      },
    );
  });
});
