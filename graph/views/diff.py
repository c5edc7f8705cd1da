"""``mandat view diff --from D1 --to D2 [ROOT]``: one picture of the restructuring.

Two channels that never mix: colour and arrowhead say what happened (created,
dissolved, renamed, moved; a split, a merge, a rename or a move each has its own
arrow), a dashed outline or dashed line says the fact is unverified.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from graph.queries.common import kind_label
from graph.queries.lookup import Lookup
from graph.queries.diff import diff, events_between
from graph.render import UNCERTAIN
from graph.views import (LEVEL_SIZES, UNVERIFIED, add_agency, add_fact_edge, is_unverified, kind_key, new_network,
                         word)
from graph.views.org import units_under

GROUP_AT = 8   # more units than this alike (level, change, kind, old and new parent) are drawn as one node
LISTED = 25    # members named in a group's tooltip

COLOURS = {"created": "#2ca02c", "dissolved": "#d62728", "renamed": "#ff7f0e", "moved": "#1f77b4",
           "same": "#dddddd"}
# edge style: (colour, arrowhead at the new end, curve); old and new reporting lines, and one per event kind
ARROWS = {"old": ("#d62728", "bar", None), "new": ("#2ca02c", "arrow", None), "kept": ("#999999", "arrow", None),
          "move": ("#1f77b4", "vee", None), "renamed": ("#ff7f0e", "arrow", "curvedCW"),
          "split": ("#6a3d9a", "crow", "curvedCCW"), "merged": ("#8c564b", "diamond", "curvedCW")}
HEADS = {"arrow": "→", "bar": "⊣", "vee": "⋗", "crow": "⋲", "diamond": "◆"}
WORDS = {"created": ("dibentuk", "created"), "dissolved": ("dibubarkan", "dissolved"),
         "renamed": ("berganti nama", "renamed"), "moved": ("dipindahkan", "moved"),
         "same": ("tetap", "unchanged"), "old": ("garis lama", "old reporting line"),
         "new": ("garis baru", "new reporting line"), "kept": ("garis tetap", "unchanged line"),
         "move": ("garis baru setelah pindah", "new line after a move"), "split": ("pemecahan", "split"),
         "merged": ("penggabungan", "merge"), "unverified": ("belum terverifikasi", "unverified"),
         "more": ("dan {n} lainnya; --region menggambar tiap kantor", "and {n} more; --region draws each office"),
         "lines": ("garis", "lines")}
EVENTS = ("renamed", "split", "merged")


def say(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def change_of(answer: dict) -> dict[str, str]:
    """Each agency's change in the diff answer."""
    out = {e["agency"]["iri"]: "created" for e in answer["created"]}
    out.update({e["agency"]["iri"]: "dissolved" for e in answer["dissolved"]})
    out.update({m["unit"]["iri"]: "moved" for m in answer["moved"]})
    for r in answer["renamed"]:
        out.update({x["iri"]: "renamed" for x in r["old"] + r["new"]})
    return out


def levels_of(cat: Lookup, root: str, start: date, end: date) -> dict[str, int]:
    """Each unit's depth under ``root``: on ``end`` when it exists then, else on ``start``."""
    out = units_under(cat, root, start, None)
    out.update(units_under(cat, root, end, None))
    return out


def styled_edge(net, cat, a, b, fact, lang, style: str, used: set[str], basis=(), label: str = "") -> None:
    colour, head, curve = ARROWS[style]
    used.add(style)
    used.update({"unverified"} if is_unverified(fact) else set())
    add_fact_edge(net, cat, a, b, fact, lang, label or say(style, lang), colour, width=2 if style == "old" else 3,
                  basis=basis, arrows={"to": {"enabled": True, "type": head}},
                  smooth={"enabled": True, "type": curve, "roundness": 0.3} if curve else False)


def diff_view(cat: Lookup, start: date, end: date, root: str, lang: str, region: str | None = None):
    """The units under ``root`` that changed, with their old and new parents and the change events.

    Each unit sits at its depth under ``root`` (on ``end`` if it exists then), so
    event arrows do not push units down a level. More than ``GROUP_AT`` units alike
    (same level, change, kind, old and new parent) are one node listing them, so the
    national restructuring reads as a few nodes, not one row of 150 offices;
    ``region`` keeps the units serving that region, each drawn on its own.
    """
    net = new_network(hierarchical="UD")
    depth = levels_of(cat, root, start, end)
    changes = change_of(diff(cat, start, end, root, lang, region))
    units = {u for u in changes if u in depth}
    for unit in list(units):
        for day in (start, end):
            line = cat.line_at(unit, day)
            if line is not None and line.parent in depth:
                units.add(line.parent)
    drawn = grouped(cat, units, changes, depth, start, end)
    members = defaultdict(list)
    for unit in sorted(units):
        members[drawn[unit]].append(unit)
    for node, inside in members.items():
        change = changes.get(inside[0], "same")
        if node == inside[0]:
            add_agency(net, cat, node, lang, extra=say(change, lang), colour=COLOURS[change], level=depth[node])
        else:
            add_group(net, cat, node, inside, lang, COLOURS[change], say(change, lang), depth[inside[0]])
    used: set[str] = {"unverified"} if any(is_unverified(cat.entities[u]) for u in units) else set()
    edges = defaultdict(list)
    for unit in sorted(units):
        old, new = cat.line_at(unit, start), cat.line_at(unit, end)
        if old and new and old.iri == new.iri and old.parent in units:
            edges[(drawn[old.parent], drawn[unit], "kept")].append(old)
            continue
        if old and old.parent in units:
            edges[(drawn[old.parent], drawn[unit], "old")].append(old)
        if new and new.parent in units:
            edges[(drawn[new.parent], drawn[unit], "move" if changes.get(unit) == "moved" else "new")].append(new)
    for (a, b, style), lines in edges.items():
        if len(lines) == 1:
            styled_edge(net, cat, a, b, lines[0], lang, style, used, lines[0].basis)
        else:
            group_edge(net, a, b, lines, lang, style, used)
    for ev in events_between(cat, start, end, set(EVENTS)):
        for o in ev.originals:
            for r in ev.results:
                if o in units and r in units and o != r:
                    styled_edge(net, cat, drawn[o], drawn[r], ev, lang, ev.kind, used, ev.basis,
                                event_title(ev, start, end, lang))
    legend = [("", COLOURS[k], say(k, lang)) for k in COLOURS if k in {changes.get(u, "same") for u in units}]
    legend += [("line", ARROWS[s][0], f"{say(s, lang)} {HEADS[ARROWS[s][1]]}") for s in ARROWS if s in used]
    legend += [("outline", UNVERIFIED, say("unverified", lang))] if "unverified" in used else []
    return net, legend


