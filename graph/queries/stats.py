"""``mandat stats``: what the dataset covers, and how much of it is unverified."""

from __future__ import annotations

from collections import Counter

from graph.queries.common import confidence_of
from graph.queries.lookup import Lookup


LABELS = {"agencies": "instansi", "regions": "wilayah", "regulations and articles": "peraturan dan pasal",
          "TPPO steps": "tahap TPPO", "people": "orang", "source documents": "dokumen sumber",
          "reporting lines": "garis pelaporan", "restructuring events": "peristiwa restrukturisasi",
          "responsibilities": "tanggung jawab", "tenures": "masa jabatan", "task-force seats": "kursi gugus tugas",
          "agreements": "perjanjian", "reported events and figures": "kegiatan dan angka yang diberitakan",
          "total": "jumlah"}


def stats(cat: Lookup, lang: str = "id") -> list[dict]:
    """One row per kind of node or fact: how many, how many weak, how many unverified.

    ``what`` is a stable English code; ``label`` says it in ``lang``.

    >>> from graph.queries.lookup import open_lookup
    >>> rows = {r["what"]: r for r in stats(open_lookup())}
    >>> rows["agencies"]["count"] > 50
    True
    """
    groups = {
        "agencies": cat.of_kind("agency"),
        "regions": cat.of_kind("region"),
        "regulations and articles": cat.of_kind("regulation"),
        "TPPO steps": cat.of_kind("step"),
        "people": cat.of_kind("person"),
        "source documents": cat.of_kind("source"),
        "reporting lines": cat.lines,
        "restructuring events": cat.events,
        "responsibilities": cat.responsibilities,
        "tenures": [m for m in cat.memberships if m.is_tenure],
        "task-force seats": [m for m in cat.memberships if not m.is_tenure],
        "agreements": cat.agreements,
        "reported events and figures": cat.of_kind("event") + cat.of_kind("figure"),
    }
    rows = []
    for what, items in groups.items():
        counts = Counter(confidence_of(i) for i in items)
        rows.append({"what": what, "label": LABELS[what] if lang == "id" else what, "count": len(items),
                     "weak": counts["weak"], "unverified": counts["unverified"]})
    total = Counter()
    for row in rows:
        total.update({k: row[k] for k in ("count", "weak", "unverified")})
    rows.append({"what": "total", "label": LABELS["total"] if lang == "id" else "total", **total})
    return rows
