/** Shared helpers for the happy-dom widget tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/statuspage', name), 'utf8'));

/** Mounts an element, sets properties, waits for its render. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  tag: string,
  attrs: Record<string, string> = {},
  props: Record<string, unknown> = {},
): Promise<T> {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

export const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
export const text = (el: Element, sel: string) =>
  $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim();
