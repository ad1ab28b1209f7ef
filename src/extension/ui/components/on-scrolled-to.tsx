import { useEffect, useRef } from 'preact/hooks';

/** Calls `onVisible` when it scrolls into view (once per mount): loads the next page of a list. */
export function OnScrolledTo({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLSpanElement>(null);
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        latest.current();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  return <span ref={ref} aria-hidden="true" />;
}
