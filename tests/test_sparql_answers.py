"""`mandat sparql` asked of the small fixture world (tests/fixtures/world/world.ttl), in-process.

`mandat sparql` answers in a forked child (so a runaway query can be stopped). Mutation
testing records which code a test reaches only in its own process, so most tests here use
``inline``: multiprocessing's "fork" context replaced by one that runs the child's work in
the test's process. The CLI, its options and its answers are the real ones; only the timeout
tests (which need a child that can be killed) and one plain test run the real fork.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WORLD = str(Path(__file__).resolve().parent / "fixtures" / "world")
MD = "https://w3id.org/mandat/id/"
MANDAT = "https://w3id.org/mandat/ontology#"

# Every reporting line of the world: (unit, parent), ordered by unit then parent.
LINES = [("dinas-p", "pres"), ("dj", "kb"), ("dj", "kl"), ("kb", "pres"), ("kk", "pres"), ("kl", "pres"),
         ("ko", "kw-baru"), ("ko", "kw-lama"), ("kw-baru", "dj"), ("kw-lama", "kb"), ("kw-lama", "kl"),
         ("polda-p", "pres"), ("polres-r1", "polda-p")]
LINES_QUERY = "SELECT ?u ?p WHERE { ?l a mandat:ReportingLine ; mandat:unit ?u ; mandat:parent ?p } ORDER BY ?u ?p"


class _Conn:
    """Both ends of a pipe in one process."""

    def __init__(self):
        self.items = []

    def send(self, item):
        self.items.append(item)

    def recv(self):
        if not self.items:
            raise EOFError
        return self.items.pop(0)

    def poll(self, timeout=None):
        return bool(self.items)

    def close(self):
        pass


class _Process:
    """A "child" that does its work when started, in this process."""

    def __init__(self, target, args=(), daemon=None, **kwargs):
        self.target, self.args = target, args

    def start(self):
        self.target(*self.args)

    def is_alive(self):
        return False

    def kill(self):
        pass

    def join(self, timeout=None):
        pass


class _InlineContext:
    Process = _Process

    @staticmethod
    def Pipe(duplex=True):
        conn = _Conn()
        return conn, conn


@pytest.fixture
def inline(monkeypatch):
    import multiprocessing

    real = multiprocessing.get_context

    def get_context(method=None):
        return _InlineContext() if method == "fork" else real(method)

    monkeypatch.setattr(multiprocessing, "get_context", get_context)


@pytest.fixture
def sparql(run):
    """``mandat --data WORLD sparql ARGS``: the click Result."""
    def _sparql(*args):
        return run("--data", WORLD, "sparql", *args)
    return _sparql


def error_line(result) -> str:
    """The one line the CLI wrote on stderr (there must be exactly one)."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_select_rows_are_exactly_the_reporting_lines(inline, sparql):
    result = sparql(LINES_QUERY, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"u": MD + u, "p": MD + p} for u, p in LINES]


def test_select_through_a_real_child_process_gives_the_same_rows(sparql):
    result = sparql(LINES_QUERY, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"u": MD + u, "p": MD + p} for u, p in LINES]



def test_a_real_child_answers_on_the_shipped_data_while_this_process_holds_a_store_copy(run, tmp_path, monkeypatch):
    """The shipped data opens from a RocksDB copy; a child forked by `sparql` used to build its
    own copy and hung (a lock of the parent's RocksDB taken at the fork): the copy is opened
    before the fork now."""
    from graph.queries.lookup import open_lookup

    assert open_lookup().label(MD + "kanim-batulicin", "id").startswith("Kantor Imigrasi")   # a copy open here
    monkeypatch.setenv("MANDAT_CACHE_DIR", str(tmp_path / "fresh"))
    result = run("sparql", "SELECT (COUNT(?l) AS ?n) WHERE { ?l a mandat:ReportingLine }", "--format", "json",
                 "--timeout", "20")
    assert result.exit_code == 0, result.output
    assert int(json.loads(result.stdout)[0]["n"]) > 100

