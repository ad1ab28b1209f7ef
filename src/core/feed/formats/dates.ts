/**
 * Provider dates to the ISO 8601 text `parseFeed` reads. Formats seen in the wild: ISO 8601
 * (most), "2015-07-24 14:42:10" without a zone (Cachet: read as UTC), epoch seconds or
 * milliseconds, RFC 822 (RSS `pubDate`), and JavaScript's `Date#toString()` (Instatus).
 * Anything else is returned unchanged, so that `parseFeed` reports it as an invalid date.
 */

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
/** Zone names (minutes east of UTC): RFC 822's, and the common unambiguous others. */
export const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  // Beyond RFC 822: what Statuspage's history feeds write for a page set to another zone
  // ("May 1, 14:00 CEST"). Only unambiguous names: IST (India, Ireland, Israel) is not one.
  akst: -540,
  akdt: -480,
  hst: -600,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  sgt: 480,
  hkt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

const ISO =
  /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?)\s*(Z|[+-]\d\d:?\d\d)?)?$/i;
// "Sat, 05 Dec 2026 10:00:00 +0000" (RFC 822; RSS also "Monday, 15 January 24 …") or
// "Sat Jun 11 2022 18:55:50 GMT+0000 (…)".
const TEXT =
  /^(?:[a-z]{3,9},?\s+)?(?:([a-z]{3})[a-z]*\s+(\d{1,2})|(\d{1,2})\s+([a-z]{3})[a-z]*)\s+(\d{4}|\d\d)\s+(\d{1,2}):(\d\d)(?::(\d\d))?\s*([a-z]{1,3})?\s*([+-]\d\d:?\d\d)?(?:\s*\([^)]{0,60}\))?$/i;

/** An ISO string for epoch ms, or undefined when out of range. */
function fromMs(ms: number): string | undefined {
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/** `v` as ISO 8601 text when it is a date in a known form, else `v` unchanged. */
export function toIso(v: unknown): unknown {
  if (typeof v == 'number') {
    // Seconds until the year 5138, milliseconds after.
    return (Number.isFinite(v) && fromMs(Math.abs(v) < 1e11 ? v * 1000 : v)) || v;
  }
  if (typeof v != 'string' || v.length > 80) return v;
  const s = v.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [, day, time = '00:00:00', zone = 'Z'] = iso;
    const z = zone.length == 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    const out = `${day}T${time}${z.toUpperCase()}`;
    return Number.isFinite(Date.parse(out)) ? out : v;
  }
  const m = TEXT.exec(s);
  if (!m) return v;
  const [, mon1, day1, day2, mon2, year, hh, mm, ss = '0', name, offset] = m;
  const month = MONTHS.indexOf((mon1 ?? mon2 ?? '').toLowerCase());
  const day = Number(day1 ?? day2);
  let east = 0;
  if (offset) {
    const o = offset.replace(':', '');
    east = (o[0] == '-' ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(3, 5)));
  } else if (name) {
    const zone = Object.hasOwn(ZONES, name.toLowerCase()) ? ZONES[name.toLowerCase()] : undefined;
    if (zone === undefined) return v;
    east = zone;
  }
  if (month < 0 || day < 1 || day > 31 || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) {
    return v;
  }
  // RSS 2.0 allows a two-digit year: 70–99 are 19xx, the rest 20xx (as mail readers take them).
  const y = year!.length == 2 ? Number(year) + (Number(year) < 70 ? 2000 : 1900) : Number(year);
  const ms = Date.UTC(y, month, day, Number(hh), Number(mm), Number(ss)) - east * 60_000;
  return fromMs(ms) ?? v;
}
