"""Questions on a pyoxigraph store, shared by the memory and the on-disk store."""

from __future__ import annotations

from graph.stores.base import bind_values


class EmbeddedQueries:
    """``select``, ``query`` and ``dump`` for a store whose ``open()`` gives a pyoxigraph Store."""

    def open(self):
        raise NotImplementedError

    def prepare(self) -> None:
        self.open()

    def select(self, text: str, values: dict | None = None) -> list[dict]:
        """Rows of a SELECT as ``{variable: pyoxigraph term or None}``, on the default graph."""
        result = self.open().query(bind_values(text, values))
        names = [v.value for v in result.variables]
        return [dict(zip(names, sol)) for sol in result]

    def query(self, text: str, max_rows: int | None = None) -> dict:
        """A user's read-only query: SELECT rows as text, ASK as a boolean, graphs as Turtle."""
        import pyoxigraph as ox

        from graph.stores.base import capped, engine_error, prefixed

        try:                                  # evaluation is lazy: errors come while rows are read
            result = self.open().query(prefixed(text))
            if isinstance(result, ox.QueryBoolean):
                return {"type": "ASK", "boolean": bool(result)}
            if isinstance(result, ox.QueryTriples):
                return {"type": "graph", "turtle": ox.serialize(result, format=ox.RdfFormat.TURTLE).decode()}
            names = [v.value for v in result.variables]
            rows = [{n: (None if sol[n] is None else sol[n].value) for n in names}
                    for sol in capped(iter(result), max_rows)]
        except (SyntaxError, OSError, ValueError, RuntimeError) as err:
            raise engine_error(err) from None
        return {"type": "SELECT", "vars": names, "rows": rows}

    def dump(self, stream, fmt: str) -> None:
        """The data's graph (not the derived one) as Turtle, N-Triples or JSON-LD."""
        import pyoxigraph as ox

        formats = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
        self.open().dump(output=stream, format=formats[fmt], from_graph=ox.DefaultGraph())
