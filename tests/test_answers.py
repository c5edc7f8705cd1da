"""The exact answers of every CLI question on the shipped data, pinned.

Each case runs one command and compares its whole output with the file of
the same name in tests/golden/. When the data changes on purpose, rewrite the
files with ``pytest tests/test_answers.py --update-golden`` and read the diff:
every changed line is a changed answer. Readable pins of the headline answers
are the tests below the table of cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
MD = "https://w3id.org/mandat/id/"
JUNE_2023, JUNE_2025 = ("--as-of", "2023-06-21"), ("--as-of", "2025-06-01")

CASES = {
    "chain-batulicin-2023": ["chain", "Kanim Batulicin", *JUNE_2023],
    "chain-batulicin-2025": ["chain", "Kanim Batulicin", *JUNE_2025],
    "chain-pangkalpinang-2025": ["chain", "Kanim Pangkalpinang", *JUNE_2025],
    "chain-batulicin-2025-en": ["--lang", "en", "chain", "Kanim Batulicin", *JUNE_2025],
    "show-batulicin-2025": ["show", "Kanim Batulicin", *JUNE_2025],
    "show-kemenkumham-2023": ["show", "Kemenkumham", *JUNE_2023],
    "history-batulicin": ["history", "Kanim Batulicin"],
    "diff-2024-2025": ["diff", "--from", "2024-06-01", "--to", "2025-06-01"],
    "diff-2024-2025-kalsel": ["diff", "--from", "2024-06-01", "--to", "2025-06-01", "--region", "Kalsel"],
    "steps": ["steps"],
    "who-handles-screening-tanah-bumbu": ["who-handles", "Penyaringan permohonan paspor",
                                          "--region", "Tanah Bumbu", *JUNE_2025],
    "who-handles-investigation-pangkalpinang": ["who-handles", "Penyidikan", "--region", "Pangkalpinang",
                                                *JUNE_2025],
    "who-handles-victims-national": ["who-handles", "Identifikasi korban", *JUNE_2025],
    "gaps-tanah-bumbu-2025": ["gaps", "--region", "Tanah Bumbu", *JUNE_2025],
    "search-kemenkumham": ["search", "Kemenkumham"],
    "search-batulicin-en": ["--lang", "en", "search", "Batulicin Immigration Office"],
    "stats": ["stats"],
    "show-batulicin-2025-en": ["--lang", "en", "show", "Kanim Batulicin", *JUNE_2025],
    "history-batulicin-en": ["--lang", "en", "history", "Kanim Batulicin"],
    "diff-2024-2025-en": ["--lang", "en", "diff", "--from", "2024-06-01", "--to", "2025-06-01"],
    "steps-en": ["--lang", "en", "steps"],
    "who-handles-screening-tanah-bumbu-en": ["--lang", "en", "who-handles", "Penyaringan permohonan paspor",
                                             "--region", "Tanah Bumbu", *JUNE_2025],
    "gaps-tanah-bumbu-2025-en": ["--lang", "en", "gaps", "--region", "Tanah Bumbu", *JUNE_2025],
    "show-pangkalpinang-2023": ["show", "Kanim Pangkalpinang", *JUNE_2023],
    "history-kanwil-kemenkumham-kalsel": ["history", "Kanwil Kemenkumham Kalsel"],
    "diff-under-ditjen-imigrasi": ["diff", "--from", "2024-06-01", "--to", "2025-06-01",
                                   "--under", "Ditjen Imigrasi"],
    "gaps-babel-2025": ["gaps", "--region", "Babel", *JUNE_2025],
    "gaps-tanah-bumbu-2023": ["gaps", "--region", "Tanah Bumbu", *JUNE_2023],
    "show-uu-21-2007": ["show", "UU 21/2007", *JUNE_2025],
    "show-tanah-bumbu-2025": ["show", "Tanah Bumbu", *JUNE_2025],
    "show-step-investigation-en": ["--lang", "en", "show", "investigation", *JUNE_2025],
    "show-person-jonita": ["show", "Jonita", *JUNE_2023],
    "coverage-kalsel-2025": ["coverage", "--region", "Kalsel", *JUNE_2025],
    "show-uu-21-2007-en": ["--lang", "en", "show", "UU 21/2007", *JUNE_2025],
    "show-tanah-bumbu-2025-en": ["--lang", "en", "show", "Tanah Bumbu", *JUNE_2025],
    "show-person-jonita-en": ["--lang", "en", "show", "Jonita", *JUNE_2023],
    "show-kemenkumham-2023-en": ["--lang", "en", "show", "Kemenkumham", *JUNE_2023],
    "history-kanwil-kemenkumham-kalsel-en": ["--lang", "en", "history", "Kanwil Kemenkumham Kalsel"],
    "who-handles-investigation-pangkalpinang-en": ["--lang", "en", "who-handles", "Penyidikan",
                                                   "--region", "Pangkalpinang", *JUNE_2025],
    "gaps-babel-2025-en": ["--lang", "en", "gaps", "--region", "Babel", *JUNE_2025],
    "coverage-kalsel-2025-en": ["--lang", "en", "coverage", "--region", "Kalsel", *JUNE_2025],
    "search-kemenkumham-en": ["--lang", "en", "search", "Kemenkumham"],
    "show-kalsel-2025": ["show", "Kalsel", *JUNE_2025],
    "show-kalsel-2025-en": ["--lang", "en", "show", "Kalsel", *JUNE_2025],
    "show-perpres-69-2008-en": ["--lang", "en", "show", "Perpres 69/2008", *JUNE_2025],
    "show-permen-pppa-8-2021-en": ["--lang", "en", "show", "Permen PPPA 8/2021", *JUNE_2025],
    "show-permen-pppa-22-2010-en": ["--lang", "en", "show", "Permen PPPA 22/2010", *JUNE_2025],
    "show-uu-21-2007-pasal-58-en": ["--lang", "en", "show", "UU 21/2007 Pasal 58", *JUNE_2025],
    "show-step-investigation": ["show", "investigation", *JUNE_2025],
    "show-person-silmy-karim-en": ["--lang", "en", "show", "Silmy Karim", *JUNE_2025],
    "gaps-tanah-bumbu-compare-en": ["--lang", "en", "gaps", "--region", "Tanah Bumbu",
                                    "--compare", "2023-06-21", "2025-06-01"],
    "gaps-tanah-bumbu-without-polres-en": ["--lang", "en", "gaps", "--region", "Tanah Bumbu", *JUNE_2025,
                                           "--without", "Polres Tanah Bumbu"],
    "gaps-tanah-bumbu-without-polres-spof": ["gaps", "--region", "Tanah Bumbu", *JUNE_2025,
                                             "--without", "Polres Tanah Bumbu", "--kind", "single-point-of-failure"],
    "gaps-tanah-bumbu-with-link-en": ["--lang", "en", "gaps", "--region", "Tanah Bumbu", *JUNE_2025,
                                      "--with-link", "GT Kalsel", "Polres Tanah Bumbu"],
    "show-kemenimipas-2025-en": ["--lang", "en", "show", "Kemenimipas", *JUNE_2025],
    "show-kemenkumham-2025-en": ["--lang", "en", "show", "Kemenkumham", *JUNE_2025],
    "diff-under-ditjen-imigrasi-en": ["--lang", "en", "diff", "--from", "2024-06-01", "--to", "2025-06-01",
                                      "--under", "Ditjen Imigrasi"],
    "diff-2024-2025-kalsel-en": ["--lang", "en", "diff", "--from", "2024-06-01", "--to", "2025-06-01",
                                 "--region", "Kalsel"],
    "search-silmy-karim-en": ["--lang", "en", "search", "Silmy Karim"],
}
TEXT_CASES = {
    "tour-2025.txt": ["tour", *JUNE_2025],
    "stats.txt": ["stats"],
    "steps.csv": ["steps", "--format", "csv"],
    "export.csv": ["export", "--format", "csv"],
    "diff-2024-2025.csv": ["diff", "--from", "2024-06-01", "--to", "2025-06-01", "--format", "csv"],
    "gaps-tanah-bumbu-2025.csv": ["gaps", "--region", "Tanah Bumbu", *JUNE_2025, "--format", "csv"],
    "chain-batulicin-2025.csv": ["chain", "Kanim Batulicin", *JUNE_2025, "--format", "csv"],
    "who-handles-screening-tanah-bumbu.csv": ["who-handles", "Penyaringan permohonan paspor",
                                              "--region", "Tanah Bumbu", *JUNE_2025, "--format", "csv"],
}


def compare(path: Path, text: str, update: bool) -> None:
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.name}: no pinned answer yet; run pytest --update-golden and review it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name}: the answer changed"


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_answer_is_pinned(run, update_golden, name):
    result = run(*CASES[name], "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.dumps(json.loads(result.stdout), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    compare(GOLDEN / f"{name}.json", answer, update_golden)


@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_text_answer_is_pinned(run, update_golden, name, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    result = run(*TEXT_CASES[name])
    assert result.exit_code == 0, result.output
    compare(GOLDEN / name, result.output, update_golden)


# Readable pins of the headline answers (the golden files hold the rest).

def test_chain_batulicin_in_2025_climbs_through_the_new_immigration_ministry(run_json):
    assert [e["iri"] for e in run_json("chain", "Kanim Batulicin", *JUNE_2025)] == [
        MD + "kanim-batulicin", MD + "kanwil-ditjenim-kalsel", MD + "ditjen-imigrasi", MD + "kemenimipas",
        MD + "presiden"]


def test_chain_batulicin_in_2023_climbs_through_kemenkumham(run_json):
    assert [e["iri"] for e in run_json("chain", "Kanim Batulicin", *JUNE_2023)] == [
        MD + "kanim-batulicin", MD + "kanwil-kemenkumham-kalsel", MD + "kemenkumham", MD + "presiden"]


def test_who_handles_screening_differs_between_regions(run_json):
    def leads(region):
        rows = run_json("who-handles", "Penyaringan permohonan paspor", "--region", region, *JUNE_2025)
        return [r["agency"]["iri"] for r in rows if r["role"] == "lead"]

    assert leads("Tanah Bumbu") == [MD + "kanim-batulicin", MD + "ditjen-imigrasi"]
    assert leads("Pangkalpinang") == [MD + "kanim-pangkalpinang", MD + "ditjen-imigrasi"]


def test_gaps_of_tanah_bumbu_by_kind(run_json):
    from collections import Counter

    found = run_json("gaps", "--region", "Tanah Bumbu", *JUNE_2025)
    # Since the issue-13 data changes: 3 single points of failure (Polri's MoU with KemenP2MI redated
    # to its signing on 21 January 2026; new national task-force seats), and 10 weak bases (the Polda
    # Kalsel's reporting role is now sourced). A fourth since Kemlu's Direktorat Pelindungan WNI was
    # added (h-data): that directorate hangs on the network only through the Kemlu.
    assert Counter(f["kind"] for f in found) == {
        "weak-basis": 10, "unlinked-handover": 11, "single-point-of-failure": 4, "uncovered-step": 2}


def test_tour_shows_each_headline_question_with_rows(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    parts = run("tour", *JUNE_2025).output.split("\n== ")[1:]
    assert len(parts) == 5
    assert all(part.count("\n") >= 6 for part in parts), "a tour table is empty"
    assert "Batulicin" in parts[0] and "Presiden" in parts[1]


def test_chain_pangkalpinang_on_5_december_2024_still_under_kemenkumham_babel(run_json):
    """kilasbabel.com saw the old Kanwil's immigration division at work on 5 Dec 2024."""
    first = run_json("chain", "Kanim Pangkalpinang", "--as-of", "2024-12-05")[0]
    assert (first["reports_to"]["iri"], first["certainty"]) == (MD + "kanwil-kemenkumham-babel", "certain")


