"""How `gaps` over every region grows with the size of a synthetic national graph.

    python benchmarks/gaps_scale.py [--sizes 1000 3000 10000]

For each size: generate the graph (benchmarks/synth.py), build the catalog once
(not timed here: that is the parse cost of any question, cached afterwards), then
time gaps over all regions and over one regency, best of three.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synth import generate  # noqa: E402

from graph.queries.gaps import default_regions, gaps  # noqa: E402
from graph.queries.lookup import open_lookup  # noqa: E402

DAY = date(2025, 6, 1)


def best_of(fn, runs=3) -> float:
    """The fastest of ``runs`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    args = parser.parse_args()
    print("| units asked | agencies | regions | findings | gaps, all regions (s) | ms per region | gaps, one regency (ms) |")
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            generate(size, 1, Path(tmp))
            cat = open_lookup([tmp])
            regions = default_regions(cat)
            found = gaps(cat, DAY)
            whole = best_of(lambda: gaps(cat, DAY))
            one = best_of(lambda: gaps(cat, DAY, [regions[-1]]))
            print(f"| {size} | {len(cat.agencies())} | {len(regions)} | {len(found)} | {whole:.2f} | "
                  f"{1000 * whole / len(regions):.1f} | {1000 * one:.1f} |")


if __name__ == "__main__":
    main()
