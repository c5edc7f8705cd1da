"""``mandat view org [ROOT]``: the hierarchy under ROOT as it stood at a date."""

from __future__ import annotations

from datetime import date

from graph.model import Catalog
from graph.views import add_agency, add_fact_edge, kind_key, kind_legend, new_network


def units_under(cat: Catalog, root: str, day: date, depth: int | None) -> dict[str, int]:
    """Every unit under ``root`` on ``day`` with its depth (root = 0), down to ``depth``."""
    found, frontier = {root: 0}, [root]
    while frontier:
        nxt = []
        for unit in frontier:
            if depth is not None and found[unit] >= depth:
                continue
            for child in cat.children_at(unit, day):
                if child not in found and cat.exists(child, day):
                    found[child] = found[unit] + 1
                    nxt.append(child)
        frontier = nxt
    return found


def org_view(cat: Catalog, root: str, day: date, depth: int | None, lang: str):
    """The pyvis network of the hierarchy: one node per unit, one edge per reporting line."""
    net = new_network(hierarchical="UD")
    units = units_under(cat, root, day, depth)
    for unit in units:
        add_agency(net, cat, unit, lang)
    for unit in units:
        line = cat.line_at(unit, day)
        if unit != root and line is not None and line.parent in units:
            add_fact_edge(net, cat, line.parent, unit, line, lang, basis=line.basis)
    legend = kind_legend(cat, {kind_key(cat, u) for u in units}, lang)
    return net, legend
