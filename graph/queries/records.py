"""Rows of the store read into records (:mod:`graph.model`): the triples of a node, grouped by
predicate, become an Entity, a ReportingLine, a Responsibility ... One reading for every store:
rows hold pyoxigraph terms whichever store answered.

>>> literal_date("2024-10"), last_day("2024-02")
(datetime.date(2024, 10, 1), datetime.date(2024, 2, 29))
"""

from __future__ import annotations

from datetime import date

from graph import ns
from graph.model import (ALWAYS, Agreement, ChangeEvent, Entity, Interval, Membership,
                         ReportingLine, Responsibility)

M, ORG, SKOS, DCT, TIME, ELI = ns.MANDAT, ns.ORG, ns.SKOS, ns.DCT, ns.TIME, ns.ELI
CHANGE_KINDS = {M + k.capitalize(): k for k in
                ("created", "dissolved", "renamed", "split", "merged", "moved")}


def key_of(term) -> str:
    """The table key of a node: its IRI, or ``_:id`` for a blank node."""
    import pyoxigraph as ox

    return "_:" + term.value if isinstance(term, ox.BlankNode) else term.value


def is_iri(term) -> bool:
    import pyoxigraph as ox

    return isinstance(term, ox.NamedNode)


class Node:
    """The triples of one subject, with typed accessors."""

    __slots__ = ("iri", "props")

    def __init__(self, iri: str, props: dict):
        self.iri, self.props = iri, props

    def all(self, pred: str) -> list:
        return self.props.get(pred, [])

    def one(self, pred: str):
        vals = self.props.get(pred)
        return vals[0] if vals else None

    def iris(self, pred: str) -> tuple[str, ...]:
        return tuple(sorted({v.value for v in self.all(pred) if is_iri(v)}))

    def iri_of(self, pred: str) -> str | None:
        vals = self.iris(pred)
        return vals[0] if vals else None

    def text(self, pred: str) -> str | None:
        val = self.one(pred)
        return val.value if val is not None else None


# -- reading rows into records ---------------------------------------------------------------

def literal_date(text: str | None) -> date | None:
    """The first day an xsd:date, gYearMonth or gYear covers.

    >>> literal_date("2024-10"), literal_date("nonsense")
    (datetime.date(2024, 10, 1), None)
    """
    if text is None:
        return None
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def event_day(exact: str | None, earliest: str | None, latest: str | None) -> dict:
    """A change event's day: dct:date, or the bracket mandat:earliestDate..latestDate.

    >>> event_day(None, "2024-10-21", "2025")["when"]
    '2024-10-21..2025'
    """
    if exact is not None or (earliest is None and latest is None):
        return {"day": literal_date(exact), "day_latest": None, "when": exact}
    return {"day": literal_date(earliest), "day_latest": last_day(latest),
            "when": f"{earliest or ''}..{latest or ''}"}


def last_day(text: str | None) -> date | None:
    """The last day an xsd date, gYearMonth or gYear covers.

    >>> last_day("2025"), last_day("2024-02"), last_day("2025-05-05")
    (datetime.date(2025, 12, 31), datetime.date(2024, 2, 29), datetime.date(2025, 5, 5))
    """
    from calendar import monthrange

    first = literal_date(text)
    if first is None or text is None:
        return None
    if len(text) == 4:
        return date(first.year, 12, 31)
    if len(text) == 7:
        return date(first.year, first.month, monthrange(first.year, first.month)[1])
    return first


def instant_value(table, instant) -> tuple[date | None, str | None]:
    """The first day an instant covers, and its value as written."""
    if instant is None:
        return None, None
    props = table.get(key_of(instant), {})
    for pred in ("inXSDDate", "inXSDgYearMonth", "inXSDgYear", "inXSDDateTimeStamp"):
        vals = props.get(TIME + pred)
        if vals:
            return literal_date(vals[0].value), vals[0].value[:10]
    return None, None


