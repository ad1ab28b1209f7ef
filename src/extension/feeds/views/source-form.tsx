import { useState } from 'preact/hooks';
import type { SourceRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { everyPortOf, originPattern } from '../../origins/match-patterns';
import { t, tn } from '../../i18n/translate';
import { feedUrlWarning, validateSource, type SourceField } from '../../origins/page-origin';
import { requestHost } from '../../ui/browser/permissions';
import { errorMessage } from '../../ui/error';
import { parseRefusal } from '../refusals';
import { sourceErrorText } from './source-errors';
import { FORMATS, type FeedFormat } from '../../../core/feed/formats';
import { FORMAT_NAMES } from '../format-names';
import { headerLines, parseHeaderLines } from '../request-headers';

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
  const [format, setFormat] = useState<FeedFormat | ''>(editing?.format ?? '');
  const [headerText, setHeaderText] = useState(headerLines(editing?.headers));
  const [headerError, setHeaderError] = useState<string | null>(null);
  /** The format the last test read the feed as. */
  const [read, setRead] = useState<FeedFormat | undefined>(editing?.detectedFormat);
  const [errors, setErrors] = useState<Partial<Record<SourceField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [test, setTest] = useState<TestResult>(null);
  const [busy, setBusy] = useState(false);
  /** Set when the feed did not answer as one: the user may still save it, knowingly. */
  const [canForce, setCanForce] = useState(false);
  const id = editing?.id ?? 'new';
  const parsedHeaders = parseHeaderLines(headerText);
  const input = {
    name,
    url: url.trim(),
    pollSeconds: Number(poll),
    format: format || null,
    headers: 'headers' in parsedHeaders ? parsedHeaders.headers : {},
  };

  /** Validates, then requests the origin synchronously (still inside the gesture). */
  const withPermission = (then: () => Promise<void>) => {
    const found = validateSource(input);
    setErrors(found);
    setFailure(null);
    setCanForce(false);
    setHeaderError('error' in parsedHeaders ? parsedHeaders.error : null);
    if (Object.keys(found).length > 0 || 'error' in parsedHeaders) return;
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
      const r = await send('sources/test', {
        url: input.url,
        format: input.format,
        headers: input.headers,
      });
      // A status page's address: the field now shows its feed, which is what gets stored.
      if (r.url !== input.url) setUrl(r.url);
      if (r.ok) setRead(r.format);
      setTest(
        r.ok
          ? {
              ok: true,
              // each count in its plural form: "1 incident", "2 incidents" (issue 19, item 13)
              text: t(
                'source_testOk',
                FORMAT_NAMES[r.format],
                tn('count_incidents', r.incidents),
                tn('count_maintenances', r.maintenances),
                tn('count_components', r.components),
                tn('count_problems', r.problems.length),
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
      <label for={`${id}-format`}>{t('source_format')}</label>
      <select
        id={`${id}-format`}
        value={format}
        aria-describedby={read ? `${id}-format-read` : undefined}
        onChange={(e) => setFormat(e.currentTarget.value as FeedFormat | '')}
      >
        <option value="">{t('source_formatAuto')}</option>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_NAMES[f]}
          </option>
        ))}
      </select>
      {read && (
        <p class="muted" id={`${id}-format-read`}>
          {t('source_formatRead', FORMAT_NAMES[read])}
        </p>
      )}
      <label for={`${id}-headers`}>{t('source_headers')}</label>
      <p class="muted" id={`${id}-headers-help`}>
        {t('source_headersHelp')}
      </p>
      <textarea
        id={`${id}-headers`}
        rows={2}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={headerError ? true : undefined}
        aria-describedby={`${id}-headers-help${headerError ? ` ${id}-headers-err` : ''}`}
        value={headerText}
        onInput={(e) => setHeaderText(e.currentTarget.value)}
      />
      {headerError && (
        <p class="error" id={`${id}-headers-err`}>
          {headerError}
        </p>
      )}
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
