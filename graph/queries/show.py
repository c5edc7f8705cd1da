"""``mandat show NAME``: one agency's card at a date."""

from __future__ import annotations

from datetime import date

from graph.model import Catalog
from graph.queries.chain import certainty_of
from graph.queries.common import agency_ref, provenance, source_ref


def head_at(cat: Catalog, org: str, day: date, lang: str = "id") -> dict | None:
    """Who headed ``org`` on ``day`` (a tenure in a head role), or None.

    When no tenure covers the day, the most recent earlier one is returned
    with ``"last_attested": true`` so that the card can still say who was
    last known in the post.
    """
    tenures = [m for m in cat.memberships_in(org) if m.is_tenure and is_head_role(cat, m.role)]
    current = [m for m in tenures if m.valid.contains(day)]
    earlier = sorted((m for m in tenures if m.valid.start and m.valid.start <= day and not m.valid.contains(day)),
                     key=lambda m: m.valid.start)
    pick = current[-1] if current else (earlier[-1] if earlier else None)
    if pick is None:
        return None
    out = cat.ref(pick.member, lang)
    out["post"] = post_text(cat, pick.role, org, lang)
    out["since"], out["until"] = pick.valid.as_dict().values()
    out.update(provenance(cat, pick, lang, pick.basis))
    if not current:
        out["last_attested"] = True
    return out


def post_text(cat: Catalog, role: str | None, org: str, lang: str) -> str:
    """'Kepala Kantor Imigrasi ...' in Indonesian, 'Head, Batulicin ... Office' in English."""
    joiner = " " if lang == "id" else ", "
    return joiner.join(x for x in (cat.label(role, lang), cat.label(org, lang)) if x)


def is_head_role(cat: Catalog, role: str | None) -> bool:
    ent = cat.entities.get(role) if role else None
    return bool(ent and ent.attrs.get("is_head"))


def predecessors(cat: Catalog, iri: str, lang: str) -> list[dict]:
    """Organizations this one came from (split, merge, rename), with the event."""
    return [dict(cat.ref(o, lang), change=ev.kind, date=iso(ev.day))
            for ev in cat.events_of(iri) if iri in ev.results
            for o in ev.originals if o != iri]


def successors(cat: Catalog, iri: str, lang: str) -> list[dict]:
    """Organizations that took this one over, with the event."""
    return [dict(cat.ref(r, lang), change=ev.kind, date=iso(ev.day))
            for ev in cat.events_of(iri) if iri in ev.originals
            for r in ev.results if r != iri]


def responsibilities_at(cat: Catalog, iri: str, day: date, lang: str) -> list[dict]:
    """The agency's TPPO responsibilities in force on ``day``, in step order."""
    order = {s: i for i, s in enumerate(cat.step_order)}
    rows = [r for r in cat.responsibilities_of(iri) if r.valid.contains(day)]
    rows.sort(key=lambda r: (order.get(r.step, 999), r.role != "lead"))
    return [{"step": cat.ref(r.step, lang), "role": r.role,
             "jurisdiction": cat.ref(r.jurisdiction, lang), **provenance(cat, r, lang, r.basis)}
            for r in rows]


def nearest_existing_day(valid, day: date) -> date:
    """``day`` if the period holds it, else the period's last day (or first day).

    >>> from graph.model import Interval
    >>> nearest_existing_day(Interval(None, date(2024, 10, 21)), date(2025, 6, 1))
    datetime.date(2024, 10, 20)
    """
    from datetime import timedelta

    if valid.contains(day):
        return day
    if valid.end is not None and day >= valid.end:
        return valid.end - timedelta(days=1)
    return valid.start


def show(cat: Catalog, iri: str, day: date, lang: str = "id") -> dict:
    """The card of agency ``iri`` on ``day``; for an office that did not exist then, its
    card on the nearest day it did (``as_of`` says which, ``asked_for`` the day asked).

    >>> from datetime import date
    >>> from graph.store import load_catalog
    >>> card = show(load_catalog(), "https://w3id.org/mandat/id/kanim-batulicin", date(2025, 6, 1))
    >>> card["parent"]["label"]
    'Kantor Wilayah Direktorat Jenderal Imigrasi Kalimantan Selatan'
    """
    ent = cat.entities[iri]
    asked, day = day, nearest_existing_day(ent.valid, day)
    line = cat.line_at(iri, day)
    card = agency_ref(cat, iri, lang)
    card.update({
        "as_of": day.isoformat(),
        "asked_for": asked.isoformat(),
        "alt_labels": sorted({*ent.alt_labels, *ent.abbreviations}),
        "regions": [cat.ref(r, lang) for r in ent.attrs.get("regions", ())],
        "office_class": cat.label(ent.attrs["office_class"], lang) if ent.attrs.get("office_class") else None,
        "exists": ent.valid.as_dict(),
        "parent": cat.ref(line.parent, lang) if line else None,
        **certainty_of(cat, iri, day, lang),
        "reporting_line": provenance(cat, line, lang, line.basis) if line else None,
        "head": head_at(cat, iri, day, lang),
        "children": [cat.ref(c, lang) for c in sorted(cat.children_at(iri, day), key=lambda c: cat.label(c, lang))],
        "responsibilities": responsibilities_at(cat, iri, day, lang),
        "predecessors": predecessors(cat, iri, lang),
        "successors": successors(cat, iri, lang),
        "sources": [source_ref(cat, s, lang) for s in ent.sources],
        "confidence": ent.confidence or ("verified" if ent.sources else "unverified"),
        "note": ent.note,
    })
    return card


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
