"""Write a pyvis network as one self-contained, offline, escaped HTML page.

pyvis builds the nodes, edges and options; this module writes the page itself,
because pyvis 0.3.2's templates load bootstrap and vis-network from CDNs even
with ``cdn_resources="in_line"``. Here:

* vis-network's JS and CSS are read from the pyvis package and inlined;
* the data goes in as JSON inside ``<script type="application/json">`` with
  ``<``, ``>`` and ``&`` escaped, and is read with ``JSON.parse``;
* tooltips are DOM elements filled with ``textContent`` (never HTML);
* heading, legend and every other text in the page pass through ``html.escape``;
* the detail panel is filled with ``textContent``; a source becomes a link only
  when its URL is http(s);
* search looks up the resolver's normalised names and abbreviations
  (:func:`graph.views.search_keys`), with next/previous through the hits;
* with ``extra["tree"]`` (the org chart) the page draws the tree itself: the
  lines in force on the slider's date, folded below the root's children, one
  level more per click, zoomed no further out than ``extra["minLabelPx"]``.

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
SWATCHES = ("", "line", "dashed", "dotted", "ring", "outline")          # legend swatch styles (CSS classes)


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
  "use strict";
  const data = JSON.parse(document.getElementById("mandat-data").textContent);
  const extra = data.extra || {};
  const details = extra.details || {}, keys = extra.search || {}, tree = extra.tree;
  function tip(text) {            // tooltips are plain text, never HTML
    const el = document.createElement("div");
    el.className = "tip";
    el.textContent = text;
    return el;
  }
  for (const item of data.nodes.concat(data.edges)) {
    if (typeof item.title === "string") item.title = tip(item.title);
  }
  const byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  const network = new vis.Network(document.getElementById("graph"), {nodes: [], edges: []}, data.options);
  window.mandatNetwork = network;
  const hiddenKinds = new Set();
  const verifiedOnly = document.getElementById("verified-only");
  const stepFilter = document.getElementById("step-filter");
  let nodes, edges;
  function show(nodeList, edgeList) {
    const strict = verifiedOnly.checked;     // the confidence filter: unverified facts hidden
    const step = stepFilter ? stepFilter.value : "";   // the step filter: one step and its agencies
    nodes = new vis.DataSet(nodeList.map(function (n) {
      const off = hiddenKinds.has(n.kind) || (strict && n.unverified) || (step && n.step !== step);
      return off ? Object.assign({}, n, {hidden: true}) : n;
    }));
    edges = new vis.DataSet(edgeList.map(function (e) {
      return strict && e.unverified ? Object.assign({}, e, {hidden: true}) : e;
    }));
    network.setData({nodes: nodes, edges: edges});
    window.mandatData = {nodes: nodes, edges: edges};
  }
  function readable(focusId) {    // fit; in a tree never so far out that a label is under minLabelPx
    network.fit({animation: false});
    const min = extra.minLabelPx;
    const shown = nodes.get({filter: function (n) { return !n.hidden; }});
    if (!min || !shown.length) return;
    const font = Math.min.apply(null, shown.map(function (n) { return (n.font && n.font.size) || 14; }));
    if (network.getScale() * font >= min) return;
    const scale = min / font, pos = network.getPositions();
    const ids = Object.keys(pos);
    let target = pos[focusId];
    const below = target && tree ? ids.filter(function (i) { return parentOf.get(i) === focusId; }) : [];
    if (below.length) {           // an opened unit: it and the units now shown below it, centred
      const group = [focusId].concat(below).map(function (i) { return pos[i]; });
      const xs = group.map(function (p) { return p.x; }), ys = group.map(function (p) { return p.y; });
      target = {x: (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2,
                y: (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2};
    }
    if (!target) {                // the top of the picture in view: the tree's root, else the left edge
      const box = document.getElementById("graph");
      const top = Math.min.apply(null, ids.map(function (i) { return pos[i].y; }));
      const left = Math.min.apply(null, ids.map(function (i) { return pos[i].x; }));
      target = {x: tree ? pos[tree.root].x : left + (box.clientWidth / 2 - 120) / scale,
                y: top + (box.clientHeight / 2 - 60) / scale};
    }
    network.moveTo({position: target, scale: scale, animation: false});
  }

  // the dated, collapsible tree of the org chart
  const open = new Set(tree ? [tree.root] : []);
  const slider = document.getElementById("day");
  let parentOf = new Map();
  function live(start, end, day) { return (!start || start <= day) && (!end || day < end); }
  function alive(id, day) { const u = tree.units[id]; return live(u[0], u[1], day); }
  // a span is [start, end, last possible start, last possible end]: a day inside a bracket is uncertain
  const UNCERTAIN_RING = "#e6550d";           // graph.views.org.UNCERTAIN_RING, explained in the legend
  function bracketed(s, day) { return (s[2] && s[0] <= day && day < s[2]) || (s[3] && s[1] <= day && day < s[3]); }
  function drawTree(focusId) {
    const day = tree.days[Number(slider.value)];
    document.getElementById("day-shown").textContent = day;
    const kids = new Map();
    parentOf = new Map();
    const doubtful = new Set(Object.keys(tree.units).filter(function (u) { return bracketed(tree.units[u], day); }));
    for (const l of tree.lines) {           // [edge id, unit, parent, start, end, last start, last end]
      if (!live(l[3], l[4], day) || !alive(l[1], day) || !alive(l[2], day)) continue;
      if (bracketed(l.slice(3), day)) doubtful.add(l[1]);
      if (!kids.has(l[2])) kids.set(l[2], []);
      kids.get(l[2]).push(l);
      parentOf.set(l[1], l[2]);
    }
    const shownNodes = [], shownEdges = [], edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
    const queue = alive(tree.root, day) ? [tree.root] : [], seen = new Set(queue), shownKids = new Map();
    while (queue.length) {
      const id = queue.shift();
      const below = (kids.get(id) || []).filter(function (l) { return !seen.has(l[1]); });
      const node = Object.assign({}, byId.get(id));
      if (open.has(id)) shownKids.set(id, below.map(function (l) { return l[1]; }));
      if (below.length && !open.has(id)) node.label = node.label + "\n▸ " + below.length;
      if (doubtful.has(id)) {                // it, or its line, began or ended within a bracket holding this day
        node.label = "≈ " + node.label;
        node.title = node.title + "\n≈ " + extra.words.uncertain + " " + day;
        node.color = Object.assign({}, node.color, {border: UNCERTAIN_RING});   // not dashed: dashes say unverified
        node.borderWidth = 4;
        node.uncertain = true;
      }
      shownNodes.push(node);
      if (!open.has(id)) continue;
      for (const l of below) { seen.add(l[1]); queue.push(l[1]); shownEdges.push(edgeById.get(l[0])); }
    }
    const at = placed(tree.root, shownKids);
    show(shownNodes.map(function (n) { return Object.assign(n, at.get(n.id)); }), shownEdges);
    readable(focusId);
    if (focusId && nodes.get(focusId)) network.selectNodes([focusId]);
  }
  // the tree's layout: each subtree as wide as its children side by side; children of which some
  // are folded wrap into rows that fit the page (33 Kanwil are five rows of seven, not one row to
  // pan), and the units of an opened one go in a band below those rows, the siblings staying put
  const CELL = 190, ROW = 130;
  function placed(root, shownKids) {
    const perRow = Math.max(4, Math.floor(document.getElementById("graph").clientWidth / CELL));
    const width = new Map(), at = new Map();
    function kids(id) { return shownKids.get(id) || []; }
    function folded(id) { return !kids(id).length; }
    function grid(id) { return kids(id).some(folded); }
    function band(id) { return kids(id).filter(function (k) { return !folded(k); }); }
    function sum(ids) { return ids.reduce(function (total, k) { return total + width.get(k); }, 0); }
    function measure(id) {
      const below = kids(id);
      below.forEach(measure);
      let w = CELL;
      if (grid(id)) w = Math.max(CELL, Math.min(below.length, perRow) * CELL, sum(band(id)));
      else if (below.length) w = sum(below);
      width.set(id, w);
    }
    function place(id, left, y) {
      at.set(id, {x: left + width.get(id) / 2, y: y, fixed: true});
      placeBelow(id, left, y + ROW);
    }
    function placeBelow(id, left, y) {        // the children of id, its subtree starting at left
      const below = kids(id), w = width.get(id);
      if (!grid(id)) {
        let cursor = left;
        for (const k of below) { place(k, cursor, y); cursor += width.get(k); }
        return;
      }
      const cols = Math.min(below.length, perRow), start = left + (w - cols * CELL) / 2;
      below.forEach(function (k, i) {
        at.set(k, {x: start + (i % cols) * CELL + CELL / 2, y: y + ROW * Math.floor(i / cols), fixed: true});
      });
      const open = band(id), bandY = y + ROW * Math.ceil(below.length / cols);
      let cursor = left + (w - sum(open)) / 2;
      for (const k of open) { placeBelow(k, cursor, bandY); cursor += width.get(k); }
    }
    measure(root);
    place(root, 0, 0);
    return at;
  }
  function reveal(id) {                      // open every ancestor of id on the slider's day
    const day = tree.days[Number(slider.value)];
    if (!alive(id, day)) return false;
    let at = parentOf.get(id), guard = 0;
    while (at && guard++ < 1000) { open.add(at); at = parentOf.get(at); }
    return id === tree.root || parentOf.has(id);
  }
  function redraw(focusId) {
    if (tree) { drawTree(focusId); return; }
    show(data.nodes, data.edges);
    if (focusId) readable(focusId);
  }

  // the detail panel: text through textContent, sources as links only when http(s)
  const panel = document.getElementById("panel");
  function row(name, value) {
    if (!value || (Array.isArray(value) && !value.length)) return;
    const dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = name;
    if (Array.isArray(value)) value.forEach(function (v) { dd.appendChild(v); });
    else dd.textContent = value;
    panel.querySelector("dl").append(dt, dd);
  }
  function source(s) {
    const el = document.createElement(/^https?:\/\//i.test(s.url) ? "a" : "span");
    el.textContent = s.label;
    if (el.tagName === "A") { el.href = s.url; el.rel = "noopener noreferrer"; el.target = "_blank"; }
    const item = document.createElement("div");
    item.appendChild(el);
    return item;
  }
  function detail(id) {
    const node = byId.get(id), d = node && details[node.agency || id];
    if (!d) { panel.hidden = true; return; }
    const words = extra.words;
    panel.hidden = false;
    panel.querySelector("h2").textContent = d.label;
    panel.querySelector("dl").replaceChildren();
    const parent = tree ? parentOf.get(id) : null;
    row(words.kind, d.kind + (d.level ? " — " + d.level : ""));
    row(words.parent, parent ? details[parent].label : d.parent);
    row(words.head, d.head);
    row(words.basis, d.basis.join("; "));
    row(words.sources, d.sources.map(source));
    if (d.unverified) row("⚠", words.unverified);
  }
  network.on("click", function (params) {
    if (!params.nodes.length) { panel.hidden = true; return; }
    const id = params.nodes[0];
    detail(id);
    if (tree) {
      if (open.has(id)) open.delete(id); else open.add(id);
      drawTree(id);
    }
  });
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });

  // search: the resolver's normalised names and abbreviations, every hit in turn
  function norm(text) { return text.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").trim(); }
  const nodesOf = new Map();
  for (const n of data.nodes) {
    for (const key of [n.agency || n.id].concat(n.members || [])) {   // a group node is found by its members
      if (!nodesOf.has(key)) nodesOf.set(key, []);
      nodesOf.get(key).push(n.id);
    }
  }
  function lookup(q) {
    const words = q.split(" "), hits = (keys[q] || []).slice();
    for (const key of Object.keys(keys)) {
      const tokens = key.split(" ");
      if (words.every(function (w) { return tokens.some(function (t) { return t.startsWith(w); }); })) {
        hits.push.apply(hits, keys[key]);
      }
    }
    const out = [];
    for (const iri of new Set(hits)) out.push.apply(out, nodesOf.get(iri) || []);
    return out;
  }
  const box = document.getElementById("search"), found = document.getElementById("found");
  let hits = [], at = 0;
  function go(step) {
    if (!hits.length) return;
    at = (at + step + hits.length) % hits.length;
    const id = hits[at];
    if (tree && !nodes.get(id)) { reveal(id); drawTree(id); }
    network.selectNodes(hits.filter(function (h) { return nodes.get(h); }));
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    found.textContent = (at + 1) + " / " + hits.length;
    detail(id);
  }
  box.addEventListener("input", function () {
    const q = norm(box.value);
    found.textContent = "";
    hits = q ? lookup(q) : [];
    if (tree) {                    // a hit folded away in the tree: open its ancestors
      hits = hits.filter(reveal);
      if (hits.length) drawTree();
    }
    at = 0;
    if (!hits.length) { network.unselectAll(); found.textContent = q ? "0" : ""; return; }
    go(0);
  });
  document.getElementById("next").addEventListener("click", function () { go(1); });
  document.getElementById("prev").addEventListener("click", function () { go(-1); });

  // filters by kind
  for (const box of document.querySelectorAll("#kinds input")) {
    box.addEventListener("change", function () {
      if (box.checked) hiddenKinds.delete(box.dataset.kind); else hiddenKinds.add(box.dataset.kind);
      redraw();
    });
  }
  if (slider) slider.addEventListener("input", function () { drawTree(); });
  verifiedOnly.addEventListener("change", function () { redraw(); });
  if (stepFilter) stepFilter.addEventListener("change", function () { redraw(); });

  // export what is shown, with the legend above it, as PNG
  function legendRows() {
    return Array.from(document.querySelectorAll("#legend li")).map(function (li) {
      const sw = li.querySelector(".sw");
      return {colour: sw ? getComputedStyle(sw).getPropertyValue("--c").trim() || "#cccccc" : "#cccccc",
              text: li.textContent};
    });
  }
  function exportPng() {
    const drawn = document.querySelector("#graph canvas");
    const rows = legendRows(), line = 22, top = 40 + line * rows.length;
    const out = document.createElement("canvas");
    out.width = drawn.width;
    out.height = drawn.height + top;
    const g = out.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, out.width, out.height);
    g.fillStyle = "#222222";
    g.font = "bold 18px sans-serif";
    g.fillText(document.querySelector("h1").textContent, 10, 26);
    g.font = "14px sans-serif";
    rows.forEach(function (r, i) {
      g.fillStyle = r.colour;
      g.fillRect(10, 38 + i * line, 14, 14);
      g.fillStyle = "#222222";
      g.fillText(r.text, 32, 50 + i * line);
    });
    g.drawImage(drawn, 0, top);
    const link = document.createElement("a");
    link.download = (document.title || "mandat").replace(/[^\p{L}\p{N}]+/gu, "-") + ".png";
    link.href = out.toDataURL("image/png");
    link.click();
    return {width: out.width, height: out.height, legend: rows.length};
  }
  window.mandatExportPng = exportPng;
  document.getElementById("export-png").addEventListener("click", exportPng);

  function ready() {              // whole graph in view, then physics off: nothing moves any more
    if (window.mandatReady) return;
    network.setOptions({physics: false});
    readable();
    window.mandatReady = true;
  }
  redraw();
  const physics = data.options.physics;
  if (physics && physics.enabled !== false) {
    network.once("stabilizationIterationsDone", ready);
    setTimeout(ready, 8000);       // a graph that never settles still gets drawn and frozen
  } else {
    ready();
  }
})();
"""

