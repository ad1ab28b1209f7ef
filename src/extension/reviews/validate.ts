/**
 * Checks on a review a view sends for saving. Views are trusted less than the background: every
 * field is type-checked and bounded, and the parts only the background may set (ids, status dates,
 * publication, creation time, duration) are taken from the stored record instead.
 */
import {
  MAX_WHYS,
  type AccountAtRisk,
  type ActionItem,
  type ContributingFactor,
  type Review,
  type ReviewTimelineEntry,
} from '../../core/review';
import { list as listOf, optAmount, optText, record, str, time } from '../../core/validate';

const LIMITS = { short: 300, line: 2000, long: 20_000, list: 500 } as const;

/** A list of at most LIMITS.list entries unless told otherwise. */
const list = <T>(
  v: unknown,
  field: string,
  each: (x: unknown, i: number) => T,
  max: number = LIMITS.list,
): T[] => listOf(v, field, each, max);

function entry(v: unknown, i: number): ReviewTimelineEntry {
  const o = record(v, `Timeline entry ${i + 1}`);
  const validatedBy = optText(o.validatedBy, 'The validating participant', LIMITS.short)?.trim();
  return {
    id: str(o.id, 'A timeline entry id', 100),
    at: time(o.at, `The time of timeline entry ${i + 1}`),
    text: str(o.text, `Timeline entry ${i + 1}`, LIMITS.line),
    ...(validatedBy ? { validatedBy } : {}),
  };
}

function account(v: unknown, i: number): AccountAtRisk {
  const o = record(v, `Account ${i + 1}`);
  return {
    name: str(o.name, `The name of account ${i + 1}`, LIMITS.short),
    arr: optAmount(o.arr, `The ARR of account ${i + 1}`) ?? 0,
  };
}

/**
 * The saved action items: text, owner and due date from the view; status and its dates from the
 * stored item with the same id (a new item starts open, created `now`).
 */
function items(v: unknown, stored: readonly ActionItem[], now: number): ActionItem[] {
  const before = new Map(stored.map((a) => [a.id, a]));
  const seen = new Set<string>();
  return list(
    v,
    'The action items',
    (x, i) => {
      const o = record(x, `Action item ${i + 1}`);
      const id = str(o.id, 'An action item id', 100);
      if (seen.has(id)) throw new Error('Two action items have the same id.');
      seen.add(id);
      const old = before.get(id);
      const dueAt =
        o.dueAt === undefined || o.dueAt === null
          ? undefined
          : time(o.dueAt, `The due date of action item ${i + 1}`);
      const kept: Pick<ActionItem, 'status' | 'createdAt' | 'doneAt' | 'statusChangedAt'> = old
        ? {
            status: old.status,
            createdAt: old.createdAt,
            ...(old.doneAt !== undefined ? { doneAt: old.doneAt } : {}),
            ...(old.statusChangedAt !== undefined ? { statusChangedAt: old.statusChangedAt } : {}),
          }
        : { status: 'open', createdAt: now };
      return {
        id,
        description: str(o.description, `Action item ${i + 1}`, LIMITS.line),
        owner: str(o.owner ?? '', `The owner of action item ${i + 1}`, LIMITS.short).trim(),
        ...(dueAt !== undefined ? { dueAt } : {}),
        ...(o.toDefine === true ? { toDefine: true } : {}),
        ...kept,
      };
    },
    200,
  );
}

/** A contributing factor; its links keep only ids of the review's own action items. */
function factor(v: unknown, i: number, itemIds: ReadonlySet<string>): ContributingFactor {
  const o = record(v, `Factor ${i + 1}`);
  return {
    id: str(o.id, 'A factor id', 100),
    description: str(o.description ?? '', `Factor ${i + 1}`, LIMITS.line),
    evidence: str(o.evidence ?? '', `The evidence of factor ${i + 1}`, LIMITS.line),
    actionItemIds: [
      ...new Set(
        list(o.actionItemIds ?? [], `The action items of factor ${i + 1}`, (x) =>
          str(x, 'An action item id', 100),
        ),
      ),
    ].filter((id) => itemIds.has(id)),
  };
}

