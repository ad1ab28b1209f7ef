/** The support agent's ready reply, built from the latest public update of an incident. */
import { latestUpdate } from '../feed/query';
import type { FeedIncident, FeedUpdate } from '../types';
import { customerTimeZone, formatClock } from '../time';
import { renderTemplate, type TemplateVars } from './render';
import { languageOf, type Language } from '../language';
import { startedAt } from '../feed/since';
import { SUPPORT_REPLY_BY_STATE, type ReplyState } from './templates';

/**
 * Context for the support reply. `locale` also picks its language (German for `de…`, else
 * English); `cadenceMinutes` (default 30) predicts the next update.
 */
export interface SupportReplyContext {
  now: number;
  locale: string;
  /**
   * The status page's own time zone. The reply goes to a customer, who cannot know the agent's
   * zone: times are written in this zone, or in UTC when it is absent or unknown, zone always named.
   */
  timeZone?: string;
  /**
   * The link to the incident itself (`incidentLink` in core/feed/since.ts): the reply links the
   * incident, not the status page's root. https only.
   */
  incidentUrl?: string;
  /** https only; used when there is no incident link, then the words "our status page". */
  statusPageUrl?: string;
  template?: string;
  cadenceMinutes?: number;
}

/** The words a reply fills in, per language. */
interface ReplyWords {
  status: Record<string, string>;
  /** Where to follow progress when there is no https link. */
  page: string;
  soon: string;
  unnamed: string;
  finished: string;
  nextBy(time: string): string;
  nextSoon: string;
  /** A maintenance window without an announced end. */
  windowEnd: string;
}

const WORDS: Record<Language, ReplyWords> = {
  en: {
    status: {
      investigating: 'Investigating',
      identified: 'Cause identified, fix in progress',
      monitoring: 'Fix applied, monitoring',
      resolved: 'Resolved',
      postmortem: 'Resolved',
      scheduled: 'Scheduled maintenance',
      in_progress: 'Maintenance in progress',
      verifying: 'Maintenance being verified',
      completed: 'Maintenance completed',
    },
    page: 'our status page',
    soon: 'shortly',
    unnamed: 'service incident',
    finished: 'The issue is resolved; if you still see a problem, reply to this message.',
    nextBy: (time) => `The next update is expected by ${time}.`,
    nextSoon: 'The next update is expected shortly.',
    windowEnd: 'the end of the announced window',
  },
  de: {
    status: {
      investigating: 'Wird untersucht',
      identified: 'Ursache erkannt, Behebung läuft',
      monitoring: 'Behebung eingespielt, wird beobachtet',
      resolved: 'Behoben',
      postmortem: 'Behoben',
      scheduled: 'Geplante Wartung',
      in_progress: 'Wartung läuft',
      verifying: 'Wartung wird überprüft',
      completed: 'Wartung abgeschlossen',
    },
    page: 'unserer Statusseite',
    soon: 'in Kürze',
    unnamed: 'Störung',
    finished:
      'Das Problem ist behoben. Falls Sie weiterhin etwas bemerken, antworten Sie einfach auf diese Nachricht.',
    nextBy: (time) => `Das nächste Update erwarten wir bis ${time}.`,
    nextSoon: 'Das nächste Update erwarten wir in Kürze.',
    windowEnd: 'zum Ende des angekündigten Zeitraums',
  },
};

const FINISHED = new Set(['resolved', 'postmortem', 'completed']);

/**
 * Which reply an incident gets, from its latest public update's status (else its own): each of the
 * six states has its own wording. A post-mortem is resolved; a completed maintenance is over, so
 * it gets the resolved reply too; a maintenance being verified is still in progress; a status we
 * do not know reads as investigating (the careful default: it promises nothing).
 */
export function replyState(incident: FeedIncident): ReplyState {
  const s = latestPublicUpdate(incident)?.status ?? incident.status;
  const status = incident.kind === 'maintenance' && s === 'unknown' ? incident.status : s;
  switch (status) {
    case 'identified':
    case 'monitoring':
    case 'resolved':
    case 'scheduled':
    case 'in_progress':
      return status;
    case 'postmortem':
    case 'completed':
      return 'resolved';
    case 'verifying':
      return 'in_progress';
    case 'investigating':
    case 'unknown':
      return 'investigating';
  }
}

/** An https URL, or undefined. */
const https = (url: string | undefined): string | undefined =>
  url && /^https:\/\//i.test(url) ? url : undefined;

