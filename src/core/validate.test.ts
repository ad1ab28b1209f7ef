import { describe, expect, it } from 'vitest';
import { isObj, list, optAmount, optText, record, str, text, time } from './validate';

describe('reading untrusted input', () => {
  it('takes only plain objects as records', () => {
    expect([{}, { a: 1 }].every(isObj)).toBe(true);
    expect([null, [], 'x', 1, undefined].some(isObj)).toBe(false);
    expect(() => record([], 'The review')).toThrow('The review is missing.');
  });

  it('names the field in every error, so the message can be shown as it is', () => {
    expect(() => str(3, 'The title', 10)).toThrow('The title must be text.');
    expect(() => str('x'.repeat(11), 'The title', 10)).toThrow(
      'The title is too long (at most 10 characters).',
    );
    expect(() => text('   ', 'The name')).toThrow('The name is required.');
    expect(() => time(-1, 'The start time')).toThrow('The start time must be a time.');
    expect(() => optAmount(1.5, 'Customers affected', true)).toThrow(
      'Customers affected must be a whole number.',
    );
    expect(() => list([1, 2, 3], 'The whys', String, 2)).toThrow(
      'The whys has too many entries (at most 2).',
    );
  });

  it('trims required text and treats blank optional text as absent', () => {
    expect(text('  Checkout  ', 'The title')).toBe('Checkout');
    expect(optText('   ', 'The note')).toBeUndefined();
    expect(optText(null, 'The note')).toBeUndefined();
    expect(optText(' kept ', 'The note')).toBe(' kept ');
    expect(list(['a'], 'The list', (x, i) => `${String(x)}${i}`, 5)).toEqual(['a0']);
  });
});
