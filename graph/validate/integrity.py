"""Integrity checks over time, on the catalog: what SHACL expresses badly.

Each function yields ``(check, node, message, severity)``. Dates that matter
are the bounds of the periods involved: a property that holds between two
consecutive bounds holds on every day between them, so checking each bound
checks every day.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from graph import ns
from graph.queries.lookup import Lookup
from graph.model import Interval

Row = tuple[str, str, str, str]
ROOT_CLASSES = {ns.MANDAT + "Presidency"}


def boundaries(intervals) -> list[date]:
    """Every start and end date among ``intervals``, sorted."""
    return sorted({d for iv in intervals for d in (iv.start, iv.end) if d})


def probe_days(cat: Lookup, intervals) -> list[date]:
    """The days on which to test a time-dependent property: each bound, plus a day before all."""
    days = boundaries(intervals)
    first = min([cat.earliest or date(2000, 1, 1)] + days)
    return [date.fromordinal(first.toordinal() - 1)] + days


def reporting_cycles(cat: Lookup) -> Iterator[Row]:
    """A cycle of reporting lines on any date."""
    import networkx as nx

    seen = set()
    for day in probe_days(cat, [line.valid for line in cat.lines]):
        g = nx.DiGraph((line.unit, line.parent) for line in cat.lines if line.valid.contains(day))
        for cycle in nx.simple_cycles(g):
            start = cycle.index(min(cycle))
            cycle = cycle[start:] + cycle[:start]
            key = frozenset(cycle)
            if key not in seen:
                seen.add(key)
                names = " → ".join(cat.label(n) for n in cycle + cycle[:1])
                yield ("reporting-cycle", cycle[0], f"reporting lines form a cycle on {day}: {names}; "
                       "end one of these lines", "error")


def two_parents(cat: Lookup) -> Iterator[Row]:
    """Two reporting lines of one unit to different parents over overlapping periods."""
    by_unit: dict[str, list] = {}
    for line in cat.lines:
        by_unit.setdefault(line.unit, []).append(line)
    for unit, lines in by_unit.items():
        for i, a in enumerate(lines):
            for b in lines[i + 1:]:
                if a.parent != b.parent and a.valid.overlaps(b.valid):
                    yield ("two-parents", unit, f"reports to {cat.label(a.parent)} and {cat.label(b.parent)} "
                           "at the same time; end one line where the other begins", "error")


def is_root(cat: Lookup, iri: str) -> bool:
    """True for the agencies allowed to have no parent: the Presidency and the national court."""
    ent = cat.entities[iri]
    return bool(set(ent.types) & ROOT_CLASSES) or (
        ns.MANDAT + "Court" in ent.types and ent.attrs.get("level") == ns.MANDAT + "National")


def covers(valid: Interval, day: date | None) -> bool:
    """True when ``valid`` holds on ``day``; a ``day`` of None stands for 'before our records'."""
    return valid.start is None if day is None else valid.contains(day)


def uncovered(existence: Interval, lines) -> Interval | None:
    """The first period while the agency existed that no reporting line covers, or None.

    Coverage changes only where a line starts or ends, so those days (and the
    agency's first day, None when it predates our records) are the only probes.
    """
    inside = [d for d in boundaries([line.valid for line in lines])
              if existence.contains(d) and d != existence.start]
    probes = [existence.start, *inside]
    held = [any(covers(line.valid, day) for line in lines) for day in probes]
    if all(held):
        return None
    first = held.index(False)
    back = next((day for day, ok in zip(probes[first + 1:], held[first + 1:]) if ok), existence.end)
    return Interval(probes[first], back)


def describe_gap(gap: Interval) -> str:
    """'from 2020-01-01 to 2024-01-01', 'before 2024-01-01', 'from 2020-01-01' or ''."""
    start, end = gap.start, gap.end
    if start and end:
        return f" from {start} to {end}"
    return f" before {end}" if end else (f" from {start}" if start else "")


def orphans(cat: Lookup) -> Iterator[Row]:
    """An agency with no parent on some day while it existed (reported once, with the first gap)."""
    for ent in cat.agencies():
        if is_root(cat, ent.iri):
            continue
        lines = cat.lines_of(ent.iri)
        gap = uncovered(ent.valid, lines)
        if gap is not None:
            when = describe_gap(gap) if lines else ""
            yield ("no-parent", ent.iri, f"has no reporting line{when} while it existed; "
                   "add a mandat:ReportingLine covering that period", "error")


def outside_existence(fact: Interval, agency: Interval) -> str | None:
    """Why ``fact`` is not inside ``agency``'s existence: 'before', 'after' or None."""
    if agency.start and (fact.start is None or fact.start < agency.start):
        return "before"
    if agency.end and (fact.end is None or fact.end > agency.end):
        return "after"
    return None


def facts_naming_agencies(cat: Lookup):
    """(fact, agency, what) for every fact that names an agency."""
    for line in cat.lines:
        yield line, line.unit, "reporting line"
        yield line, line.parent, "reporting line"
    for r in cat.responsibilities:
        yield r, r.agency, "responsibility"
    for m in cat.memberships:
        yield m, m.organization, "tenure" if m.is_tenure else "membership"
        if not m.is_tenure:
            yield m, m.member, "membership"
    for a in cat.agreements:
        for party in a.parties:
            yield a, party, "agreement"


def names_missing_agency(cat: Lookup) -> Iterator[Row]:
    """A fact that names an agency on dates when that agency did not exist.

    Before the agency existed is an error. After it was dissolved is a
    warning: the mandate is stale in the world, not wrong in the data, and
    ``mandat gaps`` reports it as ``stale-mandate``.
    """
    for fact, agency, what in facts_naming_agencies(cat):
        ent = cat.entities.get(agency)
        if ent is None or ent.kind != "agency":
            continue
        side = outside_existence(fact.valid, ent.valid)
        if side == "before":
            yield ("names-missing-agency", fact.iri, f"{what} names {cat.label(agency)} before it existed "
                   f"(from {ent.valid.start}); start the {what} on or after that date", "error")
        elif side == "after":
            yield ("stale-mandate", fact.iri, f"{what} names {cat.label(agency)} after it ceased to exist "
                   f"({ent.valid.end}); end it or move it to the successor (see mandat gaps)", "warning")


def reversed_periods(cat: Lookup) -> Iterator[Row]:
    """A validity period that ends before it starts (same message as ``interval-order.rq``)."""
    records = [*cat.lines, *cat.memberships, *cat.agreements, *cat.responsibilities, *cat.entities.values()]
    for rec in records:
        valid = getattr(rec, "valid", None)
        if valid and valid.start and valid.end and valid.end < valid.start:
            text = valid.as_dict()
            yield ("reversed-period", rec.iri, f"its period ends ({text['end']}) before it begins "
                   f"({text['start']}); fix the dates", "error")


CHECKS = (reporting_cycles, two_parents, orphans, names_missing_agency, reversed_periods)


def integrity_problems(cat: Lookup) -> list[Row]:
    """Every integrity problem of the catalog."""
    return [row for check in CHECKS for row in check(cat)]
