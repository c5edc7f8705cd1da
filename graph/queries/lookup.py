"""What every question reads from the store: records of the nodes it needs, fetched by query.

A :class:`Lookup` asks the store with the ``lookup-*.rq`` files beside this
module and reads the rows into the record types of :mod:`graph.model`. It
holds nothing but what a question asked for (memoised for that question):
the labels of the agencies in a chain, the lines above one unit, the
responsibilities for one step. Kinds come from the ontology: a class is an
agency kind when it is ``rdfs:subClassOf*`` ``mandat:Agency`` in the loaded
graph, so data that adds a subclass needs no code.

>>> look = open_lookup()
>>> look.label("https://w3id.org/mandat/id/kanim-batulicin")
'Kantor Imigrasi Kelas II TPI Batulicin'
>>> look.entities["https://w3id.org/mandat/id/kanim-batulicin"].kind
'agency'
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from graph import ns
from graph.model import (ALWAYS, Agreement, ChangeEvent, Entity, Interval, Membership,
                         ReportingLine, Responsibility)

M, ORG, SKOS, DCT, TIME, ELI = ns.MANDAT, ns.ORG, ns.SKOS, ns.DCT, ns.TIME, ns.ELI
HERE = Path(__file__).resolve().parent
KIND_PRIORITY = ("agency", "region", "step", "regulation", "person", "source", "role",
                 "event", "figure", "concept", "term")
FACT_KINDS = ("line", "change", "membership", "agreement", "responsibility")
CHANGE_KINDS = {M + k.capitalize(): k for k in
                ("created", "dissolved", "renamed", "split", "merged", "moved")}
CHUNK = 400          # nodes per VALUES block: a server's query stays small
# The record field each predicate a question filters facts by is read into: once every fact of a
# kind has been read (:meth:`Lookup.prefetch`), facts by value are found in memory, not asked.
FIELD_OF = {M + "unit": "unit", M + "parent": "parent", M + "agency": "agency", M + "step": "step",
            ORG + "organization": "organization", ORG + "member": "member",
            ORG + "originalOrganization": "originals", ORG + "resultingOrganization": "results",
            M + "fromParent": "from_parent", M + "toParent": "to_parent"}


@lru_cache(maxsize=None)
def rq(name: str) -> str:
    """The text of the query file ``name`` beside the modules of graph/queries/."""
    return (HERE / f"{name}.rq").read_text()


def open_lookup(data_dirs=None, store=None) -> "Lookup":
    """A lookup on ``store`` (default: the memory store of ``data_dirs``, or the shipped data)."""
    from graph.stores import open_store

    return Lookup(store if store is not None else open_store("memory", data_dirs))


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
            day=literal_date(node.text(DCT + "date")),
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


class Entities:
    """The named things of the graph by IRI, each fetched when first asked for."""

    def __init__(self, lookup: "Lookup"):
        self.lookup = lookup

    def get(self, iri, default=None):
        found = self.lookup.entity(iri) if iri else None
        return default if found is None else found

    def __getitem__(self, iri: str) -> Entity:
        found = self.lookup.entity(iri)
        if found is None:
            raise KeyError(iri)
        return found

    def __contains__(self, iri) -> bool:
        return bool(iri) and self.lookup.entity(iri) is not None

    def values(self) -> list[Entity]:
        return self.lookup.all_entities()


class Lookup:
    """The questions' access to one store: records fetched by query, memoised per question."""

    def __init__(self, store):
        self.store = store
        self.entities = Entities(self)
        self._entities: dict[str, Entity | None] = {}
        self._facts: dict = {}

    # -- asking the store -------------------------------------------------------------------
    def select(self, name: str, **values) -> list[dict]:
        """Rows of the query file ``name`` with ``values`` bound."""
        return self.store.select(rq(name), values or None)

    @cached_property
    def classes(self) -> dict[str, str]:
        """Each known class and its kind (agency, region, ..., line, responsibility)."""
        return self.class_tree()[0]

    @cached_property
    def superclasses(self) -> dict[str, set[str]]:
        """Each known class and every class above it."""
        return self.class_tree()[1]

    def class_tree(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        """Kinds and superclasses of every known class, read once per store version (the
        ontology does not change while a store is open)."""
        memo = getattr(self.store, "_class_tree", None)
        if memo is None:
            kinds: dict[str, set[str]] = defaultdict(set)
            parents: dict[str, set[str]] = defaultdict(set)
            for row in self.select("lookup-classes"):
                kinds[row["cls"].value].add(row["kind"].value)
                if row["parent"] is not None:
                    parents[row["cls"].value].add(row["parent"].value)
            kind_of = {cls: next(k for k in (*KIND_PRIORITY, *FACT_KINDS) if k in found)
                       for cls, found in kinds.items()}
            memo = self.store._class_tree = (kind_of, closure(parents))
        return memo

    def classes_of(self, kind: str) -> list[str]:
        return sorted(cls for cls, k in self.classes.items() if k == kind)

    def kind_of(self, types) -> str | None:
        """The kind of a node with these classes: the first of KIND_PRIORITY they reach."""
        found = {self.classes[t] for t in types if t in self.classes}
        return next((k for k in (*FACT_KINDS, *KIND_PRIORITY) if k in found), None)

    def describe(self, iris) -> dict[str, dict[str, list]]:
        """The triples of ``iris`` (and their periods, instants and publishers), by subject."""
        table: dict = defaultdict(lambda: defaultdict(list))
        iris = sorted(set(iris))
        for start in range(0, len(iris), CHUNK):
            for row in self.select("lookup-describe", node=iris[start:start + CHUNK]):
                values = table[key_of(row["s"])][row["p"].value]
                if row["o"] not in values:
                    values.append(row["o"])
        return table

    # -- entities ---------------------------------------------------------------------------
    def entity(self, iri: str) -> Entity | None:
        """The named thing ``iri``, or None when the graph has no such agency, region, step, ..."""
        if iri not in self._entities:
            self.fetch_entities([iri])
        return self._entities.get(iri)

    def fetch_entities(self, iris) -> list[Entity]:
        """Read every entity of ``iris`` not read yet, in one round of queries."""
        todo = [i for i in set(iris) if i not in self._entities]
        if todo:
            table = self.describe(todo)
            for iri in todo:
                props = table.get(iri)
                node = Node(iri, props) if props else None
                kind = self.kind_of(node.iris(ns.RDF_TYPE)) if node else None
                self._entities[iri] = (read_entity(table, node, kind)
                                       if kind in KIND_PRIORITY else None)
            if len(todo) <= CHUNK:                 # and what their answers name: class, level
                named = {v for i in todo if self._entities[i] is not None
                         for v in (*self._entities[i].types, self._entities[i].attrs.get("level")) if v}
                self._entities.update({k: v for k, v in self.vocabulary().items() if k in named})
                self.fetch_entities({v for v in named if v not in self._entities})
        return [e for e in (self._entities.get(i) for i in iris) if e is not None]

    def vocabulary(self) -> dict[str, Entity | None]:
        """The classes and government levels as entities (their labels name kinds and levels in
        answers), read once per store version."""
        memo = getattr(self.store, "_vocabulary", None)
        if memo is None:
            levels = [r["node"].value for r in self.select("lookup-nodes", cls=[M + "GovernmentLevel"])]
            iris = sorted(set(self.classes) | set(levels))
            table = self.describe(iris)
            memo = {}
            for iri in iris:
                node = Node(iri, table.get(iri, {}))
                kind = self.kind_of(node.iris(ns.RDF_TYPE))
                memo[iri] = read_entity(table, node, kind) if kind in KIND_PRIORITY else None
            self.store._vocabulary = memo
        return memo

    def of_kind(self, kind: str) -> list[Entity]:
        """Every entity of ``kind``, by IRI."""
        if ("kind", kind) not in self._facts:
            iris = [r["node"].value for r in self.select("lookup-nodes", cls=self.classes_of(kind))]
            self._facts[("kind", kind)] = sorted((e for e in self.fetch_entities(iris) if e.kind == kind),
                                                 key=lambda e: e.iri)
        return self._facts[("kind", kind)]

    def agencies(self) -> list[Entity]:
        return self.of_kind("agency")

    def all_entities(self) -> list[Entity]:
        return sorted((e for kind in KIND_PRIORITY for e in self.of_kind(kind)), key=lambda e: e.iri)

    # -- facts ------------------------------------------------------------------------------
    def facts(self, kind: str, pred: str | tuple[str, ...] | None = None, value: str | None = None) -> list:
        """The facts of ``kind``, all of them or those whose ``pred`` is ``value``, by IRI."""
        key = (kind, pred, value)
        if key not in self._facts and pred is not None and (kind, None, None) in self._facts:
            return self.indexed(kind, pred).get(value, [])
        if key not in self._facts:
            classes = self.classes_of(kind)
            if pred is None:
                rows = self.select("lookup-nodes", cls=classes)
            else:
                preds = (pred,) if isinstance(pred, str) else pred
                rows = self.select("lookup-facts-by", cls=classes, pred=list(preds), value=[value])
            self._facts[key] = self.read_facts(kind, [r["node"].value for r in rows])
        return self._facts[key]

    def prefetch(self, *kinds: str) -> None:
        """Read every fact of ``kinds`` (and every entity) at once: for questions over the whole
        graph, which would otherwise ask one small query per unit, step and region."""
        for kind in kinds:
            self.facts(kind)
        for kind in KIND_PRIORITY:
            self.of_kind(kind)
        self.region_parents()

    def indexed(self, kind: str, pred: str | tuple[str, ...]) -> dict:
        """Every fact of ``kind`` by the value(s) of ``pred``, from the facts already read."""
        key = ("index", kind, pred)
        if key not in self._facts:
            index: dict = defaultdict(list)
            for rec in self.facts(kind):
                for one in ((pred,) if isinstance(pred, str) else pred):
                    found = getattr(rec, FIELD_OF[one])
                    for value in (found if isinstance(found, tuple) else (found,)):
                        if rec not in index[value]:
                            index[value].append(rec)
            self._facts[key] = index
        return self._facts[key]

    def read_facts(self, kind: str, iris: list[str]) -> list:
        """The records of the fact nodes ``iris`` of ``kind``; the entities they name (units,
        sources, regulations) are read with them, in one more query, not one each."""
        table = self.describe(iris)
        out = []
        for iri in sorted(set(iris)):
            node = Node(iri, table.get(iri, {}))
            types = set(node.iris(ns.RDF_TYPE))
            if self.kind_of(types) == kind:
                out.append(read_fact(table, node, kind, types))
        if len(out) <= CHUNK:                       # a whole-graph read fetches entities by kind
            self.fetch_entities({v for rec in out for v in named_in(rec)})
        return out

    @cached_property
    def plain_lines(self) -> list[ReportingLine]:
        """The org:subOrganizationOf links of the data that have no dated reporting line (few:
        data written with ORG alone), read once per store version."""
        memo = getattr(self.store, "_plain_lines", None)
        if memo is None:
            memo = self.store._plain_lines = [plain_line(r["unit"].value, r["parent"].value)
                                              for r in self.select("lookup-plain-lines")]
        return memo

    @property
    def lines(self) -> list[ReportingLine]:
        if "lines" not in self._facts:
            self._facts["lines"] = sorted(self.facts("line") + self.plain_lines, key=lambda r: r.iri)
        return self._facts["lines"]

    @property
    def events(self) -> list[ChangeEvent]:
        return self.facts("change")

    @property
    def memberships(self) -> list[Membership]:
        return self.facts("membership")

    @property
    def agreements(self) -> list[Agreement]:
        return self.facts("agreement")

    @property
    def responsibilities(self) -> list[Responsibility]:
        return self.facts("responsibility")

    def lines_above(self, unit: str) -> None:
        """Read at once the reporting lines of ``unit`` and of every unit above it, at any date,
        so that walking the chain asks nothing more."""
        if ("line", M + "unit", unit) in self._facts:
            return
        rows = self.select("lookup-lines-above", start=[unit])
        records = {r.iri: r for r in self.read_facts("line", [r["node"].value for r in rows])}
        by_unit: dict[str, list] = defaultdict(list)
        for row in rows:
            if row["node"].value in records:
                by_unit[row["unit"].value].append(records[row["node"].value])
        for above in {r["unit"].value for r in rows} | {unit}:
            self._facts.setdefault(("line", M + "unit", above),
                                   sorted(by_unit.get(above, []), key=lambda r: r.iri))

    def lines_of(self, unit: str) -> list[ReportingLine]:
        return self.facts("line", M + "unit", unit) + [p for p in self.plain_lines if p.unit == unit]

    def lines_to(self, parent: str) -> list[ReportingLine]:
        return self.facts("line", M + "parent", parent) + [p for p in self.plain_lines if p.parent == parent]

    def events_of(self, iri: str) -> list[ChangeEvent]:
        return self.facts("change", (ORG + "originalOrganization", ORG + "resultingOrganization",
                                     M + "fromParent", M + "toParent"), iri)

    def memberships_in(self, org: str) -> list[Membership]:
        return self.facts("membership", ORG + "organization", org)

    def memberships_of(self, member: str) -> list[Membership]:
        return self.facts("membership", ORG + "member", member)

    def responsibilities_of(self, agency: str) -> list[Responsibility]:
        return self.facts("responsibility", M + "agency", agency)

    def responsibilities_for(self, step: str) -> list[Responsibility]:
        return self.facts("responsibility", M + "step", step)

    def responsibilities_in(self, step: str, jurisdiction: str | None) -> list[Responsibility]:
        """Responsibilities for ``step`` whose jurisdiction is exactly ``jurisdiction``."""
        if jurisdiction is None:
            return [r for r in self.responsibilities_for(step) if r.jurisdiction is None]
        key = ("in", step, jurisdiction)
        if key not in self._facts and ("responsibility", None, None) in self._facts:
            return [r for r in self.indexed("responsibility", M + "step").get(step, [])
                    if r.jurisdiction == jurisdiction]
        if key not in self._facts:
            rows = self.select("lookup-responsibilities-in", step=[step], jurisdiction=[jurisdiction])
            self._facts[key] = self.read_facts("responsibility", [r["node"].value for r in rows])
        return self._facts[key]

    # -- time -------------------------------------------------------------------------------
    def exists(self, iri: str, day: date) -> bool:
        ent = self.entity(iri)
        return ent is not None and ent.valid.contains(day)

    def line_at(self, unit: str, day: date) -> ReportingLine | None:
        """The reporting line of ``unit`` in force on ``day``, if any."""
        return next((line for line in self.lines_of(unit) if line.valid.contains(day)), None)

    def lines_possible_at(self, unit: str, day: date) -> list[ReportingLine]:
        """Every reporting line of ``unit`` that may be in force on ``day``: the one
        :meth:`line_at` follows, and those whose bracketed start or end makes ``day`` uncertain."""
        return [line for line in self.lines_of(unit) if line.valid.contains(day) or line.valid.uncertain(day)]

    def children_at(self, parent: str, day: date) -> list[str]:
        return [line.unit for line in self.lines_to(parent) if line.valid.contains(day)]

    @cached_property
    def earliest(self) -> date | None:
        """The first day the data dates anything: a question about an earlier day has no data."""
        rows = self.select("lookup-earliest")
        first = rows[0]["first"] if rows else None
        return literal_date(first.value) if first is not None else None

    def dated_by(self, day: date) -> bool:
        """True when the data dates something on or before ``day`` (cheaper than :attr:`earliest`)."""
        return bool(self.select("lookup-dated-by", until=[day.isoformat()]))

    @cached_property
    def step_order(self) -> list[str]:
        """The steps in case order: the ordered collection's list, then the rest by notation."""
        rows = self.select("lookup-step-order")
        cells = {key_of(r["cell"]): (r["step"].value, key_of(r["next"])) for r in rows if r["cell"] is not None}
        order: list[str] = []
        for head in sorted({key_of(r["head"]) for r in rows if r["head"] is not None}):
            cell = head
            while cell in cells:
                step, cell = cells[cell]
                if step not in order:
                    order.append(step)
        steps = {r["step"].value: (r["notation"].value if r["notation"] is not None else "")
                 for r in rows if r["head"] is None}
        rest = sorted((s for s in steps if s not in order), key=lambda s: (steps[s], s))
        return [s for s in order if s in steps] + rest

    def region_parents(self, region: str | None = None) -> dict[str, str | None]:
        """Each region's direct parent: of ``region`` and the regions above it, or of every region."""
        key = ("parents", region)
        if key not in self._facts:
            if region is not None and ("parents", None) in self._facts:
                return self._facts[("parents", None)]
            rows = (self.select("lookup-region-ancestors", region=[region]) if region
                    else self.select("lookup-region-tree"))
            self._facts[key] = {r["area"].value: r["parent"].value if r["parent"] is not None else None
                                for r in rows}
        return self._facts[key]

    def region_ancestors(self, region: str) -> list[str]:
        """``region`` and the regions it lies within, nearest first."""
        parent = self.region_parents(region)
        out: list[str] = []
        while region and region not in out:
            out.append(region)
            region = parent.get(region)
        return out

    # -- labels -----------------------------------------------------------------------------
    def label(self, iri: str | None, lang: str = "id") -> str:
        """The label of ``iri`` in ``lang``, falling back to the other language."""
        if iri is None:
            return ""
        ent = self.entity(iri)
        if ent is None or not ent.labels:
            return ns.shorten(iri)
        return ent.labels.get(lang) or ent.labels.get("id") or ent.labels.get("en") \
            or next(iter(ent.labels.values()))

    def short_label(self, iri: str, lang: str = "id") -> str:
        """A short name for tables: in Indonesian the first abbreviation, else the label cut before
        'tentang', 'on' or '(' ("Law 6/2011" in English, "UU 6/2011" in Indonesian)."""
        ent = self.entity(iri)
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
        ent = self.entity(iri)
        if ent is not None and ent.confidence:
            out["confidence"] = ent.confidence
        return out

    def kind_class(self, types) -> str | None:
        """The most specific agency class among ``types``: one no other of them lies below."""
        agency = [t for t in types if self.classes.get(t) == "agency"]
        specific = sorted(t for t in agency if not any(t in self.superclasses.get(o, ()) for o in agency))
        if specific:
            return specific[0]
        return next((cls for cls in types if cls in self.classes), types[0] if types else None)
