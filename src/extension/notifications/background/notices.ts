import { latestUpdate, severityLabel } from '../../../core/feed';
import type { NoticeFacts } from '../../../core/notify';
import type { ObligationStatus } from '../../../core/types';
import type { FeedIncidentRecord, IncidentRecord, NotificationKind } from '../../db/schema';
import type { OverlayIncident } from '../../messaging/overlay-state';
import { t } from '../../i18n/translate';
import { obligationLabel } from '../../i18n/obligation-label';

/** One desktop notification, identified by a key that is never shown twice (the `notified` store). */
export interface Notice extends Omit<NoticeFacts, 'source'> {
  key: string;
  pref: NotificationKind;
  title: string;
  message: string;
}

/**
 * The notices of one incident. When `intro` is shown for the first time, `changes` are recorded
 * silently (a new incident's current severity and update are not "changes"); `dues` always count.
 */
export interface NoticeGroup {
  intro?: Notice;
  changes: Notice[];
  dues: Notice[];
  /** The feed source the notices come from: they are attributed to it, merged and limited per source. */
  source?: { id: string; name: string };
}

const MIN = 60_000;
/** Cuts `s` to at most `n` characters, ending in "…". */
export const clip = (s: string, n = 180): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Notices for obligations due within `dueSoonMinutes` or overdue: one per occurrence and state. */
export function dueNotices(
  scope: string,
  name: string,
  obligations: ObligationStatus[],
  now: number,
): Notice[] {
  const out: Notice[] = [];
  for (const o of obligations) {
    if ((o.state !== 'due_soon' && o.state !== 'overdue') || o.dueAt === null) continue;
    // Passed before the incident was first seen (a source added late): not the agent's miss.
    if (o.beforeWatch) continue;
    const mins = Math.max(0, Math.ceil(Math.abs(o.dueAt - now) / MIN));
    const overdue = o.state === 'overdue';
    // A duty under an unanswered condition of the policy says so (issue 19, item 11).
    const label = o.onlyIf
      ? t('notice_conditional', obligationLabel(o), t(`ob_onlyIf_${o.onlyIf}`))
      : obligationLabel(o);
    const title = overdue ? t('notice_overdue', label) : t('notice_dueIn', mins, label);
    const message = overdue ? t('notice_overdueBy', name, mins) : name;
    const key = `due|${scope}|${o.ruleId}|${o.occurrence ?? 1}|${o.anchorAt ?? ''}|${o.state}`;
    out.push({ key, pref: 'obligationDue', title, message, channel: o.channel });
  }
  return out;
}

/**
 * Notices for an active feed incident. Obligations of a feed incident linked to a local incident
 * are left to the local incident (the responder owns them), so they are not announced twice.
 */
export function feedNotices(
  o: OverlayIncident,
  key: string,
  linked: boolean,
  now: number,
  /** How many severities the incident has had (its history's length): each change is news. */
  severities = 1,
): NoticeGroup {
  const i = o.incident;
  if (i.kind !== 'incident')
    return { changes: [], dues: [], source: { id: o.sourceId, name: o.sourceName } };
  const sev = i.severity === null ? t('notice_unknownSeverity') : severityLabel(i.severity);
  const status = (x: string): string => t(`status_${x}`);
  const latest = latestUpdate(i);
  const intro: Notice = {
    key: `new|${key}`,
    pref: 'newIncident',
    title: `${sev}: ${clip(i.name, 80)}`,
    message: clip(`${o.sourceName} · ${status(i.status)}${latest ? ` — ${latest.body}` : ''}`),
  };
  const changes: Notice[] = [
    {
      // (a change back to an earlier severity is a new change; the first keeps its old key)
      key: `sev|${key}|${i.severity ?? 'none'}${severities > 1 ? `|${severities}` : ''}`,
      pref: 'severityChange',
      title: t('notice_severityNow', sev, clip(i.name, 80)),
      message: o.sourceName,
    },
  ];
  if (latest) {
    changes.push({
      key: `upd|${key}|${latest.id}`,
      pref: 'newUpdate',
      title: t('notice_update', clip(i.name, 80)),
      message: clip(`${status(latest.status)} — ${latest.body}`),
    });
  }
  const dues = linked ? [] : dueNotices(`feed:${key}`, i.name, o.obligations, now);
  // Every notice of the incident carries its severity, for the severity filter.
  const facts = (n: Notice): Notice => ({ ...n, severity: i.severity });
  return {
    intro: facts(intro),
    changes: changes.map(facts),
    dues: dues.map(facts),
    source: { id: o.sourceId, name: o.sourceName },
  };
}

/**
 * The notice that a feed incident ended: resolved on the feed, or no longer listed by a feed that
 * lists only unresolved incidents (Statuspage's summary.json), which is how most resolutions show.
 */
export function endedNotice(rec: FeedIncidentRecord, sourceName: string): NoticeGroup {
  const i = rec.incident;
  const latest = latestUpdate(i);
  const resolved = i.status === 'resolved' || i.status === 'postmortem';
  const detail = resolved && latest ? latest.body : t('notice_noLongerListed');
  return {
    changes: [
      {
        key: `ended|${rec.key}`,
        pref: 'newUpdate',
        ...(i.kind === 'incident' ? { severity: i.severity } : {}),
        title: t('notice_resolved', clip(i.name, 80)),
        message: clip(`${sourceName} — ${detail}`),
      },
    ],
    dues: [],
    source: { id: rec.sourceId, name: sourceName },
  };
}

/** Notices for a responder incident: its due and overdue obligations. */
export function localNotices(
  incident: IncidentRecord,
  obligations: ObligationStatus[],
  now: number,
): NoticeGroup {
  return {
    changes: [],
    dues: dueNotices(`local:${incident.id}`, incident.title, obligations, now),
  };
}
