import { describe, expect, it } from 'vitest';
import { clock } from './time';

describe('clock (issue 23, item 7: every time shows its zone)', () => {
  const at = Date.UTC(2026, 0, 15, 14, 5);
  it('names the zone', () => {
    expect(clock(at, 'en-US', 'UTC')).toBe('2:05 PM UTC');
    expect(clock(at, 'de', 'Europe/Berlin')).toBe('15:05 MEZ');
    expect(clock(at, 'en-US', 'America/New_York')).toBe('9:05 AM EST');
  });
  it("the reader's zone when none or an unknown one is given, still named", () => {
    expect(clock(at, 'en-US')).toMatch(/\d:05 [AP]M \S+/);
    expect(clock(at, 'en-US', 'Mars/Olympus')).toMatch(/\d:05 [AP]M \S+/);
  });
});
