import type { Req } from '../../messaging/commands';
import { fromLocalInput } from '../../ui/datetime-input';

/** The Declare form as typed. */
export interface DeclareForm {
  title: string;
  /** Comma- or newline-separated features / components. */
  components: string;
  publiclyVisible: boolean;
  start: 'now' | 'earlier';
  /** datetime-local value, used when `start` is `earlier`. */
  startedAt: string;
}

/** Field → i18n key of the problem. */
export type DeclareErrors = Partial<Record<'title' | 'components' | 'startedAt', string>>;

/** How far back a start time may go: beyond this it is almost certainly a typo. */
const MAX_AGE_MS = 30 * 24 * 3_600_000;
/** Clock skew allowed for "earlier" times that land a few seconds ahead. */
const SKEW_MS = 60_000;

export const EMPTY_DECLARE: DeclareForm = {
  title: '',
  components: '',
  publiclyVisible: true,
  start: 'now',
  startedAt: '',
};

/** "Checkout, Payments API\nSearch" → trimmed, de-duplicated names (case-insensitive). */
export function parseComponents(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** Checks the form at `now`; on success gives the `incidents/declare` request. */
export function validateDeclare(
  form: DeclareForm,
  now: number,
): { ok: true; req: Req<'incidents/declare'> } | { ok: false; errors: DeclareErrors } {
  const errors: DeclareErrors = {};
  const title = form.title.trim();
  if (title === '') errors.title = 'declare_err_title';
  else if (title.length > 200) errors.title = 'declare_err_titleLong';
  const components = parseComponents(form.components);
  if (components.length === 0) errors.components = 'declare_err_components';
  let startedAt: number | undefined;
  if (form.start === 'earlier') {
    const at = fromLocalInput(form.startedAt);
    if (at === null) errors.startedAt = 'declare_err_start';
    else if (at > now + SKEW_MS) errors.startedAt = 'declare_err_startFuture';
    else if (at < now - MAX_AGE_MS) errors.startedAt = 'declare_err_startOld';
    else startedAt = Math.min(at, now);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    req: {
      title,
      components,
      publiclyVisible: form.publiclyVisible,
      ...(startedAt === undefined ? {} : { startedAt }),
    },
  };
}
