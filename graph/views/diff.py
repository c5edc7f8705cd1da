"""``mandat view diff --from D1 --to D2 [ROOT]``: one picture of the restructuring."""

from __future__ import annotations

from datetime import date

from graph.model import Catalog
from graph.queries.diff import diff
from graph.views import add_agency, add_fact_edge, new_network
from graph.views.org import units_under

COLOURS = {"created": "#2ca02c", "dissolved": "#d62728", "renamed": "#ff7f0e", "moved": "#1f77b4",
           "same": "#dddddd"}
WORDS = {"created": ("dibentuk", "created"), "dissolved": ("dibubarkan", "dissolved"),
         "renamed": ("berganti nama", "renamed"), "moved": ("dipindahkan", "moved"),
         "same": ("tetap", "unchanged"), "old": ("garis lama", "old reporting line"),
         "new": ("garis baru", "new reporting line"), "kept": ("garis tetap", "unchanged line")}


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


def levels_of(cat: Catalog, root: str, start: date, end: date) -> dict[str, int]:
    """Each unit's depth under ``root``: on ``end`` when it exists then, else on ``start``."""
    out = units_under(cat, root, start, None)
    out.update(units_under(cat, root, end, None))
    return out


def diff_view(cat: Catalog, start: date, end: date, root: str, lang: str):
    """The units under ``root`` that changed, with their old and new parents.

    Old reporting lines are red and dashed, new ones green, unchanged ones grey;
    a rename is an orange curved arrow from the old unit to the new one. Each
    unit sits at its depth under ``root`` (on ``end`` if it exists then), so
    rename arrows do not push units down a level.
    """
    net = new_network(hierarchical="UD")
    depth = levels_of(cat, root, start, end)
    answer = diff(cat, start, end, root, lang)
    changes = change_of(answer)
    units = {u for u in changes if u in depth}
    for unit in list(units):
        for day in (start, end):
            line = cat.line_at(unit, day)
            if line is not None and line.parent in depth:
                units.add(line.parent)
    for unit in sorted(units):
        change = changes.get(unit, "same")
        add_agency(net, cat, unit, lang, extra=say(change, lang), colour=COLOURS[change], level=depth[unit])
    for unit in sorted(units):
        old, new = cat.line_at(unit, start), cat.line_at(unit, end)
        if old and new and old.iri == new.iri and old.parent in units:
            add_fact_edge(net, cat, old.parent, unit, old, lang, say("kept", lang), "#999999", basis=old.basis)
            continue
        if old and old.parent in units:
            add_fact_edge(net, cat, old.parent, unit, old, lang, say("old", lang), "#d62728",
                          basis=old.basis)
        if new and new.parent in units:
            add_fact_edge(net, cat, new.parent, unit, new, lang, say("new", lang), "#2ca02c", width=3,
                          basis=new.basis)
    for ev in rename_events(cat, answer):
        for o in ev.originals:
            for r in ev.results:
                if o in units and r in units and o != r:
                    add_fact_edge(net, cat, o, r, ev, lang, f"{say('renamed', lang)} {ev.day}", COLOURS["renamed"],
                                  width=3, basis=ev.basis, smooth={"enabled": True, "type": "curvedCW", "roundness": 0.3})
    legend = [("", COLOURS[k], say(k, lang)) for k in ("created", "dissolved", "renamed", "moved", "same")]
    legend += [("dashed", "#d62728", say("old", lang)), ("line", "#2ca02c", say("new", lang)),
               ("line", "#999999", say("kept", lang)), ("line", COLOURS["renamed"], say("renamed", lang) + " →")]
    return net, legend


def rename_events(cat: Catalog, answer: dict):
    """The change events behind the ``renamed`` entries of a diff answer."""
    wanted = {(tuple(x["iri"] for x in r["old"]), tuple(x["iri"] for x in r["new"])) for r in answer["renamed"]}
    return [ev for ev in cat.events if ev.kind == "renamed" and (tuple(ev.originals), tuple(ev.results)) in wanted]
