/**
 * Export sections added with the communication and contributing-factor work: the factors (in
 * place of the five whys and the root cause, when the review chose them) and the communication
 * compliance with the support impact (after the impact, when the caller hands them in).
 */
import type { Language } from '../language';
import { complianceSummaryText, type SummaryPart } from './compliance-summary';
import type { Review } from './model';
import type { SupportImpact } from './support';
import type { DocItem, DocSection } from './doc';

/** What the export says about communication, computed by the caller from the incident. */
export interface ExportCommunication {
  summary: readonly SummaryPart[];
  support?: SupportImpact;
}

interface ExtraWords {
  factors: string;
  noFactors: string;
  evidence: string;
  noEvidence: string;
  actions: string;
  noActions: string;
  communication: string;
  noCommunication: string;
  tickets: (n: number) => string;
  replies: (copied: number, inserted: number) => string;
  firstTicket: (vs: string) => string;
  before: (min: number) => string;
  after: (min: number) => string;
  atDeclaration: string;
  customersFirst: string;
}

const WORDS: Record<Language, ExtraWords> = {
  en: {
    factors: 'Contributing factors',
    noFactors: 'Not yet written.',
    evidence: 'evidence: ',
    noEvidence: 'none recorded',
    actions: 'action items: ',
    noActions: 'none',
    communication: 'Communication',
    noCommunication: 'No communication duties applied.',
    tickets: (n) => `Tickets matched to the incident: ${n}`,
    replies: (c, i) => `Customer replies copied: ${c}, inserted: ${i}`,
    firstTicket: (vs) => `First ticket: ${vs}`,
    before: (m) => `${m} min before the declaration`,
    after: (m) => `${m} min after the declaration`,
    atDeclaration: 'at the declaration',
    customersFirst: ' (customers noticed first: a detection finding)',
  },
  de: {
    factors: 'Beitragende Faktoren',
    noFactors: 'Noch nicht geschrieben.',
    evidence: 'Beleg: ',
    noEvidence: 'keiner erfasst',
    actions: 'Maßnahmen: ',
    noActions: 'keine',
    communication: 'Kommunikation',
    noCommunication: 'Keine Kommunikationspflichten galten.',
    tickets: (n) => `Dem Vorfall zugeordnete Tickets: ${n}`,
    replies: (c, i) => `Kundenantworten kopiert: ${c}, eingefügt: ${i}`,
    firstTicket: (vs) => `Erstes Ticket: ${vs}`,
    before: (m) => `${m} min vor der Meldung`,
    after: (m) => `${m} min nach der Meldung`,
    atDeclaration: 'zur Meldung',
    customersFirst: ' (Kunden bemerkten es zuerst: ein Befund zur Erkennung)',
  },
};

const base = (heading: string, empty: string, rest: Partial<DocSection>): DocSection => ({
  heading,
  empty,
  paragraphs: [],
  items: [],
  ordered: false,
  ...rest,
});

/** The contributing factors, numbered, each with its evidence and the action items it links. */
export function factorsSection(review: Review, language: Language): DocSection {
  const w = WORDS[language];
  const items = new Map(review.actionItems.map((a) => [a.id, a.description.trim()]));
  const list: DocItem[] = (review.factors ?? [])
    .filter((f) => f.description.trim() !== '')
    .map((f) => {
      const linked = f.actionItemIds.map((id) => items.get(id)).filter((d) => d !== undefined);
      return {
        text: f.description.trim(),
        note:
          w.evidence +
          (f.evidence.trim() || w.noEvidence) +
          '; ' +
          w.actions +
          (linked.length > 0 ? linked.join('; ') : w.noActions),
      };
    });
  return base(w.factors, w.noFactors, { ordered: true, items: list });
}

/** The compliance summary line, then the support impact, if any. */
export function communicationSection(c: ExportCommunication, language: Language): DocSection {
  const w = WORDS[language];
  const line = complianceSummaryText(c.summary, language);
  const items: DocItem[] = [];
  const s = c.support;
  if (s) {
    items.push({ text: w.tickets(s.ticketsMatched) });
    items.push({ text: w.replies(s.repliesCopied, s.repliesInserted) });
    if (s.firstTicketVsDeclaredMs !== null) {
      const min = Math.round(Math.abs(s.firstTicketVsDeclaredMs) / 60_000);
      const vs =
        min === 0 ? w.atDeclaration : s.firstTicketVsDeclaredMs < 0 ? w.before(min) : w.after(min);
      items.push({ text: w.firstTicket(vs) + (s.customersFirst ? w.customersFirst : '') });
    }
  }
  return base(w.communication, w.noCommunication, { paragraphs: line ? [line] : [], items });
}
