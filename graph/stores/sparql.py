"""``sparql:URL``: any SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, Fuseki, GraphDB, Neptune).

Queries go to URL with the SPARQL protocol (POST, ``default-graph-uri`` set to
mandat's graph, so a server's other graphs stay out of the answers). Loading
uses SPARQL Update at ``MANDAT_SPARQL_UPDATE_URL`` (default: URL), with HTTP
digest or basic credentials from ``MANDAT_SPARQL_USER`` / ``MANDAT_SPARQL_PASSWORD``.
Blank nodes are skolemised to IRIs when loading, because each INSERT DATA
request would otherwise give them new identities.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request

from graph import loading
from graph.errors import InputError, env_seconds
from graph.stores import base

GRAPH = "https://w3id.org/mandat/graph"
GENID = "https://w3id.org/mandat/.well-known/genid/"
STAMP_PREDICATE = "https://w3id.org/mandat/ontology#loadStamp"
CHUNK = 1000   # triples per INSERT DATA: Virtuoso's SPARQL compiler runs out of memory near 5000
STAMP_QUERY = (f"SELECT ?stamp WHERE {{ GRAPH <{loading.DERIVED_GRAPH}> "
               f"{{ <{GRAPH}> <{STAMP_PREDICATE}> ?stamp }} }}")


class SparqlStore(base.Store):
    kind = "sparql"

    def __init__(self, url: str):
        if not url.startswith(("http://", "https://")):
            raise InputError(f"'{url}' is not an http(s) URL; write --store sparql:http://HOST:PORT/PATH")
        self.url = url
        self.update_url = os.environ.get("MANDAT_SPARQL_UPDATE_URL", url)
        self.timeout = env_seconds("MANDAT_SPARQL_TIMEOUT", 60)
        self.spec = f"sparql:{url}"

    # -- HTTP -----------------------------------------------------------------------
    def opener(self):
        user, password = os.environ.get("MANDAT_SPARQL_USER"), os.environ.get("MANDAT_SPARQL_PASSWORD")
        if not user:
            return urllib.request.build_opener()
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, self.update_url, user, password or "")
        return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager),
                                           urllib.request.HTTPBasicAuthHandler(manager))

    def post(self, url: str, form: dict, accept: str) -> tuple[str, bytes]:
        """POST a form; returns (content type, body) or raises InputError with one line."""
        body = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(url, data=body, headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self.opener().open(request, timeout=self.timeout) as response:
                if response.headers.get("X-SPARQL-MaxRows"):     # Virtuoso cut the answer at its cap
                    raise InputError(f"{url} cut its answer at {response.headers['X-SPARQL-MaxRows']} rows; "
                                     "raise the server's row limit (Virtuoso: ResultSetMaxRows in virtuoso.ini)")
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            raise InputError(f"{url} answered HTTP {err.code} {err.reason}"
                             f"{': ' + detail[0] if detail else ''}; check the query and the server") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise InputError(f"cannot reach {url} ({reason}); is the SPARQL server running?") from None

    def ask_server(self, query: str, accept: str, dataset: bool = True) -> tuple[str, bytes]:
        """Ask the endpoint, with mandat's graph as the default graph unless ``dataset`` is False."""
        form = {"query": query, **({"default-graph-uri": GRAPH} if dataset else {})}
        ctype, body = self.post(self.url, form, accept)
        if "html" in ctype.lower() or body.lstrip()[:1] == b"<" and b"<html" in body[:500].lower():
            raise InputError(f"{self.url} answered with an HTML page, not SPARQL results; "
                             "give the URL of the SPARQL endpoint itself")
        return ctype, body

    def result(self, query: str, dataset: bool = True) -> dict:
        ctype, body = self.ask_server(query, "application/sparql-results+json", dataset)
        try:
            return json.loads(body)
        except ValueError:
            raise InputError(f"{self.url} did not answer with SPARQL JSON results ({ctype or 'no type'})") from None

    # -- Store interface ------------------------------------------------------------
    def stamp(self) -> str:
        """The load stamp, one triple looked up (the graph is never scanned)."""
        rows = self.result(STAMP_QUERY, dataset=False)["results"]["bindings"]
        if not rows:
            raise InputError(f"{self.url} holds no mandat data; fill it first with 'mandat --store sparql:{self.url} load'")
        return "sparql-" + hashlib.sha256(f"{self.url}|{rows[0]['stamp']['value']}".encode()).hexdigest()[:24]

    def select(self, text: str, values: dict | None = None) -> list[dict]:
        """Rows of a SELECT answered by the server, as ``{variable: pyoxigraph term or None}``."""
        result = self.result(base.bind_values(text, values))
        names = result["head"]["vars"]
        return [{n: from_json(b.get(n)) for n in names} for b in result["results"]["bindings"]]

    def query(self, text: str, max_rows: int | None = None) -> dict:
        from graph.stores.base import capped, prefixed

        full = prefixed(text)
        kind = query_kind(text)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            _, body = self.ask_server(full, "text/turtle")
            return {"type": "graph", "turtle": body.decode("utf-8")}
        result = self.result(full)
        if "boolean" in result:
            return {"type": "ASK", "boolean": bool(result["boolean"])}
        names = result["head"]["vars"]
        rows = [{n: b.get(n, {}).get("value") for n in names} for b in capped(iter(result["results"]["bindings"]), max_rows)]
        return {"type": "SELECT", "vars": names, "rows": rows}

    def update(self, text: str) -> None:
        self.post(self.update_url, {"update": text}, "*/*")

    def load(self, files, progress=None) -> int:
        """Replace mandat's graphs on the server with the files, and only when all of it arrived.

        Every file is parsed and checked before the first write; the triples go
        into fresh graphs, the derived triples are made from them by the same
        update every store runs, and one ``MOVE`` per graph then puts them in
        place. A load that fails half-way drops its fresh graphs and leaves the
        server's graphs as they were.
        """
        lines = [skolemised(t) for _, triples in loading.parsed_triples(loading.read_sources(files))
                 for t in triples]
        tag = f"loading-{os.getpid()}-{hashlib.sha1(os.urandom(8)).hexdigest()[:8]}"
        fresh, fresh_derived = f"{GRAPH}/{tag}", f"{loading.DERIVED_GRAPH}/{tag}"
        try:
            self.fill(fresh, fresh_derived, lines, files, progress)
            self.update(f"MOVE SILENT GRAPH <{fresh}> TO GRAPH <{GRAPH}>")
            self.update(f"MOVE SILENT GRAPH <{fresh_derived}> TO GRAPH <{loading.DERIVED_GRAPH}>")
        except InputError as err:
            self.drop_quietly(fresh)
            self.drop_quietly(fresh_derived)
            raise InputError(f"{err} -- the load stopped; the graph <{GRAPH}> on the server is as it "
                             "was, run 'mandat load' again") from None
        return len(lines)

    def fill(self, graph: str, derived: str, lines: list[str], files, progress) -> None:
        """INSERT DATA the lines into ``graph`` in chunks, derive into ``derived``, stamp it."""
        for i in range(0, len(lines), CHUNK):
            self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines[i:i + CHUNK]) + "\n} }")
        for path in files:
            if progress:
                progress(path)
        self.update(loading.derive_update(graph, derived))
        self.update(f'INSERT DATA {{ GRAPH <{derived}> {{ <{GRAPH}> <{STAMP_PREDICATE}> '
                    f'"{os.getpid()}-{len(lines)}-{hashlib.sha1(os.urandom(8)).hexdigest()[:8]}" }} }}')

    def drop_quietly(self, graph: str) -> None:
        """Remove a half-filled graph; a server that is gone cannot be helped."""
        try:
            self.update(f"DROP SILENT GRAPH <{graph}>")
        except InputError:
            pass


def from_json(cell: dict | None):
    """A SPARQL JSON result term as a pyoxigraph term (None when unbound).

    >>> from_json({"type": "literal", "value": "x", "xml:lang": "id"})
    <Literal value=x language=id>
    """
    import pyoxigraph as ox

    if cell is None:
        return None
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(hashlib.sha1(value.encode()).hexdigest())
    if cell.get("xml:lang"):
        return ox.Literal(value, language=cell["xml:lang"])
    if cell.get("datatype"):
        return ox.Literal(value, datatype=ox.NamedNode(cell["datatype"]))
    return ox.Literal(value)


def skolemised(triple) -> str:
    """One triple as an N-Triples line, blank nodes turned into stable IRIs."""
    import pyoxigraph as ox

    def term(t):
        if isinstance(t, ox.BlankNode):
            return f"<{GENID}{t.value}>"
        return str(t)
    return f"{term(triple.subject)} {term(triple.predicate)} {term(triple.object)} ."


def query_kind(text: str) -> str:
    from rdflib.plugins.sparql.parser import parseQuery

    return parseQuery(text)[1].name.replace("Query", "").upper()
