// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { send } from '../../messaging/channel';
import { useCatalogue } from '../../background/i18n.test-kit';
import type { ComponentsResult } from '../protocol';
import { TARGET_FIELDS, TargetFields, targetOf } from './target-fields';

vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));
const sendMock = send as unknown as Mock<(cmd: string, payload: null) => Promise<ComponentsResult>>;

beforeAll(() => useCatalogue('en'));

const LIST: ComponentsResult = {
  ok: true,
  components: [
    { id: 'cmp1', name: 'Checkout' },
    { id: 'cmp3', name: 'Card API <b>', group: 'Payments' },
  ],
};

/** TargetFields over a draft held in state, as the composer holds it; `fields` mirrors the draft. */
function setup(initial: Record<string, string> = {}) {
  const draft = { fields: { ...initial } };
  function Host() {
    const [fields, setFields] = useState(initial);
    draft.fields = fields;
    return (
      <TargetFields
        prefix="t"
        target={targetOf(fields, { status: 'investigating', componentStatus: 'partial_outage' })}
        rawComponents={fields[TARGET_FIELDS.components] ?? ''}
        set={(name, value) => setFields((f) => ({ ...f, [name]: value }))}
      />
    );
  }
  const root = document.createElement('div');
  document.body.append(root);
  render(<Host />, root);
  const button = () =>
    [...root.querySelectorAll('button')].find((b) => /components/i.test(b.textContent ?? ''))!;
  const box = (name: string) =>
    [...root.querySelectorAll('label')]
      .find((l) => l.textContent?.trim() === name)
      ?.querySelector<HTMLInputElement>('input[type=checkbox]');
  const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
  return { root, draft, button, box, flush };
}

describe('component picker', () => {
  beforeEach(() => sendMock.mockReset());
  afterEach(() => (document.body.innerHTML = ''));

  it('loads on request, ticks what the field holds, and writes ticks back as ids', async () => {
    sendMock.mockResolvedValue(LIST);
    const s = setup({ [TARGET_FIELDS.components]: 'typed9 cmp1' });
    expect(sendMock).not.toHaveBeenCalled();
    expect(s.button().textContent).toBe('Choose components');
    await act(() => s.button().click());
    expect(sendMock).toHaveBeenCalledWith('statuspage/components', null);
    await s.flush();
    const legends = [...s.root.querySelectorAll('fieldset legend')].map((l) => l.textContent);
    expect(legends).toEqual(['On Statuspage', 'Components on Statuspage', 'Payments']);
    // Names are text: the markup in a name is not parsed.
    expect(s.root.querySelector('b')).toBeNull();
    expect(s.box('Checkout')?.checked).toBe(true);
    expect(s.box('Card API <b>')?.checked).toBe(false);
    expect(s.root.textContent).toContain('Not on this page (kept as typed): typed9');
    await act(() => s.box('Card API <b>')!.click());
    expect(s.draft.fields[TARGET_FIELDS.components]).toBe('typed9, cmp1, cmp3');
    await act(() => s.box('Checkout')!.click());
    expect(s.draft.fields[TARGET_FIELDS.components]).toBe('typed9, cmp3');
    expect(s.box('Checkout')?.checked).toBe(false);
    // Typing an id by hand ticks its box.
    const input = s.root.querySelector<HTMLInputElement>('#t-sp-components')!;
    expect(input.value).toBe('typed9, cmp3');
    await act(() => {
      input.value = 'cmp1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(s.box('Checkout')?.checked).toBe(true);
    expect(s.box('Card API <b>')?.checked).toBe(false);
    expect(s.button().textContent).toBe('Reload components');
  });

  it('shows loading, then a clear error, then an empty page', async () => {
    let answer: (r: ComponentsResult) => void = () => undefined;
    sendMock.mockReturnValueOnce(new Promise((ok) => (answer = ok)));
    const s = setup();
    await act(() => s.button().click());
    expect(s.root.querySelector('[role=status]')?.textContent).toBe(
      "Loading the page's components…",
    );
    expect(s.button().disabled).toBe(true);
    await act(async () => answer({ ok: false, error: { kind: 'auth', status: 401 } }));
    expect(s.root.querySelector('[role=alert]')?.textContent).toContain(
      'Statuspage refused the API key (401)',
    );
    sendMock.mockResolvedValueOnce({ ok: false, error: { kind: 'bad_response', detail: 'x' } });
    await act(() => s.button().click());
    await s.flush();
    expect(s.root.querySelector('[role=alert]')?.textContent).toBe(
      'Statuspage sent a component list that cannot be read.',
    );
    sendMock.mockResolvedValueOnce({ ok: true, components: [] });
    await act(() => s.button().click());
    await s.flush();
    expect(s.root.querySelector('[role=status]')?.textContent).toBe(
      'This Statuspage page has no components.',
    );
    expect(s.root.querySelector('[role=alert]')?.textContent).toBe('');
    expect(s.root.querySelectorAll('input[type=checkbox]')).toHaveLength(0);
  });

  it('a background that does not answer is shown, not swallowed', async () => {
    sendMock.mockRejectedValueOnce(new Error('No reply to "statuspage/components"'));
    const s = setup();
    await act(() => s.button().click());
    await s.flush();
    expect(s.root.querySelector('[role=alert]')?.textContent).toContain('No reply');
  });
});
