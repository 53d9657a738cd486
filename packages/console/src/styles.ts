/**
 * @module
 * The console's whole stylesheet, inlined with the page's CSP nonce: no CDN, no web font (the
 * system font stack), readable from a phone to a laptop, visible keyboard focus, dark mode.
 */
export const STYLES = `
:root{color-scheme:light dark;--bg:#f7f7f8;--card:#fff;--fg:#1b1d21;--muted:#5d6470;--line:#dfe2e7;--accent:#0b5cad;
--pending:#8a5a00;--processing:#0b5cad;--done:#1f7a3a;--dead:#b3261e;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--card:#1d2024;--fg:#e8eaed;--muted:#a0a7b1;--line:#33373d;--accent:#7ab4f5;
--pending:#e0b050;--processing:#7ab4f5;--done:#6fcf8a;--dead:#f28b82}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;background:var(--card);border-bottom:1px solid var(--line)}
header h1{font-size:1.05rem;margin:0}header nav{display:flex;gap:1rem}header nav a[aria-current]{font-weight:600;text-decoration:none;color:var(--fg)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--card);padding:.25rem .5rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem}
h2{font-size:1rem;margin:0 0 .75rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin-bottom:1rem}
.cards a{display:block;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;text-decoration:none;color:var(--fg)}
.cards strong{display:block;font-size:1.6rem}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.85rem}td.num,th.num{text-align:right}
.status{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em}
.status-pending{color:var(--pending)}.status-processing{color:var(--processing)}.status-done{color:var(--done)}.status-dead{color:var(--dead)}
form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;align-items:end}
label{display:flex;flex-direction:column;gap:.25rem;font-size:.85rem;color:var(--muted)}
input,select,button{font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);min-height:2.5rem}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}button.secondary{background:transparent;color:var(--accent)}
button[disabled]{opacity:.6;cursor:progress}
.inline{display:inline}
.notice{border-left:4px solid var(--done)}.error{border-left:4px solid var(--dead)}
.empty{color:var(--muted);text-align:center;padding:2rem 1rem}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem;margin:0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.75rem;overflow:auto;max-height:32rem;font-size:.85rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
.muted{color:var(--muted)}.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.75rem 0}
@media (max-width:40rem){main{padding:.5rem}section{padding:.75rem}.hide-narrow{display:none}dl{grid-template-columns:1fr}dt{margin-top:.4rem}}
`
