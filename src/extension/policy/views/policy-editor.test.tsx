// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { useCatalogue } from '../../background/i18n.test-kit';
import { DEFAULT_POLICY } from '../../../core/policy';

// The editor's module reaches the browser only to save (not done here) and for the section's
// stored state; the form under test needs neither.
vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));
const { Editor } = await import('./policy-editor');

const host = document.createElement('div');
afterEach(() => render(null, host));
afterAll(() => useCatalogue('en'));

/** Types `value` into the field labelled `label`, as the user does. */
function type(label: string, value: string): HTMLInputElement {
  const l = [...host.querySelectorAll('label')].find((x) => x.textContent === label);
  const input = host.querySelector<HTMLInputElement>(`#${l!.getAttribute('for')!}`)!;
  input.value = value;
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
  return input;
}

/** The error text the field announces (aria-describedby), or null. */
const errorOf = (input: HTMLInputElement) => {
  const id = input.getAttribute('aria-describedby');
  return id ? (host.querySelector(`#${id}`)?.textContent ?? null) : null;
};

describe('Options → Policy: a refused value is explained in words, naming the field as labelled', () => {
  test.each([
    [
      'en',
      'Status page update cadence (minutes)',
      '“Status page update cadence (minutes)” must be a number greater than 0.',
    ],
    [
      'de',
      'Takt der Statusseiten-Updates (Minuten)',
      '„Takt der Statusseiten-Updates (Minuten)“ muss eine Zahl größer als 0 sein.',
    ],
  ] as const)('%s: a cadence of 0', (lang, label, message) => {
    useCatalogue(lang);
    act(() => render(<Editor saved={DEFAULT_POLICY} locked={false} />, host));
    const input = type(label, '0');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(input)).toBe(message);
    // one mistake, one message: not also the update rules the cadence is copied into
    expect([...host.querySelectorAll('.field-error')].map((e) => e.textContent)).toEqual([message]);
    expect(host.textContent).not.toContain('updateCadenceMinutes');
    expect(host.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
  });

  test('each field names itself: the name, the warning minutes, the widespread share, a deadline', () => {
    useCatalogue('en');
    act(() => render(<Editor saved={DEFAULT_POLICY} locked={false} />, host));
    expect(errorOf(type('Policy name', ' '))).toBe('“Policy name” must not be empty.');
    expect(errorOf(type('Warn this many minutes before a deadline', '-5'))).toBe(
      '“Warn this many minutes before a deadline” must be 0 or more.',
    );
    const widespread = [...host.querySelectorAll('label')].find((l) =>
      l.textContent.startsWith('Widespread impact'),
    )!.textContent;
    expect(errorOf(type(widespread, '100'))).toBe(
      `“${widespread}” must be a number greater than 0 and less than 100.`,
    );
    const deadline = [...host.querySelectorAll('label')].find((l) =>
      l.textContent.endsWith(': minutes after classification'),
    )!.textContent;
    expect(errorOf(type(deadline, '-1'))).toBe(`“${deadline}” must be 0 or more.`);
    // none of the core's own wording reaches the user
    expect(host.textContent).not.toMatch(/positive number|number ≥|non-empty string|dueMinutes/);
  });
});

describe('Options → Policy: the preview never shows a refused value', () => {
  // The rules' labels are the policy's own text (its author's language), not the UI's.
  const preview = () => host.querySelector('[aria-labelledby=policy-preview]')!.textContent;

  test.each([
    ['en', 'Status page update cadence (minutes)', 'every 0 min', 'every 30 min', 'last accepted'],
    [
      'de',
      'Takt der Statusseiten-Updates (Minuten)',
      'every 0 min',
      'every 30 min',
      'zuletzt gültigen',
    ],
  ] as const)(
    '%s: a cadence of 0 leaves the last valid one in the preview',
    (lang, label, refused, kept, note) => {
      useCatalogue(lang);
      act(() => render(<Editor saved={DEFAULT_POLICY} locked={false} />, host));
      expect(preview()).toContain(kept);
      type(label, '0');
      expect(preview()).not.toContain(refused);
      expect(preview()).toContain(kept);
      expect(preview()).toContain(note);
      // a valid value again: the preview follows it, and the note goes
      type(label, '20');
      expect(preview()).toContain('every 20 min');
      expect(preview()).not.toContain(note);
    },
  );
});

describe('Options → Policy: a broken stored policy is explained in words too', () => {
  /** The default policy with SEV-4 lost and SEV-1's update rule off the cadence (as an old import left it). */
  const broken = () => {
    const p = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as typeof DEFAULT_POLICY;
    p.levels = p.levels.filter((l) => l.severity !== 4);
    const rule = p.levels[0]!.obligations.find((r) => r.id === 'status_updates')!;
    rule.repeatEveryMinutes = 45;
    return p;
  };

  test.each([
    [
      'en',
      [
        '“SEV-1 (Critical), Status page update every 30 min (impact, learned, next update time): repeats every (minutes)” must equal the status page update cadence, 30 minutes (it is 45).',
        '“Severity levels” must include a level for SEV-4.',
      ],
      'No preview while a value above is refused.',
    ],
    [
      'de',
      [
        '„SEV-1 (Critical), Status page update every 30 min (impact, learned, next update time): wiederholt alle (Minuten)“ muss dem Takt der Statusseiten-Updates entsprechen, 30 Minuten (er ist 45).',
        '„Schweregrade“ muss einen Schweregrad SEV-4 enthalten.',
      ],
      'Keine Vorschau, solange ein Wert oben abgelehnt wird.',
    ],
  ] as const)('%s', (lang, problems, noPreview) => {
    useCatalogue(lang);
    act(() => render(<Editor saved={broken()} locked={false} />, host));
    const listed = [...host.querySelectorAll('ul.field-error li')].map((li) => li.textContent);
    expect(listed).toEqual(problems);
    expect(host.textContent).not.toMatch(
      /levels\[|repeatEveryMinutes|updateCadenceMinutes|levels must/,
    );
    expect(host.querySelector('[aria-labelledby=policy-preview]')!.textContent).toContain(
      noPreview,
    );
    expect(host.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
  });

  test('a problem in a rule set above, for every severity, is listed, not dropped', () => {
    useCatalogue('en');
    const p = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as typeof DEFAULT_POLICY;
    p.levels[1]!.obligations.find((r) => r.id === 'postmortem')!.dueMinutes = 60;
    act(() => render(<Editor saved={p} locked={false} />, host));
    expect([...host.querySelectorAll('ul.field-error li')].map((li) => li.textContent)).toEqual([
      '“SEV-2 (Major), Post-mortem published within 48 h of resolution: deadline (minutes)” must equal the post-mortem window, 2880 minutes (it is 60).',
    ]);
  });
});
