"""``mandat diff --from D1 --to D2``: what the restructuring changed between two dates."""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.model import within
from graph.queries.common import agency_ref, provenance


def descendants_at(cat: Lookup, root: str, day: date) -> set[str]:
    """``root`` and every unit under it on ``day``."""
    seen, todo = {root}, [root]
    while todo:
        for child in cat.children_at(todo.pop(), day):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def events_between(cat: Lookup, start: date, end: date, kinds: set[str]):
    """The events of ``kinds`` that fell (or, when bracketed, may have fallen) after ``start`` up to ``end``."""
    return [ev for ev in cat.events if ev.kind in kinds and ev.falls_in(start, end)]


def serves_within(cat: Lookup, agency: str, region: str) -> bool:
    """True when ``agency`` serves ``region`` or a region inside it."""
    ent = cat.entities.get(agency)
    return bool(ent) and any(region in cat.region_ancestors(r) for r in ent.attrs.get("regions", ()))


def diff(cat: Lookup, start: date, end: date, under: str | None = None, lang: str = "id",
         region: str | None = None) -> dict:
    """Agencies ``created``, ``dissolved``, ``renamed`` and ``moved`` after ``start`` up to ``end``.

    A renamed agency appears under ``renamed`` (old → new), not as one
    dissolved and one created. ``moved`` lists units that exist on both dates
    with a different parent. ``under`` keeps only the units below that agency
    on either date; ``region`` only the agencies serving that region or a
    region inside it.

    >>> from datetime import date
    >>> from graph.queries.lookup import open_lookup
    >>> d = diff(open_lookup(), date(2024, 10, 1), date(2025, 1, 1))
    >>> any(m["unit"]["iri"].endswith("kanim-batulicin") for m in d["moved"])
    True
    """
    scope = None
    if under:
        scope = descendants_at(cat, under, start) | descendants_at(cat, under, end)
    renames = events_between(cat, start, end, {"renamed"})
    renamed_old = {o for ev in renames for o in ev.originals}
    renamed_new = {r for ev in renames for r in ev.results}

    def in_scope(iri: str) -> bool:
        return (scope is None or iri in scope) and (region is None or serves_within(cat, iri, region))

    out = {"from": start.isoformat(), "to": end.isoformat(), "under": cat.ref(under, lang),
           "region": cat.ref(region, lang),
           "created": [], "dissolved": [], "renamed": [], "moved": []}
    for ent in sorted(cat.agencies(), key=lambda e: cat.label(e.iri, lang)):
        if not in_scope(ent.iri):
            continue
        valid = ent.valid
        began = within(valid.start, valid.start_latest, start, end)      # a bracket across a date: uncertain
        ended = within(valid.end, valid.end_latest, start, end)
        if began and ent.iri not in renamed_new:
            out["created"].append(change_entry(cat, ent.iri, "created", lang, start, end))
        if ended and ent.iri not in renamed_old:
            out["dissolved"].append(change_entry(cat, ent.iri, "dissolved", lang, start, end))
        if not began and not ended and valid.contains(start) and valid.contains(end):
            moved = move_entry(cat, ent.iri, start, end, lang)
            if moved:
                out["moved"].append(moved)
    for ev in renames:
        if any(in_scope(i) for i in (*ev.originals, *ev.results)):
            out["renamed"].append({"date": ev.when, "certainty": ev.falls_in(start, end),
                                   "old": [cat.ref(o, lang) for o in ev.originals],
                                   "new": [cat.ref(r, lang) for r in ev.results],
                                   **provenance(cat, ev, lang, ev.basis)})
    return out


def change_entry(cat: Lookup, iri: str, kind: str, lang: str, start: date, end: date) -> dict:
    """An agency created or dissolved, with the event that did it when there is one."""
    entry = {"agency": agency_ref(cat, iri, lang)}
    side = "results" if kind == "created" else "originals"
    for ev in cat.events_of(iri):
        if iri in getattr(ev, side) and ev.falls_in(start, end):
            other = ev.originals if kind == "created" else ev.results
            entry.update({"date": ev.when, "certainty": ev.falls_in(start, end), "change": ev.kind,
                          "related": [cat.ref(o, lang) for o in other if o != iri],
                          **provenance(cat, ev, lang, ev.basis)})
            break
    else:
        ent = cat.entities[iri]
        valid = ent.valid
        day, latest, text = ((valid.start, valid.start_latest, valid.start_text) if kind == "created"
                             else (valid.end, valid.end_latest, valid.end_text))
        entry.update({"date": text or (day.isoformat() if day else None),
                      "certainty": within(day, latest, start, end) or "certain", "change": kind, "related": [],
                      **provenance(cat, ent, lang)})
    return entry


def move_entry(cat: Lookup, iri: str, start: date, end: date, lang: str) -> dict | None:
    """The unit's move from its parent on ``start`` to another on ``end``, if it moved.

    A move is a change of reporting line (not an org:ChangeEvent): its date, legal basis
    and sources are those of the new line (the old line's sources when it lost its parent)."""
    old, new = cat.line_at(iri, start), cat.line_at(iri, end)
    old_parent = old.parent if old else None
    new_parent = new.parent if new else None
    if old_parent == new_parent:
        return None
    fact = new or old
    return {"unit": agency_ref(cat, iri, lang),
            "old_parent": cat.ref(old_parent, lang), "new_parent": cat.ref(new_parent, lang),
            "date": new.valid.start.isoformat() if new and new.valid.start else None,
            **provenance(cat, fact, lang, new.basis if new else ())}