def interval_of(table, node: Node) -> Interval:
    """The period of a node: mandat:validDuring or org:memberDuring."""
    ref = node.one(M + "validDuring") or node.one(ORG + "memberDuring")
    if ref is None:
        return ALWAYS
    props = table.get(key_of(ref), {})
    start, start_text, start_latest = bound(table, props, "hasBeginning", "Beginning")
    end, end_text, end_latest = bound(table, props, "hasEnd", "End")
    return Interval(start, end, start_text, end_text, start_latest, end_latest)


def bound(table, props, exact: str, side: str) -> tuple[date | None, str | None, date | None]:
    """One side of a period: (day, as written, last possible day when bracketed).

    A bracket (mandat:earliestBeginning / latestBeginning, and the same for the
    end) is written "earliest..latest"; questions follow the earliest day and
    say "uncertain" for any day up to the last one the latest bound covers.
    """
    day, text = instant_value(table, (props.get(TIME + exact) or [None])[0])
    if text is not None:
        return day, text, None
    lo, lo_text = instant_value(table, (props.get(M + "earliest" + side) or [None])[0])
    _, hi_text = instant_value(table, (props.get(M + "latest" + side) or [None])[0])
    if lo_text is None and hi_text is None:
        return None, None, None
    return lo, f"{lo_text or ''}..{hi_text or ''}", last_day(hi_text)


def fact_fields(node: Node) -> dict:
    """IRI, sources (``dct:source`` only), confidence and note of any fact node."""
    conf = node.iri_of(M + "confidence")
    note = node.one(SKOS + "editorialNote")
    return {
        "iri": node.iri,
        "sources": node.iris(DCT + "source"),
        "confidence": ns.CONFIDENCE.get(conf) if conf != M + "Verified" else None,
        "note": note.value if note is not None else None,
    }


def labels_of(node: Node) -> dict[str, str]:
    labels: dict[str, str] = {}
    for pred in (SKOS + "prefLabel", ns.RDFS + "label", ns.FOAF + "name", DCT + "title"):
        for lit in sorted((v for v in node.all(pred) if not is_iri(v)), key=lambda v: v.value):
            labels.setdefault(lit.language or "", lit.value)
    plain = labels.pop("", None)
    if plain is not None:
        labels.setdefault("id", plain)
        labels.setdefault("en", plain)
    return labels


def publisher_name(table, value) -> str | None:
    """A source's publisher as text: the agent's name when dct:publisher is an IRI."""
    if value is not None and is_iri(value):
        props = table.get(value.value, {})
        for pred in (ns.FOAF + "name", SKOS + "prefLabel", ns.RDFS + "label"):
            names = sorted(props.get(pred, []), key=lambda v: (getattr(v, "language", None) != "id", v.value))
            if names:                                   # the Indonesian name first, same on every store
                return names[0].value
    return value.value if value is not None else None


def read_entity(table, node: Node, kind: str) -> Entity:
    attrs = {
        "level": node.iri_of(M + "level"),
        "regions": node.iris(M + "servesRegion"),
        "office_class": node.iri_of(M + "officeClass"),
        "within": node.iri_of(M + "withinRegion"),
        "notation": node.text(SKOS + "notation"),
    }
    if kind == "step":
        attrs["hands_over_to"] = node.iris(M + "handsOverTo")
        attrs["expects_regional"] = (node.text(M + "expectsRegionalActor") or "").lower() in ("true", "1")
        attrs["definition"] = {lit.language or "id": lit.value for lit in node.all(SKOS + "definition")}
    elif kind == "regulation":
        attrs.update({
            "type": node.iri_of(ELI + "type_document"),
            "number": node.text(ELI + "number"),
            "year": node.text(M + "year"),
            "date": literal_date(node.text(ELI + "date_document")),
            "title": node.text(ELI + "title"),
            "amends": node.iris(ELI + "amends"),
            "repeals": node.iris(ELI + "repeals"),
            "part_of": node.iri_of(ELI + "is_part_of"),
        })
    elif kind == "source":
        attrs.update({
            "publisher": publisher_name(table, node.one(DCT + "publisher")),
            "date": node.text(DCT + "date"),
            "url": node.iri_of(ns.FOAF + "page"),
        })
    elif kind == "role":
        attrs["is_head"] = (node.text(M + "isHeadRole") or "").lower() in ("true", "1")
    elif kind in ("event", "figure"):
        attrs.update({"date": node.text(DCT + "date"), "value": node.text(M + "value"),
                      "participants": node.iris(ns.PROV + "wasAssociatedWith")})
    alt = tuple(sorted(v.value for v in node.all(SKOS + "altLabel")))
    abbr = tuple(sorted(v.value for v in node.all(M + "abbreviation")))
    attrs = {k: v for k, v in attrs.items() if v not in (None, (), {}, "")}
    return Entity(**fact_fields(node), kind=kind, types=node.iris(ns.RDF_TYPE),
                  labels=labels_of(node), alt_labels=alt, abbreviations=abbr,
                  valid=interval_of(table, node), attrs=attrs)