/**
 * The review to store: the editable fields of `input`, checked, merged onto `stored`.
 * `durationMinutes` is the one computed from the incident's events (undefined while unknown).
 */
export function sanitizeReview(
  input: unknown,
  stored: Review,
  now: number,
  durationMinutes: number | undefined,
): Review {
  const r = record(input, 'The review');
  const imp = record(r.impact ?? { accounts: [] }, 'The impact');
  const whys = list(
    r.whys ?? [],
    'The whys',
    (x, i) => str(x, `Why ${i + 1}`, LIMITS.line),
    MAX_WHYS,
  );
  const customersAffected = optAmount(imp.customersAffected, 'Customers affected', true);
  const arr = optAmount(imp.arrAtRisk, 'The ARR at risk');
  const summary = optText(r.summary, 'The summary', LIMITS.long);
  const wentWell = optText(r.wentWell, 'What went well', LIMITS.long);
  const toImprove = optText(r.toImprove, 'What to improve', LIMITS.long);
  const currency = optText(imp.arrCurrency, 'The ARR currency', 3)?.trim().toUpperCase();
  if (currency !== undefined && currency !== '' && !/^[A-Z]{3}$/.test(currency))
    throw new Error('The ARR currency must be a three-letter code such as EUR or USD.');
  const rootCause = optText(r.rootCause, 'The root cause', LIMITS.long);
  const title = str(r.title, 'The title', LIMITS.short).trim();
  const form = r.rootCauseForm === 'factors' ? 'factors' : undefined;
  if (title === '') throw new Error('The title is required.');
  const actionItems = items(r.actionItems ?? [], stored.actionItems, now);
  const itemIds = new Set(actionItems.map((a) => a.id));
  const factors = list(r.factors ?? [], 'The factors', (x, i) => factor(x, i, itemIds), 100);
  return {
    id: stored.id,
    incidentId: stored.incidentId,
    title,
    createdAt: stored.createdAt,
    updatedAt: now,
    ...(stored.publishedAt !== undefined ? { publishedAt: stored.publishedAt } : {}),
    timeline: list(r.timeline ?? [], 'The timeline', entry).sort((a, b) => a.at - b.at),
    impact: {
      ...(customersAffected !== undefined ? { customersAffected } : {}),
      ...(durationMinutes !== undefined ? { durationMinutes } : {}),
      ...(arr !== undefined ? { arrAtRisk: arr } : {}),
      ...(currency ? { arrCurrency: currency } : {}),
      // Measured from the incident, never edited here.
      ...(stored.impact.timeToDetectMinutes !== undefined
        ? { timeToDetectMinutes: stored.impact.timeToDetectMinutes }
        : {}),
      ...(stored.impact.timeToResolveMinutes !== undefined
        ? { timeToResolveMinutes: stored.impact.timeToResolveMinutes }
        : {}),
      accounts: list(imp.accounts ?? [], 'The accounts', account),
    },
    whys,
    ...(rootCause !== undefined ? { rootCause } : {}),
    ...(form ? { rootCauseForm: form } : {}),
    ...(factors.length > 0 ? { factors } : {}),
    mitigations: list(r.mitigations ?? [], 'The mitigations', (x, i) =>
      str(x, `Mitigation ${i + 1}`, LIMITS.line),
    ),
    actionItems,
    participants: list(r.participants ?? [], 'The participants', (x, i) =>
      str(x, `Participant ${i + 1}`, LIMITS.short).trim(),
    ).filter((p) => p !== ''),
    ...(summary !== undefined ? { summary } : {}),
    ...(wentWell !== undefined ? { wentWell } : {}),
    ...(toImprove !== undefined ? { toImprove } : {}),
    // Facts of the incident, kept from the stored review (not editable in the builder).
    ...(stored.startedAt !== undefined ? { startedAt: stored.startedAt } : {}),
    ...(stored.peakSeverity !== undefined ? { peakSeverity: stored.peakSeverity } : {}),
    ...(stored.statuspageUrl !== undefined ? { statuspageUrl: stored.statuspageUrl } : {}),
  };
}
