"""Wall time of a cold `mandat chain` call against plain Python start-up, in one run.

Each command runs as a fresh process N times; the table gives the median and
the minimum. Every mandat question parses the Turtle files into an in-memory
pyoxigraph store; "no name index" empties the cache first, so the resolver
builds its index of names; "name index kept" is the normal case after the
first call.

    python benchmarks/cold_start.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
MANDAT = [PY, "-m", "graph.cli"]
QUESTION = ["chain", "Kanim Batulicin", "--as-of", "2023-06-21"]


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(cmd, env, runs, before=None) -> list[float]:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(cmd, env))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", help="a data folder instead of the shipped data")
    args = parser.parse_args()
    question = (["--data", args.data] if args.data else []) + QUESTION
    cache = Path(tempfile.mkdtemp(prefix="mandat-bench-"))
    env = dict(os.environ, MANDAT_CACHE_DIR=str(cache))
    clear = lambda: (shutil.rmtree(cache, ignore_errors=True), cache.mkdir())  # noqa: E731
    rows = [
        ("python -c pass", measure([PY, "-c", "pass"], env, args.runs)),
        ("python -c 'import rdflib, networkx'", measure([PY, "-c", "import rdflib, networkx"], env, args.runs)),
        ("mandat chain (no name index yet)", measure(MANDAT + question, env, max(3, args.runs // 5), clear)),
    ]
    timed(MANDAT + question, env)  # keep the name index
    rows.append(("mandat chain (name index kept)", measure(MANDAT + question, env, args.runs)))
    shutil.rmtree(cache, ignore_errors=True)
    print(f"| command | median (s) | min (s) | runs |\n|---|---|---|---|")
    for name, times in rows:
        print(f"| {name} | {statistics.median(times):.3f} | {min(times):.3f} | {len(times)} |")


if __name__ == "__main__":
    main()
