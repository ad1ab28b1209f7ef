import { ADAPTERS, adapterFor, type HelpdeskAdapter } from './helpdesks';

/** At most this many characters of page text are scanned: a ticket's subject and body fit easily. */
export const MAX_TEXT = 50_000;
/** Elements looked at when searching open shadow roots and same-origin frames for a selector. */
const DEEP_ELEMENTS = 20_000;
/** The generic reader's limit for the text around the main heading. */
const AROUND_HEADING = 8_000;

type Root = Document | ShadowRoot | Element;

/** The document of a same-origin frame, or null (a cross-origin frame throws or gives null). */
function frameDoc(el: Element): Document | null {
  if (el.tagName !== 'IFRAME' && el.tagName !== 'FRAME') return null;
  try {
    return (el as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** The roots inside `root`: open shadow roots and same-origin frame documents (bounded). */
function innerRoots(root: Root): (ShadowRoot | Document)[] {
  const out: (ShadowRoot | Document)[] = [];
  const all = root.querySelectorAll('*');
  const n = Math.min(all.length, DEEP_ELEMENTS);
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    if (el.shadowRoot) out.push(el.shadowRoot);
    const doc = frameDoc(el);
    if (doc?.documentElement) out.push(doc);
  }
  return out;
}

/**
 * The first element matching `selector` in `root`, its open shadow roots and same-origin frames
 * (depth-first, light DOM first: the cheap query runs before any walk).
 */
export function deepQuery(root: Root, selector: string, depth = 4): Element | null {
  const found = root.querySelector(selector);
  if (found || depth === 0) return found;
  for (const inner of innerRoots(root)) {
    const f = deepQuery(inner, selector, depth - 1);
    if (f) return f;
  }
  return null;
}

/** Every element matching `selector`, in `root` and its open shadow roots and same-origin frames. */
export function deepQueryAll(root: Root, selector: string, depth = 4): Element[] {
  const out = [...root.querySelectorAll(selector)];
  if (depth > 0)
    for (const inner of innerRoots(root)) out.push(...deepQueryAll(inner, selector, depth - 1));
  return out;
}

/** Text an element shows: an input's value, else its rendered text, else its text content. */
function ownText(el: Element): string {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
  const inner = (el as HTMLElement).innerText;
  return typeof inner === 'string' ? inner : (el.textContent ?? '');
}

/**
 * The text of `el` with what its open shadow roots and same-origin frames show (innerText stops
 * at both). Bounded by `max` characters.
 */
export function deepText(el: Element, max = MAX_TEXT, depth = 4): string {
  let text = ownText(el);
  if (depth > 0 && text.length < max) {
    const own = el.shadowRoot ?? frameDoc(el);
    const roots = own ? [own, ...innerRoots(el)] : innerRoots(el);
    for (const r of roots) {
      const body = r instanceof Document ? r.body : null;
      const kids = body ? [body] : [...r.children];
      for (const k of kids) {
        if (text.length >= max) break;
        if (k.tagName !== 'STYLE' && k.tagName !== 'SCRIPT')
          text += `\n${deepText(k, max - text.length, depth - 1)}`;
      }
    }
  }
  return text.slice(0, max);
}

/** Where the ticket is on the page: the regions read, their text, and the reply editor if found. */
export interface TicketRegion {
  /** The helpdesk adapter used, or 'generic'. */
  via: string;
  elements: Element[];
  text: string;
}

/** The adapter for this page: by host name, else by its markup (custom helpdesk domains). */
export function pageAdapter(doc: Document): HelpdeskAdapter | undefined {
  const byHost = adapterFor(doc.location?.hostname ?? '');
  if (byHost) return byHost;
  return ADAPTERS.find((a) => a.subject.some((s) => doc.querySelector(s)));
}

/** Subject and latest customer message through an adapter; null when its markup is not there. */
function readWithAdapter(doc: Document, a: HelpdeskAdapter): TicketRegion | null {
  let subject: Element | null = null;
  for (const s of a.subject) if ((subject = deepQuery(doc, s))) break;
  let latest: Element | undefined;
  for (const s of a.messages) if ((latest = deepQueryAll(doc, s).at(-1))) break;
  const elements = [subject, latest].filter((e): e is Element => e !== null && e !== undefined);
  if (elements.length === 0) return null;
  return { via: a.id, elements, text: elements.map((e) => deepText(e)).join('\n') };
}

const HEADING = 'h1,h2,[role=heading][aria-level="1"],[role=heading][aria-level="2"]';
/** Parts of a page that list OTHER things (recent tickets, navigation, side panels): never read. */
const ELSEWHERE = 'table,nav,aside,[role=navigation],[role=complementary],[role=grid],footer';

/** The page's main heading: the first h1 (or ARIA level-1 heading), in the page or its inner roots. */
function mainHeading(doc: Document): Element | null {
  return deepQuery(doc, 'h1') ?? deepQuery(doc, '[role=heading][aria-level="1"]');
}

/**
 * The main heading and the text around it: the heading, then what follows it up to the next
 * heading, skipping tables, navigation and side panels. A heading alone in a wrapper (a <header>)
 * continues after the wrapper.
 */
function aroundHeading(h: Element): Element[] {
  const out: Element[] = [h];
  let size = 0;
  let node: Element | null = h;
  for (let level = 0; node && level < 3 && out.length === 1; level++) {
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(HEADING) || sib.querySelector(HEADING)) return out;
      if (sib.matches(ELSEWHERE)) continue;
      out.push(sib);
      size += sib.textContent?.length ?? 0;
      if (size > AROUND_HEADING) return out;
    }
    node = node.parentElement;
    if (node?.matches('body,main,[role=main],article')) break;
  }
  return out;
}

