import { describe, expect, it } from 'vitest';
import { withoutDates } from './dates';

describe('withoutDates', () => {
  it('blanks due phrases and dates, keeping the length so offsets still match', () => {
    const text = 'Improve monitoring by March 15 and again before 15 March, until Q3.';
    const out = withoutDates(text);
    expect(out).toHaveLength(text.length);
    expect(out.replace(/\s+/g, ' ')).toBe('Improve monitoring and again , .');
  });

  it('keeps quantities and "until" clauses that are not dates', () => {
    for (const t of ['to under 300 ms', 'by 20%', 'by 2000 ms', 'until no request is dropped'])
      expect(withoutDates(t)).toBe(t);
  });
});
