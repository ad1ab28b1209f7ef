/** Provider date forms to ISO 8601, and everything else left for parseFeed to report. */
import { describe, expect, it } from 'vitest';
import { toIso } from './dates';

describe('toIso', () => {
  it.each([
    ['2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z'],
    ['2026-12-05T10:00:00.123+01:00', '2026-12-05T10:00:00.123+01:00'],
    ['2015-07-24 14:42:10', '2015-07-24T14:42:10Z'], // Cachet, no zone: UTC
    ['2026-12-05', '2026-12-05T00:00:00Z'],
    ['2026-12-05T10:00:00+0100', '2026-12-05T10:00:00+01:00'],
  ])('%s → %s', (v, out) => expect(toIso(v)).toBe(out));

  it.each([
    ['Sat, 05 Dec 2026 10:00:00 +0000', '2026-12-05T10:00:00.000Z'], // RFC 822
    ['Mon, 15 Jan 2024 11:45:00 GMT', '2024-01-15T11:45:00.000Z'],
    ['Mon, 15 Jan 2024 11:45:00 PST', '2024-01-15T19:45:00.000Z'],
    ['15 Jan 2024 11:45 EDT', '2024-01-15T15:45:00.000Z'],
    ['Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)', '2022-06-11T18:55:50.000Z'],
    [
      'Sat Jun 11 2022 20:55:50 GMT+0200 (Central European Summer Time)',
      '2022-06-11T18:55:50.000Z',
    ],
  ])('%s → %s', (v, out) => expect(toIso(v)).toBe(out));

  it.each([
    // RSS 2.0 allows a two-digit year ("with the exception that the year may be expressed with
    // two characters"), and generators write the day and month in full
    ['Mon, 15 Jan 24 11:45:00 GMT', '2024-01-15T11:45:00.000Z'],
    ['Thu, 31 Dec 98 23:00:00 +0000', '1998-12-31T23:00:00.000Z'],
    ['Monday, 15 January 2024 11:45:00 GMT', '2024-01-15T11:45:00.000Z'],
    ['Wednesday, 04 September 2024 08:00:00 +0200', '2024-09-04T06:00:00.000Z'],
  ])('%s → %s', (v, out) => expect(toIso(v)).toBe(out));

  it('reads epoch seconds and milliseconds', () => {
    expect(toIso(1420036705)).toBe('2014-12-31T14:38:25.000Z');
    expect(toIso(1420036705000)).toBe('2014-12-31T14:38:25.000Z');
  });

  it('leaves anything else unchanged', () => {
    for (const v of [
      'yesterday',
      '31/12/2026',
      '2026-13-45T99:00:00Z',
      'Mon, 15 Jan 2024 11:45:00 XYZ',
      '',
      NaN,
      1e300,
      null,
      {},
    ]) {
      expect(toIso(v)).toBe(v);
    }
  });
});
