import { describe, expect, it } from 'vitest';
import { LINT_MESSAGE_IDS, LINT_SUGGESTION_IDS } from './lint-ids';
import { sampleLints } from './lint-samples.test-kit';

describe('lint message ids', () => {
  const lints = sampleLints();
  it('every lint the core writes names its sentence; the samples reach every id', () => {
    expect(lints.filter((l) => l.messageId === undefined)).toEqual([]);
    expect(new Set(lints.map((l) => l.messageId))).toEqual(new Set(LINT_MESSAGE_IDS));
  });
  it('exactly the ids in LINT_SUGGESTION_IDS carry a suggestion', () => {
    for (const l of lints)
      expect(l.suggestion !== undefined, l.messageId).toBe(
        LINT_SUGGESTION_IDS.includes(l.messageId!),
      );
  });
  it('params fill the English message: each param appears in it', () => {
    for (const l of lints)
      for (const p of l.params ?? []) expect(l.message, l.messageId).toContain(String(p));
  });
});
