import { useState } from 'preact/hooks';
import { send } from '../../messaging/channel';
import { errorMessage } from '../../ui/error';
import { t } from '../../i18n/translate';
import { Alert } from './common';
import { bySection, parseIds, toggleId, unknownIds } from './component-pick';
import type { ComponentChoice } from '../protocol';
import { errorText } from './status-text';

type Load =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; components: ComponentChoice[] };

/**
 * Picking Statuspage components by name: one checkbox per component of the connected page, read
 * on request. Ticking edits the same comma-separated id field the responder can type into, so ids
 * typed by hand stay and show as ticked. Names come from the API and render as text.
 */
export function ComponentPicker(props: { raw: string; set(value: string): void }) {
  const [load, setLoad] = useState<Load>({ phase: 'idle' });
  const fetchList = () => {
    setLoad({ phase: 'loading' });
    send('statuspage/components', null).then(
      (r) =>
        setLoad(
          r.ok
            ? { phase: 'ready', components: r.components }
            : {
                phase: 'failed',
                // The shared text for a bad answer speaks of an incident; this one is a list.
                message:
                  r.error.kind === 'bad_response' ? t('rs_sp_pickBadResponse') : errorText(r.error),
              },
        ),
      (e: unknown) => setLoad({ phase: 'failed', message: errorMessage(e) }),
    );
  };
  const picked = new Set(parseIds(props.raw));
  const ready = load.phase === 'ready' ? load.components : null;
  const unknown = ready ? unknownIds(props.raw, ready) : [];

  const box = (c: ComponentChoice) => (
    <label key={c.id} class="inline">
      <input
        type="checkbox"
        value={c.id}
        checked={picked.has(c.id)}
        onChange={(e) => props.set(toggleId(props.raw, c.id, e.currentTarget.checked))}
      />{' '}
      {c.name.trim() || c.id}
    </label>
  );

  return (
    <div class="sp-pick">
      <button
        type="button"
        class="secondary"
        disabled={load.phase === 'loading'}
        onClick={fetchList}
      >
        {t(load.phase === 'idle' ? 'rs_sp_pick' : 'rs_sp_pickReload')}
      </button>
      <p class="muted" role="status">
        {load.phase === 'loading'
          ? t('rs_sp_pickLoading')
          : ready?.length === 0
            ? t('rs_sp_pickEmpty')
            : ''}
      </p>
      <Alert message={load.phase === 'failed' ? load.message : null} />
      {ready && ready.length > 0 && (
        <fieldset>
          <legend>{t('rs_sp_pickLegend')}</legend>
          {bySection(ready).map((s) =>
            s.group === null ? (
              s.items.map(box)
            ) : (
              <fieldset key={`g:${s.group}`} class="sp-group">
                <legend>{s.group}</legend>
                {s.items.map(box)}
              </fieldset>
            ),
          )}
          {unknown.length > 0 && (
            <p class="muted hint">{t('rs_sp_pickUnknown', unknown.join(', '))}</p>
          )}
        </fieldset>
      )}
    </div>
  );
}
