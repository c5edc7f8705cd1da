"""The engine's targets, measured side by side in one run (issue: one engine).

    python benchmarks/run.py [--sizes 1000 10000 100000] [--repeat 20] [--server] [--gaps-limit 120]

1. Shipped data on the memory store: a cold CLI question against ``python -c "import rdflib,
   networkx"`` (what any Python tool over this graph pays before it answers).
2. For each size of the synthetic national graph (benchmarks/synth.py) on ``oxigraph:PATH``: load
   time; cold CLI ``chain`` and ``who-handles`` (a fresh process each, median of 5) and their peak
   memory; warm in-process latency (the store open, a fresh lookup per question: no answer is
   memoised); ``gaps`` over every region (stopped after --gaps-limit seconds).
3. The same dated chain through the same code on plain rdflib SPARQL (an rdflib-backed store, 10k
   units at most: rdflib takes minutes to parse more) and hand-written pyoxigraph (one query per
   level, the dates compared in Python as mandat does).
4. With --server: ``sparql:URL`` against a real Oxigraph server holding the largest graph, cold CLI
   chain, and the JSON compared with the on-disk store's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import generate  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
MD = "https://w3id.org/mandat/id/"
DAY = date(2025, 6, 1)
UNIT, REGION, STEP = MD + "kanim-p0-r0", MD + "region-p0-r0", MD + "step-investigation"
CHAIN = ["chain", "md:kanim-p0-r0", "--as-of", "2025-06-01", "--format", "json"]
WHO = ["who-handles", "md:step-investigation", "--region", "md:region-p0-r0", "--as-of", "2025-06-01",
       "--format", "json"]
PREFIXES = """PREFIX mandat: <https://w3id.org/mandat/ontology#> PREFIX time: <http://www.w3.org/2006/time#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
LINES_Q = PREFIXES + """SELECT ?line ?parent ?start ?end WHERE { ?line mandat:unit <%s> ; mandat:parent ?parent .
  OPTIONAL { ?line mandat:validDuring ?p . OPTIONAL { ?p time:hasBeginning/time:inXSDDate ?start }
             OPTIONAL { ?p time:hasEnd/time:inXSDDate ?end } } }"""
UNIT_Q = PREFIXES + """SELECT ?label ?kind ?level ?levelLabel WHERE { <%s> skos:prefLabel ?label ; a ?kind .
  FILTER(lang(?label) = "id") ?kind rdfs:subClassOf* mandat:Agency .
  OPTIONAL { <%s> mandat:level ?level . ?level skos:prefLabel ?levelLabel FILTER(lang(?levelLabel) = "id") } }"""
SOURCES_Q = PREFIXES + """SELECT ?source ?title ?url ?basis ?basisLabel WHERE {
  { <%s> dct:source ?source . OPTIONAL { ?source dct:title|skos:prefLabel ?title } OPTIONAL { ?source foaf:page ?url } }
  UNION { <%s> mandat:legalBasis ?basis . OPTIONAL { ?basis skos:prefLabel ?basisLabel } } }"""


# The process's own peak: VmHWM belongs to its address space (ru_maxrss would carry over the
# parent's peak through fork and exec, and the parent holds the generated graph).
PEAK = ("import atexit, re, sys; atexit.register(lambda: sys.stderr.write('PEAK %s\\n' % "
        "re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))); "
        "sys.argv = ['mandat'] + sys.argv[1:]; from graph.cli import main; main()")