/**
 * The latest public update: newest by `displayAt`, then `createdAt`. The feed already sorts newest
 * first, but a reply quoting an older update is the costly mistake, so this does not rely on it
 * (`latestUpdate` picks by time, whatever the list order).
 * A view can keep the returned id and mark a copied reply stale when it changes.
 */
export function latestPublicUpdate(incident: FeedIncident): FeedUpdate | null {
  return latestUpdate(incident) ?? null;
}

/** Anything shaped like a tag or comment: `<` then a letter, `/`, `!` or `?`, up to `>` or the end. */
const TAG = /<[a-z/!?][^<>]*(?:>|$)/gim;
/** A `<` that could still open a tag once pasted next to other text. */
const OPENER = /<(?=[a-z/!?])/gi;

/**
 * Feed text as a customer reply may carry it: text only. The feed parser decodes entities, so a
 * body of `&lt;img src=x onerror=…&gt;` arrives as the characters `<img …>`; a helpdesk that
 * renders replies as HTML would run it. Tags are removed and a leftover `<` before a letter gets a
 * space, so no pasted reply can open a tag (issue 16, item 13).
 */
export function replyText(s: string): string {
  return s
    .replace(TAG, '')
    .replace(OPENER, '< ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The values `buildSupportReply` fills in; exposed so a view can render a custom template itself. */
export function supportReplyVars(incident: FeedIncident, ctx: SupportReplyContext): TemplateVars {
  const w = WORDS[languageOf(ctx.locale)];
  const latest = latestPublicUpdate(incident);
  const status = w.status[latest?.status ?? incident.status] ?? w.status.investigating!;
  const postedAt = latest?.displayAt ?? incident.updatedAt;
  // The incident itself first: a customer sent to the status page's root has to find it there.
  const url =
    https(ctx.incidentUrl) ?? https(incident.shortlink) ?? https(ctx.statusPageUrl) ?? w.page;
  const finished = FINISHED.has(latest?.status ?? incident.status);
  const nextAt = postedAt + (ctx.cadenceMinutes ?? 30) * 60_000;
  // The customer's clock: the status page's declared zone, else UTC, always named.
  const zone = customerTimeZone(ctx.timeZone);
  const nextUpdateTime =
    nextAt > ctx.now
      ? formatClock(nextAt, ctx.locale, { timeZone: zone, zoneName: true, now: ctx.now })
      : w.soon;
  const nextUpdate = finished
    ? w.finished
    : nextAt > ctx.now
      ? w.nextBy(nextUpdateTime)
      : w.nextSoon;
  const clock = (at: number | undefined) =>
    at === undefined
      ? ''
      : formatClock(at, ctx.locale, { timeZone: zone, zoneName: true, now: ctx.now });
  const ended = incident.resolvedAt ?? (finished ? postedAt : undefined);
  return {
    incidentName: replyText(incident.name) || w.unnamed,
    incidentUrl: url,
    startedTime: clock(startedAt(incident)),
    resolvedTime: clock(ended) || w.soon,
    scheduledTime: clock(incident.scheduledFor ?? startedAt(incident)),
    scheduledUntil: clock(incident.scheduledUntil) || w.windowEnd,
    latestUpdate: replyText(latest?.body ?? '') || status,
    latestUpdateTime: formatClock(postedAt, ctx.locale, {
      timeZone: zone,
      zoneName: true,
      now: ctx.now,
    }),
    status,
    statusPageUrl: url,
    nextUpdate,
    nextUpdateTime,
  };
}

/**
 * A reply for a customer, worded for the incident's state (`replyState`): acknowledges, says the
 * issue is known and not their doing, quotes the latest public update, links the incident and says
 * when the next update is expected; once resolved, says it is fixed and since when; for a
 * maintenance, its window.
 * Always returns text: if a custom template is broken it falls back to the default template
 * (a view that edits templates should show `validateTemplate` problems to the editor instead).
 */
export function buildSupportReply(incident: FeedIncident, ctx: SupportReplyContext): string {
  const vars = supportReplyVars(incident, ctx);
  if (ctx.template !== undefined) {
    const custom = renderTemplate('support_reply', ctx.template, vars);
    if (custom.ok) return custom.text;
  }
  const def = renderTemplate(
    'support_reply',
    SUPPORT_REPLY_BY_STATE[languageOf(ctx.locale)][replyState(incident)],
    vars,
  );
  // The default template only uses values supportReplyVars always fills, so this cannot fail.
  return def.ok ? def.text : '';
}
