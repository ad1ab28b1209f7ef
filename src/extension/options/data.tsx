import { useState } from 'preact/hooks';
import { send } from '../messaging/channel';
import { toDateInput } from '../reviews/views/dates';
import { downloadText } from '../ui/browser/download';
import { t } from '../i18n/translate';
import { errorMessage } from '../ui/error';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/** A file name with the local date, so several backups sort by day. */
export function backupFileName(now: Date): string {
  return `incident-lens-backup-${toDateInput(now.getTime())}.json`;
}

/** Export everything to a JSON download; import a backup, which the background refuses whole if bad. */
export function DataSection() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [includeHeaders, setIncludeHeaders] = useState(false);

  const onExport = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { json } = await send('data/export', { includeHeaders });
      downloadText(json, 'application/json', backupFileName(new Date()));
      setOutcome({ kind: 'ok', text: t('data_exported') });
    } catch (e) {
      setOutcome({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const res = await send('data/import', { json: await file.text() });
      if (res.ok) {
        const counts = Object.entries(res.counts)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ');
        const notes = res.notes.length ? ` ${res.notes.join(' ')}` : '';
        setOutcome({ kind: 'ok', text: `${t('data_imported', counts)}${notes}` });
      } else {
        setOutcome({ kind: 'error', text: t('data_refused', res.error) });
      }
    } catch (e) {
      setOutcome({
        kind: 'error',
        text: t('data_refused', errorMessage(e)),
      });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <div>
      <p>{t('data_exportHelp')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={includeHeaders}
          onChange={(e) => setIncludeHeaders(e.currentTarget.checked)}
        />{' '}
        {t('data_includeHeaders')}
      </label>
      <button type="button" disabled={busy} onClick={() => void onExport()}>
        {t('data_export')}
      </button>
      <label for="import-file">{t('data_import')}</label>
      <p class="muted" id="import-help">
        {t('data_importHelp')}
      </p>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        aria-describedby="import-help"
        disabled={busy}
        onChange={(e) => void onImport(e.currentTarget)}
      />
      <p role="status" class={outcome?.kind === 'error' ? 'error' : 'ok'}>
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}
