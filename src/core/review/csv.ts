/**
 * CSV for spreadsheets (RFC 4180: CRLF rows, fields quoted when they hold a comma, a quote or a
 * line break). Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
 * prefixed with an apostrophe: an action item's description is typed by people and opened by
 * others. Numbers are written as they are.
 */

const FORMULA = /^[=+\-@\t\r]/;

/** One field. `null`/`undefined` is an empty field. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document, each row ended by CRLF. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

/** A rate (0..1) as a percentage with at most one decimal; empty when there is none. */
export function percentCell(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
