"""``mandat view org [ROOT]``: the hierarchy under ROOT, a tree that opens collapsed and follows a date slider.

The page holds every unit that was ever under ROOT and every reporting line
between them with its period; the browser keeps the lines in force on the
slider's date and draws the tree from ROOT, opened two levels deep, one more
level per click.
"""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.common import require_existing
from graph.views import add_agency, add_fact_edge, kind_key, kind_legend, new_network

FONT, MIN_LABEL_PX = 16, 12
UNCERTAIN_RING = "#e6550d"      # the border of a unit on a day inside a bracket (the page's JS uses the same)
UNCERTAIN = ("≈ tidak pasti pada tanggal ini", "≈ uncertain on the day shown")


def units_under(cat: Lookup, root: str, day: date, depth: int | None) -> dict[str, int]:
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


def units_ever_under(cat: Lookup, root: str, depth: int | None) -> set[str]:
    """Every unit that reported to ``root`` (directly or not) at some time, down to ``depth`` lines."""
    found, frontier, level = {root}, [root], 0
    while frontier and (depth is None or level < depth):
        frontier = sorted({line.unit for unit in frontier for line in cat.lines_to(unit)} - found)
        found.update(frontier)
        level += 1
    return found


def in_region(cat: Lookup, units: set[str], root: str, region: str) -> set[str]:
    """The units serving ``region`` or a region inside it, with the units above them up to ``root``."""
    from graph.queries.gaps import agencies_serving, regions_within

    keep = {root} | (units & agencies_serving(cat, regions_within(cat, [region])))
    frontier = list(keep)
    while frontier:
        frontier = [line.parent for unit in frontier for line in cat.lines_of(unit)
                    if line.parent in units and line.parent not in keep]
        keep.update(frontier)
    return keep


def span(valid) -> list[str | None]:
    """[start, end, last possible start, last possible end] as ISO days; the last two are set only
    where sources bracket the change, and the page marks a day inside a bracket uncertain.

    >>> from graph.model import Interval
    >>> span(Interval(date(2024, 2, 12), None, start_latest=date(2024, 9, 23)))
    ['2024-02-12', None, '2024-09-23', None]
    """
    return [d.isoformat() if d else None for d in (valid.start, valid.end, valid.start_latest, valid.end_latest)]


def org_view(cat: Lookup, root: str, day: date, depth: int | None, lang: str, region: str | None = None):
    """The pyvis network of every unit ever under ``root`` and the dated tree the page draws from it.

    Refuses (InputError, exit 2) when ``root`` did not exist on ``day``, as ``chain`` does.
    """
    require_existing(cat, root, day, lang)
    net = new_network(options='{"physics": {"enabled": false}, "edges": {"smooth": false, "arrows": {"to": {"enabled": true}}}, '
                    '"interaction": {"hover": true, "tooltipDelay": 100, "dragNodes": false}}')   # the page lays the tree out
    units = units_ever_under(cat, root, depth)
    if region:
        units = in_region(cat, units, root, region)
    for unit in sorted(units):
        add_agency(net, cat, unit, lang, font=FONT, shape="box", margin=8, widthConstraint={"maximum": 150})
    lines = sorted((line for unit in units if unit != root for line in cat.lines_of(unit) if line.parent in units),
                   key=lambda line: line.iri)
    for n, line in enumerate(lines):
        add_fact_edge(net, cat, line.parent, line.unit, line, lang, basis=line.basis, id=f"l{n}")
    intervals = [cat.entities[u].valid for u in units] + [line.valid for line in lines]
    days = sorted({d for v in intervals for d in (v.start, v.end) if d} | {day, cat.earliest or day})
    days = [d for d in days if cat.exists(root, d)]
    net.extra = {"minLabelPx": MIN_LABEL_PX, "tree": {
        "root": root, "days": [d.isoformat() for d in days], "start": days.index(day),
        "units": {u: span(cat.entities[u].valid) for u in sorted(units)},
        "lines": [[f"l{n}", line.unit, line.parent, *span(line.valid)] for n, line in enumerate(lines)]}}   # id, unit, parent, span
    legend = kind_legend(cat, {kind_key(cat, u) for u in units}, lang)
    if any(v.start_latest or v.end_latest for v in intervals):
        legend.append(("ring", UNCERTAIN_RING, UNCERTAIN[0 if lang == "id" else 1]))
    return net, legend
