"""The stores behind one small interface (:class:`graph.stores.base.Store`):
memory, ``oxigraph:PATH`` and ``sparql:URL``.

>>> open_store("memory").kind
'memory'
"""

from __future__ import annotations

import os

from graph.errors import InputError


def open_store(spec: str | None = None, data_dirs=None):
    """The store named by ``spec`` (or ``$MANDAT_STORE``, default memory)."""
    spec = spec or os.environ.get("MANDAT_STORE") or "memory"
    kind, _, where = spec.partition(":")
    if kind == "memory":
        from graph.stores.memory import MemoryStore

        return MemoryStore(data_dirs)
    if kind == "oxigraph" and where:
        from graph.stores.oxigraph import OxigraphStore

        return OxigraphStore(where)
    if kind == "sparql" and where:
        from graph.stores.sparql import SparqlStore

        return SparqlStore(where)
    raise InputError(f"unknown store '{spec}' (from --store or $MANDAT_STORE); "
                     "use memory, oxigraph:PATH or sparql:URL")
