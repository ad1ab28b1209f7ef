/** Shared helpers for the happy-dom widget tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { whenLoaded } from './i18n';

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/statuspage', name), 'utf8'));

/**
 * Mounts an element, sets properties, waits for its render (and for its locale's strings, which
 * load on demand the first time).
 */
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
  await whenLoaded((props.locale as string | undefined) ?? attrs.locale);
  await el.updateComplete;
  return el;
}

export const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
export const text = (el: Element, sel: string) =>
  $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim();