def grouped(cat: Lookup, units: set[str], changes: dict, depth: dict, start: date, end: date) -> dict[str, str]:
    """The node each unit is drawn as: itself, or ``group:N`` for more than ``GROUP_AT`` alike.

    Levels are taken from the top, so units under grouped parents group by those groups
    (the Kanim under the 33 new Kanwil are alike whichever Kanwil they moved to).
    """
    drawn: dict[str, str] = {}
    for level in sorted({depth[u] for u in units}):
        alike = defaultdict(list)
        for unit in sorted(u for u in units if depth[u] == level):
            lines = (cat.line_at(unit, start), cat.line_at(unit, end))
            parents = tuple(drawn.get(line.parent, line.parent) if line else None for line in lines)
            alike[(changes.get(unit, "same"), kind_key(cat, unit), parents)].append(unit)
        for inside in alike.values():
            node = f"group:{len(drawn)}" if len(inside) > GROUP_AT else None
            drawn.update({u: node or u for u in inside})
    return drawn


def add_group(net, cat: Lookup, node: str, inside: list[str], lang: str, colour: str, change: str, level: int) -> None:
    """One node for many alike units: "33 × Kantor Wilayah", its tooltip naming them."""
    ent = cat.entities[inside[0]]
    kind = kind_label(cat, ent.types, lang)
    names = sorted(cat.label(u, lang) for u in inside)
    doubtful = sum(is_unverified(cat.entities[u]) for u in inside)
    listed = names[:LISTED] + ([say("more", lang).format(n=len(names) - LISTED)] if len(names) > LISTED else [])
    title = "\n".join([f"{len(inside)} × {kind} — {change}"]
                      + ([f"⚠ {doubtful} {word('unverified', lang).lower()}"] if doubtful else []) + listed)
    net.add_node(node, label=f"{len(inside)} × {kind}\n{change}", title=title, shape="box", margin=10,
                 kind=kind_key(cat, inside[0]), members=inside, level=level,
                 size=LEVEL_SIZES.get(ent.attrs.get("level"), 14),
                 color={"background": colour, "border": UNVERIFIED if doubtful == len(inside) else "#333333"},
                 borderWidth=3, font={"size": 18, "color": "#222222"},
                 # dashed (and hidden by "verified only") when every member is unverified; a mixed
                 # group stays drawn, its tooltip counting the unverified
                 **({"shapeProperties": {"borderDashes": [4, 4]}, "unverified": True} if doubtful == len(inside) else {}))


def group_edge(net, a: str, b: str, lines: list, lang: str, style: str, used: set[str]) -> None:
    """One arrow for the lines between two groups: "× 33", dashed when all of them are unverified."""
    colour, head, _ = ARROWS[style]
    doubtful = sum(is_unverified(line) for line in lines)
    used.add(style)
    used.update({"unverified"} if doubtful == len(lines) else set())
    title = f"{say(style, lang)} × {len(lines)} {say('lines', lang)}" + (
        f"\n⚠ {doubtful} {word('unverified', lang).lower()}" if doubtful else "")
    # an old line bends away from the new ones it would otherwise run along
    smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.25} if style == "old" else False
    unsure = doubtful == len(lines)                      # as a group node: dashed only when all are
    net.add_edge(a, b, title=title, label=f"× {len(lines)}", color=colour, dashes=unsure,
                 unverified=unsure, width=4, arrows={"to": {"enabled": True, "type": head}}, smooth=smooth,
                 members=len(lines))


def event_title(ev, start, end, lang: str) -> str:
    """The first line of a change arrow's tooltip: what, when, and whether it surely fell in the period.

    >>> from graph.model import ChangeEvent
    >>> ev = ChangeEvent(iri="e", kind="renamed", day=date(2024, 10, 21), day_latest=date(2025, 6, 25),
    ...                  when="2024-10-21..2025-06-25")
    >>> event_title(ev, date(2024, 10, 1), date(2025, 1, 1), "en")
    'renamed 2024-10-21..2025-06-25 (≈ uncertain)'
    """
    text = f"{say(ev.kind, lang)} {ev.when}"
    return f"{text} ({UNCERTAIN[0 if lang == 'id' else 1]})" if ev.falls_in(start, end) == "uncertain" else text
