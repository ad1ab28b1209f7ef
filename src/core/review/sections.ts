/**
 * The review laid out once, format-neutral, so the Markdown and HTML exports cannot drift apart.
 * Everything here is a pure function of the review and the options: no clock, deterministic order.
 */
import { dtf, formatDate } from '../time';
import { severityLabel } from '../feed/levels';
import { languageOf, type Language } from '../language';
import { httpsOnly } from './facts';
import { BLAMELESS_STATEMENT, type ActionItem, type Review } from './model';
import { arrAtRisk, byString, sortEvents } from './timeline';
import { communicationSection, factorsSection, type ExportCommunication } from './export-extra';
import { rootCauseForm } from './factors';
import type { DocItem, DocSection } from './doc';

/** Locale and the fixed time zone every time in the export is shown in. */
export interface ExportOptions {
  locale: string;
  timeZone: string;
  /** The communication compliance and support impact, when the caller has the incident. */
  communication?: ExportCommunication;
}

export type { DocItem, DocSection };

export interface ExportDoc {
  title: string;
  statement: string;
  meta: [label: string, value: string][];
  sections: DocSection[];
}

/** Due date first (undated last), then id: a stable order for the export. */
function byDue(a: ActionItem, b: ActionItem): number {
  const da = a.dueAt ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt ?? Number.POSITIVE_INFINITY;
  return da === db ? byString(a.id, b.id) : da < db ? -1 : 1;
}

/** The words an export is written in. */
interface ExportWords {
  title: string;
  statement: string;
  status: string;
  draft: string;
  published: string;
  incident: string;
  participants: string;
  nobody: string;
  timeZone: string;
  validatedBy: string;
  unvalidated: string;
  customers: string;
  duration: string;
  started: string;
  peak: string;
  statuspage: string;
  detect: string;
  resolve: string;
  wentWell: string;
  toImprove: string;
  arr: string;
  account(name: string, arr: string): string;
  owner: string;
  unassigned: string;
  due: string;
  noDate: string;
  state: string;
  states: Record<ActionItem['status'], string>;
  allTimesIn(timeZone: string): string;
  /** Heading and empty text of each section, in document order. */
  sections: [heading: string, empty: string][];
}

/** The export's words, per language (`languageOf` the locale). */
const WORDS: Record<Language, ExportWords> = {
  en: {
    title: 'Post-incident review: ',
    statement: BLAMELESS_STATEMENT,
    status: 'Status',
    draft: 'Draft',
    published: 'Published ',
    incident: 'Incident',
    participants: 'Participants',
    nobody: 'none listed',
    timeZone: 'Time zone',
    validatedBy: 'validated by ',
    unvalidated: 'not yet validated',
    customers: 'Customers affected: ',
    duration: 'Duration (from the start): ',
    started: 'Started',
    peak: 'Peak severity',
    statuspage: 'Statuspage',
    detect: 'Time to detect: ',
    resolve: 'Time to resolve (from detection): ',
    wentWell: 'Went well:',
    toImprove: 'To improve:',
    arr: 'Estimated ARR at risk: ',
    account: (name: string, arr: string) => `Account ${name}: ARR ${arr}`,
    owner: 'owner: ',
    unassigned: 'unassigned',
    due: 'due: ',
    noDate: 'no date',
    state: 'status: ',
    states: { open: 'open', done: 'done', wont_do: "won't do" },
    allTimesIn: (tz: string) => `All times in ${tz}.`,
    sections: [
      ['Summary', 'Not yet written.'],
      ['Timeline', 'No entries yet.'],
      ['Impact', 'Not yet quantified.'],
      ['Five whys', 'Not yet written.'],
      ['Root cause', 'Not yet written.'],
      ['Mitigations completed', 'None recorded.'],
      ['Action items', 'None yet.'],
      ['What went well and what to improve', 'Not yet written.'],
    ],
  },
  de: {
    title: 'Nachbesprechung: ',
    statement:
      'Diese Nachbesprechung kommt ohne Schuldzuweisung aus: Sie sucht die Bedingungen in unseren Systemen und Abläufen, die den Vorfall ermöglicht haben, nicht jemanden, dem man die Schuld gibt.',
    status: 'Status',
    draft: 'Entwurf',
    published: 'Veröffentlicht ',
    incident: 'Vorfall',
    participants: 'Beteiligte',
    nobody: 'keine angegeben',
    timeZone: 'Zeitzone',
    validatedBy: 'bestätigt von ',
    unvalidated: 'noch nicht bestätigt',
    customers: 'Betroffene Kunden: ',
    duration: 'Dauer (ab Beginn): ',
    started: 'Beginn',
    peak: 'Höchster Schweregrad',
    statuspage: 'Statuspage',
    detect: 'Zeit bis zur Erkennung: ',
    resolve: 'Zeit bis zur Behebung (ab Erkennung): ',
    wentWell: 'Lief gut:',
    toImprove: 'Zu verbessern:',
    arr: 'Geschätzter gefährdeter ARR: ',
    account: (name: string, arr: string) => `Konto ${name}: ARR ${arr}`,
    owner: 'verantwortlich: ',
    unassigned: 'niemand',
    due: 'fällig: ',
    noDate: 'kein Datum',
    state: 'Stand: ',
    states: { open: 'offen', done: 'erledigt', wont_do: 'wird nicht umgesetzt' },
    allTimesIn: (tz: string) => `Alle Zeiten in ${tz}.`,
    sections: [
      ['Zusammenfassung', 'Noch nicht geschrieben.'],
      ['Zeitverlauf', 'Noch keine Einträge.'],
      ['Auswirkung', 'Noch nicht beziffert.'],
      ['Fünf Warum', 'Noch nicht geschrieben.'],
      ['Ursache', 'Noch nicht geschrieben.'],
      ['Erledigte Sofortmaßnahmen', 'Keine erfasst.'],
      ['Maßnahmen', 'Noch keine.'],
      ['Was gut lief und was besser werden soll', 'Noch nicht geschrieben.'],
    ],
  },
};

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function section(heading: string, empty: string, rest: Partial<DocSection> = {}): DocSection {
  return { heading, empty, paragraphs: [], items: [], ordered: false, ...rest };
}

