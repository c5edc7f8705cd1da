"""The catalog: the RDF graph projected into plain Python records.

Every question is answered from a :class:`Catalog`. It is built once from the
triples (:mod:`graph.catalog`) and pickled, so that a question does not need
rdflib. IRIs are plain strings; periods are :class:`Interval` values whose end
is excluded, as in the ontology.

>>> from datetime import date
>>> Interval(date(2011, 5, 5), date(2024, 10, 21)).contains(date(2024, 10, 21))
False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from graph import ns


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


@dataclass
class ChangeEvent(Fact):
    kind: str = ""                         # created, dissolved, renamed, split, merged, moved
    day: date | None = None
    originals: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    from_parent: str | None = None
    to_parent: str | None = None
    basis: tuple[str, ...] = ()


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


@dataclass
class Catalog:
    """All records of one graph, with the lookups every question needs."""

    entities: dict[str, Entity] = field(default_factory=dict)
    lines: list[ReportingLine] = field(default_factory=list)
    events: list[ChangeEvent] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    step_order: list[str] = field(default_factory=list)
    earliest: date | None = None
    triple_count: int = 0
    files: tuple[str, ...] = ()

    # -- labels -----------------------------------------------------------
    def label(self, iri: str | None, lang: str = "id") -> str:
        """The label of ``iri`` in ``lang``, falling back to the other language."""
        if iri is None:
            return ""
        ent = self.entities.get(iri)
        if ent is None or not ent.labels:
            return ns.shorten(iri)
        return ent.labels.get(lang) or ent.labels.get("id") or ent.labels.get("en") \
            or next(iter(ent.labels.values()))

    def short_label(self, iri: str, lang: str = "id") -> str:
        """A short name for tables: in Indonesian the first abbreviation, else the label cut before
        'tentang', 'on' or '(' ("Law 6/2011" in English, "UU 6/2011" in Indonesian)."""
        ent = self.entities.get(iri)
        if ent is not None and ent.abbreviations and lang == "id":   # abbreviations are Indonesian
            return ent.abbreviations[0]
        label = self.label(iri, lang)
        for cut in (" tentang ", " on ", " ("):
            label = label.split(cut)[0]
        return label

    def ref(self, iri: str | None, lang: str = "id") -> dict | None:
        """The JSON form of a reference: at least ``iri`` and ``label``."""
        if iri is None:
            return None
        out = {"iri": iri, "label": self.label(iri, lang)}
        ent = self.entities.get(iri)
        if ent is not None and ent.confidence:
            out["confidence"] = ent.confidence
        return out

    def agencies(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == "agency"]

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]

    # -- time -------------------------------------------------------------
    def exists(self, iri: str, day: date) -> bool:
        ent = self.entities.get(iri)
        return ent is not None and ent.valid.contains(day)

    def lines_of(self, unit: str) -> list[ReportingLine]:
        return self._index("_lines_by_unit", self.lines, lambda line: [line.unit])(unit)

    def lines_to(self, parent: str) -> list[ReportingLine]:
        return self._index("_lines_by_parent", self.lines, lambda line: [line.parent])(parent)

    def line_at(self, unit: str, day: date) -> ReportingLine | None:
        """The reporting line of ``unit`` in force on ``day``, if any."""
        for line in self.lines_of(unit):
            if line.valid.contains(day):
                return line
        return None

    def lines_possible_at(self, unit: str, day: date) -> list[ReportingLine]:
        """Every reporting line of ``unit`` that may be in force on ``day``: the one
        :meth:`line_at` follows, and those whose bracketed start or end makes ``day`` uncertain."""
        return [line for line in self.lines_of(unit) if line.valid.contains(day) or line.valid.uncertain(day)]

    def children_at(self, parent: str, day: date) -> list[str]:
        return [line.unit for line in self.lines_to(parent) if line.valid.contains(day)]

    def events_of(self, iri: str) -> list[ChangeEvent]:
        return self._index("_events_by_org", self.events,
                           lambda ev: set(ev.originals) | set(ev.results)
                           | {p for p in (ev.from_parent, ev.to_parent) if p})(iri)

    def memberships_in(self, org: str) -> list[Membership]:
        return self._index("_ms_by_org", self.memberships, lambda m: [m.organization])(org)

    def memberships_of(self, member: str) -> list[Membership]:
        return self._index("_ms_by_member", self.memberships, lambda m: [m.member])(member)

    def responsibilities_of(self, agency: str) -> list[Responsibility]:
        return self._index("_resp_by_agency", self.responsibilities, lambda r: [r.agency])(agency)

    def responsibilities_in(self, step: str, jurisdiction: str | None) -> list[Responsibility]:
        """Responsibilities for ``step`` whose jurisdiction is exactly ``jurisdiction``."""
        return self._index("_resp_by_step_jur", self.responsibilities,
                           lambda r: [(r.step, r.jurisdiction)])((step, jurisdiction))

    def responsibilities_for(self, step: str) -> list[Responsibility]:
        return self._index("_resp_by_step", self.responsibilities, lambda r: [r.step])(step)

    def region_ancestors(self, region: str) -> list[str]:
        """``region`` and the regions it lies within, nearest first."""
        out, seen = [], set()
        while region and region not in seen:
            out.append(region)
            seen.add(region)
            ent = self.entities.get(region)
            region = ent.attrs.get("within") if ent else None
        return out

    def _index(self, name, records, keys_of):
        """Build (once) and return a lookup from key to the records that name it."""
        index = self.__dict__.get(name)
        if index is None:
            index = {}
            for rec in records:
                for key in keys_of(rec):
                    index.setdefault(key, []).append(rec)
            self.__dict__[name] = index
        return lambda key: index.get(key, [])

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
