/**
 * Defensive readers for untrusted JSON. Every read goes through `own()`, so inherited
 * properties (`__proto__`, `constructor`, getters on a prototype) are never consulted,
 * and nothing is ever copied from the input by spread or `Object.assign`.
 */
import type { FeedProblem } from '../types';

/** Limits applied while parsing; see `parseFeed` options. */
export interface Limits {
  maxStringLength: number;
  maxBodyLength: number;
  maxItems: number;
}

/** The most problems one parse reports; the rest are summarised in one last entry. */
const MAX_PROBLEMS = 200;

/** Mutable parse state shared by the per-section parsers. */
export interface Ctx {
  limits: Limits;
  problems: FeedProblem[];
  dropped: number;
}

/** Creates a fresh parse context. */
export function makeCtx(limits: Limits): Ctx {
  return { limits, problems: [], dropped: 0 };
}

/** Records a problem, keeping the list bounded so a hostile 5 MB feed cannot flood it. */
export function problem(ctx: Ctx, path: string, message: string): void {
  if (ctx.problems.length < MAX_PROBLEMS) ctx.problems.push({ path, message });
  else ctx.dropped++;
}

/** Appends the "and N more" summary, if any problems were dropped. */
export function finishProblems(ctx: Ctx): FeedProblem[] {
  if (ctx.dropped > 0) {
    ctx.problems.push({ path: '', message: `${ctx.dropped} more problems not listed` });
  }
  return ctx.problems;
}

/** A plain (non-array) object, as JSON.parse produces. */
export type Obj = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads an own property only; inherited and prototype keys read as undefined. */
export function own(o: Obj, key: string): unknown {
  return hasOwn.call(o, key) ? o[key] : undefined;
}

/** True when `key` is an own property (even if its value is null). */
export function has(o: Obj, key: string): boolean {
  return hasOwn.call(o, key);
}

/** Cuts `s` to at most `max` UTF-16 units, ending in "…", without splitting a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/**
 * Reads a short string (name, id, description). Numbers are accepted and stringified
 * (incident.io sends numeric ids). Whitespace runs with line breaks collapse to one space.
 */
export function readStr(ctx: Ctx, o: Obj, key: string, path: string): string | undefined {
  const v = own(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') {
    problem(ctx, `${path}.${key}`, `expected a string, got ${typeName(v)}`);
    return undefined;
  }
  const max = ctx.limits.maxStringLength;
  // Only scan a bounded prefix: anything past the cap is dropped anyway.
  const raw = v.length > max + 1 ? v.slice(0, max + 1) : v;
  const s = oneLine(raw).trim();
  if (v.length > max) {
    problem(ctx, `${path}.${key}`, `string longer than ${max} characters was truncated`);
    return clip(s, max);
  }
  return s;
}

/** Replaces CR/LF/TAB with spaces (names are shown on one line). */
function oneLine(s: string): string {
  if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) return s;
  return s.split(/[\r\n\t]+/).join(' ');
}

/** Reads a boolean; anything else is undefined. */
export function readBool(o: Obj, key: string): boolean | undefined {
  const v = own(o, key);
  return typeof v === 'boolean' ? v : undefined;
}

/** Reads a finite number; anything else is undefined. */
export function readNum(o: Obj, key: string): number | undefined {
  const v = own(o, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Strict-enough ISO 8601 prefix test: `Date.parse` alone accepts "1" or "May 5". */
function looksIso(s: string): boolean {
  if (s.length < 10 || s.length > 40) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (i === 4 || i === 7 ? c !== 45 : !digit) return false;
  }
  return true;
}

/** Reads an ISO 8601 timestamp as epoch ms. null/absent is silent; garbage is a problem. */
export function readDate(ctx: Ctx, o: Obj, key: string, path: string): number | undefined {
  const v = own(o, key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' && looksIso(v)) {
    const t = Date.parse(v);
    if (Number.isFinite(t)) return t;
  }
  problem(ctx, `${path}.${key}`, `invalid date: ${describe(v)}`);
  return undefined;
}

/** Returns the array at `key` capped to `maxItems` (with a problem), or undefined. */
export function readList(ctx: Ctx, o: Obj, key: string, path: string): unknown[] | undefined {
  const v = own(o, key);
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    problem(ctx, `${path}.${key}`, `expected a list, got ${typeName(v)}`);
    return undefined;
  }
  return capList(ctx, v, `${path}.${key}`);
}

/** Caps a list to `maxItems`, reporting the cut. */
export function capList(ctx: Ctx, v: unknown[], path: string): unknown[] {
  const max = ctx.limits.maxItems;
  if (v.length <= max) return v;
  problem(ctx, path, `list of ${v.length} items was cut to ${max}`);
  return v.slice(0, max);
}

/** Maps a string onto a closed set of values; unknown strings become 'unknown'. */
export function readEnum<T extends string>(
  ctx: Ctx,
  o: Obj,
  key: string,
  path: string,
  allowed: ReadonlySet<string>,
): T | 'unknown' | undefined {
  const v = own(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && allowed.has(v)) return v as T;
  problem(ctx, `${path}.${key}`, `unknown value ${describe(v)}`);
  return 'unknown';
}

/**
 * Accepts an absolute https URL without whitespace, quotes or angle brackets; anything
 * else (http:, javascript:, data:, relative) is dropped with a problem.
 */
export function readHttps(ctx: Ctx, o: Obj, key: string, path: string): string | undefined {
  const v = own(o, key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' && isHttpsUrl(v)) return v;
  problem(ctx, `${path}.${key}`, `link dropped (https only): ${describe(v)}`);
  return undefined;
}

/** True for `https://host…` with no characters that could break out of an attribute. */
export function isHttpsUrl(s: string): boolean {
  if (s.length > 2048 || s.length < 9 || s.slice(0, 8).toLowerCase() !== 'https://') return false;
  for (let i = 8; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 34 || c === 39 || c === 60 || c === 62 || c === 92) {
      return false;
    }
  }
  const host = s.charCodeAt(8);
  return host !== 47 && host !== 63 && host !== 35; // not "https:///", "https://?", "https://#"
}

/** A short, safe description of a bad value for a problem message. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v);
  return typeName(v);
}

/** typeof, with null and arrays told apart. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v;
}
