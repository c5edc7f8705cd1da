"""Store implementations behind :class:`graph.store.Store`: memory, oxigraph, sparql.

Each is imported only when its kind is asked for.
"""
