"""``make mutation``: mutmut over the questions and the name resolver, then the score per module.

    python benchmarks/mutation.py [--max-children 2] [--report-only [--mutants DIR]]

mutmut's settings (what is mutated, which tests judge) are in pyproject.toml under
[tool.mutmut]. The table counts a mutant killed when a test failed or timed out, and
surviving when every test passed or no test reached it; it prints Markdown for the README.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED, SURVIVED, NO_TESTS, TIMEOUT = 1, 0, 33, -24


def scores(folder: Path) -> dict[str, Counter]:
    """Killed / checked per source file, from the .meta files mutmut leaves in mutants/."""
    out: dict[str, Counter] = {}
    for meta in sorted(folder.glob("**/*.py.meta")):
        module = str(meta.relative_to(folder)).removesuffix(".meta").removeprefix("graph/")
        codes = list(json.loads(meta.read_text()).get("exit_code_by_key", {}).values())
        checked = [c for c in codes if c is not None]
        if codes:
            out[module] = Counter(killed=sum(c in (KILLED, TIMEOUT) for c in checked), checked=len(checked),
                                  untested=sum(c == NO_TESTS for c in checked), total=len(codes))
    return out


def table(found: dict[str, Counter]) -> str:
    rows = ["| module | killed / checked | score | checked / mutants |", "|---|---:|---:|---:|"]
    total = Counter()
    for module, c in sorted(found.items(), key=lambda kv: -kv[1]["killed"] / max(kv[1]["checked"], 1)):
        total += c
        rows.append(f"| {module} | {c['killed']:,} / {c['checked']:,} | {c['killed'] / max(c['checked'], 1):.0%} | "
                    f"{c['checked']:,} / {c['total']:,} |")
    rows.append(f"| all checked | {total['killed']:,} / {total['checked']:,} | "
                f"{total['killed'] / max(total['checked'], 1):.0%} | {total['checked']:,} / {total['total']:,} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--report-only", action="store_true", help="only tabulate an earlier run's mutants/")
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants", help="the mutants/ folder to tabulate")
    args = parser.parse_args()
    if not args.report_only:
        subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
                       cwd=ROOT, check=False)
    print(table(scores(args.mutants)))


if __name__ == "__main__":
    main()
