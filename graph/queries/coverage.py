"""``mandat coverage``: what the data holds about each region, so that a hole in
the data is not read as a hole in government.

A *kind* of actor is the agency's own class in the ontology (a subclass of
``mandat:Agency``: ``PoliceUnit``, ``Court``, ``RegionalDepartment``, ...),
coded in kebab case (``police-unit``). A kind is *expected* at a level
(province, regency/city) when the data holds an agency of that kind at that
level in some region: what the data shows for one regency it should show for
every regency. Per step that regulation expects a regional actor to lead
(``mandat:expectsRegionalActor``), the kinds expected are those of the agencies
that lead the step at that level somewhere in the data (social affairs for
social rehabilitation, manpower for placement supervision, an immigration
office for passport screening, ...). A step's status in a region is ``led`` (a
lead sits in the region), ``not-led`` (the data holds the kinds that would
lead it, and none does: an absence the data vouches for) or ``unknown`` (the
data lacks the actor that would lead it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from graph import ns
from graph.queries.lookup import Lookup
from graph.model import Entity
from graph.queries.gaps import default_regions, region_level, regions_within

LEVEL_OF = {ns.MANDAT + "Provincial": "province", ns.MANDAT + "RegencyLevel": "regency"}
STATUSES = ("led", "not-led", "unknown")


def kind_code(cls: str) -> str:
    """The stable code of an agency class.

    >>> kind_code("https://w3id.org/mandat/ontology#PoliceUnit")
    'police-unit'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "-", cls.rsplit("#", 1)[-1]).lower()


def agency_class(ent: Entity) -> str:
    """The agency's own class: its most specific type (not the ``mandat:Agency`` root)."""
    own = sorted(t for t in ent.types if t != ns.MANDAT + "Agency")
    return own[0] if own else ns.MANDAT + "Agency"


def live_agencies(cat: Lookup, day: date) -> list[Entity]:
    """The agencies that exist on ``day``."""
    return [e for e in cat.agencies() if e.valid.contains(day)]


@dataclass
class Peers:
    """What the data shows across all regions: the basis of every expectation."""

    kinds: dict[str, set[str]]                  # level → classes held at that level somewhere
    step_kinds: dict[tuple[str, str], set[str]]  # (step, level) → classes that lead the step at that level
    serving: dict[str, list[Entity]]            # region → live agencies serving it


def peers(cat: Lookup, day: date) -> Peers:
    """Read the kinds the data holds per level, and who leads each step per level, once."""
    kinds: dict[str, set[str]] = defaultdict(set)
    serving: dict[str, list[Entity]] = defaultdict(list)
    for ent in live_agencies(cat, day):
        level = LEVEL_OF.get(ent.attrs.get("level"))
        if level:
            kinds[level].add(agency_class(ent))
        for region in ent.attrs.get("regions", ()):
            serving[region].append(ent)
    step_kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in cat.responsibilities:
        ent = cat.entities.get(r.agency)
        if (r.role == "lead" and r.valid.contains(day) and r.jurisdiction in cat.entities
                and ent is not None and ent.valid.contains(day) and ent.attrs.get("level") in LEVEL_OF):
            step_kinds[(r.step, region_level(cat, r.jurisdiction))].add(agency_class(ent))
    return Peers(dict(kinds), dict(step_kinds), dict(serving))


def lacking(cat: Lookup, known: Peers, region: str, step: str) -> list[str]:
    """The kinds of actor the data lacks to vouch that nobody in ``region`` leads ``step``: the
    kinds that lead it at this level elsewhere, when the region holds none of them; where no
    region shows who would, the kinds expected at the level that the region lacks."""
    level = region_level(cat, region)
    held = {agency_class(e) for e in known.serving.get(region, ())}
    expected = known.step_kinds.get((step, level))
    if expected:
        return [] if held & expected else sorted(expected, key=kind_code)
    return sorted(known.kinds.get(level, set()) - held, key=kind_code)


def step_status(cat: Lookup, day: date, known: Peers, region: str, step: str) -> str:
    """``led``, ``not-led`` or ``unknown`` for ``step`` in ``region`` (see the module docstring)."""
    if any(r.role == "lead" and r.valid.contains(day) and cat.exists(r.agency, day)
           for r in cat.responsibilities_in(step, region)):
        return "led"
    return "unknown" if lacking(cat, known, region, step) else "not-led"


def facts_about(cat: Lookup, day: date, actors: list[Entity]) -> dict[str, object]:
    """The facts in force on ``day`` that describe the region's actors: the actors themselves,
    their responsibilities, reporting lines, seats and agreements (by IRI)."""
    names = {e.iri for e in actors}
    facts = {e.iri: e for e in actors}
    for iri in names:
        facts.update((r.iri, r) for r in cat.responsibilities_of(iri) if r.valid.contains(day))
        facts.update((ln.iri, ln) for ln in cat.lines_of(iri) if ln.valid.contains(day))
        facts.update((m.iri, m) for m in cat.memberships_of(iri) if not m.is_tenure and m.valid.contains(day))
    facts.update((a.iri, a) for a in cat.agreements if a.valid.contains(day) and names & set(a.parties))
    return facts


def sourced_share(facts: dict) -> dict:
    """How many of ``facts`` cite at least one source, and the share (two decimals)."""
    with_source = sum(1 for f in facts.values() if f.sources)
    return {"facts": len(facts), "sourced": with_source,
            "share": round(with_source / len(facts), 2) if facts else 0.0}


def region_coverage(cat: Lookup, day: date, known: Peers, region: str, lang: str) -> dict:
    """The kinds of actor held and missing in one region, the status of its regional steps,
    and the share of its facts that are sourced."""
    level = region_level(cat, region)
    actors = sorted(known.serving.get(region, ()), key=lambda e: e.iri)
    by_class: dict[str, list[str]] = defaultdict(list)
    for ent in actors:
        by_class[agency_class(ent)].append(ent.iri)
    kinds = [{"kind": kind_code(cls), "class": cls, "label": cat.label(cls, lang),
              "status": "held" if cls in by_class else "missing",
              "agencies": [cat.ref(a, lang) for a in by_class.get(cls, ())]}
             for cls in sorted(known.kinds.get(level, set()) | set(by_class), key=kind_code)]
    steps = [{"step": cat.ref(step, lang), "code": step.rsplit("/", 1)[-1],
              "expected_kinds": sorted(kind_code(c) for c in known.step_kinds.get((step, level), ())),
              "status": step_status(cat, day, known, region, step)}
             for step in cat.step_order if cat.entities[step].attrs.get("expects_regional")]
    return {"region": cat.ref(region, lang), "level": level, "kinds": kinds,
            "missing": [k["kind"] for k in kinds if k["status"] == "missing"], "steps": steps,
            "sourced": sourced_share(facts_about(cat, day, actors))}


def coverage(cat: Lookup, day: date, regions: list[str] | None = None, lang: str = "id") -> list[dict]:
    """Per province and regency/city (``regions`` and those inside them; default every one),
    what the data holds; provinces first, then by IRI.

    >>> from graph.queries.lookup import open_lookup
    >>> cat = open_lookup()
    >>> [tb] = coverage(cat, date(2025, 6, 1), ["https://w3id.org/mandat/id/region-tanah-bumbu"], "en")
    >>> tb["level"], "police-unit" in tb["missing"]
    ('regency', False)
    """
    scope = regions_within(cat, regions) if regions is not None else None
    known = peers(cat, day)
    return [region_coverage(cat, day, known, r, lang) for r in default_regions(cat)
            if scope is None or r in scope]
