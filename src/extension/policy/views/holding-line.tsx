import { useState } from 'preact/hooks';
import type { Language } from '../../../core/language';
import { send } from '../../messaging/channel';
import { HOLDING_LINE } from '../../messaging/overlay-state';
import { t } from '../../i18n/translate';
import { errorMessage } from '../../ui/error';

/**
 * Options → Templates, team mode: the internal holding line agents may copy for an incident the
 * team declared that is not public yet (no customer reply is built before a public update), in the
 * language picked above: one line per language, like the templates. Shared with the team like
 * them; empty: none is offered (another language than English: agents get the English one).
 */
export function HoldingLineEditor(props: {
  lang: Language;
  stored: string | undefined;
  onSaved(): void;
}) {
  const [text, setText] = useState(props.stored ?? '');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const save = (e: Event) => {
    e.preventDefault();
    const value = text.trim() === '' ? null : text.trim();
    void send('settings/setTemplate', { lang: props.lang, id: HOLDING_LINE, text: value })
      .then(() => {
        setOutcome({ ok: true, text: t('tpl_saved') });
        props.onSaved();
      })
      .catch((err: unknown) => setOutcome({ ok: false, text: errorMessage(err) }));
  };
  return (
    <form class="holding-line" onSubmit={save}>
      <h3 id="holding-h">{t('tpl_holding_title')}</h3>
      <p class="muted" id="holding-help">
        {t('tpl_holding_help')}
        {props.lang !== 'en' && ` ${t('tpl_holding_fallback', t(`tpl_lang_${props.lang}`))}`}
      </p>
      <label for="holding-text">{t('tpl_holding_labelIn', t(`tpl_lang_${props.lang}`))}</label>
      <textarea
        id="holding-text"
        rows={3}
        value={text}
        aria-describedby="holding-help"
        onInput={(e) => (setText(e.currentTarget.value), setOutcome(null))}
      />
      <p>
        <button type="submit">{t('tpl_holding_save')}</button>
      </p>
      <p role="status" class={outcome && !outcome.ok ? 'error' : 'muted'}>
        {outcome?.text ?? ''}
      </p>
    </form>
  );
}