function paragraphs(text: string | undefined): string[] {
  const t = text?.trim();
  return t ? t.split(/\n\s*\n/).map((p) => p.trim()) : [];
}

/** Builds the format-neutral document for a review. */
export function buildExportDoc(review: Review, opts: ExportOptions): ExportDoc {
  const { locale, timeZone } = opts;
  const w = WORDS[languageOf(locale)];
  const num = (n: number): string => {
    try {
      return new Intl.NumberFormat(locale).format(n);
    } catch {
      return new Intl.NumberFormat('en-US').format(n);
    }
  };
  /** An ARR figure with its currency; an unknown code is shown beside the number. */
  const money = (n: number): string => {
    const code = review.impact.arrCurrency?.trim();
    if (!code) return num(n);
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        maximumFractionDigits: 0,
      }).format(n);
    } catch {
      return `${num(n)} ${code}`;
    }
  };
  const stamp = dtf(locale, timeZone, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const participants = review.participants.map((p) => p.trim()).filter(Boolean);
  const meta: [string, string][] = [
    [
      w.status,
      review.publishedAt === undefined ? w.draft : w.published + stamp.format(review.publishedAt),
    ],
    [w.incident, review.incidentId],
  ];
  if (review.startedAt !== undefined) meta.push([w.started, stamp.format(review.startedAt)]);
  if (review.peakSeverity !== undefined) meta.push([w.peak, severityLabel(review.peakSeverity)]);
  const link = httpsOnly(review.statuspageUrl);
  if (link) meta.push([w.statuspage, link]);
  meta.push(
    [w.participants, participants.length > 0 ? participants.join(', ') : w.nobody],
    [w.timeZone, timeZone],
  );

  const timeline = sortEvents(review.timeline).map((e) => ({
    lead: stamp.format(e.at),
    text: e.text.trim(),
    note: e.validatedBy?.trim() ? w.validatedBy + e.validatedBy.trim() : w.unvalidated,
  }));

  const imp = review.impact;
  const impact: DocItem[] = [];
  if (imp.customersAffected !== undefined) {
    impact.push({ text: w.customers + num(imp.customersAffected) });
  }
  if (imp.durationMinutes !== undefined) {
    impact.push({ text: w.duration + duration(imp.durationMinutes) });
  }
  if (imp.timeToDetectMinutes !== undefined)
    impact.push({ text: w.detect + duration(imp.timeToDetectMinutes) });
  if (imp.timeToResolveMinutes !== undefined)
    impact.push({ text: w.resolve + duration(imp.timeToResolveMinutes) });
  const arr = arrAtRisk(imp);
  if (arr !== null) impact.push({ text: w.arr + money(arr) });
  const accounts = [...imp.accounts].sort((a, b) => b.arr - a.arr || byString(a.name, b.name));
  for (const a of accounts) impact.push({ text: w.account(a.name.trim(), money(a.arr)) });
  const lines = (lead: string, text: string | undefined): DocItem[] =>
    (text ?? '')
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => ({ lead, text: l }));
  const learning = [...lines(w.wentWell, review.wentWell), ...lines(w.toImprove, review.toImprove)];

  const actions = [...review.actionItems].sort(byDue).map((a) => ({
    text: a.description.trim(),
    note: [
      w.owner + (a.owner.trim() || w.unassigned),
      w.due + (a.dueAt === undefined ? w.noDate : formatDate(a.dueAt, locale, timeZone)),
      w.state + w.states[a.status],
    ].join('; '),
  }));

  const text = (s: string): DocItem => ({ text: s.trim() });
  /** Section `n` (in WORDS order) with its heading and empty text. */
  const sec = (n: number, rest: Partial<DocSection>): DocSection =>
    section(...w.sections[n]!, rest);
  return {
    title: w.title + review.title.trim(),
    statement: w.statement,
    meta,
    sections: [
      sec(0, { paragraphs: paragraphs(review.summary) }),
      sec(1, { intro: w.allTimesIn(timeZone), items: timeline }),
      sec(2, { items: impact }),
      ...(opts.communication ? [communicationSection(opts.communication, languageOf(locale))] : []),
      ...(rootCauseForm(review) === 'factors'
        ? [factorsSection(review, languageOf(locale))]
        : [
            sec(3, { ordered: true, items: review.whys.filter((y) => y.trim() !== '').map(text) }),
            sec(4, { paragraphs: paragraphs(review.rootCause) }),
          ]),
      sec(5, { items: review.mitigations.filter((m) => m.trim() !== '').map(text) }),
      sec(7, { items: learning }),
      sec(6, { items: actions }),
    ],
  };
}
