"""mandat against the plain alternatives, at several sizes of a synthetic national graph.

    python benchmarks/run.py [--sizes 1000 10000 100000] [--repeat 20]

For each size (benchmarks/synth.py): load time and peak memory of each store
(memory: parse + build the catalog; oxigraph: `mandat load`), the wall time of a
cold CLI question on each store (catalog cache warm), and the warm latency of
each question in-process. In the same run the same questions are answered with
rdflib SPARQL (property paths) and pyoxigraph SPARQL, and the ratio
mandat / alternative is printed (below 1 means mandat is faster).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import generate  # noqa: E402

PY = sys.executable
MD = "https://w3id.org/mandat/id/"
DAY = date(2025, 6, 1)
CHAIN_Q = "PREFIX org: <http://www.w3.org/ns/org#> SELECT ?p WHERE { <%s> org:subOrganizationOf+ ?p }"
DESC_Q = "PREFIX org: <http://www.w3.org/ns/org#> SELECT ?u WHERE { ?u org:subOrganizationOf+ <%s> }"
WHO_Q = """PREFIX mandat: <https://w3id.org/mandat/ontology#>
SELECT ?agency ?role ?jur WHERE { ?r a mandat:Responsibility ; mandat:step <%s> ; mandat:agency ?agency ;
  mandat:role ?role ; mandat:jurisdiction ?jur . <%s> mandat:withinRegion* ?jur }"""


def child(code: str, env: dict) -> tuple[float, float]:
    """Run Python code in a fresh process: (wall seconds, peak MiB of that process)."""
    start = time.perf_counter()
    subprocess.run([PY, "-c", code], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cli(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([PY, "-m", "graph.cli", *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def mandat_questions(cat, unit: str, root: str, region: str):
    from graph.queries.chain import chain
    from graph.queries.diff import descendants_at, diff
    from graph.queries.gaps import gaps
    from graph.queries.show import show
    from graph.queries.who_handles import who_handles

    step = MD + "step-investigation"
    return {
        "chain": lambda: chain(cat, unit, DAY),
        "descendants": lambda: descendants_at(cat, root, DAY),
        "show": lambda: show(cat, unit, DAY),
        "who-handles --region": lambda: who_handles(cat, step, DAY, region),
        "diff": lambda: diff(cat, date(2024, 10, 1), date(2025, 1, 1)),
        "gaps (one region)": lambda: gaps(cat, DAY, [region]),
        "gaps (all regions)": lambda: gaps(cat, DAY),
    }


def alternatives(rdf, ox, unit: str, root: str, region: str):
    step = MD + "step-investigation"
    queries = {"chain": CHAIN_Q % unit, "descendants": DESC_Q % root, "who-handles --region": WHO_Q % (step, region)}
    out = {}
    for name, text in queries.items():
        out[name] = {"rdflib": lambda t=text: list(rdf.query(t)), "pyoxigraph": lambda t=text: list(ox.query(t))}
    return out


def measure(size: int, repeat: int, rows: list) -> None:
    import pyoxigraph

    from graph.queries.lookup import open_lookup, load_graph

    with tempfile.TemporaryDirectory() as tmp:
        data, store, cache = Path(tmp) / "data", Path(tmp) / "store", Path(tmp) / "cache"
        shape = generate(size, 1, data)
        env = dict(os.environ, MANDAT_CACHE_DIR=str(cache))
        load_mem, peak_mem = child(f"from graph.queries.lookup import open_lookup; open_lookup([{str(data)!r}])", env)
        load_ox = cli(["--store", f"oxigraph:{store}", "--data", str(data), "load"], env)
        peak_ox = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        unit, root, region = MD + "kanim-p0-r0", MD + "kanwil-ditjenim-p0", MD + "region-p0-r0"
        question = ["chain", "md:kanim-p0-r0", "--as-of", "2025-06-01", "--format", "json"]
        cli(["--store", f"oxigraph:{store}", *question], env)            # fill the cache
        cold_mem = statistics.median(cli(["--data", str(data), *question], env) for _ in range(3))
        cold_ox = statistics.median(cli(["--store", f"oxigraph:{store}", *question], env) for _ in range(3))
        os.environ["MANDAT_CACHE_DIR"] = str(cache)
        cat = open_lookup([str(data)])
        rdf = load_graph([str(data)])
        ox = pyoxigraph.Store(str(store))
        triples = len(rdf)
        rows.append(("## %d units asked: %d agencies, %d regions, %d triples" % (
            size, len(cat.agencies()), shape["provinces"] + shape["regencies"], triples),))
        rows.append(("load, memory (parse + catalog)", f"{load_mem:.2f} s", f"peak {peak_mem:.0f} MiB"))
        rows.append(("load, oxigraph (mandat load)", f"{load_ox:.2f} s", f"peak {peak_ox:.0f} MiB (all children so far)"))
        rows.append(("cold CLI chain, memory (cache warm)", f"{cold_mem:.3f} s", ""))
        rows.append(("cold CLI chain, oxigraph (cache warm)", f"{cold_ox:.3f} s", ""))
        alts = alternatives(rdf, ox, unit, root, region)
        for name, fn in mandat_questions(cat, unit, root, region).items():
            runs = repeat if not name.startswith("gaps (all") else 3
            ms = median_ms(fn, runs)
            timed = {k: median_ms(f, runs) for k, f in alts.get(name, {}).items()}
            ratios = "; ".join(f"{k} {t:.2f} ms (mandat/{k} = {ms / max(t, 1e-6):.2f})" for k, t in timed.items())
            rows.append((f"warm {name}", f"{ms:.2f} ms", ratios))
        del ox


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    rows: list = []
    for size in args.sizes:
        measure(size, args.repeat, rows)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for row in rows:
        if len(row) == 1:
            print(f"\n{row[0]}\n\n| measure | mandat | alternatives |\n|---|---|---|")
        else:
            print(f"| {row[0]} | {row[1]} | {row[2]} |")


if __name__ == "__main__":
    main()