def test_chain_pangkalpinang_in_early_2025_is_uncertain_between_both_kanwil(run_json):
    first = run_json("chain", "Kanim Pangkalpinang", "--as-of", "2025-03-01")[0]
    assert first["certainty"] == "uncertain"
    assert [p["iri"] for p in first["possible_parents"]] == [MD + "kanwil-kemenkumham-babel", MD + "kanwil-ditjenim-babel"]


def test_a_rename_known_only_by_a_bracket_is_uncertain_until_the_bracket_closes(run_json):
    """The Kanwil Kemenkumham Kalsel became Kanwil Kemenkum between 2024-10-21 and 2025-06-25."""
    def renamed(end):
        answer = run_json("diff", "--from", "2024-06-01", "--to", end, "--region", "Kalsel")
        return [(r["old"][0]["iri"], r["date"], r["certainty"]) for r in answer["renamed"]]
    row = (MD + "kanwil-kemenkumham-kalsel", "2024-10-21..2025-06-25")
    assert renamed("2025-06-01") == [(*row, "uncertain")]
    assert renamed("2025-12-01") == [(*row, "certain")]
    assert renamed("2024-09-01") == []


def test_at_80_columns_a_table_too_wide_for_its_words_becomes_records_and_cuts_none(run, run_json, monkeypatch):
    """The what-if's findings (rank, severity, kind, region, subject, explanation) cannot stand side
    by side in 80 columns with whole words: each finding is printed as a record instead."""
    from rich.cells import cell_len

    ask = ("--lang", "en", "gaps", "--region", "Tanah Bumbu", *JUNE_2025, "--without", "Kanim Batulicin")
    answer = run_json(*ask)
    changed = answer["appeared"] + answer["resolved"]
    monkeypatch.setenv("COLUMNS", "80")
    text = run(*ask).output
    words = set(text.split())
    assert all(w in words for f in changed for w in f["explanation"].split() + [f["kind"]])
    assert max(cell_len(line.rstrip()) for line in text.splitlines()) <= 80
    assert text.count("\nExplanation  ") == len(changed) == 11 and " Baseline " in text   # the counts stay a table
