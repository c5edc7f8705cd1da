"""``mandat view``: interactive, offline HTML views drawn with pyvis.

Each view builds a pyvis ``Network`` from the catalog and hands it to
:func:`graph.views.page.write_page`. The builders return the network so that
tests can count its nodes and edges against the query. ``net.extra`` carries
what the page needs beyond nodes and edges (the org chart's dated tree);
:func:`page_extras` adds the detail panel's facts and the search keys.
"""

from __future__ import annotations

from datetime import date

from graph import ns
from graph.queries.lookup import Lookup
from graph.queries.common import kind_label

KIND_COLOURS = {
    "Presidency": "#6a3d9a", "CoordinatingMinistry": "#9e77c7", "Ministry": "#1f78b4",
    "NonMinisterialAgency": "#4f9bd1", "DirectorateGeneral": "#a6cee3", "RegionalOffice": "#33a02c",
    "TechnicalUnit": "#b2df8a", "PoliceUnit": "#e31a1c", "ProsecutionOffice": "#fb9a99",
    "Court": "#b15928", "IndependentAgency": "#ff7f00", "RegionalGovernment": "#fdbf6f",
    "RegionalDepartment": "#ffe08a", "TaskForce": "#cab2d6",
}
LEVEL_SIZES = {ns.MANDAT + "National": 28, ns.MANDAT + "Provincial": 20, ns.MANDAT + "RegencyLevel": 14}
UNVERIFIED = "#9e9e9e"
WORDS = {
    "unverified": ("BELUM TERVERIFIKASI", "UNVERIFIED"), "weak": ("sumber lemah", "weak source"),
    "basis": ("Dasar hukum", "Legal basis"), "sources": ("Sumber", "Sources"),
    "last": ("terakhir tercatat, sampai", "last attested, until"),
}


