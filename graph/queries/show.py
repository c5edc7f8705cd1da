"""``mandat show NAME``: one agency's card at a date."""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.chain import certainty_of
from graph.queries.common import agency_ref, confidence_of, provenance, source_ref


def head_at(cat: Lookup, org: str, day: date, lang: str) -> dict | None:
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


def post_text(cat: Lookup, role: str | None, org: str, lang: str) -> str:
    """'Kepala Kantor Imigrasi ...' in Indonesian, 'Head, Batulicin ... Office' in English."""
    joiner = " " if lang == "id" else ", "
    return joiner.join(x for x in (cat.label(role, lang), cat.label(org, lang)) if x)


def is_head_role(cat: Lookup, role: str | None) -> bool:
    ent = cat.entities.get(role) if role else None
    return bool(ent and ent.attrs.get("is_head"))


def predecessors(cat: Lookup, iri: str, lang: str) -> list[dict]:
    """Organizations this one came from (split, merge, rename), with the event."""
    return [dict(cat.ref(o, lang), change=ev.kind, date=ev.when)
            for ev in cat.events_of(iri) if iri in ev.results
            for o in ev.originals if o != iri]


def successors(cat: Lookup, iri: str, lang: str) -> list[dict]:
    """Organizations that took this one over, with the event."""
    return [dict(cat.ref(r, lang), change=ev.kind, date=ev.when)
            for ev in cat.events_of(iri) if iri in ev.originals
            for r in ev.results if r != iri]


def responsibilities_at(cat: Lookup, iri: str, day: date, lang: str) -> list[dict]:
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


