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
from graph.model import Agreement, ChangeEvent, Entity, Membership, ReportingLine, Responsibility
from graph.queries.records import (Node, closure, key_of, literal_date, named_in, plain_line, read_entity,
                                   read_fact)

M, ORG, SKOS, DCT, TIME, ELI = ns.MANDAT, ns.ORG, ns.SKOS, ns.DCT, ns.TIME, ns.ELI
HERE = Path(__file__).resolve().parent
KIND_PRIORITY = ("agency", "region", "step", "regulation", "person", "source", "role",
                 "event", "figure", "concept", "term")
FACT_KINDS = ("line", "change", "membership", "agreement", "responsibility")
CHUNK = 400          # nodes per VALUES block: a server's query stays small
# The record field each predicate a question filters facts by is read into: once every fact of a
# kind has been read (:meth:`Lookup.prefetch`), facts by value are found in memory, not asked.
FIELD_OF = {M + "unit": "unit", M + "parent": "parent", M + "agency": "agency", M + "step": "step",
            ORG + "organization": "organization", ORG + "member": "member",
            ORG + "originalOrganization": "originals", ORG + "resultingOrganization": "results",
            M + "fromParent": "from_parent", M + "toParent": "to_parent"}


LANGS = ("id", "en")      # the languages of the labels and of every answer


@lru_cache(maxsize=None)
def rq(name: str) -> str:
    """The text of the query file ``name`` beside the modules of graph/queries/."""
    return (HERE / f"{name}.rq").read_text()


def open_lookup(data_dirs=None, store=None) -> "Lookup":
    """A lookup on ``store`` (default: the memory store of ``data_dirs``, or the shipped data)."""
    from graph.stores import open_store

    return Lookup(store if store is not None else open_store("memory", data_dirs))


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
                        if value is not None and rec not in index[value]:     # an unset field is no value
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
        """The label of ``iri`` in ``lang`` ("id" or "en"), falling back to the other language.

        Any other ``lang`` is a programming error, raised at once rather than answered in
        whichever language happens to be there.
        """
        if lang not in LANGS:
            raise ValueError(f"label language must be one of {LANGS}, not {lang!r}")
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