def test_select_csv_has_the_variables_as_header_and_unbound_as_empty(inline, sparql):
    result = sparql("SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 UNDEF) (2 \"b\") } }", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["x,y", "1,", "2,b"]


def test_select_json_keeps_unbound_as_null(inline, sparql):
    result = sparql("SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 UNDEF) } }", "--format", "json")
    assert json.loads(result.stdout) == [{"x": "1", "y": None}]


def test_select_with_no_match_is_an_empty_list(inline, sparql):
    result = sparql("SELECT ?u WHERE { ?u mandat:parent md:nobody }", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_literals_are_their_lexical_form(inline, sparql):
    result = sparql("SELECT ?l WHERE { md:ko skos:prefLabel ?l } ORDER BY ?l", "--format", "json")
    assert json.loads(result.stdout) == [{"l": "Example Office Regency One"}, {"l": "Kantor Contoh Kabupaten Satu"}]


@pytest.mark.parametrize("query, answer", [
    ("ASK { md:ko a mandat:TechnicalUnit }", True),
    ("ASK { md:ko a mandat:Ministry }", False),
    ("ASK { md:ko org:subOrganizationOf md:kw-baru }", False),    # derived links are not the data's
    ("ASK { GRAPH <https://w3id.org/mandat/graph/derived> { md:ko org:subOrganizationOf md:kw-baru } }", True),
])
def test_ask_in_json_csv_and_table(inline, sparql, query, answer):
    result = sparql(query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"type": "ASK", "boolean": answer}
    assert sparql(query, "--format", "csv").stdout.splitlines() == ["ask", str(answer).lower()]
    table = sparql(query).stdout.split()
    assert table[0] == "ask" and table[-1] == str(answer).lower()


def test_construct_prints_the_graph_as_turtle(inline, sparql):
    from rdflib import Graph, Literal, URIRef

    result = sparql("CONSTRUCT { md:ko ?p ?o } WHERE { md:ko ?p ?o }")
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format="turtle")
    ko = URIRef(MD + "ko")
    m = MANDAT
    want = {
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", URIRef(m + "TechnicalUnit")),
        ("http://www.w3.org/2004/02/skos/core#prefLabel", Literal("Kantor Contoh Kabupaten Satu", lang="id")),
        ("http://www.w3.org/2004/02/skos/core#prefLabel", Literal("Example Office Regency One", lang="en")),
        (m + "abbreviation", Literal("Kantor Contoh")),
        (m + "level", URIRef(m + "RegencyLevel")),
        (m + "servesRegion", URIRef(MD + "r1")),
        ("http://purl.org/dc/terms/source", URIRef(MD + "src")),
    }
    assert {(s, str(p), o) for s, p, o in g} == {(ko, p, o) for p, o in want}


def test_describe_gives_the_triples_about_the_resource(inline, sparql):
    from rdflib import Graph, URIRef

    result = sparql("DESCRIBE md:polres-r1")
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format="turtle")
    assert set(g.subjects()) == {URIRef(MD + "polres-r1")}
    assert len(g) == 7      # type, two labels, abbreviation, level, region, source


def test_query_from_a_file(inline, run, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?p WHERE { md:polres-r1 mandat:servesRegion ?p }", encoding="utf-8")
    result = run("--data", WORLD, "sparql", "-f", str(q), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"p": MD + "r1"}]


# -- --max-rows ------------------------------------------------------------------------------------------

