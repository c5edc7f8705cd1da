"""Write tests/names/benchmark.tsv: forms made from the data's own names, plus hand.tsv.

Run from the repository root: ``python tests/names/make_benchmark.py``. Each
row is ``text, as_of, expected, category, kind``; ``expected`` is an IRI or
``none`` (the name is not in the data, so any answer is wrong), ``kind`` the
kind of entity asked for (``search`` for ``mandat search``, whose first hit
is compared). Generated forms whose words name more than one entity are left
out, since no single answer is right for them; so are misspellings that are
nearer another known word than the one they misspell (or are a known word
themselves), since no reader could tell which was meant.
"""

from __future__ import annotations

import csv
import sys
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("agency", "region", "step", "person")
PREFIXES = ("Kabupaten ", "Kota ", "Provinsi ")


def typos(text: str) -> list[str]:
    """The text with its longest word misspelt twice: a letter dropped, two letters swapped.

    >>> typos("Kanim Batulicin")
    ['Kanim Batuicin', 'Kanim Batluicin']
    """
    longest = max(text.split(), key=len)
    if len(longest) < 7 or not longest.isalpha():
        return []
    mid = len(longest) // 2
    dropped = longest[:mid] + longest[mid + 1:]
    swapped = longest[:mid - 1] + longest[mid] + longest[mid - 1] + longest[mid + 1:]
    return [text.replace(longest, wrong, 1) for wrong in (dropped, swapped)]


def dated(rec) -> str:
    """A day inside the record's period, or empty when it has no dates.

    >>> from graph.resolve import NameRecord
    >>> from datetime import date
    >>> dated(NameRecord("x", "agency", ("X",), end=date(2024, 10, 21)))
    '2024-10-20'
    """
    if rec.end is not None:
        return (rec.end - timedelta(days=1)).isoformat()
    if rec.start is not None:
        return (rec.start + timedelta(days=1)).isoformat()
    return ""


def forms(rec, readable=lambda typo, text: True) -> list[tuple[str, str]]:
    """(text, category) pairs for one record: its labels, abbreviations and typos of them.

    ``readable(typo, text)`` says whether a misspelling still reads as the text it misspells.
    """
    labels = list(dict.fromkeys(rec.labels[:-1]))          # the last name is the IRI's local part
    out = [(t, "label") for t in labels] + [(t, "abbreviation") for t in rec.abbreviations]
    out += [(wrong, "typo") for t, _ in out[:] for wrong in typos(t) if readable(wrong, t)]
    out += [(t.upper() if len(t) < 12 else t.lower(), "case") for t in rec.abbreviations[:1]]
    if rec.kind == "region":
        out += [(t[len(p):], "region-bare") for t in labels for p in PREFIXES if t.startswith(p)]
    return out


def generated(records) -> list[tuple[str, str, str, str, str]]:
    """The generated rows, one per form that names exactly one entity of its kind."""
    from graph.resolve import NameIndex, bare_names, words

    index = NameIndex(list(records))

    def readable(typo: str, text: str) -> bool:
        return index.query(typo)[0] == words(text)

    owners: dict[tuple[str, frozenset], set[str]] = {}
    for rec in records:
        for text in (*rec.labels, *rec.abbreviations, *bare_names(rec)):
            owners.setdefault((rec.kind, words(text)), set()).add(rec.iri)
    rows = []
    for rec in records:
        if rec.kind not in KINDS:
            continue
        for text, category in dict.fromkeys(forms(rec, readable)):
            clash = owners.get((rec.kind, index.query(text)[0]), {rec.iri}) - {rec.iri}
            if not clash:
                rows.append((text, dated(rec), rec.iri, category, rec.kind))
    return rows


def main() -> None:
    sys.path.insert(0, str(HERE.parent.parent))
    from graph import ns
    from graph.resolve import name_records
    from graph.queries.lookup import open_lookup

    with open(HERE / "hand.tsv", encoding="utf-8") as f:
        hand = [tuple(r) for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    rows = generated(name_records(open_lookup())) + [(t, d, ns.expand(e) or e, c, k)
                                                      for t, d, e, c, k in hand[1:]]
    with open(HERE / "benchmark.tsv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(("text", "as_of", "expected", "category", "kind"))
        out.writerows(rows)
    print(f"{len(rows)} rows written to {HERE / 'benchmark.tsv'}")


if __name__ == "__main__":
    main()
