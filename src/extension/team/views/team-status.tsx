import { formatClock } from '../../../core/time';
import { t, tn, uiLocale } from '../../i18n/translate';
import type { TeamStatus } from '../protocol';

/** A clock time in the UI language, its zone named: "offline since 10:42 CET". */
const clock = (at: number): string => formatClock(at, uiLocale(), { zoneName: true });

/** "team sync: offline since 10:42, 3 changes waiting", in words; nothing when local-only. */
export function teamStatusText(s: TeamStatus): string {
  const waiting = s.pending > 0 ? tn('team_waiting', s.pending) : '';
  switch (s.state) {
    case 'off':
      return t('team_status_off');
    case 'connected':
      return t('team_status_connected', s.user ?? '', s.lastSyncAt ? clock(s.lastSyncAt) : '—');
    case 'syncing': {
      if (!s.progress) return t('team_status_starting', s.user ?? '');
      const n = new Intl.NumberFormat(uiLocale());
      return t(
        'team_status_syncing',
        n.format(s.progress?.done ?? 0),
        n.format(s.progress?.total ?? 0),
      );
    }
    case 'offline':
      return t('team_status_offline', s.since ? clock(s.since) : '—') + waiting;
    case 'error':
      return t('team_status_error', s.message ?? '') + waiting;
  }
}

/** One status line (a live region: a change of state is announced). */
export function TeamStatusLine({ status }: { status: TeamStatus | undefined }) {
  if (!status || status.state === 'off') return null;
  return (
    <p class={`team-status team-${status.state}`} role="status" data-state={status.state}>
      {teamStatusText(status)}
    </p>
  );
}