def run(cmd: list[str], env: dict) -> tuple[float, float, bytes]:
    """A fresh process: (wall seconds, its own peak MiB when it reports one, its stdout)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1])
    peaks = [int(line.split()[1]) for line in done.stderr.decode().splitlines() if line.startswith("PEAK ")]
    return wall, (peaks[-1] / 1024 if peaks else float("nan")), done.stdout


def cold(args: list[str], env: dict, runs: int = 5) -> tuple[float, float, bytes]:
    """Median wall time of ``mandat ARGS`` in fresh processes, the last peak MiB and output."""
    results = [run([PY, "-c", PEAK, *args], env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), results[-1][1], results[-1][2]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


class RdflibStore:
    """mandat's store interface on a plain rdflib Graph (for the comparison only)."""

    kind, spec = "rdflib", "rdflib"

    def __init__(self, graph):
        self.graph = graph

    def stamp(self) -> str:
        return "rdflib"

    def select(self, text: str, values=None) -> list[dict]:
        import pyoxigraph as ox
        from rdflib import BNode, URIRef

        from graph.stores.base import bind_values

        def term(t):
            if t is None:
                return None
            if isinstance(t, URIRef):
                return ox.NamedNode(str(t))
            if isinstance(t, BNode):
                return ox.BlankNode(str(t))
            if t.language:
                return ox.Literal(str(t), language=t.language)
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))
        result = self.graph.query(bind_values(text, values))
        names = [str(v) for v in result.vars]
        return [{n: term(row[i]) for i, n in enumerate(names)} for row in result]


def hand_chain(store, unit: str, day: date) -> list[dict]:
    """The dated chain written by hand on pyoxigraph, with what mandat's answer holds: per level
    the unit's label, kind and level, and the line's sources and legal basis."""
    out, seen, current = [], set(), unit
    while current and current not in seen:
        seen.add(current)
        entry = {"unit": current, "about": [tuple(r) for r in store.query(UNIT_Q % (current, current))]}
        nxt = None
        for row in store.query(LINES_Q % current):
            start = date.fromisoformat(row["start"].value) if row["start"] else date.min
            end = date.fromisoformat(row["end"].value) if row["end"] else date.max
            if start <= day < end:
                nxt = row["parent"].value
                entry["sources"] = [tuple(r) for r in store.query(SOURCES_Q % (row["line"].value, row["line"].value))]
        out.append(entry)
        current = nxt
    return out


def shipped(env: dict, rows: list) -> None:
    base = statistics.median(run([PY, "-c", "import rdflib, networkx"], env)[0] for _ in range(7))
    question = ["chain", "Kanim Batulicin", "--as-of", "2023-06-21", "--format", "json"]
    cold(question, env, 1)                                  # the name index side file exists now
    wall, peak, _ = cold(question, env, 7)
    rows.append(("## shipped data, memory store",))
    rows.append(("python -c 'import rdflib, networkx'", f"{base:.3f} s", "the reference"))
    rows.append(("cold CLI chain \"Kanim Batulicin\", memory", f"{wall:.3f} s",
                 f"{wall / base:.2f}x the reference (target <= 1.0x); peak {peak:.0f} MiB"))


