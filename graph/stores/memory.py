"""The default store: the Turtle files parsed by pyoxigraph into memory, for one process."""

from __future__ import annotations

from graph import loading
from graph.errors import InputError
from graph.stores import base
from graph.stores.embedded import EmbeddedQueries


class MemoryStore(EmbeddedQueries, base.Store):
    """Reads the ontology plus the data folders once per process; nothing to load beforehand."""

    kind = "memory"

    def __init__(self, data_dirs=None):
        self.data_dirs = data_dirs
        self.spec = "memory"
        self._sources = None
        self._store = None

    @classmethod
    def of_graph(cls, graph) -> "MemoryStore":
        """A memory store holding an rdflib graph (validation has parsed the files already)."""
        import pyoxigraph as ox

        store = cls()
        store._store = ox.Store()
        store._store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        loading.derive(store._store)
        store._sources = []
        return store

    def sources(self):
        if self._sources is None:
            self._sources = loading.read_sources(loading.all_files(self.data_dirs))
        return self._sources

    def stamp(self) -> str:
        return loading.content_key(self.sources())

    def open(self):
        if self._store is None:
            self._store = loading.fill_store(self.sources())
        return self._store

    def load(self, files, progress=None) -> int:
        raise InputError("the memory store reads the Turtle files directly; "
                         "use --store oxigraph:PATH or --store sparql:URL to load")
