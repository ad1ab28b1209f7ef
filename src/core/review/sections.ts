/**
 * The review laid out once, format-neutral, so the Markdown and HTML exports cannot drift apart.
 * Everything here is a pure function of the review and the options: no clock, deterministic order.
 */
import { dtf, formatDate } from '../comms/datetime';
import { BLAMELESS_STATEMENT, type ActionItem, type Review } from './model';
import { arrAtRisk, byString, sortEvents } from './timeline';

/** Locale and the fixed time zone every time in the export is shown in. */
export interface ExportOptions {
  locale: string;
  timeZone: string;
}

/** A list item: optional bold lead (a time), the text, optional trailing note. */
export interface DocItem {
  lead?: string;
  text: string;
  note?: string;
}

export interface DocSection {
  heading: string;
  /** Shown in italics under the heading. */
  intro?: string;
  paragraphs: string[];
  items: DocItem[];
  ordered: boolean;
  /** Shown when the section has no paragraphs and no items. */
  empty: string;
}

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

const STATUS: Record<ActionItem['status'], string> = {
  open: 'open',
  done: 'done',
  wont_do: "won't do",
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
  const num = (n: number): string => {
    try {
      return new Intl.NumberFormat(locale).format(n);
    } catch {
      return new Intl.NumberFormat('en-US').format(n);
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
      'Status',
      review.publishedAt === undefined ? 'Draft' : `Published ${stamp.format(review.publishedAt)}`,
    ],
    ['Incident', review.incidentId],
    ['Participants', participants.length > 0 ? participants.join(', ') : 'none listed'],
    ['Time zone', timeZone],
  ];

  const timeline = sortEvents(review.timeline).map((e) => ({
    lead: stamp.format(e.at),
    text: e.text.trim(),
    note: e.validatedBy?.trim() ? `validated by ${e.validatedBy.trim()}` : 'not yet validated',
  }));

  const imp = review.impact;
  const impact: DocItem[] = [];
  if (imp.customersAffected !== undefined) {
    impact.push({ text: `Customers affected: ${num(imp.customersAffected)}` });
  }
  if (imp.durationMinutes !== undefined) {
    impact.push({ text: `Duration: ${duration(imp.durationMinutes)}` });
  }
  const arr = arrAtRisk(imp);
  if (arr !== null) impact.push({ text: `Estimated ARR at risk: ${num(arr)}` });
  const accounts = [...imp.accounts].sort((a, b) => b.arr - a.arr || byString(a.name, b.name));
  for (const a of accounts) impact.push({ text: `Account ${a.name.trim()}: ARR ${num(a.arr)}` });

  const actions = [...review.actionItems].sort(byDue).map((a) => ({
    text: a.description.trim(),
    note: [
      `owner: ${a.owner.trim() || 'unassigned'}`,
      `due: ${a.dueAt === undefined ? 'no date' : formatDate(a.dueAt, locale, timeZone)}`,
      `status: ${STATUS[a.status]}`,
    ].join('; '),
  }));

  const text = (s: string): DocItem => ({ text: s.trim() });
  return {
    title: `Post-incident review: ${review.title.trim()}`,
    statement: BLAMELESS_STATEMENT,
    meta,
    sections: [
      section('Summary', 'Not yet written.', { paragraphs: paragraphs(review.summary) }),
      section('Timeline', 'No entries yet.', {
        intro: `All times in ${timeZone}.`,
        items: timeline,
      }),
      section('Impact', 'Not yet quantified.', { items: impact }),
      section('Five whys', 'Not yet written.', {
        ordered: true,
        items: review.whys.filter((w) => w.trim() !== '').map(text),
      }),
      section('Root cause', 'Not yet written.', { paragraphs: paragraphs(review.rootCause) }),
      section('Mitigations completed', 'None recorded.', {
        items: review.mitigations.filter((m) => m.trim() !== '').map(text),
      }),
      section('Action items', 'None yet.', { items: actions }),
    ],
  };
}
