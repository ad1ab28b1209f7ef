/**
 * Shared design tokens and component styles, as text, so the same rules can go into a closed
 * shadow root (overlay) and into extension pages. Every foreground/background pair below meets
 * WCAG AA (4.5:1 for text) in both schemes; `tokens.test.ts` checks the ratios.
 */
export const LIGHT = {
  bg: '#ffffff',
  fg: '#1a1a1a',
  muted: '#4d4d4d',
  border: '#767676',
  surface: '#f3f4f6',
  accent: '#0b57d0',
  accentFg: '#ffffff',
  soon: '#8a4b00',
  overdue: '#b3261e',
  ok: '#1f6f3a',
  match: '#fff4cc',
} as const;

export const DARK = {
  bg: '#1b1d21',
  fg: '#f1f3f4',
  muted: '#c4c7c5',
  border: '#8e918f',
  surface: '#2a2d32',
  accent: '#a8c7fa',
  accentFg: '#062e6f',
  soon: '#ffb866',
  overdue: '#ffb4ab',
  ok: '#7fd69a',
  match: '#4a3f12',
} as const;

/** Chip colours: white text on a dark fill, fine in both schemes. */
export const CHIP_BG = {
  1: '#a50e0e',
  2: '#9c4100',
  3: '#6b5200',
  4: '#3c4a5c',
  maint: '#174ea6',
  unknown: '#4d4d4d',
} as const;

const vars = (p: Record<string, string>) =>
  Object.entries(p)
    .map(([k, v]) => `--lens-${k}:${v};`)
    .join('');

/** Tokens and the components every view shares (chips, countdowns, buttons). */
export function baseCss(scope: string): string {
  const chips = Object.entries(CHIP_BG)
    .map(([k, v]) => `.chip-${k}{background:${v};}`)
    .join('');
  return `
${scope}{${vars(LIGHT)}color-scheme:light dark;color:var(--lens-fg);background:var(--lens-bg);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;}
@media (prefers-color-scheme: dark){${scope}{${vars(DARK)}}}
.chip{display:inline-block;padding:1px 8px;border-radius:999px;color:#fff;font-weight:700;font-size:12px;
line-height:18px;white-space:nowrap;}
${chips}
.cd{font-variant-numeric:tabular-nums;font-weight:600;white-space:nowrap;}
.cd.cd-note{white-space:normal;overflow-wrap:anywhere;font-weight:400;}
.cd-ok{color:var(--lens-ok);} .cd-soon{color:var(--lens-soon);} .cd-overdue{color:var(--lens-overdue);}
.cd-soon::before,.cd-overdue::before{content:"\\25B2\\00A0";font-size:.8em;}
.muted{color:var(--lens-muted);}
button,.btn{font:inherit;color:var(--lens-accentFg);background:var(--lens-accent);border:1px solid var(--lens-accent);
border-radius:6px;padding:4px 10px;cursor:pointer;}
button.secondary{color:var(--lens-fg);background:transparent;border-color:var(--lens-border);}
button:disabled{opacity:.6;cursor:default;}
:focus-visible{outline:3px solid var(--lens-accent);outline-offset:2px;}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}
.deadlines{list-style:none;margin:4px 0;padding:0;}
.deadlines li{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:4px 8px;}
.deadlines button{padding:0 6px;font-size:.85em;white-space:normal;text-align:start;max-width:100%;}
.update{white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0;}
.stale{border-left:4px solid var(--lens-overdue);padding:4px 8px;background:var(--lens-surface);}
@media (prefers-reduced-motion: no-preference){button{transition:filter .15s;}}
`;
}
