import { useState } from 'preact/hooks';
import type { SourceRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { everyPortOf, originPattern } from '../../origins/match-patterns';
import { t } from '../../i18n/translate';
import { feedUrlWarning, validateSource, type SourceField } from '../../origins/page-origin';
import { requestHost } from '../../ui/browser/permissions';
import { errorMessage } from '../../ui/error';
import { parseRefusal } from '../refusals';
import { sourceErrorText } from './source-errors';

type TestResult = { ok: true; text: string } | { ok: false; text: string } | null;

interface Props {
  /** The source being edited, or undefined to add a new one. */
  editing?: SourceRecord;
  onDone(): void;
}

/**
 * Add or edit a source. The host permission for the feed's origin is requested inside the
 * submit (the user gesture) and before anything is stored; "Test" asks the background to fetch
 * once and shows what the parser made of it, or its error.
 */
export function SourceForm({ editing, onDone }: Props) {
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? 'https://');
  const [poll, setPoll] = useState(String(editing?.pollSeconds ?? 60));
  const [errors, setErrors] = useState<Partial<Record<SourceField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [test, setTest] = useState<TestResult>(null);
  const [busy, setBusy] = useState(false);
  /** Set when the feed did not answer as one: the user may still save it, knowingly. */
  const [canForce, setCanForce] = useState(false);
  const id = editing?.id ?? 'new';
  const input = { name, url: url.trim(), pollSeconds: Number(poll) };

  /** Validates, then requests the origin synchronously (still inside the gesture). */
  const withPermission = (then: () => Promise<void>) => {
    const found = validateSource(input);
    setErrors(found);
    setFailure(null);
    setCanForce(false);
    if (Object.keys(found).length > 0) return;
    const asked = requestHost(originPattern(input.url));
    setBusy(true);
    void asked
      .then(async (ok) => (ok ? then() : setFailure(t('source_permissionDenied'))))
      .catch((e: unknown) => {
        const message = errorMessage(e);
        setFailure(sourceErrorText(message));
        setCanForce(parseRefusal(message)?.kind === 'feed');
      })
      .finally(() => setBusy(false));
  };

  /** Saves; the feed is checked first and refused with the reason unless `force`. */
  const save = (force: boolean) =>
    withPermission(async () => {
      const req = { ...input, ...(force ? { force: true } : {}) };
      if (editing) await send('sources/update', { id: editing.id, ...req });
      else await send('sources/add', req);
      onDone();
    });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    save(false);
  };
  const onTest = () => {
    setTest(null);
    withPermission(async () => {
      const r = await send('sources/test', { url: input.url });
      // A status page's address: the field now shows its feed, which is what gets stored.
      if (r.url !== input.url) setUrl(r.url);
      setTest(
        r.ok
          ? {
              ok: true,
              text: t(
                'source_testOk',
                r.kind,
                r.incidents,
                r.maintenances,
                r.components,
                r.problems.length,
              ),
            }
          : { ok: false, text: t('source_testFailed', sourceErrorText(r.error)) },
      );
    });
  };

  const field = (f: SourceField) => ({
    id: `${id}-${f}`,
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `${id}-${f}-err` : undefined,
  });
  const err = (f: SourceField) =>
    errors[f] && (
      <p class="error" id={`${id}-${f}-err`}>
        {t(errors[f])}
      </p>
    );
  return (
    <form
      class="source-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={editing ? t('source_edit') : t('source_add')}
    >
      <label for={`${id}-name`}>{t('source_name')}</label>
      <input
        type="text"
        {...field('name')}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      {err('name')}
      <label for={`${id}-url`}>{t('source_url')}</label>
      <input
        type="url"
        {...field('url')}
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      {err('url')}
      {!errors.url && everyPortOf(input.url) && (
        <p class="meta muted">{t('perm_everyPort', everyPortOf(input.url)!)}</p>
      )}
      {!errors.url && feedUrlWarning(input.url) && (
        <p class="warning" id={`${id}-url-warn`} role="status">
          {t('warn_httpFeed')}
        </p>
      )}
      <label for={`${id}-pollSeconds`}>{t('source_poll')}</label>
      <input
        type="number"
        min={30}
        step={1}
        {...field('pollSeconds')}
        value={poll}
        onInput={(e) => setPoll(e.currentTarget.value)}
      />
      {err('pollSeconds')}
      <p class="actions">
        <button type="submit" disabled={busy}>
          {editing ? t('source_save') : t('source_add')}
        </button>{' '}
        <button type="button" class="secondary" disabled={busy} onClick={onTest}>
          {t('source_test')}
        </button>{' '}
        {editing && (
          <button type="button" class="secondary" onClick={onDone}>
            {t('source_cancel')}
          </button>
        )}
      </p>
      <div role="status">
        {failure && (
          <p class="error" id={`${id}-failure`}>
            {failure}
          </p>
        )}
        {canForce && (
          <p>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              aria-describedby={`${id}-failure ${id}-force-help`}
              onClick={() => save(true)}
            >
              {t('source_saveAnyway')}
            </button>{' '}
            <span class="meta muted" id={`${id}-force-help`}>
              {t('source_saveAnywayHelp')}
            </span>
          </p>
        )}
        {test && <p class={test.ok ? 'ok' : 'error'}>{test.text}</p>}
      </div>
    </form>
  );
}
