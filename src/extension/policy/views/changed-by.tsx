import { formatClock } from '../../../core/time';
import type { SettingChange } from '../../db/schema';
import { t, uiLocale } from '../../i18n/translate';

const when = (at: number) => formatClock(at, uiLocale(), { zoneName: true, now: Date.now() });

/** "Last changed by Ann at 14:05 UTC": a team setting's latest change, or nothing (local mode). */
export function LastChanged({ change }: { change: SettingChange | undefined }) {
  if (!change) return null;
  return (
    <p class="meta" data-testid="last-changed">
      {t(
        change.via === 'managed' ? 'team_lastChangedManaged' : 'team_lastChanged',
        change.author.display || change.author.name,
        when(change.at),
      )}
    </p>
  );
}

/** The team policy's recent changes, newest first: who saved which version, when. */
export function PolicyHistory({ log }: { log: readonly SettingChange[] }) {
  const named = log.filter((c) => c.author.name !== '').reverse();
  if (named.length < 2) return null;
  return (
    <details>
      <summary>{t('policy_history')}</summary>
      <ul>
        {named.map((c) => (
          <li key={`${c.at}|${c.author.name}`}>
            {t(
              c.via === 'managed' ? 'policy_historyEntryManaged' : 'policy_historyEntry',
              c.author.display || c.author.name,
              when(c.at),
              String(c.version ?? ''),
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