/** The focused element, through open shadow roots and same-origin frames. */
export function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  for (let i = 0; el && i < 8; i++) {
    const next: Element | null | undefined =
      el.shadowRoot?.activeElement ?? frameDoc(el)?.activeElement;
    if (!next) break;
    el = next;
  }
  return el;
}

const REGION =
  'article,[role=article],section,[role=region],form,[role=dialog],dialog,[role=main],main';

/** The region around the focused element (its article, section, dialog…), if focus is in one. */
function focusedRegion(doc: Document): Element | null {
  const el = deepActive(doc);
  if (!el || el === doc.body || el === doc.documentElement) return null;
  return el.closest(REGION);
}

/** The generic reader: the main heading and the text around it, and the focused region. */
function readGeneric(doc: Document): TicketRegion | null {
  const elements: Element[] = [];
  const h = mainHeading(doc);
  if (h) elements.push(...aroundHeading(h));
  const f = focusedRegion(doc);
  if (f && !elements.some((e) => e.contains(f) || f.contains(e))) elements.push(f);
  if (elements.length === 0) return null;
  const text = elements
    .map((e) => deepText(e, AROUND_HEADING))
    .join('\n')
    .slice(0, MAX_TEXT);
  return { via: 'generic', elements, text };
}

/** The open ticket's text: through the helpdesk's adapter, else the generic reader. Never the whole page. */
export function readTicket(doc: Document = document): TicketRegion | null {
  const a = pageAdapter(doc);
  return (a && readWithAdapter(doc, a)) ?? readGeneric(doc);
}

/** The old whole-page reader's replacement: the ticket's text, bounded ('' when none is found). */
export function visiblePageText(doc: Document = document, max = MAX_TEXT): string {
  return (readTicket(doc)?.text ?? '').slice(0, max);
}

/**
 * Calls `fn` with the ticket's text now and whenever the ticket changes: a mutation inside the
 * regions read (debounced), a region leaving the page, a new address (single-page helpdesks), or
 * focus moving to another region. Changes elsewhere on a busy page (a 3,000-row queue that updates
 * every 250 ms) cost one cheap check per mutation batch and no read. Stops when `signal` aborts.
 */
export function watchPageText(
  fn: (text: string) => void,
  signal: AbortSignal,
  debounceMs = 600,
  doc: Document = document,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let regions: Element[] = [];
  let href = doc.location?.href;
  let lastText: string | undefined;
  const inRegion = new MutationObserver(() => schedule());
  const run = () => {
    timer = undefined;
    if (signal.aborted) return;
    const read = readTicket(doc);
    regions = read?.elements ?? [];
    href = doc.location?.href;
    inRegion.disconnect();
    for (const r of regions) {
      inRegion.observe(r, { childList: true, subtree: true, characterData: true });
      if (r.shadowRoot)
        inRegion.observe(r.shadowRoot, { childList: true, subtree: true, characterData: true });
    }
    const text = read?.text ?? '';
    if (text !== lastText) fn((lastText = text));
  };
  // With no ticket found yet, a busy page's every change would ask again: look less often.
  const schedule = () => {
    if (timer === undefined && !signal.aborted)
      timer = setTimeout(run, regions.length === 0 ? debounceMs * 5 : debounceMs);
  };
  // The page shell: only asks whether the ticket may have changed; reads nothing itself.
  const shell = new MutationObserver(() => {
    if (doc.location?.href !== href || regions.length === 0 || regions.some((r) => !r.isConnected))
      schedule();
  });
  shell.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  const onFocus = () => schedule();
  doc.addEventListener('focusin', onFocus, true);
  signal.addEventListener('abort', () => {
    shell.disconnect();
    inRegion.disconnect();
    doc.removeEventListener('focusin', onFocus, true);
    if (timer !== undefined) clearTimeout(timer);
  });
  run();
}
