/**
 * `<input type="datetime-local">` values ("2025-03-15T14:02") are wall-clock times in the
 * browser's zone; these helpers convert them to and from epoch ms with the platform's zone rules.
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
