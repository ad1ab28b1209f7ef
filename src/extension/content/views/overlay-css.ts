import { baseCss } from '../../ui/styles';

/**
 * Styles inside the closed shadow root. Host-page CSS cannot select these elements; inherited
 * properties are cut off at the host by `all: initial` (see mount.ts), so the overlay looks the
 * same on any page. Everything is position: fixed, so the host page's layout never moves.
 */
export const OVERLAY_CSS = `${baseCss(':host')}
:host{all:initial;display:block !important;position:fixed !important;top:0 !important;left:0 !important;
width:0 !important;height:0 !important;overflow:visible !important;z-index:2147483647 !important;
visibility:visible !important;opacity:1 !important;background:transparent;}
.pill{position:fixed;display:flex;align-items:center;gap:4px;padding:6px 14px;border-radius:999px;
border:2px solid #fff;box-shadow:0 2px 8px rgba(0,0,0,.35);color:#fff;font:600 14px/1.2 system-ui,sans-serif;
cursor:pointer;touch-action:none;user-select:none;}
.pill-clear{background:var(--lens-bg);color:var(--lens-fg);border-color:var(--lens-border);font-weight:400;}
.pill.dragging{cursor:grabbing;box-shadow:0 6px 18px rgba(0,0,0,.45);}
.panel{position:fixed;box-sizing:border-box;width:min(380px,calc(100vw - 32px));max-height:min(70vh,640px);
overflow:auto;padding:12px 14px;border:1px solid var(--lens-border);border-radius:10px;background:var(--lens-bg);
color:var(--lens-fg);box-shadow:0 8px 28px rgba(0,0,0,.35);font:14px/1.45 system-ui,sans-serif;text-align:start;}
.panel{overflow-x:hidden;overflow-wrap:anywhere;} .panel *{min-width:0;max-width:100%;}
.root{writing-mode:horizontal-tb;text-orientation:mixed;}
.reply-actions{display:flex;flex-wrap:wrap;gap:6px;}
.panel-head{display:flex;justify-content:space-between;align-items:center;gap:8px;margin-bottom:6px;}
h2{font-size:16px;margin:0;} h3{font-size:15px;margin:0 0 4px;}
p{margin:2px 0;} ul{margin:2px 0;padding-left:18px;}
.card{border-top:1px solid var(--lens-border);padding:8px 0;}
.meta{font-size:13px;}
.matched{background:var(--lens-match);border-radius:8px;padding:0 6px;margin:0 -6px;}
.match-note{padding-top:6px;}
.reply{margin-top:6px;}
.stale p{margin:2px 0;}
a{color:var(--lens-accent);text-decoration:underline;}
h4{font-size:15px;margin:0 0 4px;}
.reply-lang{display:inline-flex;flex-wrap:wrap;align-items:center;gap:4px;}
select{font:inherit;color:var(--lens-fg);background:var(--lens-bg);border:1px solid var(--lens-border);
border-radius:6px;padding:3px 6px;}
.resolved-list{margin-top:10px;border-top:2px solid var(--lens-border);padding-top:8px;}
.resolved-list>h3{margin-bottom:2px;}
.card-resolved{border-inline-start:4px solid var(--lens-ok);padding-inline-start:8px;}
.resolved-note{color:var(--lens-ok);}
@media (prefers-reduced-motion: no-preference){.pill{transition:box-shadow .15s;}}
`;
