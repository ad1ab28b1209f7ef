// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { useCatalogue } from '../../background/i18n.test-kit';
import { send } from '../../messaging/channel';

// The editor reaches the browser only to save; a refused template is never sent.
vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));
const { TemplateEditor } = await import('./templates-editor');

const host = document.createElement('div');
afterEach(() => render(null, host));
afterAll(() => useCatalogue('en'));

/** Options → Templates, the banner in `lang`'s UI, with `text` typed into the template. */
function typeBanner(text: string): void {
  act(() =>
    render(
      <TemplateEditor
        id="banner"
        lang="en"
        stored={undefined}
        cadence={30}
        locked={false}
        onSaved={() => undefined}
      />,
      host,
    ),
  );
  const area = host.querySelector<HTMLTextAreaElement>('#tpl-text')!;
  area.value = text;
  act(() => void area.dispatchEvent(new Event('input', { bubbles: true })));
}

const listed = () => [...host.querySelectorAll('#tpl-lints li')].map((li) => li.textContent);

describe('Options → Templates explains a broken template in the user’s language', () => {
  test.each([
    [
      'en',
      '{{featur}} is not a placeholder of this template. It can use: {{feature}}, {{statusPageUrl}}.',
      'Save the template',
      'Not saved: ',
    ],
    [
      'de',
      '{{featur}} ist kein Platzhalter dieser Vorlage. Möglich sind: {{feature}}, {{statusPageUrl}}.',
      'Vorlage speichern',
      'Nicht gespeichert: ',
    ],
  ] as const)('%s: an unknown placeholder, listed and refused', (lang, why, save, refused) => {
    useCatalogue(lang);
    typeBanner('Trouble with {{featur}}. See {{statusPageUrl}}.');
    expect(listed()).toEqual([why]);
    expect(host.querySelector('#tpl-text')!.getAttribute('aria-invalid')).toBe('true');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === save)!;
    act(() => button.click());
    expect(host.querySelector('[role=alert]')?.textContent).toBe(refused + why);
    expect(send).not.toHaveBeenCalled();
    expect(host.textContent).not.toMatch(/Unknown placeholder|"banner"/);
  });

  test('de: its lints (here a promised fix time) are in German too', () => {
    useCatalogue('de');
    typeBanner('Probleme mit {{feature}}. We promise a fix within 10 minutes. {{statusPageUrl}}');
    expect(listed()).toEqual([
      '„fix within 10 minutes“ verspricht eine Behebungszeit, die das Team womöglich nicht einhalten kann',
    ]);
  });
});