def read_fact(table, node: Node, kind: str, types: set[str]):
    """The record of a fact node of ``kind`` (line, change, membership, agreement, responsibility)."""
    common = fact_fields(node)
    basis = node.iris(M + "legalBasis")
    if kind == "line":
        return ReportingLine(**common, unit=node.iri_of(M + "unit") or "",
                             parent=node.iri_of(M + "parent") or "",
                             valid=interval_of(table, node), basis=basis)
    if kind == "change":
        return ChangeEvent(
            **common, kind=CHANGE_KINDS.get(node.iri_of(M + "changeKind"), "changed"),
            **event_day(node.text(DCT + "date"), node.text(M + "earliestDate"), node.text(M + "latestDate")),
            originals=node.iris(ORG + "originalOrganization"),
            results=node.iris(ORG + "resultingOrganization"),
            from_parent=node.iri_of(M + "fromParent"), to_parent=node.iri_of(M + "toParent"),
            basis=basis)
    if kind == "membership":
        return Membership(
            **common, member=node.iri_of(ORG + "member") or "",
            organization=node.iri_of(ORG + "organization") or "",
            role=node.iri_of(ORG + "role"), valid=interval_of(table, node), basis=basis,
            is_tenure=M + "Tenure" in types)
    if kind == "agreement":
        return Agreement(**common, parties=node.iris(M + "party"), agreement_type=node.text(M + "agreementType"),
                         valid=interval_of(table, node), basis=basis)
    role = node.iri_of(M + "role")
    return Responsibility(**common, agency=node.iri_of(M + "agency") or "", step=node.iri_of(M + "step") or "",
                          role="lead" if role == M + "Lead" else "support",
                          jurisdiction=node.iri_of(M + "jurisdiction"), valid=interval_of(table, node),
                          basis=basis)


def named_in(record) -> set[str]:
    """The IRIs a fact record names: its sources, legal basis and the nodes it links."""
    found = set(record.sources) | set(getattr(record, "basis", ()))
    for name in ("unit", "parent", "agency", "step", "jurisdiction", "member", "organization", "role",
                 "from_parent", "to_parent"):
        value = getattr(record, name, None)
        if value:
            found.add(value)
    for name in ("originals", "results", "parties"):
        found |= set(getattr(record, name, ()))
    return found


def plain_line(unit: str, parent: str) -> ReportingLine:
    """An org:subOrganizationOf with no dated reporting line, kept as an always-valid line."""
    return ReportingLine(iri=f"{unit}#subOrganizationOf", unit=unit, parent=parent,
                         confidence="unverified",
                         note="org:subOrganizationOf without a dated reporting line")


def closure(parents: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each key with every node above it, following ``parents`` (cycles are cut).

    >>> sorted(closure({"a": {"b"}, "b": {"c"}})["a"])
    ['b', 'c']
    """
    closed: dict[str, set[str]] = {}

    def above(node: str, seen: tuple) -> set[str]:
        if node not in closed:
            found: set[str] = set()
            for parent in parents.get(node, ()):
                if parent not in seen:
                    found |= {parent} | above(parent, (*seen, node))
            closed[node] = found
        return closed[node]
    for node in list(parents):
        above(node, ())
    return closed
