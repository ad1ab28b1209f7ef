/** Mounts the overlay host in a closed shadow root. */
export function mountOverlay(): void {
  const host = document.createElement('incident-lens-overlay');
  const root = host.attachShadow({ mode: 'closed' });
  root.textContent = 'Incident Lens';
  document.documentElement.append(host);
}
