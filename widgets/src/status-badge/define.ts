import { StatusBadge } from './status-badge';

/** Registers `<status-badge>` once; a second copy of the bundle or an SSR import does nothing. */
if (typeof window !== 'undefined' && window.customElements && !customElements.get('status-badge')) {
  customElements.define('status-badge', StatusBadge);
}

export { StatusBadge };

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
