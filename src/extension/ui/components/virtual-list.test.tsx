// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test } from 'vitest';
import { VirtualList } from './virtual-list';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const list = (total: number) => (
  <VirtualList
    total={total}
    keyAt={(i) => `id-${i}`}
    row={(i) => <a href={`#/incident/${i}`}>Incident {i}</a>}
    onRange={() => undefined}
    estimate={76}
    labelledBy="h"
  />
);
const titles = () => [...root.querySelectorAll('li')].map((li) => li.textContent);

test('a row added to a short list is shown (the rows in the DOM follow the list’s length)', async () => {
  await act(() => render(list(1), root));
  expect(titles()).toEqual(['Incident 0']);
  // A second incident declared or synced while the panel is open.
  await act(() => render(list(2), root));
  await act(() => undefined);
  expect(titles()).toEqual(['Incident 0', 'Incident 1']);
  const li = root.querySelectorAll('li')[1]!;
  expect([li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')]).toEqual(['2', '2']);
});
