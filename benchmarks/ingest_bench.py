"""Time and peak memory of `mandat ingest` on a large article, with and without the review file.

    python benchmarks/ingest_bench.py [--mb 10]

The article is the seed tests/articles/seed-000-batulicin.txt repeated to the size asked, plus
every dev article once (so that every shape of the grammar is exercised). Each run is a fresh
`python -m graph.cli` process; its peak memory is the child's maximum resident set
(`resource.getrusage(RUSAGE_CHILDREN)`), and so is its CPU time (user + system), measured in a separate interpreter per run so that the
figures do not mix. The budget of issue 16 is 10 s and 500 MB for 10 MB, also with `-o`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(f"{done.returncode} {seconds:.2f} {usage.ru_maxrss / 1024:.0f} {cpu:.2f} {done.stderr.strip()[-200:]!r}")
"""


def article(mb: float, folder: Path, vary: bool) -> Path:
    """The seed and the dev articles, repeated to ``mb`` MB; with ``vary`` every sentence of every copy
    carries the copy's number, so no sentence repeats and nothing read once is reused."""
    seed = (ARTICLES / "seed-000-batulicin.txt").read_text(encoding="utf-8")
    extra = "".join(p.read_text(encoding="utf-8").split("\n", 5)[5] for p in sorted((ARTICLES / "dev").glob("*.txt")))
    body = seed + "\n\n" + extra
    copies = max(1, int(mb * 1_000_000 // len(body.encode("utf-8"))))
    path = folder / f"article-{mb:g}mb{'-varied' if vary else ''}.txt"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(copies):
            out.write(body.replace(". ", f" ({n}). ") if vary else body)
    return path


def run(args: list[str]) -> tuple[int, float, float, float, str]:
    out = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "graph.cli", *args],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.split(" ", 4)
    return int(out[0]), float(out[1]), float(out[2]), float(out[3]), out[4].strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--vary", action="store_true", help="no sentence repeats (the worst case)")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = article(opts.mb, Path(tmp), opts.vary)
        size = path.stat().st_size / 1_000_000
        print(f"article: {size:.1f} MB ({path.name})\n")
        print("| run | exit | wall s | CPU s | peak MB |\n|---|---|---|---|---|")
        for label, args in [("json", ["ingest", str(path), "--format", "json"]),
                            ("json -o review.ttl", ["ingest", str(path), "--format", "json", "-o", f"{tmp}/r.ttl"]),
                            ("table", ["ingest", str(path)])]:
            code, seconds, peak, cpu, err = run(args)
            print(f"| {label} | {code} | {seconds:.1f} | {cpu:.1f} | {peak:.0f} |" + (f" {err}" if code else ""))
        load = os.getloadavg()[0]
        print(f"\nload average {load:.1f} on {os.cpu_count()} CPUs: wall time exceeds CPU time when the machine is busy")


if __name__ == "__main__":
    main()