STYLE = """
body { font-family: sans-serif; margin: 0; height: 100vh; display: flex; flex-direction: column; }
header { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
h1 { font-size: 18px; margin: 0; }
main { position: relative; flex: 1; min-height: 300px; }
#graph { position: absolute; inset: 0; }
#legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; font-size: 13px; }
.sw { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: middle; background: var(--c); border-radius: 3px; }
.sw.line { height: 3px; border-radius: 0; }
.sw.dashed { height: 0; border-top: 3px dashed var(--c); background: none; }
.sw.dotted { height: 0; border-top: 3px dotted var(--c); background: none; }
.sw.ring { background: none; border: 3px solid var(--c); border-radius: 50%; }
.sw.outline { background: none; border: 2px dashed var(--c); }
.tip { white-space: pre-line; max-width: 420px; font-size: 12px; }
#note { font-size: 12px; color: #555; }
#kinds { font-size: 12px; }
#kinds label { margin-right: 8px; white-space: nowrap; }
#panel { position: absolute; top: 8px; right: 8px; width: 320px; max-height: calc(100% - 16px); overflow: auto;
         background: #fff; border: 1px solid #999; border-radius: 4px; padding: 8px 10px; font-size: 13px; z-index: 5; }
#panel h2 { font-size: 15px; margin: 0 24px 6px 0; }
#panel dt { font-weight: bold; margin-top: 4px; }
#panel dd { margin: 0 0 0 8px; }
#panel-close { position: absolute; top: 4px; right: 6px; }
@media print { #search, #prev, #next, #kinds, #panel-close { display: none; } body { height: auto; } main { height: 170mm; } }
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


WORDS = {"search": ("Cari", "Search"), "filter": ("Saring menurut jenis", "Filter by kind"), "day": ("Tanggal", "Date"), "kind": ("Jenis", "Kind"),
         "parent": ("Induk", "Parent"), "head": ("Pimpinan", "Head"), "basis": ("Dasar hukum", "Legal basis"),
         "sources": ("Sumber", "Sources"), "unverified": ("belum terverifikasi", "unverified"),
         "verified_only": ("Hanya yang terverifikasi", "Verified facts only"), "png": ("Simpan PNG", "Save PNG"),
         "step": ("Tahap", "Step"), "all_steps": ("semua tahap", "every step"),
         "uncertain": ("tidak pasti pada", "uncertain on")}


def say(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def write_page(net, path: str, heading: str, legend: list[tuple[str, str, str]], note: str = "",
               lang: str = "id", extra: dict | None = None) -> None:
    """Write ``net`` (a pyvis Network) to ``path`` as one offline HTML file.

    ``extra`` (see :func:`graph.views.page_extras`) holds the detail panel's facts,
    the search keys, the kinds to filter by and, for the org chart, the dated tree.
    """
    from graph.errors import InputError

    if "tree" not in (extra or {}) and len(net.nodes) > MAX_NODES:     # a tree opens collapsed
        raise InputError(f"the view would hold {len(net.nodes)} nodes (more than {MAX_NODES}, too many to read); "
                         "give a ROOT, a smaller --depth or a --region")
    js, css = vis_assets()
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    payload = {"nodes": net.nodes, "edges": net.edges, "options": options}
    extra = {**(extra or {}), "words": {k: say(k, lang) for k in WORDS}}
    payload = {"nodes": net.nodes, "edges": net.edges, "options": options, "extra": extra}
    kinds = "".join(f'<label><input type="checkbox" checked data-kind="{html.escape(k, quote=True)}">'
                    f"{html.escape(label)}</label>" for k, label in extra.get("kinds", ()))
    steps = ("" if not extra.get("steps") else
             f'<label>{say("step", lang)}: <select id="step-filter"><option value="">{say("all_steps", lang)}</option>'
             + "".join(f'<option value="{html.escape(s, quote=True)}">{html.escape(label)}</option>'
                       for s, label in extra["steps"]) + "</select></label>")
    slider = ""
    if "tree" in extra:
        days = extra["tree"]["days"]
        slider = (f'<label>{say("day", lang)}: <input id="day" type="range" min="0" max="{len(days) - 1}" '
                  f'value="{extra["tree"]["start"]}"></label><output id="day-shown"></output>')
    body = f"""<header><h1>{html.escape(heading)}</h1>
<label>{say("search", lang)}: <input id="search" type="search" autocomplete="off"></label>
<button id="prev" type="button">◀</button><button id="next" type="button">▶</button><span id="found"></span>
{slider}
<div id="legend">{legend_html(legend)}</div>
<details id="kinds"><summary>{say("filter", lang)}</summary>{kinds}</details>
<label><input id="verified-only" type="checkbox"> {say("verified_only", lang)}</label>
{steps}
<button id="export-png" type="button">{say("png", lang)}</button>
<div id="note">{html.escape(note or extra.get("note", ""))}</div></header>
<main><div id="graph"></div>
<aside id="panel" hidden><button id="panel-close" type="button">×</button><h2></h2><dl></dl></aside></main>
<script type="application/json" id="mandat-data">{page_json(payload)}</script>
<script>{js}</script>
<script>{SCRIPT}</script>"""
    save(path, document(heading, lang, [css, STYLE], body))
