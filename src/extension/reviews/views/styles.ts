/**
 * Styles of the reviews views, on top of the shared tokens (ui/styles.ts). Every colour is a
 * token, so light and dark both meet WCAG AA; motion only when the user has not asked for less.
 */
export const REVIEWS_CSS = `
.rv textarea,.rv input[type=date],.rv input[type=datetime-local],.rv select,.rv input[type=text],.rv input[type=number]{
font:inherit;color:var(--lens-fg);background:var(--lens-bg);border:1px solid var(--lens-border);border-radius:6px;
padding:4px 8px;box-sizing:border-box;max-width:100%;}
.rv textarea{width:100%;min-height:4em;}
.rv input[type=text]{width:100%;}
.rv fieldset{border:1px solid var(--lens-border);border-radius:8px;margin:12px 0;padding:8px 12px;}
.rv legend{font-weight:700;padding:0 4px;}
.rv .subnav{display:flex;gap:8px;margin:0 0 8px;padding:0;list-style:none;}
.rv .row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;}
.rv .row>label,.rv .row>div{flex:1 1 12em;margin:0;}
.rv .row>label>span,.rv .field>span{display:block;font-weight:600;margin:6px 0 2px;}
.rv .field{display:block;margin:6px 0;font-weight:normal;}
.rv ol.items,.rv ul.items{list-style:none;margin:0;padding:0;}
.rv .items>li{border-top:1px solid var(--lens-border);padding:8px 0;}
.rv .hint{color:var(--lens-muted);font-size:.93em;font-weight:normal;margin:2px 0;}
.rv .prompt{font-style:italic;margin:2px 0;}
.rv .lints{list-style:none;margin:4px 0;padding:0;}
.rv .lint{border-left:4px solid var(--lens-soon);padding:2px 8px;margin:2px 0;background:var(--lens-surface);}
.rv .lint-error{border-left-color:var(--lens-overdue);}
.rv .lint b{color:var(--lens-fg);}
.rv .actions{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0;}
.rv .status{min-height:1.4em;}
.rv .overdue{color:var(--lens-overdue);font-weight:700;}
.rv .chart-wrap{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;}
.rv .chart-wrap svg{flex:1 1 320px;max-width:520px;height:auto;color:var(--lens-fg);}
.rv .chart-wrap table{flex:1 1 280px;width:auto;}
.rv .bar{fill:var(--lens-accent);}
.rv .axis{stroke:var(--lens-border);}
.rv td.num,.rv th.num{text-align:end;font-variant-numeric:tabular-nums;}
.rv .ok{color:var(--lens-ok);font-weight:600;}
.rv .published{color:var(--lens-ok);font-weight:600;}
.rv label.inline{display:inline-flex;gap:4px;align-items:center;margin:4px 12px 4px 0;font-weight:normal;}
.rv fieldset.links{border-style:dashed;}
.rv .summary-line{font-weight:600;}
.rv .comms table{width:100%;}
.rv .blockers{flex:1 1 100%;border-left:4px solid var(--lens-overdue);padding:2px 8px;background:var(--lens-surface);}
.rv .blockers p,.rv .blockers ul{margin:2px 0;}
.rv figure.chart{flex:1 1 320px;max-width:520px;margin:0;}
.rv figure.chart svg{width:100%;}
.rv .legend{display:flex;flex-wrap:wrap;gap:4px 12px;list-style:none;margin:4px 0;padding:0;font-size:.93em;}
.rv .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;}
.rv .s-status_page{fill:var(--lens-accent);background:var(--lens-accent);}
.rv .s-customers{fill:var(--lens-ok);background:var(--lens-ok);}
.rv .s-executives{fill:var(--lens-soon);background:var(--lens-soon);}
.rv .s-cadence{fill:var(--lens-muted);background:var(--lens-muted);}
.rv .filter{margin:8px 0;}
@media (prefers-reduced-motion: no-preference){.rv .bar{transition:height .2s,y .2s;}}
`;
