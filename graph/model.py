"""The records a query's rows are read into (:mod:`graph.queries.lookup`).

Typed rows, not a copy of the graph: a question holds only the records it
asked the store for. IRIs are plain strings; periods are :class:`Interval`
values whose end is excluded, as in the ontology.

>>> from datetime import date
>>> Interval(date(2011, 5, 5), date(2024, 10, 21)).contains(date(2024, 10, 21))
False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date



@dataclass(frozen=True)
class Interval:
    """A period ``[start, end)``; ``None`` means open on that side."""

    start: date | None = None
    end: date | None = None
    start_text: str | None = None          # as written: "2025", "2025-05" or "2025-05-03"
    end_text: str | None = None
    start_latest: date | None = None       # when sources only bracket the start: its last possible day
    end_latest: date | None = None         # ... and the end's (``start``/``end`` are then the earliest)

    def contains(self, day: date) -> bool:
        """True when ``day`` falls in the period.

        >>> Interval(None, None).contains(date(2000, 1, 1))
        True
        """
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def uncertain(self, day: date) -> bool:
        """True when ``day`` falls inside a bracketed start or end: the fact may or may not hold.

        >>> Interval(None, date(2024, 12, 6), end_latest=date(2025, 12, 31)).uncertain(date(2025, 3, 1))
        True
        >>> Interval(None, date(2024, 12, 6), end_latest=date(2025, 12, 31)).uncertain(date(2024, 12, 5))
        False
        """
        return (any(lo is not None and hi is not None and lo <= day <= hi
                    for lo, hi in ((self.start, self.start_latest), (self.end, self.end_latest))))

    def overlaps(self, other: "Interval") -> bool:
        """True when the two periods share at least one day.

        >>> Interval(date(2020, 1, 1), date(2021, 1, 1)).overlaps(Interval(date(2021, 1, 1), None))
        False
        """
        return ((self.end is None or other.start is None or other.start < self.end)
                and (other.end is None or self.start is None or self.start < other.end))

    def as_dict(self) -> dict:
        """Start and end at the precision the data gives (a year, a month or a day)."""
        return {"start": self.start_text or (self.start.isoformat() if self.start else None),
                "end": self.end_text or (self.end.isoformat() if self.end else None)}


ALWAYS = Interval()


@dataclass
class Fact:
    """What every fact node carries: its IRI, sources, confidence and note."""

    iri: str
    sources: tuple[str, ...] = ()
    confidence: str | None = None          # "unverified", "weak" or None (checked)
    note: str | None = None


@dataclass
class Entity(Fact):
    """A named thing: agency, region, step, regulation, person, source, role."""

    kind: str = "other"                    # agency, region, step, regulation, person, source, role, event
    types: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    alt_labels: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    valid: Interval = ALWAYS
    attrs: dict = field(default_factory=dict)


@dataclass
class ReportingLine(Fact):
    unit: str = ""
    parent: str = ""
    valid: Interval = ALWAYS
    basis: tuple[str, ...] = ()


def within(day: date | None, latest: date | None, start: date, end: date) -> str | None:
    """Did a change on ``day`` (or in the bracket ``day``..``latest``) fall after ``start`` up to
    ``end``? ``certain``, ``uncertain`` (only the bracket overlaps) or None.

    >>> within(date(2025, 1, 1), None, date(2024, 6, 1), date(2025, 6, 1))
    'certain'
    """
    if day is None:
        return None
    last = latest or day
    if day > end or last <= start:
        return None
    return "certain" if start < day and last <= end else "uncertain"


@dataclass
class ChangeEvent(Fact):
    kind: str = ""                         # created, dissolved, renamed, split, merged, moved
    day: date | None = None                # the day, or the earliest day when sources bracket it
    day_latest: date | None = None         # the last possible day of a bracket (None: an exact day)
    when: str | None = None                # as written: "2024-10-21", or "2024-10-21..2025-06-25"
    originals: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    from_parent: str | None = None
    to_parent: str | None = None
    basis: tuple[str, ...] = ()

    def falls_in(self, start: date, end: date) -> str | None:
        """``certain`` when the event fell after ``start`` up to ``end``, ``uncertain`` when only
        its bracket overlaps that period, else None.

        >>> ev = ChangeEvent(iri="e", day=date(2024, 10, 21), day_latest=date(2025, 6, 25))
        >>> ev.falls_in(date(2024, 6, 1), date(2025, 12, 1)), ev.falls_in(date(2024, 6, 1), date(2025, 1, 1))
        ('certain', 'uncertain')
        """
        return within(self.day, self.day_latest, start, end)


@dataclass
class Membership(Fact):
    """A person's tenure in a post, or an agency's seat in a forum."""

    member: str = ""
    organization: str = ""
    role: str | None = None
    valid: Interval = ALWAYS
    basis: tuple[str, ...] = ()
    is_tenure: bool = False


@dataclass
class Agreement(Fact):
    parties: tuple[str, ...] = ()
    agreement_type: str | None = None
    valid: Interval = ALWAYS
    basis: tuple[str, ...] = ()


@dataclass
class Responsibility(Fact):
    agency: str = ""
    step: str = ""
    role: str = "support"                  # lead or support
    jurisdiction: str | None = None
    valid: Interval = ALWAYS
    basis: tuple[str, ...] = ()
