import type { ComponentChildren } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { formatClock, formatDateTime } from '../../../core/time';
import type { Severity } from '../../../core/types';
import { t, uiLocale } from '../../i18n/translate';
import { SeverityChip } from '../../ui/components/severity';
import { localTimeZone } from '../../ui/datetime-input';
import { errorMessage } from '../../ui/error';

/** A labelled input with its error tied to it (`aria-describedby`, `aria-invalid`). */
export function Field(props: {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string;
  children: (a11y: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ComponentChildren;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-err` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="muted hint">
          {props.hint}
        </p>
      )}
      {props.children({
        id: props.id,
        'aria-invalid': Boolean(props.error),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {props.error && (
        <p id={`${props.id}-err`} class="error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/**
 * A labelled one-line input bound to a string value: text, a URL, or a local date and time
 * (`datetime-local`, converted with ui/datetime-input.ts). The one way the responder's forms
 * write a `Field` with an input in it.
 */
export function InputField(props: {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  type?: 'text' | 'url' | 'datetime-local';
  error?: string | null | undefined;
  hint?: string;
  /** For a date and time: the latest one allowed (a datetime-local value). */
  max?: string;
  autoComplete?: string;
}) {
  const { value, onValue, type = 'text', max, autoComplete, hint, ...rest } = props;
  // A date and time is read in the browser's zone: say which, so a time is never ambiguous.
  const zone = type === 'datetime-local' ? t('rs_field_timeZone', localTimeZone()) : '';
  const field = { ...rest, hint: [hint, zone].filter(Boolean).join(' ') || undefined };
  const bound = {
    value,
    onInput: (e: { currentTarget: HTMLInputElement }) => onValue(e.currentTarget.value),
    ...(autoComplete ? { autoComplete } : {}),
  };
  return (
    <Field {...field}>
      {(a) =>
        type === 'datetime-local' ? (
          <input {...a} {...bound} type="datetime-local" {...(max ? { max } : {})} />
        ) : type === 'url' ? (
          <input {...a} {...bound} type="url" />
        ) : (
          <input {...a} {...bound} type="text" />
        )
      }
    </Field>
  );
}

/**
 * Runs an async action with a busy flag and a kept error message (a thrown Error's message, or
 * what `describe` makes of the result). Returns whether it succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (task: () => Promise<string | null | void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const problem = await task();
      if (problem) setError(problem);
      return !problem;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

/** An error region screen readers announce at once. */
export function Alert({ message, id }: { message: string | null; id?: string }) {
  return (
    <p class="error" role="alert" id={id}>
      {message ?? ''}
    </p>
  );
}

/** "14:05" today, a full date and time otherwise, with the exact time in `title`. */
export function When({ at, now }: { at: number; now: number }) {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const locale = uiLocale();
  const full = formatDateTime(at, locale);
  return (
    <time dateTime={new Date(at).toISOString()} title={full}>
      {sameDay ? formatClock(at, locale) : full}
    </time>
  );
}

/** An incident's severity chip, or "Unclassified" in the unknown-level colours before triage. */
export function IncidentChip({ severity, long }: { severity: Severity | null; long?: boolean }) {
  return severity !== null ? (
    <SeverityChip level={severity} long={long} />
  ) : (
    <span class="chip chip-unknown">{t('rs_unclassified')}</span>
  );
}
