"""``mandat validate``: prove the ontology and data are sound.

Three layers, each reporting :class:`Problem` records:

1. SHACL shapes (``ontology/shapes.ttl``, run with pySHACL);
2. SPARQL checks (``checks/*.rq``, ODK style: each must return no rows, and
   every one returns the same columns ``?node ?message``);
3. integrity checks over time that SHACL expresses badly (:mod:`.integrity`).

Exit codes at the CLI: 0 clean (warnings allowed), 1 problems, 2 unreadable input.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path


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
        who = f"{self.label} <{self.node}>" if self.label and self.label != self.node else f"<{self.node}>"
        mark = "" if self.severity == "error" else " [warning]"
        return f"{self.file}: {who}: {self.message}{mark}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    problems: list[Problem]
    files: int
    triples: int
    seconds: float

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def check_queries() -> list[tuple[str, str]]:
    """The SPARQL checks shipped with the package, as (name, text) pairs."""
    folder = resources.files("graph.validate") / "checks"
    return sorted((p.name.removesuffix(".rq"), p.read_text(encoding="utf-8"))
                  for p in folder.iterdir() if p.name.endswith(".rq"))


def parse_with_origins(files: list[Path]):
    """Parse every file into one graph, remembering which file first described each subject."""
    from rdflib import Graph

    from graph.store import parse_files

    graph, origin = Graph(), {}
    for path in files:
        part = parse_files([path])
        shown = display_path(path)
        for subject in set(part.subjects()):
            origin.setdefault(str(subject), shown)
        graph += part
    return graph, origin


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run_shacl(graph, shapes_path: Path) -> list[tuple[str, str, str]]:
    """(node, path, message) for every SHACL violation."""
    import pyshacl
    from rdflib import Graph, Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    shapes = Graph().parse(shapes_path, format="turtle")
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference=None, advanced=True)
    if conforms:
        return []
    out = []
    for result in results.subjects(sh.resultSeverity, None):
        node = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        message = results.value(result, sh.resultMessage)
        out.append((str(node), str(path) if path else "", str(message)))
    return sorted(set(out))


def run_checks(graph) -> list[tuple[str, str, str]]:
    """(check name, node, message) for every row the SPARQL checks return."""
    from rdflib.plugins.sparql import prepareQuery

    rows = []
    for name, text in check_queries():
        for row in graph.query(prepareQuery(text)):
            rows.append((name, str(row.node), str(row.message)))
    return rows


def validate(files: list[Path], shapes_path: Path) -> Report:
    """Validate the given Turtle files (the ontology among them)."""
    from graph.catalog import build_catalog
    from graph.validate.integrity import integrity_problems

    start = time.perf_counter()
    graph, origin = parse_with_origins(files)
    catalog = build_catalog(graph)

    def label(node: str) -> str:
        return catalog.label(node) if node in catalog.entities else ""

    def where(node: str) -> str:
        return origin.get(node, "?")

    problems = [Problem(where(n), n, label(n), "shacl", msg) for n, _, msg in run_shacl(graph, shapes_path)]
    problems += [Problem(where(n), n, label(n), name, msg) for name, n, msg in run_checks(graph)]
    problems += [Problem(where(n), n, label(n), check, msg, sev)
                 for check, n, msg, sev in integrity_problems(catalog)]
    problems.sort(key=lambda p: (p.severity != "error", p.file, p.node, p.check))
    return Report(problems, len(files), len(graph), time.perf_counter() - start)
