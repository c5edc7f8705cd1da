"""What every store does, and how values are bound into a query.

A question runs a ``.rq`` file with :meth:`Store.select`. Values are bound as
a ``VALUES`` block of typed terms, written by pyoxigraph (which escapes
literals and refuses malformed IRIs), in place of the query's ``#@values``
comment; user text is never pasted into a query.

>>> bind_values("SELECT ?s WHERE {\\n  #@values\\n  ?s ?p ?o }", {"s": ["urn:x"]}).splitlines()[1]
'  VALUES (?s) { (<urn:x>) }'
"""

from __future__ import annotations

from datetime import date

MARK = "#@values"


class Store:
    """``spec`` names the store (``memory``, ``oxigraph:PATH``, ``sparql:URL``); ``stamp()``
    changes whenever its content changes and costs no scan; ``select(text, values)`` answers a
    mandat query as rows of pyoxigraph terms; ``query(text)`` answers a user's read-only query;
    ``load(files)`` replaces the content; ``dump(stream, fmt)`` writes it."""

    kind = "store"
    spec = ""

    def stamp(self) -> str:
        raise NotImplementedError

    def select(self, text: str, values: dict | None = None) -> list[dict]:
        raise NotImplementedError

    def query(self, text: str, max_rows: int | None = None) -> dict:
        raise NotImplementedError

    def load(self, files, progress=None) -> int:
        raise NotImplementedError

    def dump(self, stream, fmt: str) -> None:
        raise NotImplementedError


def term(value):
    """A Python value as a pyoxigraph term: an IRI string, a date, a string literal, or a term.

    >>> str(term("https://w3id.org/mandat/id/x")), str(term(date(2025, 1, 2)))
    ('<https://w3id.org/mandat/id/x>', '"2025-01-02"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:", "file:")):
        return ox.NamedNode(value)
    return ox.Literal(str(value))


def bind_values(text: str, values: dict | None) -> str:
    """``text`` with its ``#@values`` line replaced by one VALUES block: every combination of
    the given values (one block, because engines plan separate blocks as joins, 1000x slower)."""
    from itertools import product

    if not values:
        return text
    if MARK not in text:
        raise ValueError("this query has no #@values line to bind values at")
    names = " ".join(f"?{name}" for name in values)
    rows = " ".join("(" + " ".join(str(term(v)) for v in combo) + ")" for combo in product(*values.values()))
    return text.replace(MARK, f"VALUES ({names}) {{ {rows} }}", 1)
