"""The default store: the Turtle files parsed by rdflib in memory (with the catalog cache)."""

from __future__ import annotations

from graph import store


class MemoryStore(store.Store):
    """Reads the ontology plus the data folders; nothing to load."""

    kind = "memory"

    def __init__(self, data_dirs=None):
        self.data_dirs = data_dirs
        self.spec = "memory"

    def cache_key(self) -> str:
        return store.content_key(store.read_sources(store.all_files(self.data_dirs)))

    def rdflib_graph(self):
        return store.load_graph(self.data_dirs)

    def triples(self):
        return self.rdflib_graph()

    def query(self, text: str, max_rows: int | None = None) -> dict:
        from graph.queries.sparql import run_query

        return run_query(self.rdflib_graph(), text, max_rows)

    def load(self, files, progress=None) -> int:
        raise store.InputError("the memory store reads the Turtle files directly; "
                               "use --store oxigraph:PATH or --store sparql:URL to load")
