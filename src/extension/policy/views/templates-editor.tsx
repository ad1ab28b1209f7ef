import { useRef, useState } from 'preact/hooks';
import { lintMessage } from '../../../core/comms/lint';
import { renderTemplate, validateTemplate } from '../../../core/comms/render';
import {
  DEFAULT_TEMPLATES,
  SUPPORT_REPLY_TEMPLATES,
  TEMPLATE_PLACEHOLDERS,
  type TemplateId,
} from '../../../core/comms/templates';
import type { Language } from '../../../core/language';
import { getSetting, settingChanges } from '../../db/settings';
import { lastChangeOf } from '../../db/setting-log';
import { send } from '../../messaging/channel';
import { lintLine } from '../../i18n/core-text';
import { templateProblemText, templateRefusal } from '../../i18n/template-problem';
import { t } from '../../i18n/translate';
import { LANGUAGES } from '../../managed/config';
import { templateKey } from '../../managed/templates';
import { ManagedBadge } from '../../managed/views/managed-notice';
import { useManaged } from '../../managed/views/use-managed';
import { errorMessage } from '../../ui/error';
import { useDbQuery, type pageDB } from '../../ui/hooks/use-db';
import { LastChanged } from './changed-by';
import { Outcome, SelectField } from './fields';
import { HOLDING_LINE } from '../../messaging/overlay-state';
import { HoldingLineEditor } from './holding-line';

const IDS = Object.keys(DEFAULT_TEMPLATES) as TemplateId[];
/** A sample incident: the preview and the promise/blame lints run on the rendered text. */
const SAMPLE: Record<string, string> = {
  feature: 'Checkout',
  cadence: '30',
  impact: 'Some card payments fail.',
  nextUpdateTime: '14:30 UTC',
  impacted: 'Card payments in the EU',
  learned: 'We identified a faulty deploy and are rolling it back.',
  resolvedTime: '15:05 UTC',
  explanation: 'A configuration change was rolled back.',
  postmortem: 'We will publish a post-mortem within 48 hours.',
  postmortemHours: '48',
  accountName: 'Globex',
  startedTime: '13:40 UTC',
  statusPageUrl: 'https://status.example.com',
  company: 'Acme',
  severity: '2',
  title: 'Checkout payments failing',
  customersAffected: 'about 120 accounts',
  status: 'identified',
  commander: 'Dana',
  incidentName: 'Checkout payments failing',
  latestUpdate: 'We are rolling back a faulty deploy.',
  latestUpdateTime: '14:00 UTC',
  nextUpdate: 'The next update is due by 14:30 UTC.',
};

const defaultText = (id: TemplateId, lang: Language): string =>
  id === 'support_reply' ? SUPPORT_REPLY_TEMPLATES[lang] : DEFAULT_TEMPLATES[id];

type Db = Awaited<ReturnType<typeof pageDB>>;
const readAll = async (db: Db) => ({
  templates: await getSetting(db, 'templates'),
  changes: await settingChanges(db, 'templates'),
  cadence: (await getSetting(db, 'policy')).updateCadenceMinutes,
});

