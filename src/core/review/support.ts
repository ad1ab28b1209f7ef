/**
 * Support impact: what the agent overlay saw of an incident, from anonymised records (a kind, a
 * time and at most an opaque ticket key; never ticket text). How many tickets matched, how many
 * customer replies were copied or inserted, and when the first ticket came against the incident's
 * declaration: customers who noticed first is a detection finding.
 */

export type SupportSignalKind = 'ticket_matched' | 'reply_copied' | 'reply_inserted';

export interface SupportSignal {
  kind: SupportSignalKind;
  /** When the overlay saw it. */
  at: number;
  /** An opaque key for the ticket (a hash), so a ticket seen twice counts once. */
  ticket?: string;
  /** When the ticket was opened, if the helpdesk page showed it. */
  openedAt?: number;
}

export interface SupportImpact {
  ticketsMatched: number;
  repliesCopied: number;
  repliesInserted: number;
  /** The earliest ticket: its opening time when known, else when it was seen. */
  firstTicketAt: number | null;
  /** `firstTicketAt - declaredAt`: negative when customers wrote in before the declaration. */
  firstTicketVsDeclaredMs: number | null;
  customersFirst: boolean;
}

/** A ticket's time: its opening time when it is a real one (not after it was seen). */
function ticketTime(s: SupportSignal): number {
  const o = s.openedAt;
  return o !== undefined && Number.isFinite(o) && o <= s.at ? o : s.at;
}

/** The support impact of one incident, from its records. Records without a key count one each. */
export function supportImpact(
  signals: readonly SupportSignal[],
  declaredAt: number | null,
): SupportImpact {
  const valid = signals.filter((s) => Number.isFinite(s.at));
  const matched = valid.filter((s) => s.kind === 'ticket_matched');
  const keys = new Set(matched.map((s, i) => s.ticket ?? `#${i}`));
  const first = matched.length === 0 ? null : Math.min(...matched.map(ticketTime));
  const vs = first === null || declaredAt === null ? null : first - declaredAt;
  return {
    ticketsMatched: keys.size,
    repliesCopied: valid.filter((s) => s.kind === 'reply_copied').length,
    repliesInserted: valid.filter((s) => s.kind === 'reply_inserted').length,
    firstTicketAt: first,
    firstTicketVsDeclaredMs: vs,
    customersFirst: vs !== null && vs < 0,
  };
}

const KINDS: readonly SupportSignalKind[] = ['ticket_matched', 'reply_copied', 'reply_inserted'];
/** A hash in hex (what the overlay sends), never readable text. */
const OPAQUE_KEY = /^[0-9a-f]{16,128}$/;

/**
 * A record from untrusted input (a content script's message, an import), with nothing but the
 * fields above: any other field, such as ticket text or an address, is dropped, and a key that is
 * not an opaque hex hash is left out. Null when the kind or the time is unusable.
 */
export function supportSignalFrom(value: unknown): SupportSignal | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const kind = KINDS.find((k) => k === v.kind);
  const at = v.at;
  if (!kind || typeof at !== 'number' || !Number.isFinite(at)) return null;
  const out: SupportSignal = { kind, at };
  if (typeof v.ticket === 'string' && OPAQUE_KEY.test(v.ticket)) out.ticket = v.ticket;
  if (typeof v.openedAt === 'number' && Number.isFinite(v.openedAt)) out.openedAt = v.openedAt;
  return out;
}
