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

from graph import store
from graph.errors import InputError, env_seconds

GRAPH = "https://w3id.org/mandat/graph"
GENID = "https://w3id.org/mandat/.well-known/genid/"
CHUNK = 1000   # triples per INSERT DATA: Virtuoso's SPARQL compiler runs out of memory near 5000
MATERIALISE = f"""PREFIX org: <http://www.w3.org/ns/org#>
PREFIX mandat: <https://w3id.org/mandat/ontology#>
INSERT {{ GRAPH <{GRAPH}> {{ ?unit org:subOrganizationOf ?parent }} }}
WHERE {{ GRAPH <{GRAPH}> {{ ?line a mandat:ReportingLine ; mandat:unit ?unit ; mandat:parent ?parent }} }}"""


class SparqlStore(store.Store):
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
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            raise InputError(f"{url} answered HTTP {err.code} {err.reason}"
                             f"{': ' + detail[0] if detail else ''}; check the query and the server") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise InputError(f"cannot reach {url} ({reason}); is the SPARQL server running?") from None

    def ask_server(self, query: str, accept: str) -> tuple[str, bytes]:
        ctype, body = self.post(self.url, {"query": query, "default-graph-uri": GRAPH}, accept)
        if "html" in ctype.lower() or body.lstrip()[:1] == b"<" and b"<html" in body[:500].lower():
            raise InputError(f"{self.url} answered with an HTML page, not SPARQL results; "
                             "give the URL of the SPARQL endpoint itself")
        return ctype, body

    def select(self, query: str) -> dict:
        ctype, body = self.ask_server(query, "application/sparql-results+json")
        try:
            return json.loads(body)
        except ValueError:
            raise InputError(f"{self.url} did not answer with SPARQL JSON results ({ctype or 'no type'})") from None

    # -- Store interface ------------------------------------------------------------
    def cache_key(self) -> str:
        result = self.select("SELECT (COUNT(*) AS ?n) (MAX(STR(?stamp)) AS ?s) WHERE { ?a ?b ?c "
                             "OPTIONAL { <%s> <%s> ?stamp } }" % (GRAPH, store.STAMP_PREDICATE))
        row = result["results"]["bindings"][0] if result["results"]["bindings"] else {}
        count = row.get("n", {}).get("value", "0")
        if count == "0":
            raise InputError(f"{self.url} holds no mandat data; fill it first with 'mandat --store sparql:{self.url} load'")
        stamp = row.get("s", {}).get("value", "")
        return "sparql-" + hashlib.sha256(f"{self.url}|{count}|{stamp}".encode()).hexdigest()[:24]

    def triples(self):
        from rdflib import Graph

        _, body = self.ask_server("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
        graph = Graph()
        try:
            graph.parse(data=body.decode("utf-8"), format="nt")
        except Exception as err:  # rdflib raises several parser error types
            raise InputError(f"{self.url} answered CONSTRUCT with something that is not N-Triples ({err})") from None
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")["results"]["bindings"]
        held = int(rows[0]["n"]["value"]) if rows else 0
        if len(graph) < held:     # a server cap on result rows (Virtuoso: ResultSetMaxRows) cut the answer
            raise InputError(f"{self.url} holds {held} triples but sent {len(graph)}: it caps the rows of an "
                             "answer; raise that limit (Virtuoso: ResultSetMaxRows in virtuoso.ini)")
        return graph

    def rdflib_graph(self):
        return self.triples()

    def query(self, text: str, max_rows: int | None = None) -> dict:
        from graph.queries.sparql import capped, prefixed

        full = prefixed(text)
        kind = query_kind(text)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            _, body = self.ask_server(full, "text/turtle")
            return {"type": "graph", "turtle": body.decode("utf-8")}
        result = self.select(full)
        if "boolean" in result:
            return {"type": "ASK", "boolean": bool(result["boolean"])}
        names = result["head"]["vars"]
        rows = [{n: b.get(n, {}).get("value") for n in names} for b in capped(iter(result["results"]["bindings"]), max_rows)]
        return {"type": "SELECT", "vars": names, "rows": rows}

    def update(self, text: str) -> None:
        self.post(self.update_url, {"update": text}, "*/*")

    def load(self, files, progress=None) -> int:
        """Replace mandat's graph on the server with the files, and only when all of it arrived.

        Every file is parsed before the first write; the triples go into a
        fresh graph, which one ``MOVE`` then puts in place of mandat's graph.
        A load that fails half-way drops its fresh graph and leaves the
        server's graph as it was.
        """
        lines = []
        for path in files:
            lines.extend(parsed_lines(path))
        fresh = f"{GRAPH}/loading-{os.getpid()}-{hashlib.sha1(os.urandom(8)).hexdigest()[:8]}"
        try:
            self.fill(fresh, lines, files, progress)
            self.update(f"MOVE SILENT GRAPH <{fresh}> TO GRAPH <{GRAPH}>")
        except InputError as err:
            self.drop_quietly(fresh)
            raise InputError(f"{err} -- the load stopped; the graph <{GRAPH}> on the server is as it "
                             "was, run 'mandat load' again") from None
        return len(lines)

    def fill(self, graph: str, lines: list[str], files, progress) -> None:
        """INSERT DATA the lines into ``graph`` in chunks, derive the hierarchy, stamp it."""
        for i in range(0, len(lines), CHUNK):
            self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines[i:i + CHUNK]) + "\n} }")
        for path in files:
            if progress:
                progress(path)
        self.update(MATERIALISE.replace(f"<{GRAPH}>", f"<{graph}>"))
        self.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{GRAPH}> <{store.STAMP_PREDICATE}> '
                    f'"{os.getpid()}-{len(lines)}-{hashlib.sha1(os.urandom(8)).hexdigest()[:8]}" }} }}')

    def drop_quietly(self, graph: str) -> None:
        """Remove a half-filled graph; a server that is gone cannot be helped."""
        try:
            self.update(f"DROP SILENT GRAPH <{graph}>")
        except InputError:
            pass


def parsed_lines(path) -> list[str]:
    """A Turtle file as skolemised N-Triples lines; a syntax error names the file."""
    import pyoxigraph as ox

    try:
        return [skolemised(t) for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except SyntaxError as err:
        raise InputError(f"{path}: malformed Turtle: {err}; fix the file, then run 'mandat load' again "
                         "(nothing was written)") from None


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
