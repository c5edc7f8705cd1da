"""``mandat sparql``: a read-only SPARQL query over the graph."""

from __future__ import annotations

from graph.errors import InputError


def check_read_only(text: str) -> None:
    """Raise InputError unless ``text`` is a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE).

    >>> check_read_only("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    >>> check_read_only("DROP ALL")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: SPARQL updates are not allowed: mandat sparql only reads the graph (edit data/ and run 'mandat validate' instead)
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(text)
        return
    except ParseException as err:
        query_error = err
    try:
        parseUpdate(text)
    except ParseException:
        raise InputError(f"SPARQL syntax error at line {query_error.lineno}, column {query_error.col}: "
                         f"{query_error.msg}; check the query") from None
    raise InputError("SPARQL updates are not allowed: mandat sparql only reads the graph "
                     "(edit data/ and run 'mandat validate' instead)")


def prefixed(text: str) -> str:
    """The query with mandat's usual prefixes declared in front (for engines without initNs)."""
    from graph.ns import PREFIXES

    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()
                   if f"PREFIX {p}:".lower() not in text.lower())
    return head + text


def run_query(graph, text: str) -> dict:
    """Run a read-only query; returns ``{"type": ..., "vars": [...], "rows": [...]}``
    for SELECT, ``{"type": "ASK", "boolean": ...}``, or ``{"type": "graph", "turtle": ...}``."""
    from graph.ns import PREFIXES

    check_read_only(text)
    try:
        result = graph.query(text, initNs=PREFIXES)
    except Exception as err:  # rdflib raises many types for evaluation errors
        raise InputError(f"SPARQL query failed: {err}") from None
    if result.type == "ASK":
        return {"type": "ASK", "boolean": bool(result.askAnswer)}
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return {"type": "graph", "turtle": result.graph.serialize(format="turtle")}
    names = [str(v) for v in result.vars]
    rows = [{n: (None if row[i] is None else str(row[i])) for i, n in enumerate(names)} for row in result]
    return {"type": "SELECT", "vars": names, "rows": rows}
