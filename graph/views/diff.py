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


def diff_view(cat: Catalog, start: date, end: date, root: str, lang: str):
    """The units under ``root`` that changed, with their old and new parents.

    Old reporting lines are red and dashed, new ones green, unchanged ones grey.
    """
    net = new_network(hierarchical="UD")
    scope = set(units_under(cat, root, start, None)) | set(units_under(cat, root, end, None))
    changes = change_of(diff(cat, start, end, root, lang))
    units = {u for u in changes if u in scope}
    for unit in list(units):
        for day in (start, end):
            line = cat.line_at(unit, day)
            if line is not None:
                units.add(line.parent)
    for unit in sorted(units):
        change = changes.get(unit, "same")
        add_agency(net, cat, unit, lang, extra=say(change, lang), colour=COLOURS[change])
    for unit in sorted(units):
        old, new = cat.line_at(unit, start), cat.line_at(unit, end)
        if old and new and old.iri == new.iri and old.parent in units:
            add_fact_edge(net, cat, old.parent, unit, old, lang, say("kept", lang), "#999999", basis=old.basis)
            continue
        if old and old.parent in units:
            add_fact_edge(net, cat, old.parent, unit, old, lang, say("old", lang), "#d62728", dashes=True,
                          basis=old.basis)
        if new and new.parent in units:
            add_fact_edge(net, cat, new.parent, unit, new, lang, say("new", lang), "#2ca02c", width=3,
                          basis=new.basis)
    legend = [("", COLOURS[k], say(k, lang)) for k in ("created", "dissolved", "renamed", "moved", "same")]
    legend += [("dashed", "#d62728", say("old", lang)), ("line", "#2ca02c", say("new", lang)),
               ("line", "#999999", say("kept", lang))]
    return net, legend
