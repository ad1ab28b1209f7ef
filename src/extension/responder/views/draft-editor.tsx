import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toMarkdown, toPlainText } from '../../../core/comms/copy';
import { send } from '../../messaging/channel';
import { lintLine, lintSuggestionLine } from '../../i18n/core-text';
import { t } from '../../i18n/translate';
import { Field, InputField } from './common';
import {
  KIND_FIELDS,
  defaultFields,
  draftMessage,
  lintRuns,
  type ComposeEnv,
  type Drafted,
} from './compose';
import type { MessageKind } from '../protocol';

/** What the action area below a draft gets to work with. */
export interface DraftContext {
  drafted: Drafted;
  fields: Record<string, string>;
  set(name: string, value: string): void;
}

const SAVE_DELAY_MS = 500;

/** Why a draft is refused, in words: the missing inputs (for an update, its three elements). */
export function refusalText(kind: MessageKind, d: Drafted): string | null {
  if (d.ok) return null;
  if (d.missing.length === 0) return d.problem ?? t('rs_compose_broken');
  const names = d.missing
    .map((m) => t(kind === 'update' ? `rs_element_${m}` : `rs_field_${m}`))
    .join(', ');
  return t(kind === 'update' ? 'rs_compose_refusedUpdate' : 'rs_compose_refused', names);
}

/**
 * One message draft: its inputs, the rendered text with the core's lints marked inline, copy as
 * text or Markdown, and the caller's actions. Inputs are saved to the drafts store as they change.
 */
export function DraftEditor(props: {
  incidentId: string;
  kind: MessageKind;
  saved: Record<string, string> | undefined;
  env: ComposeEnv;
  children(ctx: DraftContext): ComponentChildren;
}) {
  const { kind, env } = props;
  const [fields, setFields] = useState<Record<string, string>>(() => ({
    ...defaultFields(kind, env),
    ...props.saved,
  }));
  const [copied, setCopied] = useState('');
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = setTimeout(
      () =>
        void send('drafts/save', { incidentId: props.incidentId, kind, fields }).catch(
          () => undefined,
        ),
      SAVE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [fields]);
  const set = (name: string, value: string) => {
    dirty.current = true;
    setFields((f) => ({ ...f, [name]: value }));
  };
  const drafted = useMemo(() => draftMessage(kind, fields, env), [kind, fields, env]);
  const refusal = refusalText(kind, drafted);
  const copy = async (md: boolean) => {
    if (!drafted.ok) return;
    try {
      await navigator.clipboard.writeText(
        md ? toMarkdown(drafted.text) : toPlainText(drafted.text),
      );
      setCopied(t(md ? 'rs_copiedMd' : 'rs_copiedText'));
    } catch {
      setCopied(t('rs_copyFailed'));
    }
  };
  const id = (n: string) => `df-${kind}-${n}`;

  return (
    <div class="draft">
      {KIND_FIELDS[kind].map((f) =>
        f.type === 'textarea' ? (
          <Field key={f.name} id={id(f.name)} label={t(`rs_field_${f.name}`)}>
            {(a) => (
              <textarea
                {...a}
                rows={3}
                value={fields[f.name] ?? ''}
                onInput={(e) => set(f.name, e.currentTarget.value)}
              />
            )}
          </Field>
        ) : (
          <InputField
            key={f.name}
            id={id(f.name)}
            label={t(`rs_field_${f.name}`)}
            type={f.type === 'datetime' ? 'datetime-local' : f.type === 'url' ? 'url' : 'text'}
            value={fields[f.name] ?? ''}
            onValue={(v) => set(f.name, v)}
          />
        ),
      )}
      <h3 id={id('preview')}>{t('rs_compose_preview')}</h3>
      {drafted.ok ? (
        <div class="preview" role="region" aria-labelledby={id('preview')} tabIndex={0}>
          {lintRuns(drafted.text, drafted.lints).map((r, i) =>
            r.lint ? (
              <mark key={i} class={`lint lint-${r.lint.level}`} title={lintLine(r.lint)}>
                {r.text}
              </mark>
            ) : (
              <span key={i}>{r.text}</span>
            ),
          )}
        </div>
      ) : (
        <p class="refused" role="status" data-refused>
          {refusal}
        </p>
      )}
      {drafted.ok && drafted.lints.length > 0 && (
        <ul class="lints" aria-label={t('rs_compose_lints')}>
          {drafted.lints.map((l, i) => (
            <li key={i} class={`lint-${l.level}`}>
              <strong>{t(l.level === 'error' ? 'rs_lint_error' : 'rs_lint_warning')}</strong>{' '}
              {lintLine(l)}
              {l.suggestion && <span class="muted"> {lintSuggestionLine(l)}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="row">
        <button
          type="button"
          class="secondary"
          disabled={!drafted.ok}
          onClick={() => void copy(false)}
        >
          {t('rs_copyText')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={!drafted.ok}
          onClick={() => void copy(true)}
        >
          {t('rs_copyMd')}
        </button>
        <span role="status" class="muted">
          {copied}
        </span>
      </p>
      {props.children({ drafted, fields, set })}
    </div>
  );
}