def word(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def kind_key(cat: Lookup, iri: str) -> str:
    """The local name of the agency's most specific class ("TechnicalUnit"), or "Agency"."""
    ent = cat.entities.get(iri)
    cls = cat.kind_class(ent.types) if ent is not None else None
    return ns.local_name(cls) if cls and cat.classes.get(cls) == "agency" else "Agency"


def fact_text(cat: Lookup, fact, lang: str, basis=()) -> str:
    """Tooltip lines for a fact: its confidence, legal basis and sources (plain text)."""
    lines = []
    if fact.confidence == "weak":
        lines.append("⚠ " + word("weak", lang))
    elif is_unverified(fact):
        lines.append("⚠ " + word("unverified", lang) + ("" if lang == "en" else " (unverified)"))
    if basis:
        lines.append(f"{word('basis', lang)}: " + "; ".join(cat.label(b, lang) for b in basis))
    for src in fact.sources:
        ent = cat.entities.get(src)
        url = ent.attrs.get("url") if ent else None
        lines.append(f"{word('sources', lang)}: {cat.label(src, lang)}" + (f" <{url}>" if url else ""))
    return "\n".join(lines)


def is_unverified(fact) -> bool:
    return fact.confidence == "unverified" or not fact.sources


def ink(background: str) -> str:
    """Black or white text, whichever reads better on ``background`` (#rrggbb).

    >>> ink("#1f78b4"), ink("#ffe08a")
    ('#ffffff', '#222222')
    """
    r, g, b = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#ffffff" if 0.299 * r + 0.587 * g + 0.114 * b < 150 else "#222222"


def add_agency(net, cat: Lookup, iri: str, lang: str, extra: str = "", colour: str | None = None,
               border: str | None = None, font: int = 14, node_id: str | None = None, **more) -> None:
    """An agency node: colour per kind, size per level, grey dashed border when unverified.

    A label drawn inside its box (``shape="box"``) is in black or white to contrast with the fill.
    With ``node_id`` the node gets that id and keeps the agency's IRI as ``agency``.
    """
    ent = cat.entities[iri]
    kind = kind_key(cat, iri)
    fill = colour or KIND_COLOURS.get(kind, "#cccccc")
    title = "\n".join(x for x in (cat.label(iri, lang), kind_label(cat, ent.types, lang),
                                  cat.label(ent.attrs.get("level"), lang), extra, fact_text(cat, ent, lang)) if x)
    node = {"label": cat.label(iri, lang), "title": title, "shape": "dot", "kind": kind,
            "size": LEVEL_SIZES.get(ent.attrs.get("level"), 14),
            "color": {"background": fill,
                      "border": border or (UNVERIFIED if is_unverified(ent) else "#333333")},
            "borderWidth": 4 if border else 1,
            "font": {"size": font, "color": ink(fill) if more.get("shape") == "box" else "#222222"}, "widthConstraint": {"maximum": 170 if font <= 16 else 230},
            **more}
    if is_unverified(ent):
        node["shapeProperties"] = {"borderDashes": [4, 4]}
        node["borderWidth"] = max(node["borderWidth"], 2)
        node["unverified"] = True
    if node_id:
        node["agency"] = iri
    net.add_node(node_id or iri, **node)


def add_fact_edge(net, cat: Lookup, a: str, b: str, fact, lang: str, label: str = "", colour: str = "#555555",
                  width: int = 2, basis=(), **more) -> None:
    """An edge for a fact in its meaning's colour; an unverified fact is dashed (a channel of its own)."""
    net.add_edge(a, b, title="\n".join(x for x in (label, fact_text(cat, fact, lang, basis)) if x),
                 color=colour, dashes=is_unverified(fact), unverified=is_unverified(fact), width=width, **more)


def kind_legend(cat: Lookup, kinds: set[str], lang: str) -> list[tuple[str, str, str]]:
    """Legend rows for the kinds of agency present, plus the unverified marker."""
    rows = [("", KIND_COLOURS[k], cat.label(ns.MANDAT + k, lang)) for k in KIND_COLOURS if k in kinds]
    rows.append(("dashed", UNVERIFIED, word("unverified", lang).lower()))
    return rows


def details_of(cat: Lookup, iri: str, day: date, lang: str) -> dict:
    """What the detail panel shows for an agency: kind, parent, head, legal basis, sources (plain values)."""
    from graph.queries.common import source_ref
    from graph.queries.show import head_at

    ent = cat.entities[iri]
    line = cat.line_at(iri, day)
    head = head_at(cat, iri, day, lang)
    facts = [ent] + ([line] if line else [])
    sources = {s: source_ref(cat, s, lang) for fact in facts for s in fact.sources}
    return {"label": cat.label(iri, lang), "kind": kind_label(cat, ent.types, lang),
            "level": cat.label(ent.attrs.get("level"), lang) or "",
            "parent": cat.label(line.parent, lang) if line else "",
            "head": (f"{head['label']} ({head['post']})" + (f" — {word('last', lang)} {head['until']}"
                                                            if head.get("last_attested") else "")) if head else "",
            "basis": [cat.label(b, lang) for b in (line.basis if line else ())],
            "sources": [{"label": s["label"], "url": s.get("url", "")} for s in sources.values()],
            "unverified": is_unverified(ent)}


def search_keys(cat: Lookup, iris: set[str]) -> dict[str, list[str]]:
    """Normalised names and abbreviations (as the CLI's resolver reads them) → the entities they name."""
    from graph.resolve import name_records, normalise

    out: dict[str, set[str]] = {}
    for record in name_records(cat):
        for name in (*record.labels, *record.abbreviations):
            if record.iri in iris and normalise(name):
                out.setdefault(normalise(name), set()).add(record.iri)
    return {key: sorted(found) for key, found in sorted(out.items())}


def page_extras(cat: Lookup, net, day: date, lang: str) -> dict:
    """Detail-panel facts, search keys and kind filters for every agency drawn in ``net``."""
    drawn = {n.get("agency", n["id"]) for n in net.nodes} & {e.iri for e in cat.agencies()}
    agencies = drawn | {m for n in net.nodes for m in n.get("members", ())}     # a group's members are searched
    kinds = sorted({n["kind"] for n in net.nodes if "kind" in n})
    steps = [n["id"] for n in net.nodes if n.get("step") == n["id"]]     # a view drawn by TPPO step
    return {**net.extra, "details": {iri: details_of(cat, iri, day, lang) for iri in sorted(drawn)},
            "search": search_keys(cat, agencies),
            "kinds": [[k, cat.label(ns.MANDAT + k, lang) or k] for k in kinds],
            "steps": [[s, cat.label(s, lang)] for s in steps]}


def new_network(hierarchical: str | None = None, options: str | None = None):
    """A pyvis network with the options mandat uses: physics off for hierarchies, stabilised otherwise."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote")
    net.extra = {}
    if options:
        net.set_options(options)
    elif hierarchical:
        net.set_options('{"layout": {"hierarchical": {"enabled": true, "direction": "%s", '
                        '"sortMethod": "directed", "shakeTowards": "roots", "levelSeparation": 170, "nodeSpacing": 190}}, '
                        '"physics": {"enabled": false}, "edges": {"smooth": false}, '
                        '"interaction": {"hover": true, "tooltipDelay": 100}}' % hierarchical)
    else:
        net.set_options('{"layout": {"randomSeed": 11}, "physics": {"enabled": true, "stabilization": {"iterations": 300}, '
                        '"barnesHut": {"gravitationalConstant": -7000, "centralGravity": 0.6, "springLength": 170, "avoidOverlap": 0.9}}, '
                        '"interaction": {"hover": true, "tooltipDelay": 100}, "edges": {"smooth": false}}')
    return net


def default_output(view: str, day: date | None = None) -> str:
    suffix = f"-{day.isoformat()}" if day else ""
    return f"out/{view}{suffix}.html"
