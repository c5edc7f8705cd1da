"""Precision and recall of `mandat ingest` per field on the annotated evaluation set.

    python benchmarks/ingest_eval.py [tests/articles/eval]

Each article (our own rewrite, source URL in its header) has a JSON file with the
expected organizations (mention texts), persons (name and post), events (kind and
date) and regulations (texts). Matching is on the folded text, each item counted
once per article; generic mentions ("Kantor Imigrasi" alone) are left out of the
predictions, as the annotations name only specific bodies.

The first five articles (DEV) were used while writing the patterns; the others
(HELD_OUT) were annotated before the patterns were tuned further and are
reported separately.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.ingest import extract, read_article  # noqa: E402
from graph.ingest.gazetteer import fold  # noqa: E402
from graph.store import load_catalog  # noqa: E402

DEV = {"belawan-2024", "jakarta-utara-2024", "malang-2023", "mojokerto-2025", "tanjung-priok-2024"}


def text_of(item) -> str:
    return item if isinstance(item, str) else item["text"]


FIELDS = {
    "organizations": lambda x: fold(text_of(x)),
    "persons (name)": lambda p: fold(p["name"]),
    "persons (name + post)": lambda p: (fold(p["name"]), fold(p["post"])),
    "events (kind)": lambda e: e["kind"],
    "events (kind + date)": lambda e: (e["kind"], e["date"]),
    "regulations": lambda x: fold(text_of(x)),
}
SOURCE = {"organizations": "organizations", "persons (name)": "persons", "persons (name + post)": "persons",
          "events (kind)": "events", "events (kind + date)": "events", "regulations": "regulations"}


def score(paths: list[Path], cat) -> dict:
    """(found, predicted, expected) per field over the annotation files ``paths``."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    for gold_path in paths:
        text, meta = read_article(str(gold_path.with_suffix(".txt")))
        got = extract(text, cat, meta)
        got["organizations"] = [o for o in got["organizations"] if not o["generic"]]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for field, key in FIELDS.items():
            predicted = {key(x) for x in got[SOURCE[field]]}
            expected = {key(x) for x in gold[SOURCE[field]]}
            totals[field][0] += len(predicted & expected)
            totals[field][1] += len(predicted)
            totals[field][2] += len(expected)
    return totals


def table(title: str, totals: dict) -> str:
    rows = [f"\n{title}\n", "| field | precision | recall | found / predicted / expected |", "|---|---|---|---|"]
    for field, (tp, pred, exp) in totals.items():
        p = f"{tp / pred:.2f}" if pred else "n/a"
        r = f"{tp / exp:.2f}" if exp else "n/a"
        rows.append(f"| {field} | {p} | {r} | {tp} / {pred} / {exp} |")
    return "\n".join(rows)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "articles" / "eval"
    cat = load_catalog()
    paths = sorted(folder.glob("*.json"))
    dev = [p for p in paths if p.stem in DEV]
    held = [p for p in paths if p.stem not in DEV]
    print(table(f"Development set ({len(dev)} articles)", score(dev, cat)))
    print(table(f"Held-out set ({len(held)} articles)", score(held, cat)))
    print(table(f"All ({len(paths)} articles)", score(paths, cat)))


if __name__ == "__main__":
    main()
