"""Every CLI question gives the same answer on every store, against real servers.

Stores: memory, oxigraph (embedded, on disk), sparql against an Oxigraph server and
against Virtuoso, both started here on 127.0.0.1 and stopped at the end.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QUESTIONS = [
    ["chain", "Kanim Batulicin", "--as-of", "2023-06-21"],
    ["chain", "Kanim Batulicin", "--as-of", "2025-06-01"],
    ["who-handles", "investigation", "--region", "Tanah Bumbu", "--as-of", "2025-06-01"],
    ["diff", "--from", "2024-10-01", "--to", "2025-01-01"],
    ["show", "Kanwil Imigrasi Kalsel", "--as-of", "2025-06-01"],
    ["search", "Batulicin"],
    ["gaps", "--region", "Tanah Bumbu", "--as-of", "2025-06-01"],
    ["history", "Kanim Batulicin"],
    ["who-handles", "passport screening", "--as-of", "2023-06-21"],
    ["steps"],
    ["show", "investigation"],
    ["show", "UU 21/2007"],
    ["show", "Tanah Bumbu", "--as-of", "2025-06-01"],
    ["show", "Kanim Pangkalpinang", "--as-of", "2024-12-05"],
    ["gaps", "--as-of", "2025-06-01", "--all"],
    ["gaps", "--region", "Kalsel", "--without", "Kanim Batulicin", "--as-of", "2025-06-01"],
    ["gaps", "--compare", "2024-06-01", "2025-06-01", "--region", "Babel"],
    ["coverage", "--as-of", "2025-06-01"],
    ["stats"],
    ["export", "--format", "csv"],
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def invoke(args, env=None, cache=None):
    env = dict(env or {})
    if cache:
        env["MANDAT_CACHE_DIR"] = str(cache)
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    port, folder = free_port(), tmp_path_factory.mktemp("oxsrv")
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        yield {"MANDAT_STORE": f"sparql:http://127.0.0.1:{port}/query",
               "MANDAT_SPARQL_UPDATE_URL": f"http://127.0.0.1:{port}/update"}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


VIRTUOSO_MISSING = ("Virtuoso is not installed; as root, CI=1 make test installs it through "
                    "scripts/virtuoso.sh (CI runs these)")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    if not shutil.which("virtuoso-t") and not os.environ.get("CI"):
        pytest.skip(VIRTUOSO_MISSING)
    # outside pytest's basetemp: another pytest run on the machine prunes old basetemps, and a
    # Virtuoso whose database folder vanishes stops answering mid-session
    folder = Path(tempfile.mkdtemp(prefix="mandat-virtuoso-")) / "db"
    http, isql = free_port(), free_port()
    script = ROOT / "scripts" / "virtuoso.sh"
    out = subprocess.run(["bash", str(script), "start", str(folder), str(http), str(isql)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    try:
        yield {"MANDAT_STORE": f"sparql:http://127.0.0.1:{http}/sparql",
               "MANDAT_SPARQL_UPDATE_URL": f"http://127.0.0.1:{http}/sparql-auth",
               "MANDAT_SPARQL_USER": "mandat", "MANDAT_SPARQL_PASSWORD": "mandat"}
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], timeout=60)
        shutil.rmtree(folder.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def stores(tmp_path_factory, oxigraph_server, request):
    """Environment for each store, each filled with the shipped data."""
    envs = {"memory": {"MANDAT_STORE": "memory"},
            "oxigraph": {"MANDAT_STORE": f"oxigraph:{tmp_path_factory.mktemp('ox') / 'store'}"},
            "sparql-oxigraph": oxigraph_server}
    try:
        envs["sparql-virtuoso"] = request.getfixturevalue("virtuoso_server")
    except pytest.skip.Exception:
        pass
    for name, env in envs.items():
        if name != "memory":
            result = invoke(["load"], env, tmp_path_factory.mktemp("c"))
            assert result.exit_code == 0, result.output
    return envs


@pytest.mark.parametrize("question", QUESTIONS, ids=[" ".join(q[:2]) for q in QUESTIONS])
def test_same_answer_on_every_store(stores, question, tmp_path):
    """The same .rq files on every store give the same answer, byte for byte."""
    answers = {}
    for name, env in stores.items():
        fmt = [] if question[0] == "export" else ["--format", "json"]
        result = invoke(question + fmt, env, tmp_path / name)
        assert result.exit_code == 0, f"{name}: {result.output}"
        answers[name] = result.output
    reference = answers.pop("memory")
    assert len(reference) > 100 and json.loads(reference) if question[0] != "export" else reference.count("\n") > 50
    for name, answer in answers.items():
        assert answer == reference, name


def test_sparql_command_on_every_store(stores, tmp_path):
    query = "SELECT (COUNT(?l) AS ?n) WHERE { ?l a mandat:ReportingLine }"
    counts = {name: json.loads(invoke(["sparql", query, "--format", "json"], env, tmp_path / name).output)[0]["n"]
              for name, env in stores.items()}
    assert len(set(counts.values())) == 1, counts


def test_cold_question_on_oxigraph_does_not_read_the_turtle(stores, tmp_path):
    """After load, the oxigraph store answers with --data pointing at an empty folder."""
    empty = tmp_path / "empty"
    empty.mkdir()
    env = stores["oxigraph"]
    result = invoke(["chain", "Kanim Batulicin", "--format", "json"], env, tmp_path / "c")
    assert result.exit_code == 0 and "kanim-batulicin" in result.output


def test_anonymous_update_is_refused_by_virtuoso(stores, tmp_path):
    if "sparql-virtuoso" not in stores:
        pytest.skip(VIRTUOSO_MISSING)
    env = dict(stores["sparql-virtuoso"])
    env["MANDAT_SPARQL_UPDATE_URL"] = env["MANDAT_STORE"].split(":", 1)[1]
    env["MANDAT_SPARQL_USER"] = ""
    result = invoke(["load"], env, tmp_path)
    assert result.exit_code == 2 and "permission" in result.output.lower()


# -- bad input ---------------------------------------------------------------------------------

def test_unreachable_endpoint(tmp_path):
    result = invoke(["--store", f"sparql:http://127.0.0.1:{free_port()}/sparql", "chain", "x"], cache=tmp_path)
    assert result.exit_code == 2 and "cannot reach" in result.output


def test_endpoint_answering_html(tmp_path):
    class Page(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>login</body></html>")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = invoke(["--store", f"sparql:http://127.0.0.1:{server.server_port}/", "chain", "x"], cache=tmp_path)
    finally:
        server.shutdown()
    assert result.exit_code == 2 and "HTML" in result.output


def test_endpoint_answering_an_error(oxigraph_server, tmp_path):
    url = oxigraph_server["MANDAT_STORE"].replace("/query", "/nowhere")
    result = invoke(["--store", url, "chain", "x"], cache=tmp_path)
    assert result.exit_code == 2 and "HTTP 404" in result.output


def test_path_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result = invoke(["--store", f"oxigraph:{tmp_path}", "chain", "x"], cache=tmp_path / "c")
    assert result.exit_code == 2 and "not a mandat store" in result.output


def test_interrupted_load_leaves_the_store_as_it_was(tmp_path):
    store = tmp_path / "store"
    env = {"MANDAT_STORE": f"oxigraph:{store}"}
    assert invoke(["load"], env, tmp_path / "c").exit_code == 0
    before = (store / "current" / "mandat-load-stamp").read_text()
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <urn:x#> .\nx:a x:b \"open .\n")
    result = invoke(["load", str(ROOT / "data" / "steps.ttl"), str(bad)], env, tmp_path / "c")
    assert result.exit_code == 2 and "bad.ttl" in result.output
    assert (store / "current" / "mandat-load-stamp").read_text() == before
    assert not [p for p in store.iterdir() if ".loading-" in p.name]
    assert invoke(["chain", "Kanim Batulicin"], env, tmp_path / "c").exit_code == 0


class FailingProxy(http.server.BaseHTTPRequestHandler):
    """Passes requests to the real server, but answers the second INSERT DATA with HTTP 500."""

    target = ""
    inserts = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if b"INSERT+DATA" in body or b"INSERT DATA" in body:
            type(self).inserts += 1
            if type(self).inserts == 2:
                self.send_response(500)
                self.end_headers()
                self.wfile.write(b"disk full")
                return
        request = urllib.request.Request(self.target, data=body, method="POST",
                                         headers={"Content-Type": self.headers["Content-Type"],
                                                  "Accept": self.headers.get("Accept", "*/*")})
        with urllib.request.urlopen(request, timeout=60) as answer:
            payload = answer.read()
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.headers.get("Content-Type", "text/plain"))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    def log_message(self, *args):
        pass


def test_load_failing_half_way_on_a_server_leaves_its_graph_as_it_was(oxigraph_server, tmp_path):
    query_url = oxigraph_server["MANDAT_STORE"].split(":", 1)[1]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    assert invoke(["load"], oxigraph_server, tmp_path / "c").exit_code == 0
    before = json.loads(invoke(["sparql", count, "--format", "json"], oxigraph_server, tmp_path / "c").output)
    FailingProxy.target, FailingProxy.inserts = oxigraph_server["MANDAT_SPARQL_UPDATE_URL"], 0
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FailingProxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        env = {**oxigraph_server, "MANDAT_SPARQL_UPDATE_URL": f"http://127.0.0.1:{proxy.server_port}/update"}
        result = invoke(["load"], env, tmp_path / "c")
    finally:
        proxy.shutdown()
    assert result.exit_code == 2
    assert "HTTP 500" in result.output and "is as it was" in result.output
    after = json.loads(invoke(["sparql", count, "--format", "json"], oxigraph_server, tmp_path / "c").output)
    assert after == before and int(after[0]["n"]) > 5000
    direct = urllib.request.urlopen(urllib.request.Request(
        query_url, data=urllib.parse.urlencode({"query": graphs}).encode(),
        headers={"Accept": "application/sparql-results+json"}), timeout=30)
    names = [b["g"]["value"] for b in json.loads(direct.read())["results"]["bindings"]]
    assert names == ["https://w3id.org/mandat/graph", "https://w3id.org/mandat/graph/derived"]
