"""How long a what-if takes on one province of the shipped data (target: <= 1 s).

    python benchmarks/gaps_whatif.py [--region "Kalimantan Selatan"] [--without "Kanim Batulicin"]

The catalog is built once (not timed: every question pays it, cached afterwards);
then, best of five, the plain ranked gaps of the province and the what-if
(baseline and scenario, coverage read once) without the given agency.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gaps_scale import best_of  # noqa: E402

from graph.queries.gaps import gaps, what_if  # noqa: E402
from graph.resolve import resolve  # noqa: E402
from graph.queries.lookup import open_lookup  # noqa: E402

DAY = date(2025, 6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", default="Kalimantan Selatan")
    parser.add_argument("--without", default="Kanim Batulicin")
    args = parser.parse_args()
    cat = open_lookup()
    region = [resolve(cat, args.region, {"region"})]
    gone = [resolve(cat, args.without, {"agency"}, day=DAY)]
    plain = best_of(lambda: gaps(cat, DAY, region))
    change = what_if(cat, DAY, region, gone)
    scenario = best_of(lambda: what_if(cat, DAY, region, gone))
    print(f"{args.region}: gaps {plain:.3f} s ({change['baseline']['total']} findings); "
          f"what-if without {args.without} {scenario:.3f} s "
          f"({len(change['appeared'])} appeared, {len(change['resolved'])} resolved)")


if __name__ == "__main__":
    main()
