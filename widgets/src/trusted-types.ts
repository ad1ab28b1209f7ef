/**
 * Import this module before `lit`. When lit-html loads, it creates a Trusted Types policy named
 * "lit-html". A page whose CSP allow-list (`trusted-types …`) lacks that name makes `createPolicy`
 * throw at module load: the error reached the page and neither tag was defined (issue 16, item 12).
 * While lit loads, a refusal of that one policy is caught: the widgets then render plain text (no
 * markup, so nothing the page's policy forbids) and the console says what to allow.
 */

interface PolicyFactory {
  createPolicy(name: string, rules: unknown): unknown;
}

/** True once this page refused the "lit-html" policy: the widgets render text only. */
export let litPolicyRefused = false;

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
const create = factory?.createPolicy;
if (factory && create)
  factory.createPolicy = (name, rules) => {
    try {
      return create.call(factory, name, rules);
    } catch (e) {
      if (name !== 'lit-html') throw e;
      litPolicyRefused = true;
      console.warn('Incident Lens widgets: plain text until the CSP allows trusted-types lit-html');
    }
  };

/** Puts the page's own `createPolicy` back once lit has loaded (the wrapper is an own property). */
export function restoreCreatePolicy(): void {
  if (factory) delete (factory as Partial<PolicyFactory>).createPolicy;
}
