"""A self-contained API reference page at ``/docs``.

FastAPI's Swagger UI and ReDoc load JavaScript from a CDN, which breaks the
offline-first rule, so they are switched off. This page is plain HTML with a
few lines of inline script that fetch ``/openapi.json`` from the same server
and list every operation with its parameters and body schema name.
"""

from __future__ import annotations

DOCS_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kettle API</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
h2{border-bottom:1px solid #ccc;margin-top:2em} code{background:#f4f4f4;padding:0 .25em}
.op{margin:.8em 0}.m{display:inline-block;min-width:4.5em;font-weight:bold}
.muted{color:#666}
</style></head><body>
<h1>Kettle REST API</h1>
<p>Machine-readable description: <a href="/openapi.json">/openapi.json</a>.
Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>.
Errors are <code>{"error": {"code", "message", "field"}}</code>.</p>
<div id="ops" class="muted">Loading…</div>
<script>
fetch('/openapi.json').then(r => r.json()).then(spec => {
  const byTag = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags || ['other'])[0];
      (byTag[tag] = byTag[tag] || []).push([method.toUpperCase(), path, op]);
    }
  }
  const root = document.getElementById('ops'); root.textContent = ''; root.className = '';
  for (const tag of Object.keys(byTag).sort()) {
    const h = document.createElement('h2'); h.textContent = tag; root.appendChild(h);
    for (const [method, path, op] of byTag[tag]) {
      const d = document.createElement('div'); d.className = 'op';
      const params = (op.parameters || []).map(p => p.name + ' (' + p.in + ')').join(', ');
      const body = op.requestBody ? ' · body: ' + Object.values(op.requestBody.content)
        .map(c => (c.schema.$ref || 'object').split('/').pop()).join(', ') : '';
      d.innerHTML = '<span class="m"></span><code></code><div class="muted"></div>';
      d.children[0].textContent = method; d.children[1].textContent = path;
      d.children[2].textContent = (op.summary || '') + (params ? ' · ' + params : '') + body;
      root.appendChild(d);
    }
  }
});
</script></body></html>
"""
