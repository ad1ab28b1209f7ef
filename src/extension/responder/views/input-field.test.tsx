// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCatalogue } from '../../background/i18n.test-kit';
import { localTimeZone } from '../../ui/datetime-input';
import { InputField } from './common';

beforeAll(() => useCatalogue('en'));

describe('InputField, the labelled one-line input of the responder forms', () => {
  const host = document.createElement('div');
  afterEach(() => render(null, host));

  it('a date and time: labelled, bounded by max, its error tied to it, typing reported', () => {
    const seen: string[] = [];
    act(() =>
      render(
        <InputField
          id="t"
          label="Resolved at"
          type="datetime-local"
          value="2025-03-15T09:00"
          max="2025-03-15T10:00"
          error="Enter a time."
          onValue={(v) => seen.push(v)}
        />,
        host,
      ),
    );
    const input = host.querySelector('input')!;
    expect(host.querySelector('label')?.getAttribute('for')).toBe('t');
    expect(input.type).toBe('datetime-local');
    expect(input.getAttribute('max')).toBe('2025-03-15T10:00');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // described by the zone the time is read in, then the error
    expect(input.getAttribute('aria-describedby')).toBe('t-hint t-err');
    expect(host.querySelector('#t-hint')?.textContent).toBe(`Times are in ${localTimeZone()}.`);
    expect(host.querySelector('#t-err')?.textContent).toBe('Enter a time.');
    input.value = '2025-03-15T09:30';
    act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    expect(seen).toEqual(['2025-03-15T09:30']);
  });

  it('text by default, without a max, with its hint described', () => {
    act(() =>
      render(<InputField id="r" label="Reason" hint="Why" value="" onValue={() => {}} />, host),
    );
    const input = host.querySelector('input')!;
    expect(input.type).toBe('text');
    expect(input.hasAttribute('max')).toBe(false);
    expect(input.getAttribute('aria-describedby')).toBe('r-hint');
  });
});
