/**
 * The review's one-line communication summary, e.g. "status page first posted at 16 min (due 15),
 * updates 5/6 on time, customers told at 42 min (due 60)". Built as data first, so a view can
 * write each part in the UI language; `complianceSummaryText` is the English the exports use.
 */
import type { Language } from '../language';
import type { Channel } from '../types';
import type { ComplianceReport, DutyCompliance, DutyOutcome } from './compliance';

const MINUTE = 60_000;

/** The channels the summary names, in the order it names them. */
export type SummaryChannel = 'status_page' | 'customers' | 'executives';

export type SummaryPart =
  | {
      kind: 'duty';
      channel: SummaryChannel;
      outcome: DutyOutcome;
      /** Minutes from the deadline's anchor to when it was met (rounded up: 15.5 is late for 15). */
      atMinutes?: number;
      dueMinutes: number;
    }
  | { kind: 'updates'; onTime: number; owed: number; longestGapMinutes: number | null };

const CHANNELS: [SummaryChannel, Channel][] = [
  ['status_page', 'status_page'],
  ['customers', 'customer_email'],
  ['executives', 'exec'],
];

function dutyPart(channel: SummaryChannel, d: DutyCompliance): SummaryPart | null {
  if (d.dueAt === null || d.anchorAt === null) return null;
  const part: SummaryPart = {
    kind: 'duty',
    channel,
    outcome: d.outcome,
    dueMinutes: Math.round((d.dueAt - d.anchorAt) / MINUTE),
  };
  if (d.metAt !== undefined)
    part.atMinutes = Math.max(0, Math.ceil((d.metAt - d.anchorAt) / MINUTE));
  return part;
}

/**
 * The summary's parts: the first status-page post, the update cadence, customers, executives.
 * Duties that did not apply are left out; an incident never classified has no parts.
 */
export function complianceSummary(report: ComplianceReport): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const duty = (channel: Channel) =>
    report.duties.find((d) => d.channel === channel && d.outcome !== 'not_applicable');
  const [first, ...rest] = CHANNELS;
  const add = ([name, channel]: [SummaryChannel, Channel]) => {
    const d = duty(channel);
    const p = d ? dutyPart(name, d) : null;
    if (p) parts.push(p);
  };
  if (first) add(first);
  const cadence = report.cadences.find((c) => c.ruleId === 'status_updates') ?? report.cadences[0];
  if (cadence) {
    parts.push({
      kind: 'updates',
      onTime: cadence.onTime,
      owed: cadence.owed,
      longestGapMinutes:
        cadence.longestGapMs === null ? null : Math.round(cadence.longestGapMs / MINUTE),
    });
  }
  rest.forEach(add);
  return parts;
}

/** The summary's words per language: done, not done and pending per channel, and the cadence. */
interface SummaryWords {
  channels: Record<SummaryChannel, [done: string, notDone: string, pending: string]>;
  at: (min: number, due: number) => string;
  notDone: (due: number) => string;
  pending: (due: number) => string;
  updates: (onTime: number, owed: number) => string;
  cadence: (onTime: number, owed: number) => string;
  gap: (min: number) => string;
}

const WORDS: Record<Language, SummaryWords> = {
  en: {
    channels: {
      status_page: ['status page first posted', 'status page not posted', 'status page due'],
      customers: ['customers told', 'customers not told', 'customers due'],
      executives: ['executives told', 'executives not told', 'executives due'],
    },
    at: (min, due) => ` at ${min} min (due ${due})`,
    notDone: (due) => ` (due ${due})`,
    pending: (due) => ` at ${due} min`,
    updates: (n, m) => `updates ${n}/${m} on time`,
    cadence: (n, m) => `${n} of ${m} updates on time`,
    gap: (min) => `, longest gap ${min} min`,
  },
  de: {
    channels: {
      status_page: [
        'Statusseite zuerst veröffentlicht',
        'Statusseite nicht veröffentlicht',
        'Statusseite fällig',
      ],
      customers: ['Kunden informiert', 'Kunden nicht informiert', 'Kunden fällig'],
      executives: [
        'Geschäftsleitung informiert',
        'Geschäftsleitung nicht informiert',
        'Geschäftsleitung fällig',
      ],
    },
    at: (min, due) => ` nach ${min} min (fällig ${due})`,
    notDone: (due) => ` (fällig ${due})`,
    pending: (due) => ` nach ${due} min`,
    updates: (n, m) => `Updates ${n}/${m} pünktlich`,
    cadence: (n, m) => `${n} von ${m} Updates pünktlich`,
    gap: (min) => `, längste Lücke ${min} min`,
  },
};

/** One part in the language (English unless given). */
export function summaryPartText(p: SummaryPart, language: Language = 'en'): string {
  const w = WORDS[language];
  if (p.kind === 'updates') return w.updates(p.onTime, p.owed);
  const [done, notDone, pending] = w.channels[p.channel];
  if (p.atMinutes !== undefined) return done + w.at(p.atMinutes, p.dueMinutes);
  if (p.outcome === 'pending') return pending + w.pending(p.dueMinutes);
  return notDone + w.notDone(p.dueMinutes);
}

/** The summary line, parts joined by commas. */
export function complianceSummaryText(
  parts: readonly SummaryPart[],
  language: Language = 'en',
): string {
  return parts.map((p) => summaryPartText(p, language)).join(', ');
}

/** "N of M updates on time, longest gap 47 min", for the cadence row. */
export function cadenceText(
  onTime: number,
  owed: number,
  longestGapMinutes: number | null,
  language: Language = 'en',
): string {
  const w = WORDS[language];
  return w.cadence(onTime, owed) + (longestGapMinutes === null ? '' : w.gap(longestGapMinutes));
}
