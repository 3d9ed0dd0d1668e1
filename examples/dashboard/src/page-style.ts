/** The page's stylesheet: inline, so the page needs nothing but itself. */
export const PAGE_STYLE = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--panel:#fff;--bg:#f5f7fa;--accent:#3b6fb6}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:var(--ink);background:var(--bg)}
header{background:#1f2933;color:#fff;padding:1rem 2rem}
header h1{margin:0;font-size:1.4rem}
header p{margin:.25rem 0 0;color:#cbd2d9}
nav{display:flex;gap:1rem;padding:.5rem 2rem;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:1}
nav a{color:var(--accent);text-decoration:none;font-weight:600}
main{padding:1rem 2rem 3rem;max-width:96rem}
section{margin:1.5rem 0 2.5rem}
h2{font-size:1.25rem;margin:0 0 .75rem;border-bottom:2px solid var(--accent);padding-bottom:.25rem}
h3{font-size:1rem;margin:0 0 .25rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.75rem;margin-bottom:1rem}
.tile{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.tile .label{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
.tile .value{font-size:1.5rem;font-weight:650;font-variant-numeric:tabular-nums}
.tile .note{color:var(--muted);font-size:.75rem}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(34rem,1fr));gap:1rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;min-width:0}
.panel p.description{color:var(--muted);margin:0 0 .5rem}
.chart{overflow-x:auto;margin:.25rem 0 .75rem}
.chart svg{max-width:100%;height:auto}
.table-wrap{max-height:22rem;overflow:auto;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .6rem;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:#f0f4f8;position:sticky;top:0;font-weight:600}
td.num,th.num{text-align:right}
caption{caption-side:bottom;text-align:left;color:var(--muted);font-size:.8rem;padding:.3rem .6rem}
.reports{margin:0 0 1rem;background:var(--panel);border:1px solid var(--line);border-radius:6px}
.reports caption{caption-side:top;font-weight:600;color:var(--ink)}
.error{background:#fff3f3;border:1px solid #f5c2c2;color:#8a1f1f;padding:.6rem .8rem;border-radius:6px}
form.month{margin:0 0 .75rem}
`;
