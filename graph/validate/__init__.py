"""``mandat validate``: prove the ontology and data are sound.

Three layers, each reporting :class:`Problem` records:

1. SHACL shapes (``ontology/shapes.ttl``, run with pySHACL);
2. SPARQL checks (``checks/*.rq``, ODK style: each must return no rows, and
   every one returns the same columns ``?node ?message``);
3. integrity checks over time that SHACL expresses badly (:mod:`.integrity`).

Where two layers ask the same question they use the same message, and a
problem reported twice with the same message on the same node is shown once.

Exit codes at the CLI: 0 clean (warnings allowed), 1 problems, 2 unreadable input.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

SH = "http://www.w3.org/ns/shacl#"
SEVERITIES = {SH + "Violation": "error", SH + "Warning": "warning", SH + "Info": "warning"}


@dataclass
class Problem:
    """One problem: where (file, node), what is wrong and what to do."""

    file: str
    node: str
    label: str
    check: str
    message: str
    severity: str = "error"           # error (exit 1) or warning (reported, exit 0)

    def line(self) -> str:
        """The one-line form: ``FILE: LABEL <IRI>: message``."""
        who = f"{self.label} <{self.node}>: " if self.label and self.label != self.node else \
            f"<{self.node}>: " if self.node else ""
        mark = "" if self.severity == "error" else " [warning]"
        return f"{self.file}: {who}{self.message}{mark}"

    def as_dict(self) -> dict:
        """The JSON form: file, node, label, check, message, severity."""
        return asdict(self)


@dataclass
class Report:
    """Every problem found, and what was read to find them."""

    problems: list[Problem]
    files: int
    triples: int
    seconds: float

    @property
    def errors(self) -> list[Problem]:
        """The problems that make validation fail (warnings excluded)."""
        return [p for p in self.problems if p.severity == "error"]


# -- reading ----------------------------------------------------------------

def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse_with_origins(files: list[Path]):
    """Parse every file into one graph, map each subject to the file that defines it,
    and list the faults of the terms (impossible literals, malformed IRIs) as problems.

    The defining file is the first that gives the subject an ``rdf:type``; a
    subject never typed is placed in the first file that describes it.
    """
    from rdflib import RDF, Graph

    from graph.ns import PREFIXES
    from graph.loading import file_faults, rdflib_graph, read_sources

    graph, typed, seen, faults = Graph(), {}, {}, []
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for path, data in read_sources(files):
        triples, found = file_faults(path, data)
        part = rdflib_graph(triples)
        shown = display_path(path)
        faults += [Problem(f"{shown}:{line}", "", "", "term", message) for line, message in found]
        for subject in set(part.subjects()):
            seen.setdefault(str(subject), shown)
        for subject in set(part.subjects(RDF.type)):
            typed.setdefault(str(subject), shown)
        graph += part
    return graph, {**seen, **typed}, faults


# -- the three layers: each yields (check, node, message, severity) -------------

def run_shacl(graph, shapes_path: Path):
    """Every SHACL result, as (check, focus node, message, severity)."""
    import pyshacl
    from rdflib import Graph, URIRef

    shapes = Graph().parse(shapes_path, format="turtle")
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference=None, advanced=True)
    if conforms:
        return []
    rows = set()
    for result in results.subjects(URIRef(SH + "resultSeverity"), None):
        node = results.value(result, URIRef(SH + "focusNode"))
        message = results.value(result, URIRef(SH + "resultMessage"))
        severity = SEVERITIES.get(str(results.value(result, URIRef(SH + "resultSeverity"))), "error")
        rows.add(("shacl", node, str(message), severity))
    return sorted(rows, key=str)


def check_queries() -> list[tuple[str, str]]:
    """The SPARQL checks shipped with the package, as (name, text) pairs."""
    folder = resources.files("graph.validate") / "checks"
    return sorted((p.name.removesuffix(".rq"), p.read_text(encoding="utf-8"))
                  for p in folder.iterdir() if p.name.endswith(".rq"))


@lru_cache(maxsize=1)
def prepared_checks() -> tuple:
    """The SPARQL checks prepared once, as (name, prepared query) pairs."""
    from rdflib.plugins.sparql import prepareQuery

    return tuple((name, prepareQuery(text)) for name, text in check_queries())


def run_checks(graph):
    """Every row the SPARQL checks return, as (check, node, message, severity)."""
    return [(name, row.node, str(row.message), "error")
            for name, query in prepared_checks() for row in graph.query(query)]


# -- describing a node for the reader -------------------------------------------

class Describer:
    """Turns a raw (check, node, message, severity) row into a :class:`Problem`.

    A blank node (an interval, an instant) has no name of its own: the problem
    is reported on the IRI that owns it, with the path that leads to it.
    """

    def __init__(self, graph, origin: dict, catalog):
        self.graph, self.origin, self.catalog = graph, origin, catalog

    def owner(self, node, depth: int = 4):
        """The nearest IRI above ``node`` and the predicates from it down to ``node``."""
        from rdflib import BNode

        path = []
        while isinstance(node, BNode) and depth:
            parent = next(iter(self.graph.subject_predicates(node)), None)
            if parent is None:
                break
            node, predicate = parent
            path.insert(0, self.graph.namespace_manager.normalizeUri(predicate))
            depth -= 1
        return node, path

    def problem(self, check: str, node, message: str, severity: str) -> Problem:
        """The problem as the reader sees it: file, label, IRI, message."""
        named, path = self.owner(node)
        iri = str(named)
        label = self.catalog.label(iri) if iri in self.catalog.entities else ""
        if path:
            message = f"in its {'/'.join(path)}: {message}"
        return Problem(self.origin.get(iri) or self.origin.get(str(node), "?"), iri, label, check, message, severity)


def merged(problems: list[Problem]) -> list[Problem]:
    """One problem per (node, message): the same finding by two layers is shown once."""
    out: dict[tuple[str, str], Problem] = {}
    for p in problems:
        key = (p.node, p.message)
        if key in out:
            if p.check not in out[key].check.split("+"):
                out[key].check += "+" + p.check
        else:
            out[key] = p
    return sorted(out.values(), key=lambda p: (p.severity != "error", p.file, p.node, p.check, p.message))


def validate(files: list[Path], shapes_path: Path) -> Report:
    """Validate the given Turtle files (the ontology among them).

    Raises :class:`graph.errors.UnreadableData` (naming file and line) before
    any check runs when a file does not parse.
    """
    from graph.queries.lookup import Lookup
    from graph.stores.memory import MemoryStore
    from graph.validate.integrity import integrity_problems

    start = time.perf_counter()
    graph, origin, faults = parse_with_origins(files)
    describe = Describer(graph, origin, Lookup(MemoryStore.of_graph(graph)))
    rows = [*run_shacl(graph, shapes_path), *run_checks(graph), *integrity_problems(describe.catalog)]
    problems = faults + merged([describe.problem(*row) for row in rows])
    return Report(problems, len(files), len(graph), time.perf_counter() - start)
