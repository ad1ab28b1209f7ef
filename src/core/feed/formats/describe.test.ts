import { describe, expect, it } from 'vitest';
import { describeAdapterProblem } from './describe';
import { FORMATS } from './types';

describe('"not a … payload" reads as English (issue 19, item 13: no "a incidents payload")', () => {
  it.each(FORMATS)('%s', (format) => {
    const { message } = describeAdapterProblem({ path: '$', code: 'format', got: format });
    expect(message).toMatch(/^not an? \S.* payload$/);
    expect(message).not.toMatch(/\ba (incidents|[aeiou])/i);
  });
});
