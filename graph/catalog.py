"""Project RDF triples into a :class:`graph.model.Catalog`.

One pass groups the triples by subject; then each kind of node is read by a
small function. Works on any iterable of rdflib ``(s, p, o)`` terms, so every
store can feed it.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix mandat: <https://w3id.org/mandat/ontology#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <urn:x> a mandat:Ministry ; skos:prefLabel "Kementerian X"@id .
... ''', format="turtle")
>>> build_catalog(g).label("urn:x")
'Kementerian X'
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Iterable

from rdflib import BNode, Literal, URIRef

from graph import ns
from graph.model import (ALWAYS, Agreement, Catalog, ChangeEvent, Entity, Interval,
                         Membership, ReportingLine, Responsibility)

M, ORG, SKOS, DCT, TIME, ELI = ns.MANDAT, ns.ORG, ns.SKOS, ns.DCT, ns.TIME, ns.ELI

KIND_OF_CLASS = {
    **{c: "agency" for c in ns.AGENCY_CLASSES},
    **{c: "region" for c in ns.REGION_CLASSES},
    M + "HandlingStep": "step",
    ELI + "LegalResource": "regulation",
    ELI + "LegalResourceSubdivision": "regulation",
    M + "Person": "person",
    M + "NewsArticle": "source", M + "OfficialPage": "source", M + "ReferencePage": "source",
    ORG + "Role": "role",
    M + "Event": "event", M + "Figure": "figure",
    M + "GovernmentLevel": "concept", M + "ChangeKind": "concept", M + "ResponsibilityRole": "concept",
    M + "ConfidenceLevel": "concept", SKOS + "Concept": "concept", SKOS + "ConceptScheme": "concept",
    "http://www.w3.org/2002/07/owl#Class": "term",
}
KIND_PRIORITY = ("agency", "region", "step", "regulation", "person", "source", "role",
                 "event", "figure", "concept", "term")
FACT_CLASSES = {
    M + "ReportingLine", ORG + "ChangeEvent", M + "Tenure", M + "ForumMembership",
    ORG + "Membership", M + "Agreement", M + "Responsibility",
}
CHANGE_KINDS = {M + k.capitalize(): k for k in
                ("created", "dissolved", "renamed", "split", "merged", "moved")}


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
        return tuple(sorted(str(v) for v in self.all(pred) if isinstance(v, URIRef)))

    def iri_of(self, pred: str) -> str | None:
        vals = self.iris(pred)
        return vals[0] if vals else None

    def text(self, pred: str) -> str | None:
        val = self.one(pred)
        return str(val) if val is not None else None


def group_by_subject(triples: Iterable) -> dict:
    """Map each subject to ``{predicate: [objects]}``."""
    table: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        table[s][str(p)].append(o)
    return table


def literal_date(lit) -> date | None:
    """Read an xsd:date, gYearMonth or gYear literal as the first day it covers."""
    if lit is None:
        return None
    text = str(lit)
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def instant_value(table, instant) -> tuple[date | None, str | None]:
    """The first day an instant covers, and its value as written."""
    if instant is None:
        return None, None
    props = table.get(instant, {})
    for pred in ("inXSDDate", "inXSDgYearMonth", "inXSDgYear", "inXSDDateTimeStamp"):
        vals = props.get(TIME + pred)
        if vals:
            return literal_date(vals[0]), str(vals[0])[:10]
    return None, None


def interval_of(table, node: Node) -> Interval:
    """The period of a node: mandat:validDuring or org:memberDuring."""
    ref = node.one(M + "validDuring") or node.one(ORG + "memberDuring")
    if ref is None:
        return ALWAYS
    props = table.get(ref, {})
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


def fact_fields(node: Node) -> dict:
    conf = node.iri_of(M + "confidence")
    note = node.one(SKOS + "editorialNote")
    return {
        "iri": node.iri,
        "sources": node.iris(DCT + "source") + node.iris(ns.PROV + "wasDerivedFrom"),
        "confidence": ns.CONFIDENCE.get(conf) if conf != M + "Verified" else None,
        "note": str(note) if note is not None else None,
    }


def labels_of(node: Node) -> dict[str, str]:
    labels: dict[str, str] = {}
    for pred in (SKOS + "prefLabel", ns.RDFS + "label", ns.FOAF + "name", DCT + "title"):
        for lit in node.all(pred):
            if isinstance(lit, Literal):
                labels.setdefault(lit.language or "", str(lit))
    plain = labels.pop("", None)
    if plain is not None:
        labels.setdefault("id", plain)
        labels.setdefault("en", plain)
    return labels


def publisher_name(table, value) -> str | None:
    """A source's publisher as text: the agent's name when dct:publisher is an IRI."""
    if isinstance(value, URIRef):
        props = table.get(value, {})
        for pred in (ns.FOAF + "name", SKOS + "prefLabel", ns.RDFS + "label"):
            names = sorted(props.get(pred, []), key=lambda v: (getattr(v, "language", None) != "id", str(v)))
            if names:                                   # the Indonesian name first, same on every store
                return str(names[0])
    return str(value) if value is not None else None


def kind_of(types: set[str]) -> str | None:
    """The most specific kind among the node's classes, or None."""
    kinds = {KIND_OF_CLASS[t] for t in types if t in KIND_OF_CLASS}
    return next((k for k in KIND_PRIORITY if k in kinds), None)


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
        attrs["expects_regional"] = str(node.one(M + "expectsRegionalActor")).lower() == "true"
        attrs["definition"] = {lit.language or "id": str(lit) for lit in node.all(SKOS + "definition")}
    elif kind == "regulation":
        attrs.update({
            "type": node.iri_of(ELI + "type_document"),
            "number": node.text(ELI + "number"),
            "year": node.text(M + "year"),
            "date": literal_date(node.one(ELI + "date_document")),
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
        attrs["is_head"] = str(node.one(M + "isHeadRole")).lower() == "true"
    elif kind in ("event", "figure"):
        attrs.update({"date": node.text(DCT + "date"), "value": node.text(M + "value"),
                      "participants": node.iris(ns.PROV + "wasAssociatedWith")})
    alt = tuple(sorted(str(v) for v in node.all(SKOS + "altLabel")))
    abbr = tuple(sorted(str(v) for v in node.all(M + "abbreviation")))
    attrs = {k: v for k, v in attrs.items() if v not in (None, (), {}, "")}   # a smaller cache
    return Entity(**fact_fields(node), kind=kind, types=node.iris(ns.RDF_TYPE),
                  labels=labels_of(node), alt_labels=alt, abbreviations=abbr,
                  valid=interval_of(table, node), attrs=attrs)


def read_fact(table, node: Node, types: set[str], cat: Catalog) -> None:
    common = fact_fields(node)
    basis = node.iris(M + "legalBasis")
    if M + "ReportingLine" in types:
        cat.lines.append(ReportingLine(**common, unit=node.iri_of(M + "unit") or "",
                                       parent=node.iri_of(M + "parent") or "",
                                       valid=interval_of(table, node), basis=basis))
    elif ORG + "ChangeEvent" in types:
        cat.events.append(ChangeEvent(
            **common, kind=CHANGE_KINDS.get(node.iri_of(M + "changeKind"), "changed"),
            day=literal_date(node.one(DCT + "date")),
            originals=node.iris(ORG + "originalOrganization"),
            results=node.iris(ORG + "resultingOrganization"),
            from_parent=node.iri_of(M + "fromParent"), to_parent=node.iri_of(M + "toParent"),
            basis=basis))
    elif types & {M + "Tenure", M + "ForumMembership", ORG + "Membership"}:
        cat.memberships.append(Membership(
            **common, member=node.iri_of(ORG + "member") or "",
            organization=node.iri_of(ORG + "organization") or "",
            role=node.iri_of(ORG + "role"), valid=interval_of(table, node), basis=basis,
            is_tenure=M + "Tenure" in types))
    elif M + "Agreement" in types:
        cat.agreements.append(Agreement(
            **common, parties=node.iris(M + "party"), agreement_type=node.text(M + "agreementType"),
            valid=interval_of(table, node), basis=basis))
    elif M + "Responsibility" in types:
        role = node.iri_of(M + "role")
        cat.responsibilities.append(Responsibility(
            **common, agency=node.iri_of(M + "agency") or "", step=node.iri_of(M + "step") or "",
            role="lead" if role == M + "Lead" else "support",
            jurisdiction=node.iri_of(M + "jurisdiction"), valid=interval_of(table, node),
            basis=basis))


def read_step_order(table, cat: Catalog) -> None:
    """Order the steps by the skos:OrderedCollection, then by skos:notation."""
    order: list[str] = []
    for subject, props in table.items():
        if URIRef(SKOS + "OrderedCollection") in props.get(ns.RDF_TYPE, []):
            head = (props.get(SKOS + "memberList") or [None])[0]
            while head is not None and str(head) != ns.RDF + "nil":
                cell = table.get(head, {})
                first = (cell.get(ns.RDF + "first") or [None])[0]
                if first is not None and str(first) not in order:
                    order.append(str(first))
                head = (cell.get(ns.RDF + "rest") or [None])[0]
    steps = [e for e in cat.entities.values() if e.kind == "step"]
    rest = sorted((s for s in steps if s.iri not in order),
                  key=lambda s: (s.attrs.get("notation") or "", s.iri))
    cat.step_order = [i for i in order if i in cat.entities] + [s.iri for s in rest]


def earliest_date(cat: Catalog) -> date | None:
    """The first dated fact: a question about an earlier day has no data."""
    days = [d for rec in (*cat.lines, *cat.memberships, *cat.responsibilities, *cat.agreements)
            for d in (rec.valid.start, rec.valid.end) if d]
    days += [ev.day for ev in cat.events if ev.day]
    days += [e.attrs["date"] for e in cat.entities.values()
             if e.kind == "regulation" and e.attrs.get("date")]
    return min(days) if days else None


def build_catalog(triples: Iterable, files: tuple[str, ...] = ()) -> Catalog:
    """Build the catalog from rdflib triples (a Graph or any iterable)."""
    table = group_by_subject(triples)
    cat = Catalog(files=files)
    cat.triple_count = sum(len(v) for props in table.values() for v in props.values())
    for subject, props in table.items():
        if isinstance(subject, BNode):
            continue
        node = Node(str(subject), props)
        types = set(node.iris(ns.RDF_TYPE))
        if types & FACT_CLASSES:
            read_fact(table, node, types, cat)
            continue
        kind = kind_of(types)
        if kind is not None:
            cat.entities[node.iri] = read_entity(table, node, kind)
    add_suborganization_links(table, cat)
    for records in (cat.lines, cat.events, cat.memberships, cat.agreements, cat.responsibilities):
        records.sort(key=lambda rec: rec.iri)       # the same order whatever store fed the triples
    read_step_order(table, cat)
    cat.earliest = earliest_date(cat)
    return cat


def add_suborganization_links(table, cat: Catalog) -> None:
    """Keep a plain org:subOrganizationOf with no reporting line as an always-valid line.

    Lets data written with ORG alone (no mandat:ReportingLine) still answer chains.
    """
    qualified = {(line.unit, line.parent) for line in cat.lines}
    for subject, props in table.items():
        for parent in props.get(ORG + "subOrganizationOf", []):
            pair = (str(subject), str(parent))
            if pair not in qualified and not isinstance(subject, BNode):
                cat.lines.append(ReportingLine(iri=f"{subject}#subOrganizationOf",
                                               unit=pair[0], parent=pair[1],
                                               confidence="unverified",
                                               note="org:subOrganizationOf without a dated reporting line"))
