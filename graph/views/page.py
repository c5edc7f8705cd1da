"""Write a pyvis network as one self-contained, offline, escaped HTML page.

pyvis builds the nodes, edges and options; this module writes the page itself,
because pyvis 0.3.2's templates load bootstrap and vis-network from CDNs even
with ``cdn_resources="in_line"``. Here:

* vis-network's JS and CSS are read from the pyvis package and inlined;
* the data goes in as JSON inside ``<script type="application/json">`` with
  ``<``, ``>`` and ``&`` escaped, and is read with ``JSON.parse``;
* tooltips are DOM elements filled with ``textContent`` (never HTML);
* heading, legend and every other text in the page pass through ``html.escape``.

>>> page_json({"label": "</script><b>"})
'{"label": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

MAX_NODES = 500
VIS_DIR = "vis-9.1.2"
SWATCHES = ("", "line", "dashed", "ring")          # legend swatch styles (CSS classes)


def vis_assets() -> tuple[str, str]:
    """The vis-network JS and CSS shipped inside the pyvis package."""
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent / "lib" / VIS_DIR
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # inline: nothing may close the <script>/<style> early, and no source map is looked up
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("//# sourceMappingURL=", "// ")
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I).replace("/*# sourceMappingURL=", "/* ")
    return js, css


def page_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    return (json.dumps(value, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def legend_html(legend: list[tuple[str, str, str]]) -> str:
    """Legend rows (swatch style, CSS colour, text) as escaped HTML.

    >>> legend_html([("ring", "red;x", "<b>")])
    '<ul><li><span class="sw ring" style="--c:#cccccc"></span>&lt;b&gt;</li></ul>'
    """
    rows = []
    for style, colour, text in legend:
        style = style if style in SWATCHES else ""
        colour = colour if re.fullmatch(r"#[0-9a-fA-F]{3,8}", colour) else "#cccccc"
        swatch = f'<span class="sw {style}" style="--c:{colour}"></span>'
        rows.append(f"<li>{swatch}{html.escape(text)}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


SCRIPT = r"""
(function () {
  const data = JSON.parse(document.getElementById("mandat-data").textContent);
  function tip(text) {            // tooltips are plain text, never HTML
    const el = document.createElement("div");
    el.className = "tip";
    el.textContent = text;
    return el;
  }
  for (const item of data.nodes.concat(data.edges)) {
    if (typeof item.title === "string") item.title = tip(item.title);
  }
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, data.options);
  function ready() {              // whole graph in view, then physics off: nothing moves any more
    if (window.mandatReady) return;
    network.setOptions({physics: false});
    network.fit({animation: false});
    window.mandatReady = true;
  }
  const physics = data.options.physics;
  if (physics && physics.enabled !== false) {
    network.once("stabilizationIterationsDone", ready);
    setTimeout(ready, 8000);       // a graph that never settles still gets drawn and frozen
  } else {
    ready();
  }
  window.mandatNetwork = network;
  window.mandatData = {nodes: nodes, edges: edges};
  const box = document.getElementById("search");
  const found = document.getElementById("found");
  box.addEventListener("input", function () {
    const q = box.value.trim().toLowerCase();
    found.textContent = "";
    if (!q) { network.unselectAll(); return; }
    const hits = nodes.get({filter: function (n) { return String(n.label).toLowerCase().includes(q); }});
    network.selectNodes(hits.map(function (n) { return n.id; }));
    found.textContent = hits.length + " ";
    if (hits.length) network.focus(hits[0].id, {scale: 1.0, animation: false});
  });
})();
"""

STYLE = """
body { font-family: sans-serif; margin: 0; }
header { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
h1 { font-size: 18px; margin: 0; }
#graph { width: 100%; height: calc(100vh - 120px); }
#legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; font-size: 13px; }
.sw { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: middle; background: var(--c); border-radius: 3px; }
.sw.line { height: 3px; border-radius: 0; }
.sw.dashed { height: 0; border-top: 3px dashed var(--c); background: none; }
.sw.ring { background: none; border: 3px solid var(--c); border-radius: 50%; }
.tip { white-space: pre-line; max-width: 420px; font-size: 12px; }
#note { font-size: 12px; color: #555; }
"""


CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:")
PRINT = """
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def document(heading: str, lang: str, styles: list[str], body: str) -> str:
    """The shell of every mandat page: CSP, escaped title, ``<html lang>``, styles that print in colour."""
    lang = lang if lang in ("id", "en") else "id"
    css = "".join(f"<style>{s}</style>" for s in [*styles, PRINT])
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html.escape(heading)}</title>
{css}</head>
<body>
{body}
</body></html>
"""


def save(path: str, text: str) -> None:
    """Write a page atomically, creating its folder."""
    from graph.safeio import atomic_path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")


def write_page(net, path: str, heading: str, legend: list[tuple[str, str, str]], note: str = "",
               lang: str = "id") -> None:
    """Write ``net`` (a pyvis Network) to ``path`` as one offline HTML file."""
    from graph.errors import InputError

    if len(net.nodes) > MAX_NODES:
        raise InputError(f"the view would hold {len(net.nodes)} nodes (more than {MAX_NODES}, too many to read); "
                         "give a ROOT, a smaller --depth or a --region")
    js, css = vis_assets()
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    payload = {"nodes": net.nodes, "edges": net.edges, "options": options}
    body = f"""<header><h1>{html.escape(heading)}</h1>
<label>Cari / search: <input id="search" type="search" autocomplete="off"></label><span id="found"></span>
<div id="legend">{legend_html(legend)}</div>
<div id="note">{html.escape(note)}</div></header>
<div id="graph"></div>
<script type="application/json" id="mandat-data">{page_json(payload)}</script>
<script>{js}</script>
<script>{SCRIPT}</script>"""
    save(path, document(heading, lang, [css, STYLE], body))
