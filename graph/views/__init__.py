"""``mandat view``: interactive, offline HTML views drawn with pyvis.

Each view builds a pyvis ``Network`` from the catalog and hands it to
:func:`graph.views.page.write_page`. The builders return the network so that
tests can count its nodes and edges against the query.
"""

from __future__ import annotations

from datetime import date

from graph import ns
from graph.model import Catalog
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
}


def word(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def kind_key(cat: Catalog, iri: str) -> str:
    ent = cat.entities.get(iri)
    for cls in ns.AGENCY_CLASSES:
        if ent is not None and cls in ent.types:
            return cls.rsplit("#", 1)[-1]
    return "Agency"


def fact_text(cat: Catalog, fact, lang: str, basis=()) -> str:
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


def add_agency(net, cat: Catalog, iri: str, lang: str, extra: str = "", colour: str | None = None,
               border: str | None = None, font: int = 14, **more) -> None:
    """An agency node: colour per kind, size per level, grey dashed border when unverified."""
    ent = cat.entities[iri]
    kind = kind_key(cat, iri)
    title = "\n".join(x for x in (cat.label(iri, lang), kind_label(cat, ent.types, lang),
                                  cat.label(ent.attrs.get("level"), lang), extra, fact_text(cat, ent, lang)) if x)
    node = {"label": cat.label(iri, lang), "title": title, "shape": "dot",
            "size": LEVEL_SIZES.get(ent.attrs.get("level"), 14),
            "color": {"background": colour or KIND_COLOURS.get(kind, "#cccccc"),
                      "border": border or (UNVERIFIED if is_unverified(ent) else "#333333")},
            "borderWidth": 4 if border else 1, "font": {"size": font}, "widthConstraint": {"maximum": 170 if font <= 16 else 230},
            **more}
    if is_unverified(ent):
        node["shapeProperties"] = {"borderDashes": [4, 4]}
        node["borderWidth"] = max(node["borderWidth"], 2)
    net.add_node(iri, **node)


def add_fact_edge(net, cat: Catalog, a: str, b: str, fact, lang: str, label: str = "", colour: str = "#555555",
                  dashes=False, width: int = 2, basis=(), **more) -> None:
    """An edge for a fact; unverified facts are dashed and grey."""
    net.add_edge(a, b, title="\n".join(x for x in (label, fact_text(cat, fact, lang, basis)) if x),
                 color=UNVERIFIED if is_unverified(fact) else colour,
                 dashes=True if is_unverified(fact) else dashes, width=width, **more)


def kind_legend(cat: Catalog, kinds: set[str], lang: str) -> list[tuple[str, str, str]]:
    """Legend rows for the kinds of agency present, plus the unverified marker."""
    rows = [("", KIND_COLOURS[k], cat.label(ns.MANDAT + k, lang)) for k in KIND_COLOURS if k in kinds]
    rows.append(("dashed", UNVERIFIED, word("unverified", lang).lower()))
    return rows


def new_network(hierarchical: str | None = None, options: str | None = None):
    """A pyvis network with the options mandat uses: physics off for hierarchies, stabilised otherwise."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote")
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
