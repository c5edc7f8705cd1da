"""Precision and recall of `mandat ingest` for organizations and persons, per split.

    python tests/articles/score.py            # eval/, dev/ and dev2/ to dev7/ (the development splits)
    python tests/articles/score.py --blind    # also blind/ (measure it once, at the end)
    python tests/articles/score.py --show dev # also what was missed and what was extra, per article
    python tests/articles/score.py --set blind2  # one held-out split alone (blind2: measured once, at the end)
    python tests/articles/score.py --set blind3  # likewise for blind3/

Matching is on folded text (graph.ingest.gazetteer.fold), each item counted once per article;
generic organization mentions ("Kantor Imigrasi" alone) are left out of the predictions, as the
annotations name only specific bodies (tests/articles/README.md gives the rules).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from graph.ingest import extract, read_article  # noqa: E402
from graph.ingest.gazetteer import fold  # noqa: E402

FIELDS = {
    "organizations": ("organizations", lambda o: fold(o if isinstance(o, str) else o["text"])),
    "persons (name)": ("persons", lambda p: fold(p["name"])),
    "persons (name + post)": ("persons", lambda p: (fold(p["name"]), fold(p["post"]))),
}


def predicted(path: Path, cat) -> dict:
    text, meta = read_article(str(path.with_suffix(".txt")))
    got = extract(text, cat, meta)
    got["organizations"] = [o for o in got["organizations"] if not o["generic"]]
    return got


def score(paths: list[Path], cat, show: bool = False) -> dict[str, tuple[int, int, int]]:
    """(found, predicted, expected) per field over the annotation files ``paths``."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    for path in paths:
        got = predicted(path, cat)
        gold = json.loads(path.read_text(encoding="utf-8"))
        for field, (source, key) in FIELDS.items():
            pred = {key(x) for x in got[source]}
            exp = {key(x) for x in gold[source]}
            totals[field][0] += len(pred & exp)
            totals[field][1] += len(pred)
            totals[field][2] += len(exp)
            if show and field != "persons (name)" and pred != exp:
                print(f"{path.stem} {field}: missed {sorted(map(str, exp - pred))} extra {sorted(map(str, pred - exp))}")
    return {f: tuple(v) for f, v in totals.items()}


def table(title: str, totals: dict) -> str:
    rows = [f"\n{title}\n", "| field | precision | recall | found / predicted / expected |", "|---|---|---|---|"]
    for field, (tp, pred, exp) in totals.items():
        p = f"{tp / pred:.2f}" if pred else "n/a"
        r = f"{tp / exp:.2f}" if exp else "n/a"
        rows.append(f"| {field} | {p} | {r} | {tp} / {pred} / {exp} |")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    from graph.queries.lookup import open_lookup

    cat = open_lookup()
    splits = ["eval", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7"] + (["blind"] if "--blind" in argv else [])
    if "--set" in argv:
        splits = [argv[argv.index("--set") + 1]]
    shown = argv[argv.index("--show") + 1] if "--show" in argv else None
    if shown in ("blind", "blind2", "blind3") and shown not in splits:
        raise SystemExit(f"--show {shown} needs that split to be asked for")
    for split in splits:
        paths = sorted((HERE / split).glob("*.json"))
        label = {"blind": "blind split: blind only at its first measurement (README), not since",
                 "blind2": "held-out split: blind only at its first measurement (README)",
                 "blind3": "held-out split: blind only at its first measurement (README)"}.get(split, "development")
        print(table(f"{split}/ ({len(paths)} articles, {label})", score(paths, cat, show=shown == split)))


if __name__ == "__main__":
    main(sys.argv[1:])
