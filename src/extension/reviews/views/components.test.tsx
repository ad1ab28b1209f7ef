// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintActionItem } from '../../../core/review';
import { CATALOGUES, useCatalogue } from '../../background/i18n.test-kit';
import { CompletionChart } from './completion-chart';
import { Lints } from './lint-view';
import { completionRows } from './view-model';

beforeAll(() => useCatalogue('en'));

const mount = (vnode: preact.ComponentChild): HTMLElement => {
  const el = document.createElement('div');
  render(vnode, el);
  return el;
};

describe('reviews components', () => {
  it('shows the completion rate in a table beside the chart', () => {
    const rows = completionRows(
      [
        { month: '2025-05', due: 4, doneOnTime: 3, rate: 0.75 },
        { month: '2025-06', due: 0, doneOnTime: 0, rate: null },
      ],
      'en-US',
    );
    const el = mount(<CompletionChart rows={rows} />);
    const svg = el.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(el.querySelector(`#${svg?.getAttribute('aria-labelledby')}`)?.textContent).toContain(
      'completion rate',
    );
    expect(el.querySelectorAll('rect.bar')).toHaveLength(1);
    const cells = [...el.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(cells).toEqual([
      ['May 2025', '4', '3', '75%'],
      ['Jun 2025', '0', '0', '—'],
    ]);
    expect(el.querySelector('caption')?.textContent).toBe('Completion rate by month');
  });

  it('flags a vague action item, quoting the verb, with a suggestion', () => {
    const item = {
      id: 'a',
      description: 'Improve monitoring',
      owner: 'Ana',
      dueAt: 2e12,
      status: 'open' as const,
      createdAt: 0,
    };
    const el = mount(<Lints id="x" lints={lintActionItem(item, 0)} />);
    const li = el.querySelector('li[data-code="vague_action"]');
    expect(li?.textContent).toContain('"Improve" does not say what result will exist');
    expect(li?.textContent).toContain('Instead: Say what will exist when it is done');
  });
});

describe('reviews strings', () => {
  it('exist in English and German with the same placeholders', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const dir = import.meta.dirname;
    const source = (
      await Promise.all(
        (await readdir(dir))
          .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
          .map((f) => readFile(resolve(dir, f), 'utf8')),
      )
    ).join('\n');
    // a count in words (tn) is looked up as its plural forms, never as the bare key
    const counted = new Set([...source.matchAll(/\btn\(\s*'(\w+)'/g)].map((m) => m[1]!));
    const keys = [
      ...new Set([...source.matchAll(/'((?:review|reviews|dash)_[a-zA-Z]+)'/g)].map((m) => m[1]!)),
    ].flatMap((k) => (counted.has(k) ? [`${k}_one`, `${k}_other`] : [k]));
    expect(keys.length).toBeGreaterThan(100);
    const de: Record<string, { message: string } | undefined> = CATALOGUES.de;
    const enAll: Record<string, { message: string } | undefined> = CATALOGUES.en;
    const holes = (m: string | undefined) => (m?.match(/\$\d/g) ?? []).sort().join();
    for (const k of keys) {
      expect(enAll[k]?.message, `en ${k}`).toBeTruthy();
      expect(de[k]?.message, `de ${k}`).toBeTruthy();
      expect(holes(de[k]?.message), k).toBe(holes(enAll[k]?.message));
    }
  });
});
