/**
 * Shows or hides the badge's tooltip, an on-demand chunk of the standalone file (loaded at the
 * first hover or keyboard focus). The tooltip is a manual popover: in the top layer, so no
 * `overflow: hidden` ancestor clips it; placed under the badge, or above it near the bottom of
 * the viewport. Without popover support the CSS fallback shows it in place.
 */
export function showTip(tip: HTMLElement, anchor: Element, show: boolean): void {
  try {
    if (!show) return tip.hidePopover();
    tip.showPopover();
    const r = anchor.getBoundingClientRect();
    const below = r.bottom + 4 + tip.offsetHeight <= innerHeight;
    tip.style.top = `${below ? r.bottom + 4 : r.top - 4 - tip.offsetHeight}px`;
    tip.style.left = `${Math.max(0, Math.min(r.left, innerWidth - tip.offsetWidth))}px`;
  } catch {
    // no popover support (or it was already in that state)
  }
}
