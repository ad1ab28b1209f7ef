/**
 * The notification settings: checking a change (from the options page or an organisation's
 * managed defaults), and whose value wins. Pure, so both the worker and the unit tests use it.
 *
 * Who wins (issue 20, "notification defaults"): a setting the agent chose themselves keeps their
 * value; every other setting follows the organisation's default as IT changes it, and the built-in
 * default once IT drops it.
 */
import { NOTIFY_ROLES, type NotifyRole } from '../../core/notify';
import type { Severity } from '../../core/types';
import type { NotificationKind, NotificationPrefs, NotificationSetting } from '../db/schema';
import { DEFAULT_NOTIFICATIONS } from '../db/settings';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'newIncident',
  'severityChange',
  'newUpdate',
  'obligationDue',
  'actionItemDue',
];
export const NOTIFICATION_FILTERS = ['minSeverity', 'role', 'mutedSources'] as const;
/** Every setting, in the order the options page and managed_schema.json list them. */
export const NOTIFICATION_SETTINGS: readonly NotificationSetting[] = [
  ...NOTIFICATION_KINDS,
  ...NOTIFICATION_FILTERS,
];
/** Muted sources kept, at most. */
export const MAX_MUTED = 200;

/** Why a value was refused: `managed_why_<reason>` words it. */
export type PrefReason = 'unknownKey' | 'wrongType' | 'badChoice';

export interface PrefProblem {
  key: string;
  reason: PrefReason;
}

const isSeverity = (v: unknown): v is Severity => v === 1 || v === 2 || v === 3 || v === 4;

/** Checks each given setting on its own: the good ones are returned, the bad ones named. */
export function checkPrefs(input: Record<string, unknown>): {
  value: Partial<NotificationPrefs>;
  problems: PrefProblem[];
} {
  const value: Partial<NotificationPrefs> = {};
  const problems: PrefProblem[] = [];
  for (const [key, v] of Object.entries(input)) {
    if ((NOTIFICATION_KINDS as readonly string[]).includes(key)) {
      if (typeof v === 'boolean') value[key as NotificationKind] = v;
      else problems.push({ key, reason: 'wrongType' });
    } else if (key === 'minSeverity') {
      if (v === null || isSeverity(v)) value.minSeverity = v;
      else problems.push({ key, reason: 'badChoice' });
    } else if (key === 'role') {
      if ((NOTIFY_ROLES as readonly unknown[]).includes(v)) value.role = v as NotifyRole;
      else problems.push({ key, reason: 'badChoice' });
    } else if (key === 'mutedSources') {
      const ok =
        Array.isArray(v) &&
        v.length <= MAX_MUTED &&
        v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 2_048);
      if (ok) value.mutedSources = [...new Set(v as string[])];
      else problems.push({ key, reason: 'wrongType' });
    } else problems.push({ key, reason: 'unknownKey' });
  }
  return { value, problems };
}

/** The agent's own change: applied, and each setting it names remembered as their choice. */
export function choose(
  current: NotificationPrefs,
  change: Partial<NotificationPrefs>,
): NotificationPrefs {
  const named = NOTIFICATION_SETTINGS.filter((k) => change[k] !== undefined);
  const chosen = [...new Set([...chosenOf(current, DEFAULT_NOTIFICATIONS), ...named])];
  return { ...current, ...change, chosen };
}

/**
 * The settings the agent chose. A record written before choices were remembered: what differs
 * from the built-in defaults (their old choice is kept, as it was then).
 */
export function chosenOf(
  prefs: NotificationPrefs,
  defaults?: NotificationPrefs,
): NotificationSetting[] {
  if (prefs.chosen) return prefs.chosen;
  if (!defaults) return [];
  return NOTIFICATION_SETTINGS.filter(
    (k) => JSON.stringify(prefs[k]) !== JSON.stringify(defaults[k]),
  );
}

/**
 * The settings after the organisation's defaults: every setting the agent did not choose takes
 * the organisation's value, or the built-in default. `stored` undefined: nothing was ever written.
 */
export function withManagedDefaults(
  stored: NotificationPrefs | undefined,
  managed: Partial<NotificationPrefs>,
  builtIn: NotificationPrefs,
): NotificationPrefs {
  const current = { ...builtIn, ...stored };
  const chosen = stored ? chosenOf(current, builtIn) : [];
  const next: Record<string, unknown> = { ...current, chosen };
  for (const k of NOTIFICATION_SETTINGS)
    if (!chosen.includes(k)) next[k] = managed[k] !== undefined ? managed[k] : builtIn[k];
  return next as unknown as NotificationPrefs;
}
