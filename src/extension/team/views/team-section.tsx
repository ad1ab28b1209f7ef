import { useState } from 'preact/hooks';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { requestHost } from '../../ui/browser/permissions';
import { useTeamStatus } from '../../ui/hooks/use-team';
import { errorMessage } from '../../ui/error';
import { teamOriginPattern, teamUrlProblem } from '../protocol';
import { TeamStatusLine } from './team-status';

/**
 * Options → Team: the server, database, user name and password (CouchDB's own users; the password
 * signs in once through `_session` and is never stored). Host access is asked for that one origin,
 * on connect. Local-only until then.
 */
export function TeamSection() {
  const status = useTeamStatus();
  const [form, setForm] = useState({
    url: '',
    db: '',
    user: '',
    display: '',
    password: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const connected = status !== undefined && status.state !== 'off';

  const connect = (e: Event) => {
    e.preventDefault();
    const problem = teamUrlProblem(form.url.trim());
    if (problem) return setError(problem);
    // The permission prompt must open inside the click: before any await.
    const granted = requestHost(teamOriginPattern(form.url.trim()));
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        if (!(await granted)) throw new Error(t('team_noAccess'));
        await send('team/connect', { ...form, url: form.url.trim() });
        setForm({ ...form, password: '' });
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(false);
      }
    })();
  };
  const run = (cmd: 'team/disconnect' | 'team/syncNow') => {
    setBusy(true);
    send(cmd, null)
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section class="team">
      <p>{t('team_intro')}</p>
      <TeamStatusLine status={status} />
      {connected && (
        <p>
          <button type="button" disabled={busy} onClick={() => run('team/syncNow')}>
            {t('team_syncNow')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => run('team/disconnect')}
          >
            {t('team_disconnect')}
          </button>
        </p>
      )}
      {(!connected || status?.needsLogin) && (
        <form onSubmit={connect} aria-describedby={error ? 'team-error' : undefined}>
          <label>
            {t('team_url')}
            <input
              type="url"
              required
              value={form.url}
              onInput={set('url')}
              placeholder="https://couch.example.com"
            />
          </label>
          <label>
            {t('team_db')}
            <input required value={form.db} onInput={set('db')} />
          </label>
          <label>
            {t('team_user')}
            <input required autocomplete="username" value={form.user} onInput={set('user')} />
          </label>
          <label>
            {t('team_display')}
            <input value={form.display} onInput={set('display')} />
          </label>
          <label>
            {t('team_password')}
            <input
              type="password"
              required
              autocomplete="current-password"
              value={form.password}
              onInput={set('password')}
            />
          </label>
          <button type="submit" disabled={busy}>
            {status?.needsLogin ? t('team_reconnect') : t('team_connect')}
          </button>
        </form>
      )}
      {error && (
        <p id="team-error" class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
