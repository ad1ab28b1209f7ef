/**
 * Date and time inputs, in the browser's zone (the team's zone for this extension), to and from
 * epoch ms with the platform's zone rules: `<input type="datetime-local">` values
 * ("2025-03-15T14:02") are wall-clock times; an `<input type="date">` picks a calendar day, stored
 * as the END of that day, so "by March 15" includes March 15 (see ActionItem.dueAt).
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Epoch ms → a datetime-local value (minute precision). */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value → epoch ms, or null when it is blank or malformed. */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(y!, mo! - 1, d, h, mi, s ?? 0);
  // Reject rollovers such as 2025-02-31.
  if (date.getMonth() !== mo! - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** Rounds down to the minute: the precision every time input here shows. */
export const floorMinute = (at: number): number => Math.floor(at / 60_000) * 60_000;

/** "2025-03-15" → the last millisecond of that day in the local zone; null when malformed. */
export function endOfDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(y, mo - 1, d, 23, 59, 59, 999);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** Epoch ms → the date input value of its local day ("" for none). */
export function toDateInput(at: number | undefined): string {
  if (at === undefined || !Number.isFinite(at)) return '';
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The browser's IANA time zone: the zone exports and the monthly report are written in. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