def sized(size: int, repeat: int, gaps_limit: float, work: Path, env: dict, rows: list) -> Path:
    from graph.queries.chain import chain
    from graph.queries.lookup import Lookup
    from graph.queries.who_handles import who_handles
    from graph.stores.oxigraph import OxigraphStore

    data, store = work / f"data-{size}", work / f"ox-{size}"
    shape = generate(size, 1, data)
    load, load_peak, _ = run([PY, "-c", PEAK, "--store", f"oxigraph:{store}", "--data", str(data), "load"], env)
    ox_env = dict(env, MANDAT_STORE=f"oxigraph:{store}")
    chain_s, chain_mb, _ = cold(CHAIN, ox_env)
    who_s, who_mb, _ = cold(WHO, ox_env)
    opened = OxigraphStore(str(store))
    opened.open()
    warm_chain = median_ms(lambda: chain(Lookup(opened), UNIT, DAY), repeat)
    warm_who = median_ms(lambda: who_handles(Lookup(opened), STEP, DAY, REGION), repeat)
    hand = median_ms(lambda: hand_chain(opened.open(), UNIT, DAY), repeat)
    triples = len(opened.open())
    rows.append((f"## {size} units: {shape['provinces']} provinces, {shape['regencies']} regencies/cities, "
                 f"{triples} triples, oxigraph:PATH",))
    rows.append(("load (mandat load)", f"{load:.1f} s", f"target <= 10 s at 100k; peak {load_peak:.0f} MiB"))
    rows.append(("cold CLI chain", f"{chain_s:.3f} s", f"target <= 0.3 s; peak {chain_mb:.0f} MiB (target <= 200)"))
    rows.append(("cold CLI who-handles --region", f"{who_s:.3f} s", f"target <= 0.3 s; peak {who_mb:.0f} MiB"))
    rows.append(("warm chain, in-process", f"{warm_chain:.2f} ms",
                 f"target <= 5 ms; hand-written pyoxigraph {hand:.2f} ms (mandat/hand = {warm_chain / hand:.2f})"))
    rows.append(("warm who-handles --region, in-process", f"{warm_who:.2f} ms", "target <= 20 ms"))
    if size <= 10000:
        from graph.loading import load_graph

        graph = load_graph([str(data)])
        rdf = median_ms(lambda: chain(Lookup(RdflibStore(graph)), UNIT, DAY), max(3, repeat // 4))
        rows.append(("same chain, same code, plain rdflib SPARQL", f"{rdf:.2f} ms",
                     f"mandat is {rdf / warm_chain:.0f}x faster (target >= 10x)"))
    try:
        start = time.perf_counter()
        subprocess.run([PY, "-m", "graph.cli", "gaps", "--as-of", "2025-06-01", "--all", "--format", "json"],
                       env=ox_env, check=True, stdout=subprocess.DEVNULL, timeout=gaps_limit)
        rows.append(("gaps over every region (CLI)", f"{time.perf_counter() - start:.1f} s", "target <= 5 s at 100k"))
    except subprocess.TimeoutExpired:
        rows.append(("gaps over every region (CLI)", f"> {gaps_limit:.0f} s", "stopped; target <= 5 s at 100k"))
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server(size: int, work: Path, disk: Path, env: dict, rows: list) -> None:
    """sparql:URL on an Oxigraph server loaded by mandat, against the on-disk store's answer."""
    port = free_port()
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(work / "server"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        url = f"sparql:http://127.0.0.1:{port}/query"
        srv_env = dict(env, MANDAT_STORE=url, MANDAT_SPARQL_UPDATE_URL=f"http://127.0.0.1:{port}/update",
                       MANDAT_SPARQL_TIMEOUT="1800")
        load, _, _ = run([PY, "-m", "graph.cli", "--data", str(work / f"data-{size}"), "load"], srv_env)
        wall, peak, answer = cold(CHAIN, srv_env)
        same = answer == cold(CHAIN, dict(env, MANDAT_STORE=f"oxigraph:{disk}"), 1)[2]
        rows.append((f"## {size} units on an Oxigraph server (sparql:URL)",))
        rows.append(("load over SPARQL Update", f"{load:.1f} s", "INSERT DATA in chunks, then MOVE"))
        rows.append(("cold CLI chain", f"{wall:.3f} s",
                     f"target <= 0.5 s; peak {peak:.0f} MiB; same JSON as oxigraph:PATH: {same}"))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--server", action="store_true")
    parser.add_argument("--gaps-limit", type=float, default=120)
    args = parser.parse_args()
    rows = Printed()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(os.environ, MANDAT_CACHE_DIR=str(work / "cache"))
        shipped(env, rows)
        disk = None
        for size in args.sizes:
            disk = sized(size, args.repeat, args.gaps_limit, work, env, rows)
        if args.server and disk is not None:
            try:
                server(args.sizes[-1], work, disk, env, rows)
            except RuntimeError as err:
                rows.append(("sparql:URL on an Oxigraph server", "failed", str(err)))
        shutil.rmtree(work / "cache", ignore_errors=True)


class Printed(list):
    """Rows printed as Markdown the moment they are measured (a long run keeps what it has)."""

    def append(self, row) -> None:
        super().append(row)
        if len(row) == 1:
            print(f"\n{row[0]}\n\n| measure | mandat | against |\n|---|---|---|", flush=True)
        else:
            print(f"| {row[0]} | {row[1]} | {row[2]} |", flush=True)


if __name__ == "__main__":
    main()
