"""An on-disk embedded store (pyoxigraph): load once, open in milliseconds afterwards."""

from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path

from graph import store
from graph.errors import InputError

STAMP = "mandat-load-stamp"


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term the catalog reads."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


class OxigraphStore(store.Store):
    """``oxigraph:PATH``: a pyoxigraph store in the folder PATH."""

    kind = "oxigraph"

    def __init__(self, path: str):
        self.path = Path(path)
        self.spec = f"oxigraph:{path}"

    def stamp(self) -> str:
        try:
            return (self.path / STAMP).read_text().strip()
        except OSError:
            raise InputError(f"{self.path}: not a mandat store (no load stamp); fill it first with "
                             f"'mandat --store oxigraph:{self.path} load'") from None

    def cache_key(self) -> str:
        return f"oxigraph-{self.stamp()}"

    def open(self):
        import pyoxigraph as ox

        self.stamp()
        try:
            return ox.Store.read_only(str(self.path)) if hasattr(ox.Store, "read_only") else ox.Store(str(self.path))
        except OSError as err:
            raise InputError(f"{self.path}: cannot open the store ({err}); is another process writing it?") from None

    def triples(self):
        for quad in self.open().quads_for_pattern(None, None, None, None):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def rdflib_graph(self):
        from rdflib import Graph

        graph = Graph()
        for triple in self.triples():
            graph.add(triple)
        return graph

    def query(self, text: str, max_rows: int | None = None) -> dict:
        from graph.queries.sparql import capped, prefixed
        import pyoxigraph as ox

        try:
            result = self.open().query(prefixed(text))
        except (SyntaxError, OSError, ValueError) as err:
            raise InputError(f"SPARQL query failed: {err}") from None
        if isinstance(result, ox.QueryBoolean):
            return {"type": "ASK", "boolean": bool(result)}
        if isinstance(result, ox.QueryTriples):
            from rdflib import Graph

            g = Graph()
            for t in result:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            return {"type": "graph", "turtle": g.serialize(format="turtle")}
        names = [v.value for v in result.variables]
        rows = [{n: (None if sol[n] is None else sol[n].value) for n in names} for sol in capped(iter(result), max_rows)]
        return {"type": "SELECT", "vars": names, "rows": rows}

    def dump(self, stream, fmt: str) -> None:
        """N-Triples and Turtle straight from the store, without building an rdflib graph."""
        import pyoxigraph as ox

        formats = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
        if fmt not in formats:
            return super().dump(stream, fmt)
        self.open().dump(output=stream, format=formats[fmt], from_graph=ox.DefaultGraph())

    def load(self, files, progress=None) -> int:
        """Load into a fresh folder beside PATH, then swap it in: an interrupted load leaves PATH as it was."""
        import pyoxigraph as ox

        tmp = self.path.with_name(f".{self.path.name}.loading-{uuid.uuid4().hex[:8]}")
        try:
            target = ox.Store(str(tmp))
            for path in files:
                try:
                    target.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
                except SyntaxError as err:
                    raise InputError(f"{path}: malformed Turtle: {err}; fix the file and load again") from None
                if progress:
                    progress(path)
            target.update(store.MATERIALISE_UPDATE)
            count = len(target)
            target.flush()
            del target
            (tmp / STAMP).write_text(f"{time.time_ns()}-{uuid.uuid4().hex[:8]}\n")
            old = self.path.with_name(f".{self.path.name}.old-{uuid.uuid4().hex[:8]}")
            if self.path.exists():
                if not (self.path / STAMP).exists():
                    raise InputError(f"{self.path}: exists and is not a mandat store; choose another PATH")
                self.path.rename(old)
            tmp.rename(self.path)
            shutil.rmtree(old, ignore_errors=True)
            return count
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
