"""The default store: the Turtle files parsed by pyoxigraph into memory, for one process, or,
for data large enough that parsing costs more than opening, a read-only copy kept in the cache
folder under the files' content key (:func:`graph.cache.store_copy`)."""

from __future__ import annotations

from graph import loading
from graph.cache import store_copy
from graph.errors import InputError
from graph.stores import base
from graph.stores.embedded import EmbeddedQueries


COPY_BYTES = 512 << 10    # the shipped data (1.3 MB) opens from its copy in ms, a small fixture parses
KEEP_FILLED = 2           # stores filled in memory kept for the process, by content key
FILLED: dict = {}         # content key -> filled pyoxigraph store (questions never write to it)


class MemoryStore(EmbeddedQueries, base.Store):
    """Reads the ontology plus the data folders once per process; nothing to load beforehand."""

    kind = "memory"

    def __init__(self, data_dirs=None):
        self.data_dirs = data_dirs
        self.spec = "memory"
        self._sources = None
        self._store = None
        self._stamp = None

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
        if self._stamp is None:
            self._stamp = loading.content_key(self.sources())
        return self._stamp

    def open(self):
        if self._store is None:
            sources = self.sources()
            if sum(len(data) for _, data in sources) >= COPY_BYTES:
                self._store = store_copy(self.stamp(), lambda target: loading.fill_store(sources, target))
            if self._store is None:
                self._store = filled(self.stamp(), sources)
        return self._store

    def load(self, files, progress=None) -> int:
        raise InputError("the memory store reads the Turtle files directly; "
                         "use --store oxigraph:PATH or --store sparql:URL to load")


def filled(key: str, sources):
    """A memory store holding ``sources``, filled once per process for each content key: a
    process asking many questions (the view server, the tests, a notebook) parses the files
    once, and files whose bytes changed are parsed again. The last KEEP_FILLED are kept."""
    store = FILLED.pop(key, None)
    if store is None:
        store = loading.fill_store(sources)
    FILLED[key] = store                                  # most recent last
    while len(FILLED) > KEEP_FILLED:
        del FILLED[next(iter(FILLED))]
    return store
