/**
 * Input events that can act in the overlay. A page script can `dispatchEvent` or `.click()` only
 * untrusted events (`isTrusted: false`); the agent's own input is always trusted.
 */
const ACTING = [
  'click',
  'auxclick',
  'dblclick',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'focusin',
  'beforeinput',
] as const;

/**
 * Stops every untrusted input event at the shadow root, in the capture phase, before any handler
 * inside it runs: even a page that reached into the closed root cannot forge "Mark done" or
 * "Copy customer reply" with a synthetic click (issue 16, item 3). Returns the removal.
 */
export function ignoreUntrusted(root: EventTarget): () => void {
  const stop = (e: Event) => {
    if (e.isTrusted) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const type of ACTING) root.addEventListener(type, stop, true);
  return () => {
    for (const type of ACTING) root.removeEventListener(type, stop, true);
  };
}