def test_max_rows_equal_to_the_answer_is_allowed(inline, sparql):
    result = sparql(LINES_QUERY, "--max-rows", "13", "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 13


def test_max_rows_one_below_the_answer_is_refused(inline, sparql):
    result = sparql(LINES_QUERY, "--max-rows", "12", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert error_line(result) == ("mandat: error: the query returns more than 12 rows; "
                                  "add a LIMIT to it or raise --max-rows")


def test_a_limit_keeps_the_answer_under_max_rows(inline, sparql):
    result = sparql(LINES_QUERY + " LIMIT 2", "--max-rows", "2", "--format", "json")
    assert json.loads(result.stdout) == [{"u": MD + u, "p": MD + p} for u, p in LINES[:2]]


def test_max_rows_must_be_positive(sparql):
    result = sparql(LINES_QUERY, "--max-rows", "0")
    assert result.exit_code == 2 and "--max-rows" in result.output


# -- refusals ----------------------------------------------------------------------------------------

UPDATE_REFUSED = ("mandat: error: SPARQL updates are not allowed: mandat sparql only reads the graph "
                  "(edit data/ and run 'mandat validate' instead)")


@pytest.mark.parametrize("update", [
    "DROP ALL",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX md: <https://w3id.org/mandat/id/> CLEAR GRAPH md:g",
])
def test_updates_are_refused_with_one_line_and_exit_2(sparql, update):
    result = sparql(update)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert error_line(result) == UPDATE_REFUSED


def test_syntax_error_names_line_and_column(sparql):
    result = sparql("SELEC ?x WHERE { ?x ?p ?o }")
    assert result.exit_code == 2
    assert error_line(result) == ("mandat: error: SPARQL syntax error at line 1, column 1: "
                                  "Expected {SelectQuery | ConstructQuery | DescribeQuery | AskQuery}; check the query")


def test_syntax_error_on_a_later_line_names_that_line(sparql):
    result = sparql("SELECT ?x\nWHERE { ?x ?p ?o")
    assert result.exit_code == 2
    line = error_line(result)
    assert line.startswith("mandat: error: SPARQL syntax error at line 2, column ") and line.endswith("; check the query")


SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


@pytest.mark.parametrize("query", [
    SERVICE,
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }",
    "ASK { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } } }",
])
def test_service_is_refused_without_allow_service(sparql, query):
    result = sparql(query)
    assert result.exit_code == 2
    assert error_line(result) == ("mandat: error: the query calls another endpoint (SERVICE), which can hang on a "
                                  "silent server; add --allow-service to allow it")


def test_allow_service_lets_the_query_run_and_a_refused_endpoint_is_one_line(sparql):
    """Port 9 refuses the connection: the query passes the SERVICE check, runs, and fails there."""
    result = sparql(SERVICE, "--allow-service", "--timeout", "20")
    assert result.exit_code == 2
    assert error_line(result).startswith("mandat: error: SPARQL query failed: ")


def test_allow_service_lets_the_query_past_the_service_check(sparql):
    result = sparql(SERVICE, "--allow-service", "--timeout", "20")
    assert "add --allow-service" not in result.stderr
    assert result.stdout == ""


def test_query_failing_in_the_engine_is_one_line(inline, sparql):
    result = sparql("SELECT ?x WHERE { ?x a zz:Thing }")
    assert result.exit_code == 2
    assert error_line(result) == "mandat: error: SPARQL query failed at line 1, column 32: Prefix not found; check the query"


@pytest.mark.parametrize("args", [(), (LINES_QUERY, "-f", "q.rq")])
def test_query_and_file_are_one_or_the_other(run, tmp_path, args):
    (tmp_path / "q.rq").write_text(LINES_QUERY, encoding="utf-8")
    args = tuple(str(tmp_path / a) if a == "q.rq" else a for a in args)
    result = run("--data", WORLD, "sparql", *args)
    assert result.exit_code == 2
    assert error_line(result) == "mandat: error: give either a QUERY or -f FILE.rq, not both or neither"


def test_unreadable_query_file_is_named(run, tmp_path):
    missing = tmp_path / "missing.rq"
    result = run("--data", WORLD, "sparql", "-f", str(missing))
    assert result.exit_code == 2
    assert error_line(result).startswith(f"mandat: error: {missing}: cannot read the query (")


# -- --timeout (a real child, killed) ----------------------------------------------------------------

def test_timeout_stops_an_endless_query_with_one_line(sparql):
    import time

    start = time.monotonic()
    result = sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                    "--timeout", "0.5")
    assert time.monotonic() - start < 20
    assert result.exit_code == 2
    assert result.stdout == ""
    assert error_line(result) == ("mandat: error: the query was stopped after 0.5 s; narrow it, add a LIMIT, "
                                  "or raise --timeout")


def test_timeout_below_the_minimum_is_refused(sparql):
    result = sparql(LINES_QUERY, "--timeout", "0")
    assert result.exit_code == 2 and "--timeout" in result.output


# -- an oxigraph store: mandat's prefixes are declared for it -----------------------------------------

@pytest.fixture
def oxigraph(run, tmp_path):
    spec = f"oxigraph:{tmp_path / 'ox'}"
    result = run("--data", WORLD, "--store", spec, "load")
    assert result.exit_code == 0, result.output
    return spec


def test_oxigraph_store_gets_the_usual_prefixes(inline, run, oxigraph):
    result = run("--data", WORLD, "--store", oxigraph, "sparql", LINES_QUERY, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"u": MD + u, "p": MD + p} for u, p in LINES]


def test_oxigraph_store_lets_the_query_redeclare_a_prefix(inline, run, oxigraph):
    """The query's own ``prefix md:`` (any case) is the one that counts."""
    query = "prefix md: <urn:elsewhere:>\nSELECT ?p WHERE { ?l mandat:unit ?u ; mandat:parent ?p FILTER(?u = md:x) }"
    result = run("--data", WORLD, "--store", oxigraph, "sparql", query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_oxigraph_store_max_rows_and_ask(inline, run, oxigraph):
    refused = run("--data", WORLD, "--store", oxigraph, "sparql", LINES_QUERY, "--max-rows", "12")
    assert refused.exit_code == 2
    assert error_line(refused) == ("mandat: error: the query returns more than 12 rows; "
                                   "add a LIMIT to it or raise --max-rows")
    asked = run("--data", WORLD, "--store", oxigraph, "sparql", "ASK { md:ko a mandat:TechnicalUnit }", "--format", "json")
    assert json.loads(asked.stdout) == {"type": "ASK", "boolean": True}
