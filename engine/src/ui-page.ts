import type { Router } from "./http-kit";

/**
 * A single static page; it reads the REST API from the browser. In signed mode the API wants the
 * signing key: the page asks for it once and keeps it in the tab's sessionStorage.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Selah engine</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;display:flex;height:100vh;color:#1f2937}
#list{width:50%;overflow:auto;border-right:1px solid #e5e7eb}#detail{flex:1;overflow:auto;padding:12px}
table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #f3f4f6;text-align:left;white-space:nowrap;font-size:13px}
tr.run{cursor:pointer}tr.run:hover{background:#f9fafb}h1{font-size:16px;margin:12px}
.Completed{color:#047857}.Failed{color:#b91c1c}.Cancelled{color:#6b7280}.Running,.Queued{color:#1d4ed8}
.bar{height:10px;background:#60a5fa;border-radius:2px}.bar.err{background:#f87171}
pre{background:#f9fafb;padding:6px;white-space:pre-wrap;word-break:break-all;max-height:160px;overflow:auto;margin:4px 0}
button{margin-right:6px}
</style></head><body>
<div id="list"><h1>Runs <button onclick="load()">refresh</button></h1><table><thead><tr><th>run</th><th>function</th><th>event</th><th>status</th><th>queued</th></tr></thead><tbody id="runs"></tbody></table></div>
<div id="detail"><p>Select a run.</p></div>
<script>
const KEY_PREFIX = "__KEY_PREFIX__";
const authHeaders = () => { const k = sessionStorage.getItem("engineKey"); return k ? { authorization: "Bearer " + k } : {}; };
function askKey() {
  if (document.getElementById("key")) return;
  document.getElementById("detail").innerHTML = '<h1>Signed mode</h1><p>This engine wants its signing key: INNGEST_SIGNING_KEY, or under <code>npm start</code> the contents of <code>inngest-signing-key</code> in the data directory.</p>' +
    '<form onsubmit="saveKey(event)"><input id="key" type="password" size="60" autocomplete="off"> <button>use</button></form>';
}
function saveKey(e) {
  e.preventDefault(); const v = document.getElementById("key").value.trim();
  sessionStorage.setItem("engineKey", v.startsWith("signkey-") ? v : KEY_PREFIX + v);
  document.getElementById("detail").innerHTML = "<p>Select a run.</p>"; quietly(load());
}
async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { ...authHeaders(), ...(init.headers || {}) } });
  if (res.status === 401) { askKey(); throw new Error("unauthorized"); }
  return res;
}
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
async function load() {
  const res = await api("/v1/runs?limit=200"); const { data } = await res.json();
  document.getElementById("runs").innerHTML = data.map((r) =>
    '<tr class="run" onclick="show(\\'' + r.run_id + '\\')"><td>' + esc(r.run_id) + '</td><td>' + esc(r.function_id) +
    '</td><td>' + esc(r.event_name) + '</td><td class="' + r.status + '">' + r.status + '</td><td>' + esc(r.queued_at) + '</td></tr>').join("");
}
async function act(method, path) { await api(path, { method }); await load(); }
async function show(id) {
  location.hash = id;
  const { data: r } = await (await api("/v1/runs/" + id)).json();
  const t0 = Date.parse(r.run_started_at ?? r.queued_at); const t1 = Date.parse(r.ended_at ?? new Date().toISOString());
  const span = Math.max(t1 - t0, 1);
  const rows = r.steps.map((s) => {
    const a = Date.parse(s.started_at) - t0, b = (s.ended_at ? Date.parse(s.ended_at) : t1) - t0;
    const left = Math.max(0, a / span * 100), width = Math.max(0.5, (b - a) / span * 100);
    return '<tr><td>' + esc(s.name) + '</td><td>' + esc(s.op) + '</td><td>' + s.attempts + '</td><td>' + (s.duration_ms ?? "…") +
      ' ms</td><td style="width:40%"><div class="bar' + (s.error ? " err" : "") + '" style="margin-left:' + left + '%;width:' + width + '%"></div></td></tr>' +
      '<tr><td colspan="5"><pre>' + esc(JSON.stringify(s.error ?? s.output)) + '</pre></td></tr>';
  }).join("");
  document.getElementById("detail").innerHTML = '<h1>' + esc(r.function_id) + ' <span class="' + r.status + '">' + r.status + '</span></h1>' +
    '<p>' + esc(r.run_id) + '<br><button onclick="act(\\'DELETE\\',\\'/v1/runs/' + r.run_id + '\\')">cancel</button>' +
    '<button onclick="act(\\'POST\\',\\'/v1/runs/' + r.run_id + '/replay\\')">replay</button></p>' +
    '<table><thead><tr><th>step</th><th>op</th><th>attempts</th><th>time</th><th>timeline</th></tr></thead><tbody>' + rows + '</tbody></table>' +
    '<h1>Output</h1><pre>' + esc(JSON.stringify(r.error ?? r.output, null, 2)) + '</pre>';
}
const quietly = (p) => p.catch(() => {});
quietly(load()); setInterval(() => quietly(load()), 3000);
if (location.hash.length > 1) quietly(show(location.hash.slice(1)));
</script></body></html>`;

/** `keyPrefix`: the signing key's `signkey-<env>-` (not secret), so the key file's hex alone will do. */
export function addUiPage(router: Router, keyPrefix = ""): void {
  const page = PAGE.replace("__KEY_PREFIX__", keyPrefix.replace(/[^\w-]/g, ""));
  router.on("GET", "/", () => ({ status: 200, body: page, raw: true }), { isPublic: true });
}
