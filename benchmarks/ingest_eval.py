"""Precision and recall of `mandat ingest` per field on the annotated evaluation set.

    python benchmarks/ingest_eval.py [tests/articles/eval]

Each article (our own rewrite, source URL in its header) has a JSON file with the
expected organizations (mention texts), persons (names), events (kinds) and
regulations (texts). Matching is on the folded text, each expected item counted once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.ingest import extract, read_article  # noqa: E402
from graph.ingest.extract import fold  # noqa: E402
from graph.store import load_catalog  # noqa: E402

FIELDS = {"organizations": lambda o: o["text"] if isinstance(o, dict) else o,
          "persons": lambda p: p["name"], "events": lambda e: e["kind"],
          "regulations": lambda r: r["text"] if isinstance(r, dict) else r}


def score(folder: Path) -> dict:
    cat = load_catalog()
    totals = {f: [0, 0, 0] for f in FIELDS}            # true positives, predicted, expected
    for gold_path in sorted(folder.glob("*.json")):
        text, meta = read_article(str(gold_path.with_suffix(".txt")))
        got = extract(text, cat, meta)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for field, key in FIELDS.items():
            predicted = {fold(key(x)) for x in got[field]}
            expected = {fold(key(x)) for x in gold[field]}
            totals[field][0] += len(predicted & expected)
            totals[field][1] += len(predicted)
            totals[field][2] += len(expected)
    return totals


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "articles" / "eval"
    totals = score(folder)
    print(f"{len(list(folder.glob('*.json')))} articles\n\n| field | precision | recall | found / predicted / expected |\n|---|---|---|---|")
    for field, (tp, pred, exp) in totals.items():
        p = tp / pred if pred else 1.0
        r = tp / exp if exp else 1.0
        print(f"| {field} | {p:.2f} | {r:.2f} | {tp} / {pred} / {exp} |")


if __name__ == "__main__":
    main()
