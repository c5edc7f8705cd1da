"""``mandat view matrix --region R``: who handles which TPPO step, as a printable table.

One row per step in order; per level (regency/city, province, national) a lead
and a support column listing the agencies with their legal basis and sources.
A row is marked ``data-gap="uncovered-step"`` exactly when ``mandat gaps``
reports that step uncovered in the region: the mark comes from
:func:`graph.queries.gaps.gaps`, not from a second reading of the data.
"""

from __future__ import annotations

import html
from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.gaps import gaps, region_level
from graph.queries.who_handles import who_handles
from graph.views.page import document, legend_html, save

ROLES = ("lead", "support")
COLOURS = {"lead": "#d9f0d3", "support": "#deebf7", "gap": "#fbb4ae", "unknown": "#e5e5e5"}
WORDS = {"step": ("Tahap", "Step"), "lead": ("utama", "lead"), "support": ("pendukung", "support"),
         "regency": ("Kabupaten/Kota", "Regency/city"), "province": ("Provinsi", "Province"),
         "national": ("Nasional", "National"), "gap": ("temuan gaps: tahap tanpa instansi utama",
                                                      "gaps finding: step without a lead"),
         "unknown": ("data belum lengkap: pelaku daerah untuk tahap ini tidak ada di data",
                     "data incomplete: the regional actors for this step are not in the data"),
         "basis": ("dasar hukum", "legal basis"), "sources": ("sumber", "sources"),
         "unverified": ("belum terverifikasi", "unverified")}


def say(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def matrix(cat: Lookup, region: str, day: date, lang: str = "id") -> dict:
    """Columns (the region and the jurisdictions above it) and one row per step.

    Each row holds, per jurisdiction and role, the who-handles rows; ``gap`` is the
    uncovered-step or unknown-coverage finding of ``gaps`` for that step in ``region``, or None.
    """
    columns = [{"level": region_level(cat, jur), **cat.ref(jur, lang)} for jur in cat.region_ancestors(region)]
    found = {f["subject"]["iri"]: f for f in gaps(cat, day, [region], kinds=["uncovered-step", "unknown-coverage"],
                                                  lang=lang)
             if region in {r["iri"] for r in f.get("regions") or [f["region"]]}}
    rows = []
    for n, step in enumerate(cat.step_order, 1):
        cells = {(c["iri"], role): [] for c in columns for role in ROLES}
        for r in who_handles(cat, step, day, region, lang):
            cells[(r["jurisdiction"]["iri"], r["role"])].append(r)
        rows.append({"number": n, "step": cat.ref(step, lang), "gap": found.get(step), "cells": cells})
    return {"region": cat.ref(region, lang), "day": day.isoformat(), "columns": columns, "rows": rows}


def link(source: dict) -> str:
    """A source as an escaped link when it has an http(s) URL, else as escaped text."""
    text = html.escape(source["label"])
    url = source.get("url") or ""
    if url.startswith(("https://", "http://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{text}</a>'
    return text


def entry(r: dict, lang: str) -> str:
    basis = "; ".join(b["short"] or b["label"] for b in r["legal_basis"])
    parts = [f'<span class="who">{html.escape(r["agency"]["label"])}</span>']
    if basis:
        parts.append(f'<span class="basis">{say("basis", lang)}: {html.escape(basis)}</span>')
    if r["sources"]:
        parts.append(f'<span class="src">{say("sources", lang)}: ' + "; ".join(link(s) for s in r["sources"]) + "</span>")
    if r["confidence"] != "verified":
        parts.append(f'<span class="unverified">⚠ {say("unverified", lang)}</span>')
    return f'<div class="entry {r["role"]}">' + "".join(parts) + "</div>"


STYLE = """
@page { size: A4 landscape; margin: 10mm; }
body { font-family: sans-serif; margin: 12px; font-size: 12px; }
h1 { font-size: 18px; margin: 0 0 6px; }
#legend ul { list-style: none; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; }
.sw { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: middle; background: var(--c); border-radius: 3px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #999; padding: 3px 4px; vertical-align: top; text-align: left; }
thead th { background: #eeeeee; }
tbody th { width: 14%; }
.entry { margin-bottom: 3px; padding: 2px 3px; border-radius: 3px; }
.entry.lead { background: var(--lead); }
.entry.support { background: var(--support); }
.who { font-weight: bold; display: block; }
.basis, .src, .unverified { display: block; font-size: 10px; }
.unverified { color: #8a5a00; }
tr[data-gap="uncovered-step"] th { background: var(--gap); }
tr[data-gap="unknown-coverage"] th { background: var(--unknown); }
.gapnote { display: block; font-weight: normal; font-size: 10px; color: #7f0000; }
@media print { body { margin: 0; font-size: 9px; } .basis, .src, .unverified, .gapnote { font-size: 8px; }
  tr { break-inside: avoid; } thead { display: table-header-group; } }
"""


def matrix_page(answer: dict, heading: str, lang: str) -> str:
    """The table as one escaped HTML document (no script at all)."""
    return document(heading, lang, [colours_css(), STYLE], f'<h1>{html.escape(heading)}</h1>{matrix_table(answer, lang)}')


def colours_css() -> str:
    """The colours of the matrix as CSS variables."""
    return ":root {" + "".join(f" --{k}: {v};" for k, v in COLOURS.items()) + " }"


def matrix_table(answer: dict, lang: str) -> str:
    """The legend and the table of the matrix, as escaped HTML (for this page and the gaps report)."""
    cols = answer["columns"]
    top = "".join(f'<th colspan="2" data-level="{c["level"]}">{say(c["level"], lang)}<br>'
                  f'{html.escape(c["label"])}</th>' for c in cols)
    sub = "".join(f'<th data-role="{role}">{say(role, lang)}</th>' for _ in cols for role in ROLES)
    body = []
    for row in answer["rows"]:
        gap = row["gap"]
        mark = (f' data-gap="{gap["kind"]}" data-severity="{gap["severity"]}"' if gap else "")
        note = f'<span class="gapnote">⚠ {html.escape(gap["explanation"])}</span>' if gap else ""
        cells = "".join(f'<td data-level="{c["level"]}" data-role="{role}">'
                        + "".join(entry(r, lang) for r in row["cells"][(c["iri"], role)]) + "</td>"
                        for c in cols for role in ROLES)
        body.append(f'<tr data-step="{html.escape(row["step"]["iri"], quote=True)}"{mark}>'
                    f'<th>{row["number"]}. {html.escape(row["step"]["label"])}{note}</th>{cells}</tr>')
    legend = legend_html([("", COLOURS["lead"], say("lead", lang)), ("", COLOURS["support"], say("support", lang)),
                          ("", COLOURS["gap"], say("gap", lang)), ("", COLOURS["unknown"], say("unknown", lang))])
    return (f'<div id="legend">{legend}</div>'
            f'<table><thead><tr><th rowspan="2">{say("step", lang)}</th>{top}</tr><tr>{sub}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def write_matrix(cat: Lookup, region: str, day: date, path: str, heading: str, lang: str) -> dict:
    """Write the matrix page; returns the answer it shows."""
    answer = matrix(cat, region, day, lang)
    save(path, matrix_page(answer, heading, lang))
    return answer
