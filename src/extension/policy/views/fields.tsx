/**
 * The editors' field rows: a label, the control, and the core's messages for it beside it
 * (`aria-describedby`), so the Policy and Template editors lay out and announce their fields alike.
 */

/** The messages under a field, or nothing. */
function Errors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} class="field-error">
      {errors.join(' ')}
    </p>
  );
}

const described = (id: string, errors: string[]) =>
  errors.length > 0 ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-err` } : {};

interface FieldProps<T> {
  id: string;
  label: string;
  value: T;
  errors: string[];
  disabled: boolean;
  onChange(v: T): void;
}

/** An input row: `shown` is what the input holds, `read` takes the value back out of it. */
function InputField<T>(
  props: FieldProps<T> & {
    type: 'number' | 'text';
    shown: string | number;
    read(el: HTMLInputElement): T;
  },
) {
  const input = {
    id: props.id,
    value: props.shown,
    disabled: props.disabled,
    ...described(props.id, props.errors),
    onInput: (e: { currentTarget: HTMLInputElement }) =>
      props.onChange(props.read(e.currentTarget)),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.type === 'number' ? (
        <input type="number" min={0} {...input} />
      ) : (
        <input type="text" {...input} />
      )}
      <Errors id={`${props.id}-err`} errors={props.errors} />
    </div>
  );
}

/** A number input (0 or more) with its label and the core's messages for its path. */
export const NumberField = (props: FieldProps<number>) => (
  <InputField
    {...props}
    type="number"
    shown={Number.isFinite(props.value) ? props.value : ''}
    read={(el) => el.valueAsNumber}
  />
);

/** A text input with its label and the core's messages for it. */
export const TextField = (props: FieldProps<string>) => (
  <InputField {...props} type="text" shown={props.value} read={(el) => el.value} />
);

/** What a save answered: a status when it worked, an alert when it did not. */
export function Outcome({ outcome }: { outcome: { ok: boolean; text: string } | null }) {
  if (!outcome) return null;
  return (
    <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}

/** A choice among `options`, each shown as `optionLabel` says. */
export function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  optionLabel(o: T): string;
  disabled?: boolean;
  onChange(v: T): void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
