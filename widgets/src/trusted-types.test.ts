import { afterEach, describe, expect, it, vi } from 'vitest';

/** A page's Trusted Types factory whose CSP allow-list names only `allowed`. */
class Factory {
  constructor(private readonly allowed: string[]) {}
  createPolicy(name: string): { name: string } {
    if (!this.allowed.includes(name)) throw new TypeError(`Policy "${name}" disallowed.`);
    return { name };
  }
}

const g = globalThis as { trustedTypes?: Factory };

describe('a Trusted Types allow-list without lit-html (issue 16, item 12)', () => {
  afterEach(() => {
    delete g.trustedTypes;
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('lit’s policy refusal is caught and explained; other policies and refusals are untouched', async () => {
    const factory = (g.trustedTypes = new Factory(['app']));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tt = await import('./trusted-types');
    expect(tt.litPolicyRefused).toBe(false);
    // what lit-html does when it loads: without the guard, this throws into the page
    expect(factory.createPolicy('lit-html')).toBeUndefined();
    expect(tt.litPolicyRefused).toBe(true);
    expect(warn.mock.calls[0]?.[0]).toMatch(/trusted-types lit-html/);
    expect(factory.createPolicy('app')).toEqual({ name: 'app' });
    expect(() => factory.createPolicy('other')).toThrow(/disallowed/);
    tt.restoreCreatePolicy();
    expect(Object.hasOwn(factory, 'createPolicy')).toBe(false);
    expect(() => factory.createPolicy('lit-html')).toThrow(/disallowed/);
  });

  it('an allow-list with lit-html changes nothing', async () => {
    const factory = (g.trustedTypes = new Factory(['lit-html']));
    const tt = await import('./trusted-types');
    expect(factory.createPolicy('lit-html')).toEqual({ name: 'lit-html' });
    expect(tt.litPolicyRefused).toBe(false);
  });
});
