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

from graph.errors import InputError

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

    def prepare(self) -> None:
        """Open what the store reads, in this process: before a question forks a child that is
        stopped after its timeout (a child must not start a RocksDB of its own)."""


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


def capped(rows, max_rows: int | None) -> list:
    """The rows as a list, refused when there are more than ``max_rows``.

    >>> capped(iter(range(3)), 3)
    [0, 1, 2]
    >>> capped(iter(range(4)), 3)
    Traceback (most recent call last):
    ...
    graph.errors.InputError: the query returns more than 3 rows; add a LIMIT to it or raise --max-rows
    """
    from itertools import islice

    out = list(rows if max_rows is None else islice(rows, max_rows + 1))
    if max_rows is not None and len(out) > max_rows:
        raise InputError(f"the query returns more than {max_rows} rows; add a LIMIT to it or raise --max-rows")
    return out


def prefixed(text: str) -> str:
    """The query with mandat's usual prefixes declared in front (for engines without initNs)."""
    from graph.ns import PREFIXES

    head = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()
                    if f"PREFIX {p}:".lower() not in text.lower())
    return head + "\n" + text           # one line in front: an engine's line numbers are off by one


def engine_error(err: Exception) -> InputError:
    """An engine's complaint about a :func:`prefixed` query as one line, at the user's own line.

    >>> print(engine_error(SyntaxError("error at 2:24: expected one of Prefix not found, ['%'], ['.']")))
    SPARQL query failed at line 1, column 24: Prefix not found; check the query
    """
    import re

    first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    found = re.match(r"error at (\d+):(\d+): (?:expected one of )?(.*)", first)
    if not found:
        return InputError(f"SPARQL query failed: {first}")
    line, column, reason = int(found.group(1)) - 1, found.group(2), found.group(3).split(", [")[0]
    return InputError(f"SPARQL query failed at line {max(line, 1)}, column {column}: {reason}; check the query")
