/**
 * Reading untrusted input: a command payload a view sends, a review to save, a settings value, a
 * JSON body. One style for all of them: a reader takes the value and the field's name as a user
 * would say it, and returns the value typed, or throws an Error whose message names the field
 * ("The title is too long (at most 300 characters)."), so the error can be shown as it is.
 * Backups, checked whole against a record shape, use the Check combinators of db/shape.ts, which
 * build on `isObj` here. Pure: no DOM, no URL parsing (see background/input.ts for URLs).
 */

/** A plain object (not null, not an array): the only thing a payload or a JSON record may be. */
export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object, or an Error saying the field is missing. */
export function record(v: unknown, field: string): Record<string, unknown> {
  if (!isObj(v)) throw new Error(`${field} is missing.`);
  return v;
}

/** Any string (empty too) of at most `max` characters. */
export function str(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string') throw new Error(`${field} must be text.`);
  if (v.length > max) throw new Error(`${field} is too long (at most ${max} characters).`);
  return v;
}

/** A non-blank string of at most `max` characters, trimmed. */
export function text(v: unknown, field: string, max = 500): string {
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`${field} is required.`);
  return str(v, field, max).trim();
}

/** An optional string: absent, null or blank is undefined; otherwise kept as written. */
export function optText(v: unknown, field: string, max = 10_000): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = str(v, field, max);
  return s.trim() === '' ? undefined : s;
}

/** A finite, non-negative epoch-ms time. */
export function time(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new Error(`${field} must be a time.`);
  return v;
}

/** A finite number of at least 0 (a whole one if `integer`), or undefined when absent. */
export function optAmount(v: unknown, field: string, integer = false): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new Error(`${field} must be a number of at least 0.`);
  if (integer && !Number.isInteger(v)) throw new Error(`${field} must be a whole number.`);
  return v;
}

/** A list of at most `max` entries, each read by `each`. */
export function list<T>(
  v: unknown,
  field: string,
  each: (x: unknown, i: number) => T,
  max: number,
): T[] {
  if (!Array.isArray(v)) throw new Error(`${field} must be a list.`);
  if (v.length > max) throw new Error(`${field} has too many entries (at most ${max}).`);
  return v.map(each);
}
