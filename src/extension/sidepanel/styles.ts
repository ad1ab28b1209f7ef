/**
 * Side panel layout on top of the shared tokens (ui/styles.ts): every colour is a token, so both
 * schemes keep their AA contrast; motion only when the user has not asked for less.
 */
export const SIDEPANEL_CSS = `
body{margin:0;}
.top{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:baseline;padding:8px 16px;border-bottom:1px solid var(--lens-border);}
.brand{margin:0;font-weight:700;}
.top nav{display:flex;gap:12px;flex-wrap:wrap;}
a[aria-current]{font-weight:700;}
a.btn{display:inline-block;text-decoration:none;}
h1:focus,h2:focus{outline:none;} h1:focus-visible,h2:focus-visible{outline:3px solid var(--lens-accent);}
fieldset{border:1px solid var(--lens-border);border-radius:6px;margin:8px 0;padding:4px 10px 8px;}
legend{font-weight:600;padding:0 4px;}
label.inline{display:inline-flex;gap:4px;align-items:center;margin:2px 12px 2px 0;font-weight:400;}
.field{margin:6px 0;}
.hint{font-size:13px;margin:0 0 2px;}
textarea,select,input[type=datetime-local],input[type=password]{font:inherit;color:var(--lens-fg);background:var(--lens-bg);
border:1px solid var(--lens-border);border-radius:6px;padding:4px 8px;width:100%;box-sizing:border-box;}
[aria-invalid=true]{border-color:var(--lens-overdue);border-width:2px;}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;}
.tabs{list-style:none;display:flex;flex-wrap:wrap;gap:6px 12px;margin:8px 0;padding:0;}
.incidents,.checklist,.timeline{list-style:none;margin:0;padding:0;}
.checklist li,.timeline li{border-top:1px solid var(--lens-border);padding:6px 0;}
.ob-head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline;justify-content:space-between;}
.state{font-size:12px;font-weight:700;border:1px solid currentColor;border-radius:999px;padding:0 6px;}
.state-overdue,.state-met_late,.state-missed{color:var(--lens-overdue);} .state-due_soon{color:var(--lens-soon);}
.state-met{color:var(--lens-ok);}
.suggestion{background:var(--lens-surface);border-radius:6px;padding:6px 10px;margin:8px 0;}
.reasons{margin:4px 0;padding-inline-start:20px;}
.preview{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--lens-surface);border:1px solid var(--lens-border);
border-radius:6px;padding:8px;}
mark.lint{background:var(--lens-match);color:var(--lens-fg);text-decoration:underline wavy var(--lens-overdue);}
mark.lint-warning{text-decoration-color:var(--lens-soon);}
.lints{padding-inline-start:20px;font-size:13px;}
.refused{border-left:4px solid var(--lens-overdue);padding:4px 8px;background:var(--lens-surface);font-weight:600;}
.error:empty{display:none;}
.sp-pick label.inline{display:flex;} .sp-group{margin-left:16px;}
.inline-form{border-left:3px solid var(--lens-border);padding-left:8px;margin:6px 0;}
.postmortem .cd{font-size:1.1em;}
`;
