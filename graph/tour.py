"""``mandat tour`` (what ``make run`` shows): the headline questions on the shipped data.

1. Where Kantor Imigrasi Kelas II TPI Batulicin sat in June 2023 and where it sits now.
2. What the October 2024 restructuring changed for Kalimantan Selatan and Bangka Belitung.
3. Who handles each TPPO step in Tanah Bumbu.
"""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.output import Section, mark
from graph.queries.chain import chain
from graph.queries.diff import diff
from graph.queries.who_handles import who_handles
from graph.render import chain_sections, diff_sections

MD = "https://w3id.org/mandat/id/"
BATULICIN = MD + "kanim-batulicin"
TANAH_BUMBU = MD + "region-tanah-bumbu"
PROVINCES = (MD + "region-kalsel", MD + "region-babel")
BEFORE, AFTER = date(2024, 10, 1), date(2025, 1, 1)


def step_table(cat: Lookup, region: str, day: date, lang: str) -> Section:
    """One row per step: its leads and supports nearest to ``region``."""
    rows = []
    for step in cat.step_order:
        answer = who_handles(cat, step, day, region, lang)
        leads = [r for r in answer if r["role"] == "lead"]
        nearest = min((r["distance"] for r in leads), default=None)
        lead_text = short_names(cat, [r for r in leads if r["distance"] == nearest], lang)
        where = cat.short_label(leads[0]["jurisdiction"]["iri"], lang) if leads else ""
        support = short_names(cat, [r for r in answer if r["role"] == "support"], lang)
        flags = {mark(r["confidence"], lang) for r in answer} - {""}
        rows.append([cat.label(step, lang), lead_text or ("— tidak ada —" if lang == "id" else "— none —"),
                     where, support, "; ".join(sorted(flags))])
    head = ("Tahap", "Utama (terdekat)", "Yurisdiksi", "Pendukung", "Status") if lang == "id" else \
        ("Step", "Lead (nearest)", "Jurisdiction", "Support", "Status")
    return Section(None, list(head), rows)


def short_names(cat: Lookup, rows: list[dict], lang: str) -> str:
    """The agencies of ``rows`` by the short names people use (Polres Tanah Bumbu, Kanim
    Batulicin), each once: a table of every step stays readable in 80 columns."""
    return "; ".join(dict.fromkeys(cat.short_label(r["agency"]["iri"], lang) for r in rows))


def tour(cat: Lookup, today: date, lang: str = "id") -> list[tuple[str, list[Section]]]:
    """The tour as (heading, sections) pairs."""
    en = lang == "en"
    parts = []
    for day in (date(2023, 6, 21), today):
        heading = (f"Reporting chain of Kanim Batulicin on {day}" if en
                   else f"Rantai pelaporan Kanim Batulicin pada {day}")
        parts.append((heading, chain_sections(chain(cat, BATULICIN, day, lang), lang)))
    for region in PROVINCES:
        heading = (f"Changes in {cat.label(region, lang)}, {BEFORE} to {AFTER}" if en      # within 80 columns
                   else f"Perubahan di {cat.label(region, lang)}, {BEFORE} s.d. {AFTER}")
        parts.append((heading, diff_sections(diff(cat, BEFORE, AFTER, None, lang, region), lang)))
    heading = (f"Who handles each TPPO step in {cat.label(TANAH_BUMBU, lang)} on {today}" if en
               else f"Siapa menangani tiap tahap TPPO di {cat.label(TANAH_BUMBU, lang)} pada {today}")
    parts.append((heading, [step_table(cat, TANAH_BUMBU, today, lang)]))
    return parts



