// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ignoreUntrusted } from './trusted';

describe('untrusted events', () => {
  it('never reach a button inside the guarded root (a page script cannot click for the agent)', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    root.append(button);
    const seen: string[] = [];
    button.addEventListener('click', () => seen.push('click'));
    button.addEventListener('keydown', () => seen.push('keydown'));
    button.click(); // a script's click is untrusted
    expect(seen).toEqual(['click']); // unguarded, it lands: the attack
    seen.length = 0;
    const remove = ignoreUntrusted(root);
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(seen).toEqual([]);
    remove();
    button.click();
    expect(seen).toEqual(['click']);
  });
});