/** One template in one language: placeholders by button, live lints, preview, save. */
export function TemplateEditor(props: {
  id: TemplateId;
  lang: Language;
  stored: string | undefined;
  cadence: number;
  locked: boolean;
  onSaved(): void;
}) {
  const [text, setText] = useState(props.stored ?? defaultText(props.id, props.lang));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const problems = validateTemplate(props.id, text);
  const errors = problems.filter((p) => p.level === 'error');
  const rendered = renderTemplate(props.id, text, SAMPLE);
  const lints = rendered.ok
    ? lintMessage(rendered.text, {
        kind: props.id,
        now: Date.now(),
        cadenceMinutes: props.cadence,
      }).filter((l) => l.code !== 'missing_element')
    : [];
  const insert = (name: string) => {
    const el = area.current;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + token + text.slice(end));
    setOutcome(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const save = (value: string | null) => {
    if (value !== null && errors.length > 0) {
      setOutcome({ ok: false, text: templateRefusal(errors) });
      return;
    }
    void send('settings/setTemplate', { lang: props.lang, id: props.id, text: value })
      .then(() => {
        if (value === null) setText(defaultText(props.id, props.lang));
        setOutcome({ ok: true, text: t('tpl_saved') });
        props.onSaved();
      })
      .catch((e: unknown) => setOutcome({ ok: false, text: errorMessage(e) }));
  };
  return (
    <div>
      {props.locked && (
        <p>
          <ManagedBadge /> {t('tpl_locked')}
        </p>
      )}
      <label for="tpl-text">{t('tpl_text')}</label>
      <textarea
        id="tpl-text"
        rows={8}
        value={text}
        disabled={props.locked}
        aria-describedby="tpl-lints"
        aria-invalid={errors.length > 0 ? 'true' : undefined}
        onInput={(e) => (setText(e.currentTarget.value), setOutcome(null))}
      />
      <div role="group" aria-label={t('tpl_placeholders')}>
        <p class="meta">{t('tpl_placeholders')}</p>
        {TEMPLATE_PLACEHOLDERS[props.id].map((name) => (
          <button
            type="button"
            class="secondary"
            key={name}
            disabled={props.locked}
            onClick={() => insert(name)}
          >
            {`{{${name}}}`}
          </button>
        ))}
      </div>
      <div id="tpl-lints" aria-live="polite">
        {problems.length + lints.length === 0 ? (
          <p class="ok">{t('tpl_clean')}</p>
        ) : (
          <ul>
            {problems.map((p) => (
              <li key={`p${p.start}${p.code}`} class={p.level === 'error' ? 'field-error' : 'meta'}>
                {templateProblemText(p)}
              </li>
            ))}
            {lints.map((l) => (
              <li
                key={`l${l.start ?? 0}${l.code}`}
                class={l.level === 'error' ? 'field-error' : 'meta'}
              >
                {lintLine(l)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {!props.locked && (
        <p>
          <button type="button" onClick={() => save(text)}>
            {t('tpl_save')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => save(null)}>
            {t('tpl_reset')}
          </button>
        </p>
      )}
      <Outcome outcome={outcome} />
      <h3>{t('tpl_preview')}</h3>
      {rendered.ok ? (
        <pre class="preview" data-testid="tpl-preview">
          {rendered.text}
        </pre>
      ) : (
        <p class="muted">{t('tpl_noPreview')}</p>
      )}
    </div>
  );
}

/** Options → Templates: every message template in every UI language. */
export function TemplatesSection() {
  const q = useDbQuery(readAll, []);
  const managed = useManaged();
  const [lang, setLang] = useState<Language>('en');
  const [id, setId] = useState<TemplateId>('update');
  if (q.error) return <p class="error">{q.error}</p>;
  if (!q.data || !managed) return <p class="muted">{t('popup_loading')}</p>;
  const locked = managed.config.templates[lang]?.[id] !== undefined;
  return (
    <div>
      <p class="muted">{t('tpl_intro')}</p>
      <SelectField
        id="tpl-lang"
        label={t('tpl_language')}
        value={lang}
        options={LANGUAGES}
        optionLabel={(l) => t(`tpl_lang_${l}`)}
        onChange={(l) => setLang(l)}
      />
      <SelectField
        id="tpl-id"
        label={t('tpl_template')}
        value={id}
        options={IDS}
        optionLabel={(x) => {
          // Team mode: each template names who last changed it, in the list itself.
          const by = lastChangeOf(q.data!.changes, templateKey(x, lang))?.author;
          const name = t(`tpl_id_${x}`);
          return by ? t('tpl_changedBy', name, by.display || by.name) : name;
        }}
        onChange={(x) => setId(x)}
      />
      {/* Team mode: the templates are the team's; who last changed this one. */}
      <LastChanged change={lastChangeOf(q.data.changes, templateKey(id, lang))} />
      <TemplateEditor
        key={`${lang}|${id}`}
        id={id}
        lang={lang}
        stored={q.data.templates[templateKey(id, lang)]}
        cadence={q.data.cadence}
        locked={locked}
        onSaved={q.refresh}
      />
      <HoldingLineEditor
        key={lang}
        lang={lang}
        stored={q.data.templates[templateKey(HOLDING_LINE, lang)]}
        onSaved={q.refresh}
      />
    </div>
  );
}
