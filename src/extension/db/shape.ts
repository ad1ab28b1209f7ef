/**
 * Tiny shape checkers for untrusted JSON (backups). A check returns null when the value fits, or
 * a message naming the JSON path of the first mismatch, e.g. `stores.sources[2].url: expected a string`.
 * A backup is checked whole against the shape of each record, so a check describes rather than
 * reads; reading single fields of a command is core/validate.ts.
 */
import { isObj } from '../../core/validate';

export type Check = (v: unknown, path: string) => string | null;

const is =
  (what: string, ok: (v: unknown) => boolean): Check =>
  (v, path) =>
    ok(v) ? null : `${path}: expected ${what}`;

export const str: Check = is('a string', (v) => typeof v === 'string');
export const num: Check = is('a finite number', (v) => typeof v === 'number' && Number.isFinite(v));
export const bool: Check = is('true or false', (v) => typeof v === 'boolean');

/** One of a fixed set of primitive values. */
export const oneOf = (...values: readonly unknown[]): Check =>
  is(`one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, (v) => values.includes(v));

/** Absent (undefined) or fitting `c`. */
export const opt =
  (c: Check): Check =>
  (v, path) =>
    v === undefined ? null : c(v, path);

/** null or fitting `c`. */
export const nullable =
  (c: Check): Check =>
  (v, path) =>
    v === null ? null : c(v, path);

/** An array whose every item fits `c`. */
export const arr =
  (c: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) return `${path}: expected an array`;
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i], `${path}[${i}]`);
      if (e) return e;
    }
    return null;
  };

/** A plain object with these fields (extra fields are tolerated, as later versions may add some). */
export const obj = (fields: Record<string, Check>): Check => {
  // Listed once, not per record: a backup of 200,000 events is 200,000 checks (issue 22). The
  // fields' paths are joined without a new string when `path` is empty (`'' + '.id'` is '.id'):
  // a backup is checked with '' first and again with the real path only where it fails
  // (backup.ts), so 2 million fields of a large import make no garbage.
  const keys = Object.keys(fields);
  const suffixes = keys.map((k) => `.${k}`);
  const checks = Object.values(fields);
  return (v, path) => {
    if (!isObj(v)) return `${path}: expected an object`;
    for (let i = 0; i < keys.length; i++) {
      const e = checks[i]!(v[keys[i]!], path + suffixes[i]!);
      if (e) return e;
    }
    return null;
  };
};

/** A plain object used as a map: every value fits `c`. */
export const dict =
  (c: Check): Check =>
  (v, path) => {
    if (!isObj(v)) return `${path}: expected an object`;
    for (const [k, x] of Object.entries(v)) {
      const e = c(x, `${path}.${k}`);
      if (e) return e;
    }
    return null;
  };

/** Both checks must pass. */
export const both =
  (a: Check, b: Check): Check =>
  (v, path) =>
    a(v, path) ?? b(v, path);

/** A custom rule on an already shape-checked value. */
export const rule =
  (what: string, ok: (v: never) => boolean): Check =>
  (v, path) =>
    ok(v as never) ? null : `${path}: ${what}`;
