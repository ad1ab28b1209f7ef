import { IncidentBanner } from './incident-banner';

/** Registers `<incident-banner>` once; a second copy of the bundle or an SSR import does nothing. */
if (
  typeof window !== 'undefined' &&
  window.customElements &&
  !customElements.get('incident-banner')
) {
  customElements.define('incident-banner', IncidentBanner);
}

export { IncidentBanner };

declare global {
  interface HTMLElementTagNameMap {
    'incident-banner': IncidentBanner;
  }
}
