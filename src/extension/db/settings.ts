import { DEFAULT_POLICY } from '../../core/policy';
import { DEFAULT_TEMPLATES } from '../../core/comms/templates';
import { DEFAULT_RESOLVED_KEEP_MINUTES } from '../../core/feed/since';
import type { LensDatabase } from './open';
import type { NotificationPrefs, SettingChange, SettingRecord, Settings } from './schema';
import { writeShared } from './shared';
import type { NewDoc } from './shared-docs';
import { recomputeAllLater } from './summaries';

/** Every notification kind on by default, and nothing filtered out. */
export const DEFAULT_NOTIFICATIONS: NotificationPrefs = {
  newIncident: true,
  severityChange: true,
  newUpdate: true,
  obligationDue: true,
  actionItemDue: true,
  minSeverity: null,
  role: 'all',
  mutedSources: [],
};

/** A stored value read with the defaults of settings added since it was written. */
function filled<K extends keyof Settings>(key: K, value: Settings[K]): Settings[K] {
  if (key !== 'notifications') return value;
  return {
    ...structuredClone(DEFAULT_NOTIFICATIONS),
    ...(value as NotificationPrefs),
  } as Settings[K];
}

/** What a setting reads as when it was never written. Callers get copies, never these objects. */
export function defaultSettings(): Settings {
  return structuredClone({
    policy: DEFAULT_POLICY,
    templates: { ...DEFAULT_TEMPLATES },
    notifications: DEFAULT_NOTIFICATIONS,
    locale: 'en',
    statuspage: null,
    keyring: null,
    bootId: '',
    team: null,
    teamSeq: 0,
    resolvedKeepMinutes: DEFAULT_RESOLVED_KEEP_MINUTES,
    summariesRecompute: null,
    summariesFilled: null,
    reviewItemsRepaired: null,
  });
}

/** One setting, or its default. */
export async function getSetting<K extends keyof Settings>(
  db: LensDatabase,
  key: K,
): Promise<Settings[K]> {
  const rec = (await db.get('settings', key)) as SettingRecord<K> | undefined;
  return rec ? filled(key, rec.value) : defaultSettings()[key];
}

/** Every setting, defaults filled in. */
export async function getSettings(db: LensDatabase): Promise<Settings> {
  const out = defaultSettings();
  for (const rec of await db.getAll('settings')) {
    if (rec.key in out)
      (out as unknown as Record<string, unknown>)[rec.key] = filled(rec.key, rec.value);
  }
  return out;
}

/** Writes one setting. */
export async function setSetting<K extends keyof Settings>(
  db: LensDatabase,
  key: K,
  value: Settings[K],
  /** `managed`: the organisation's managed policy applies this (the change log says IT). */
  opts: { via?: 'managed' } = {},
): Promise<void> {
  // The team's policy and reply templates are shared documents.
  if (key === 'policy' || key === 'templates') {
    const record = { key, value } as Extract<NewDoc, { kind: 'setting' }>['record'];
    const via = opts.via ? { via: opts.via } : {};
    if (await writeShared(db, [{ kind: 'setting', record, ...via }])) return;
  }
  await db.put('settings', { key, value });
  // Every stored next deadline and tally runs on the policy (team mode: through `project`):
  // recomputed in the background, the save does not wait for it.
  if (key === 'policy') await recomputeAllLater(db);
}

/** Who changed a shared setting and when (team mode), newest last; empty when never recorded. */
export async function settingChanges(
  db: LensDatabase,
  key: 'policy' | 'templates',
): Promise<SettingChange[]> {
  return (await db.get('settings', key))?.changes ?? [];
}
