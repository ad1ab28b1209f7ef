/** @jsxImportSource react */
// A React 19 app page with both widgets, as a product team writes it (README: "In a bundled app"):
// built by layout-kit.ts's buildReactApp for the layout tests and the bench. The feed URL comes
// from `?feed=`.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import '@incident-lens/widgets/define';
import type { IncidentBanner, StatusBadge } from '@incident-lens/widgets';

type Props<T> = DetailedHTMLProps<HTMLAttributes<T>, T> & { src?: string; position?: string };
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'incident-banner': Props<IncidentBanner>;
      'status-badge': Props<StatusBadge>;
    }
  }
}

const params = new URLSearchParams(location.search);
const feed = params.get('feed') ?? '/api/v2/summary.json';
const position = params.get('position') ?? 'inline';
const CARDS = ['Orders', 'Revenue', 'Customers', 'Refunds', 'Shipping', 'Support'];

function App() {
  return (
    <>
      <header>
        <h1>Acme</h1>
        <nav>
          <a href="#orders">Orders</a>
        </nav>
        <status-badge src={feed} />
      </header>
      <incident-banner src={feed} position={position} />
      <main>
        {CARDS.map((c) => (
          <article key={c}>
            <h2>{c}</h2>
            <p>Figures for {c.toLowerCase()} this week, compared with the week before.</p>
            <button type="button">Open {c.toLowerCase()}</button>
          </article>
        ))}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
