"""``mandat view diff --from D1 --to D2 [ROOT]``: one picture of the restructuring.

Two channels that never mix: colour and arrowhead say what happened (created,
dissolved, renamed, moved; a split, a merge, a rename or a move each has its own
arrow), a dashed outline or dashed line says the fact is unverified.
"""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.diff import diff, events_between
from graph.render import UNCERTAIN
from graph.views import UNVERIFIED, add_agency, add_fact_edge, is_unverified, new_network
from graph.views.org import units_under

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
         "merged": ("penggabungan", "merge"), "unverified": ("belum terverifikasi", "unverified")}
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


def diff_view(cat: Lookup, start: date, end: date, root: str, lang: str):
    """The units under ``root`` that changed, with their old and new parents and the change events.

    Each unit sits at its depth under ``root`` (on ``end`` if it exists then), so
    event arrows do not push units down a level.
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
    used: set[str] = {"unverified"} if any(is_unverified(cat.entities[u]) for u in units) else set()
    for unit in sorted(units):
        old, new = cat.line_at(unit, start), cat.line_at(unit, end)
        if old and new and old.iri == new.iri and old.parent in units:
            styled_edge(net, cat, old.parent, unit, old, lang, "kept", used, old.basis)
            continue
        if old and old.parent in units:
            styled_edge(net, cat, old.parent, unit, old, lang, "old", used, old.basis)
        if new and new.parent in units:
            styled_edge(net, cat, new.parent, unit, new, lang, "move" if changes.get(unit) == "moved" else "new",
                        used, new.basis)
    for ev in events_between(cat, start, end, set(EVENTS)):
        for o in ev.originals:
            for r in ev.results:
                if o in units and r in units and o != r:
                    styled_edge(net, cat, o, r, ev, lang, ev.kind, used, ev.basis, event_title(ev, start, end, lang))
    legend = [("", COLOURS[k], say(k, lang)) for k in COLOURS if k in {changes.get(u, "same") for u in units}]
    legend += [("line", ARROWS[s][0], f"{say(s, lang)} {HEADS[ARROWS[s][1]]}") for s in ARROWS if s in used]
    legend += [("outline", UNVERIFIED, say("unverified", lang))] if "unverified" in used else []
    return net, legend


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
