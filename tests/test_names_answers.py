"""search, chain and history on the fixture world at their edges: unknown and ambiguous names, a day
before the data, a name that only one office bore on the day, English labels. In-process (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WORLD = str(Path(__file__).resolve().parent / "fixtures" / "world")
MD = "https://w3id.org/mandat/id/"


@pytest.fixture
def ask(run):
    def _ask(*args, lang="id"):
        result = run("--lang", lang, "--data", WORLD, *args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
    return _ask


@pytest.fixture
def refused(run):
    """Run a question that must be refused: (exit code, the one stderr line), stdout empty."""
    def _refused(*args, lang="id"):
        result = run("--lang", lang, "--data", WORLD, *args)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert result.stdout == ""
        return result.exit_code, lines[0]
    return _refused


@pytest.mark.parametrize("command", [("chain", "Kantor Antah"), ("history", "Kantor Antah"), ("show", "Kantor Antah")])
def test_unknown_name_is_one_line_and_exit_2(refused, command):
    code, line = refused(*command)
    assert code == 2
    assert line.startswith("mandat: error: no ") and line.split(" matches ")[1].startswith("'Kantor Antah'")


def test_unknown_agency_for_chain_names_what_was_looked_for(refused):
    """The offices sharing a word are offered, best first (the shared word weighs little, but
    a planner who misspelt a town still sees the offices of that kind)."""
    assert refused("chain", "Kantor Antah") == (
        2, "mandat: error: no instansi matches 'Kantor Antah'; did you mean: 'Kantor Contoh Kabupaten Satu', "
           "'Dinas Provinsi P', 'Kantor Wilayah Baru Provinsi P', 'Kantor Wilayah Lama Provinsi P'")


def test_ambiguous_name_on_a_day_lists_the_offices_of_that_day(refused):
    """On 2025-06-01 the old ministry is gone: only the two new ones are candidates."""
    assert refused("chain", "Kementerian", "--as-of", "2025-06-01") == (
        2, "mandat: error: 'Kementerian' matches more than one instansi: 'Kementerian Baru' (md:kb), "
           "'Kementerian Kedua' (md:kk); give a fuller name or the IRI")


def test_ambiguous_name_without_a_day_lists_every_office(refused):
    assert refused("history", "Kementerian") == (
        2, "mandat: error: 'Kementerian' matches more than one instansi: 'Kementerian Baru' (md:kb), "
           "'Kementerian Lama' (md:kl), 'Kementerian Kedua' (md:kk); give a fuller name or the IRI")


@pytest.mark.parametrize("day, office", [("2024-12-01", "kw-lama"), ("2025-06-01", "kw-baru")])
def test_a_name_only_one_office_bore_on_the_day_is_that_office(ask, day, office):
    assert ask("chain", "Kantor Wilayah", "--as-of", day)[0]["iri"] == MD + office


@pytest.mark.parametrize("command", [("chain", "Kantor Contoh"), ("show", "Kantor Contoh"),
                                     ("who-handles", "Pencegahan")])
def test_a_day_before_any_data_is_refused(refused, command):
    assert refused(*command, "--as-of", "1990-01-01") == (
        2, "mandat: error: 1990-01-01 is before any data (the earliest dated fact is 2020-01-01); choose a later --as-of")


def test_chain_of_a_ministry_before_it_existed_names_its_span(refused):
    code, line = refused("chain", "md:kb", "--as-of", "2024-06-01")
    assert code == 2
    assert line.startswith("mandat: error: ")
    assert "Kementerian Baru" in line and "2024-11-01" in line


def test_chain_in_english(ask):
    rows = ask("chain", "Kantor Contoh", "--as-of", "2025-06-01", lang="en")
    assert [(r["iri"].removeprefix(MD), r["label"]) for r in rows] == [
        ("ko", "Example Office Regency One"), ("kw-baru", "New Regional Office Province P"),
        ("dj", "Directorate General Example"), ("kb", "New Ministry"), ("pres", "President")]
    assert (rows[0]["kind"], rows[0]["level"], rows[0]["kind_label"], rows[0]["level_label"]) == (
        "TechnicalUnit", "RegencyLevel", "Technical unit", "Regency/city")
    assert rows[0]["reports_to"] == {"iri": MD + "kw-baru", "label": "New Regional Office Province P"}


def test_chain_top_has_no_line(ask):
    top = ask("chain", "Presiden", "--as-of", "2025-06-01")
    assert len(top) == 1
    assert {k: top[0][k] for k in ("iri", "reports_to", "legal_basis", "sources", "confidence", "since", "until")} == {
        "iri": MD + "pres", "reports_to": None, "legal_basis": [], "sources": [], "confidence": None,
        "since": None, "until": None}


def test_history_in_english(ask):
    items = ask("history", "Kantor Contoh", lang="en")
    assert [(i["date"], i["kind"], i["description"]) for i in items] == [
        (None, "reports-to", "reports to Old Regional Office Province P (until 2025-02-01)"),
        ("2023-01-01", "head", "Head: Ani Contoh"),
        ("2025-02-01", "moved", "Example Office Regency One: Old Regional Office Province P → "
                                "New Regional Office Province P")]


def test_history_of_an_office_that_moved_then_was_renamed(ask):
    items = ask("history", "Kanwil Lama P")
    assert [(i["date"], i["kind"], i["description"]) for i in items] == [
        (None, "reports-to", "melapor kepada Kementerian Lama (s.d. 2024-11-01)"),
        ("2024-11-01", "moved", "Kantor Wilayah Lama Provinsi P: Kementerian Lama → Kementerian Baru (s.d. 2025-02-01)"),
        ("2025-02-01", "renamed", "Kantor Wilayah Lama Provinsi P → Kantor Wilayah Baru Provinsi P")]
    renamed = items[2]
    assert [r["iri"] for r in renamed["regulation"]] == [MD + "law-1"]


def test_history_of_a_split_ministry(ask):
    items = ask("history", "Kementerian Lama")
    assert [(i["date"], i["kind"]) for i in items] == [(None, "reports-to"), ("2024-11-01", "split")]
    split = items[1]
    assert ([r["iri"] for r in split["from"]], [r["iri"] for r in split["to"]]) == (
        [MD + "kl"], [MD + "kb", MD + "kk"])
    assert split["description"] == "Kementerian Lama → Kementerian Baru, Kementerian Kedua"


def test_search_ranks_both_regional_offices_above_a_word_match(ask):
    hits = ask("search", "Kantor Wilayah")
    assert [(h["iri"].removeprefix(MD), h["kind"], h["matched"]) for h in hits] == [
        ("kw-baru", "agency", "Kanwil Baru P"), ("kw-lama", "agency", "Kanwil Lama P"),
        ("ko", "agency", "Kantor Contoh")]
    assert hits[0]["score"] == hits[1]["score"] > hits[2]["score"]


def test_search_with_no_match_is_empty(ask):
    assert ask("search", "zzzqqq") == []


def test_search_limit(ask):
    assert [h["iri"] for h in ask("search", "Kantor Wilayah", "--limit", "1")] == [MD + "kw-baru"]


def test_search_finds_a_person_with_her_post(ask):
    assert ask("search", "Ani") == [{
        "iri": MD + "person-ani", "label": "Ani Contoh", "kind": "person", "score": 50.0, "matched": "Ani Contoh",
        "confidence": "verified",
        "posts": [{"post": "Kepala Kantor Contoh Kabupaten Satu",
                   "organization": {"iri": MD + "ko", "label": "Kantor Contoh Kabupaten Satu"},
                   "since": "2023-01-01", "until": None}]}]


def test_search_in_english_labels(ask):
    hits = ask("search", "Regional Police", "--limit", "1", lang="en")
    assert [(h["iri"], h["label"]) for h in hits] == [(MD + "polda-p", "Regional Police P")]
