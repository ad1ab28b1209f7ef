import { DEFAULT_TEMPLATES } from '../../core/comms/templates';
import type { SettingChange } from './schema';
import type { SettingDoc } from './shared-docs';
export type { SettingChange } from './schema';

/** How many changes a setting keeps: the Policy editor shows a short history, not an audit trail. */
export const SETTING_LOG_MAX = 10;

/** The keys whose values differ between two template maps, sorted. */
function changedTemplates(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

/**
 * The log a setting document carries after this write: the old document's log, plus one entry when
 * the value changed (`next.author` and `next.at` are the write's stamp). An unchanged value adds
 * nothing, so re-saving the same policy does not fill the history.
 */
export function nextSettingLog(old: SettingDoc | null, next: SettingDoc): SettingChange[] {
  const log = old?.changes ?? [];
  const r = next.record;
  let entry: SettingChange | null = null;
  const via = next.via ? { via: next.via } : {};
  if (r.key === 'templates') {
    // Never written before: the setting read as the defaults (settings.ts), so only what differs
    // from them is this author's change.
    const before = old?.record.key === 'templates' ? old.record.value : { ...DEFAULT_TEMPLATES };
    const keys = changedTemplates(before, r.value);
    if (keys.length > 0) entry = { author: next.author, at: next.at, keys, ...via };
  } else if (!old || JSON.stringify(old.record.value) !== JSON.stringify(r.value)) {
    entry = {
      author: next.author,
      at: next.at,
      keys: ['policy'],
      version: r.value.version,
      ...via,
    };
  }
  return entry ? [...log, entry].slice(-SETTING_LOG_MAX) : log;
}

/** The latest change of one key (a template key, or 'policy'), by a named author. */
export function lastChangeOf(
  log: readonly SettingChange[] | undefined,
  key: string,
): SettingChange | undefined {
  return log?.findLast((c) => c.author.name !== '' && c.keys.includes(key));
}
