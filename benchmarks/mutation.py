"""``make mutation``: mutmut over the questions and the name resolver, then the score per module.

    python benchmarks/mutation.py [--max-children 2] [--fresh] [NAME-GLOB ...]
    python benchmarks/mutation.py --report-only [--mutants DIR]

mutmut's settings (what is mutated, which tests judge) are in pyproject.toml under
[tool.mutmut]. A whole run takes longer than a working session on two cores, so the run
resumes: mutmut's verdicts (``mutants/**/*.meta`` and ``mutants/mutmut-stats.json``) are
saved to ``benchmarks/results/mutmut/`` every minute and at the end, and restored before
the next run. mutmut itself re-tests every mutant of a function whose source, or the
source of a function it calls, changed since; ``--fresh`` forgets every verdict. NAME-GLOB
runs only the mutants it matches, and runs them again even when judged (after a test was added
for survivors: ``python benchmarks/mutation.py "graph.queries.show.x_step_card__mutmut_3*"``);
with ``--undecided`` it runs only those of its mutants not judged yet (resume some modules first:
``python benchmarks/mutation.py --undecided "graph.queries.records.*" "graph.resolve.*"``).
mutmut keeps a verdict until the function's own source changes, so a survivor stays one after the
test that kills it lands: ``--survivors [NAME-GLOB ...]`` judges the survivors again.

The table counts a mutant killed when a test failed or timed out, and surviving when
every test passed or no test reached it; it prints Markdown for the README.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVED = ROOT / "benchmarks" / "results" / "mutmut"
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


def verdict_files(folder: Path) -> list[Path]:
    """mutmut's verdicts and test map inside ``folder``, relative to it."""
    found = [p.relative_to(folder) for p in folder.glob("**/*.py.meta")]
    return found + [Path("mutmut-stats.json")] * (folder / "mutmut-stats.json").is_file()


def copy_verdicts(source: Path, target: Path) -> int:
    """Copy the verdict files of ``source`` into ``target``; how many were copied.

    >>> import tempfile
    >>> a, b = (Path(tempfile.mkdtemp()) for _ in range(2))
    >>> _ = (a / "graph").mkdir(), (a / "graph" / "x.py.meta").write_text("{}")
    >>> copy_verdicts(a, b), (b / "graph" / "x.py.meta").read_text()
    (1, '{}')
    """
    files = verdict_files(source)
    for rel in files:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / rel, target / rel)
    return len(files)


def with_verdict(folder: Path, globs: list[str], codes: tuple) -> list[str]:
    """The mutants matching ``globs`` (none: every mutant) whose verdict in ``folder`` is one of
    ``codes`` (None: not judged yet).

    >>> import tempfile
    >>> a = Path(tempfile.mkdtemp())
    >>> _ = (a / "x.py.meta").write_text(json.dumps({"exit_code_by_key": {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": None,
    ...                                                                   "m.x_f__mutmut_3": SURVIVED}}))
    >>> with_verdict(a, ["m.*"], (None,)), with_verdict(a, ["n.*"], (None,)), with_verdict(a, [], (SURVIVED, NO_TESTS))
    (['m.x_f__mutmut_2'], [], ['m.x_f__mutmut_3'])
    """
    from fnmatch import fnmatch

    names = []
    for meta in sorted(folder.glob("**/*.py.meta")):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if code in codes and (not globs or any(fnmatch(name, g) for g in globs)):
                names.append(name)
    return names


def run(max_children: int, names: list[str], mutants: Path) -> int:
    """Run mutmut, saving its verdicts every minute (a cut session keeps what it checked). One run
    at a time: a second run in the same folder rewrites the mutants under the first one's tests,
    which then fail and count as killed (seen once); the lock goes with the process holding it."""
    import fcntl

    lock = open(ROOT / ".mutation.lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit("make mutation: another run is still going here (it stops a while after a kill); "
                 "wait until no 'mutmut run' process is left")
    proc = subprocess.Popen([sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children), *names],
                            cwd=ROOT)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))      # a kill still stops mutmut and saves
    try:
        while proc.poll() is None:
            time.sleep(60)
            copy_verdicts(mutants, SAVED)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)                        # mutmut stops its children on ^C
            proc.wait()
        copy_verdicts(mutants, SAVED)
    return proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutant name globs to run (default: all)")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="forget the saved verdicts first")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--undecided", action="store_true", help="of the named mutants, only those not judged yet")
    which.add_argument("--survivors", action="store_true",
                       help="of the named mutants (default: all), only the survivors, judged again")
    parser.add_argument("--report-only", action="store_true", help="only tabulate an earlier run's verdicts")
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants", help="the mutants/ folder to tabulate")
    args = parser.parse_args()
    if not args.report_only:
        if args.fresh:
            shutil.rmtree(SAVED, ignore_errors=True)
            shutil.rmtree(args.mutants, ignore_errors=True)
        elif SAVED.is_dir() and not (args.mutants / "mutmut-stats.json").exists():
            print(f"resuming: {copy_verdicts(SAVED, args.mutants)} verdict files from {SAVED.relative_to(ROOT)}")
        codes = (None,) if args.undecided else (SURVIVED, NO_TESTS) if args.survivors else None
        names = with_verdict(args.mutants, args.names, codes) if codes else args.names
        if codes and not names:
            print("no mutant named is " + ("left to judge" if args.undecided else "a survivor"))
        else:
            run(args.max_children, names, args.mutants)
    print(table(scores(args.mutants if args.mutants.is_dir() else SAVED)))


if __name__ == "__main__":
    main()
