"""``mandat sparql``: a read-only SPARQL query over the graph."""

from __future__ import annotations

from graph.errors import InputError


def check_read_only(text: str, allow_service: bool = False) -> None:
    """Raise InputError unless ``text`` is a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)
    that calls no other endpoint (SERVICE), unless ``allow_service``.

    >>> check_read_only("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    >>> check_read_only("DROP ALL")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: SPARQL updates are not allowed: mandat sparql only reads the graph (edit data/ and run 'mandat validate' instead)
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
    except ParseException as err:
        query_error = err
    else:
        if not allow_service and "ServiceGraphPattern" in pattern_names(parsed):
            raise InputError("the query calls another endpoint (SERVICE), which can hang on a silent "
                             "server; add --allow-service to allow it")
        return
    try:
        parseUpdate(text)
    except ParseException:
        raise InputError(f"SPARQL syntax error at line {query_error.lineno}, column {query_error.col}: "
                         f"{query_error.msg}; check the query") from None
    raise InputError("SPARQL updates are not allowed: mandat sparql only reads the graph "
                     "(edit data/ and run 'mandat validate' instead)")


def pattern_names(parsed) -> set[str]:
    """The names of every part of a parsed query (``SelectQuery``, ``ServiceGraphPattern``, ...)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    names, todo = set(), [parsed]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue):
            names.add(node.name)
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            todo.extend(node)
    return names


def bounded(ask, seconds: float):
    """``ask()`` run in a child process, stopped after ``seconds``; returns its answer.

    An error the child raises for the user (InputError) is raised here; the
    child is killed when time runs out, so an endless query ends in one line.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=answer_into, args=(ask, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise InputError(f"the query was stopped after {seconds:g} s; narrow it, add a LIMIT, "
                             "or raise --timeout")
        kind, value = receive.recv()
    except EOFError:
        raise InputError("the query ended without an answer (out of memory?); narrow it or add a LIMIT") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "error":
        raise InputError(value)
    return value


def answer_into(ask, send) -> None:
    """The child's side of :func:`bounded`: send ``("ok", answer)`` or ``("error", message)``."""
    from graph.errors import MandatError

    try:
        send.send(("ok", ask()))
    except MandatError as err:
        send.send(("error", str(err)))