def show(cat: Lookup, iri: str, day: date, lang: str = "id") -> dict:
    """The card of agency ``iri`` on ``day``; for an office that did not exist then, its
    card on the nearest day it did (``as_of`` says which, ``asked_for`` the day asked).

    >>> from datetime import date
    >>> from graph.queries.lookup import open_lookup
    >>> card = show(open_lookup(), "https://w3id.org/mandat/id/kanim-batulicin", date(2025, 6, 1))
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
        "confidence": confidence_of(ent),
        "note": ent.note,
    })
    return card


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# -- cards of the other kinds: regulation, region, step, person ----------------------

def card(cat: Lookup, iri: str, day: date, lang: str = "id") -> dict:
    """The card of any named entity on ``day``; ``entity`` says which kind of card it is.

    >>> from datetime import date
    >>> from graph.queries.lookup import open_lookup
    >>> c = card(open_lookup(), "https://w3id.org/mandat/id/uu-21-2007", date(2025, 6, 1))
    >>> c["entity"], c["number"], c["year"]
    ('regulation', '21', '2007')
    """
    kind = cat.entities[iri].kind
    build = {"agency": show, "regulation": regulation_card, "region": region_card,
             "step": step_card, "person": person_card}[kind]
    return {"entity": kind, **build(cat, iri, day, lang)}


def common_fields(cat: Lookup, iri: str, day: date, lang: str) -> dict:
    """What every card carries: iri, label, date asked, other names, sources, confidence."""
    ent = cat.entities[iri]
    return {"iri": iri, "label": cat.label(iri, lang), "as_of": day.isoformat(),
            "alt_labels": sorted({*ent.alt_labels, *ent.abbreviations}),
            "sources": [source_ref(cat, s, lang) for s in ent.sources],
            "confidence": confidence_of(ent), "note": ent.note}


def regulation_card(cat: Lookup, iri: str, day: date, lang: str) -> dict:
    """A regulation or article: number, dates, title, what it amends or repeals and what
    amends or repeals it, its articles, and the mandates (responsibilities, reporting
    lines) that rest on it or on one of its articles."""
    attrs = cat.entities[iri].attrs
    regs = cat.of_kind("regulation")
    parts = {r.iri for r in regs if r.attrs.get("part_of") == iri} | {iri}
    rests = [("responsibility", r.agency, r.step, r) for r in cat.responsibilities if parts & set(r.basis)]
    rests += [("reporting-line", line.unit, line.parent, line) for line in cat.lines if parts & set(line.basis)]
    return {**common_fields(cat, iri, day, lang),
            "type": cat.label(attrs.get("type"), lang) or None, "number": attrs.get("number"),
            "year": attrs.get("year"), "date": iso(attrs.get("date")), "title": attrs.get("title"),
            "part_of": cat.ref(attrs.get("part_of"), lang),
            "articles": [cat.ref(p, lang) for p in sorted(parts - {iri})],
            "amends": [cat.ref(r, lang) for r in attrs.get("amends", ())],
            "amended_by": [cat.ref(r.iri, lang) for r in regs if iri in r.attrs.get("amends", ())],
            "repeals": [cat.ref(r, lang) for r in attrs.get("repeals", ())],
            "repealed_by": [cat.ref(r.iri, lang) for r in regs if iri in r.attrs.get("repeals", ())],
            "mandates": [{"what": what, "agency": cat.ref(agency, lang), "object": cat.ref(obj, lang),
                          "in_force": fact.valid.contains(day), **fact.valid.as_dict()}
                         for what, agency, obj, fact in sorted(rests, key=lambda r: (r[0], r[1], r[2] or ""))]}


def region_card(cat: Lookup, iri: str, day: date, lang: str) -> dict:
    """A region: its code, the region it lies in, the regions inside it, and the
    agencies that serve it on ``day``."""
    attrs = cat.entities[iri].attrs
    inside = sorted((e.iri for e in cat.of_kind("region") if e.attrs.get("within") == iri),
                    key=lambda r: cat.label(r, lang))
    serving = sorted((e.iri for e in cat.agencies() if iri in e.attrs.get("regions", ()) and e.valid.contains(day)),
                     key=lambda a: cat.label(a, lang))
    return {**common_fields(cat, iri, day, lang), "notation": attrs.get("notation"),
            "within": cat.ref(attrs.get("within"), lang), "regions_inside": [cat.ref(r, lang) for r in inside],
            "agencies": [agency_ref(cat, a, lang) for a in serving]}


def step_card(cat: Lookup, iri: str, day: date, lang: str) -> dict:
    """A TPPO step: its place in the order, the steps it hands over to and receives from,
    and who is responsible for it on ``day``."""
    attrs = cat.entities[iri].attrs
    steps = cat.of_kind("step")
    rows = [r for r in cat.responsibilities_for(iri) if r.valid.contains(day)]
    return {**common_fields(cat, iri, day, lang),
            "order": cat.step_order.index(iri) + 1 if iri in cat.step_order else None,
            "definition": attrs.get("definition", {}).get(lang),
            "expects_regional_actor": bool(attrs.get("expects_regional")),
            "hands_over_to": [cat.ref(s, lang) for s in attrs.get("hands_over_to", ())],
            "receives_from": [cat.ref(s.iri, lang) for s in steps if iri in s.attrs.get("hands_over_to", ())],
            "responsibilities": [{"agency": agency_ref(cat, r.agency, lang), "role": r.role,
                                  "jurisdiction": cat.ref(r.jurisdiction, lang), **provenance(cat, r, lang, r.basis)}
                                 for r in sorted(rows, key=lambda r: (r.role != "lead", cat.label(r.agency, lang)))]}


def person_card(cat: Lookup, iri: str, day: date, lang: str) -> dict:
    """A person: every post the sources show them in, with the dates they were seen in it."""
    posts = sorted(cat.memberships_of(iri), key=lambda m: (m.valid.start or date.min, m.organization))
    return {**common_fields(cat, iri, day, lang),
            "posts": [{"organization": cat.ref(m.organization, lang), "post": post_text(cat, m.role, m.organization, lang),
                       "in_post_on_day": m.valid.contains(day), **m.valid.as_dict(),
                       **provenance(cat, m, lang, m.basis)} for m in posts]}
