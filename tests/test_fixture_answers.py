"""Every CLI question asked of a small world whose right answers are known by hand.

The world is tests/fixtures/world/world.ttl (its header says what is in it).
Each test states the answer a person reads off that file, not what the code
happens to print, so a broken question fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WORLD = str(Path(__file__).resolve().parent / "fixtures" / "world")
MD = "https://w3id.org/mandat/id/"


@pytest.fixture
def ask(run):
    """Ask the world a question; returns the parsed JSON answer (exit 0 required)."""

    def _ask(*args):
        result = run("--data", WORLD, *args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    return _ask


def iris(refs) -> list[str]:
    """The short names of the IRIs, in order: ``[{'iri': MD+'ko'}] -> ['ko']``."""
    return [r["iri"].removeprefix(MD) for r in refs]


@pytest.mark.parametrize("day, expected", [
    ("2024-06-01", ["ko", "kw-lama", "kl", "pres"]),
    ("2024-12-01", ["ko", "kw-lama", "kb", "pres"]),
    ("2025-06-01", ["ko", "kw-baru", "dj", "kb", "pres"]),
])
def test_chain_follows_the_reporting_lines_of_the_day(ask, day, expected):
    assert iris(ask("chain", "Kantor Contoh", "--as-of", day)) == expected


def test_chain_rows_carry_the_line_that_links_each_unit(ask):
    rows = ask("chain", "Kantor Contoh", "--as-of", "2025-06-01")
    first = rows[0]
    assert first["reports_to"]["iri"] == MD + "kw-baru"
    assert iris(first["legal_basis"]) == ["law-1"]
    assert (first["since"], first["until"]) == ("2025-02-01", None)
    assert rows[-1]["reports_to"] is None


def test_chain_of_a_dissolved_office_names_its_successor_and_date(run):
    result = run("--data", WORLD, "chain", "Kanwil Lama P", "--as-of", "2025-06-01")
    assert result.exit_code == 2
    assert "Kantor Wilayah Baru Provinsi P" in result.output
    assert "2025-02-01" in result.output


def leads_and_supports(rows) -> tuple[list[str], list[str]]:
    return ([r["agency"]["iri"].removeprefix(MD) for r in rows if r["role"] == "lead"],
            [r["agency"]["iri"].removeprefix(MD) for r in rows if r["role"] == "support"])


@pytest.mark.parametrize("step, region, leads, supports", [
    ("Pencegahan", "Kabupaten Satu", ["ko", "dinas-p"], []),
    ("Pencegahan", "Kabupaten Dua", ["dinas-p"], []),
    ("Penyidikan", "Kabupaten Satu", ["polda-p"], ["polres-r1"]),
    ("Penyidikan", "Kabupaten Dua", ["polda-p"], []),
    ("Pencegahan", "Provinsi P", ["dinas-p"], []),
])
def test_who_handles_depends_on_the_region(ask, step, region, leads, supports):
    rows = ask("who-handles", step, "--region", region, "--as-of", "2025-06-01")
    assert leads_and_supports(rows) == (leads, supports)


def test_who_handles_puts_the_nearest_jurisdiction_first(ask):
    rows = ask("who-handles", "Pencegahan", "--region", "Kabupaten Satu", "--as-of", "2025-06-01")
    assert [(r["jurisdiction"]["iri"].removeprefix(MD), r["distance"]) for r in rows] == [("r1", 0), ("p", 1)]


def test_who_handles_without_region_lists_every_responsibility(ask):
    rows = ask("who-handles", "Pencegahan", "--as-of", "2025-06-01")
    assert sorted(r["agency"]["iri"].removeprefix(MD) for r in rows) == ["dinas-p", "ko"]


def test_diff_names_every_kind_of_change(ask):
    d = ask("diff", "--from", "2024-06-01", "--to", "2025-06-01")
    assert [(iris([c["agency"]]), c["change"], c["date"], iris(c["related"])) for c in d["created"]] == [
        (["kb"], "split", "2024-11-01", ["kl"]), (["kk"], "split", "2024-11-01", ["kl"])]
    assert [(iris([c["agency"]]), c["change"], iris(c["related"])) for c in d["dissolved"]] == [
        (["kl"], "split", ["kb", "kk"])]
    assert [(iris(r["old"]), iris(r["new"]), r["date"]) for r in d["renamed"]] == [
        (["kw-lama"], ["kw-baru"], "2025-02-01")]
    assert [(m["unit"]["iri"].removeprefix(MD), m["old_parent"]["iri"].removeprefix(MD),
             m["new_parent"]["iri"].removeprefix(MD), m["date"]) for m in d["moved"]] == [
        ("dj", "kl", "kb", "2024-11-01"), ("ko", "kw-lama", "kw-baru", "2025-02-01")]


def test_diff_before_any_change_is_empty(ask):
    d = ask("diff", "--from", "2024-01-01", "--to", "2024-06-01")
    assert (d["created"], d["dissolved"], d["renamed"], d["moved"]) == ([], [], [], [])


def test_diff_under_keeps_only_that_subtree(ask):
    d = ask("diff", "--from", "2024-06-01", "--to", "2025-06-01", "--under", "Ditjen Contoh")
    assert [m["unit"]["iri"].removeprefix(MD) for m in d["moved"]] == ["dj", "ko"]
    assert d["created"] == [] and d["dissolved"] == []


def test_history_lists_lines_and_head_in_date_order(ask):
    items = ask("history", "Kantor Contoh")
    assert [(i["date"], i["kind"]) for i in items] == [
        (None, "reports-to"), ("2023-01-01", "head"), ("2025-02-01", "moved")]
    assert "Ani Contoh" in items[1]["description"]


def test_history_move_names_the_office_that_moved_with_from_and_to(ask):
    moved = ask("history", "Kantor Contoh")[2]
    assert (moved["unit"]["iri"], iris(moved["from"]), iris(moved["to"])) == (MD + "ko", ["kw-lama"], ["kw-baru"])
    assert moved["description"] == "Kantor Contoh Kabupaten Satu: Kantor Wilayah Lama Provinsi P → " \
                                   "Kantor Wilayah Baru Provinsi P"


def test_history_of_a_renamed_office_carries_from_and_to(ask):
    renamed = [i for i in ask("history", "Kanwil Baru P") if i["kind"] == "renamed"]
    assert [(iris(i["from"]), iris(i["to"]), i["date"]) for i in renamed] == [(["kw-lama"], ["kw-baru"], "2025-02-01")]


def test_show_card_of_an_office(ask):
    card = ask("show", "Kantor Contoh", "--as-of", "2025-06-01")
    assert card["iri"] == MD + "ko"
    assert card["parent"]["iri"] == MD + "kw-baru"
    assert card["head"]["iri"] == MD + "person-ani"
    assert iris(card["regions"]) == ["r1"]
    assert card["alt_labels"] == ["Kantor Contoh"]


def test_show_card_before_the_move_has_the_old_parent(ask):
    assert ask("show", "Kantor Contoh", "--as-of", "2024-06-01")["parent"]["iri"] == MD + "kw-lama"


def test_steps_in_order_with_handovers(ask):
    steps = ask("steps")
    assert [(s["order"], s["iri"].removeprefix(MD), iris(s["hands_over_to"])) for s in steps] == [
        (1, "s1", ["s2"]), (2, "s2", [])]


def test_gaps_groups_the_unlinked_handovers_by_agency_pair_and_ranks_them(ask):
    """Dinas P -> Polda P is unlinked in the province and in R2 (one cause); Kantor Contoh -> Polda P in R1."""
    found = ask("gaps", "--as-of", "2025-06-01")
    assert [(f["rank"], f["kind"], iris(f["regions"]), iris(f["agencies"])) for f in found] == [
        (1, "unlinked-handover", ["p", "r2"], ["dinas-p", "polda-p"]),
        (2, "unlinked-handover", ["r1"], ["ko", "polda-p"])]
    assert [iris(f["impact"]["steps"]) for f in found] == [["s1", "s2"], ["s1", "s2"]]


def test_gaps_of_one_regency_names_what_would_close_it(ask):
    found = ask("gaps", "--region", "Kabupaten Dua", "--as-of", "2025-06-01")
    assert [(f["kind"], iris(f["regions"])) for f in found] == [("unlinked-handover", ["r2"])]
    assert [(link["link"], iris(link["parties"])) for link in found[0]["closing_links"]] == [
        ("agreement", ["dinas-p", "polda-p"])]


def test_search_ranks_the_exact_abbreviation_first(ask):
    hits = ask("search", "Kanwil Baru P")
    assert hits[0]["iri"] == MD + "kw-baru"


def test_stats_counts_what_the_world_holds(ask):
    counts = {row["what"]: row["count"] for row in ask("stats")}
    assert (counts["agencies"], counts["regions"], counts["reporting lines"], counts["responsibilities"],
            counts["restructuring events"], counts["tenures"]) == (11, 4, 13, 4, 2, 1)


def test_sparql_answers_from_the_world(ask):
    rows = ask("sparql", "SELECT ?u WHERE { ?u mandat:parent md:kw-baru }")
    assert rows == [{"u": MD + "rl-ko-2"}]


BRACKET = ('[ a time:Interval ; mandat:earliest{side} [ a time:Instant ; time:inXSDDate "2025-01-15"^^xsd:date ] ; '
           'mandat:latest{side} [ a time:Instant ; time:inXSDgYearMonth "2025-03"^^xsd:gYearMonth ] ]')


@pytest.fixture
def bracketed(tmp_path, run):
    """The world with Kantor Contoh's move known only to fall between 15 Jan and March 2025."""
    text = (Path(WORLD) / "world.ttl").read_text()
    old_end = 'md:rl-ko-1 a mandat:ReportingLine ; mandat:unit md:ko ; mandat:parent md:kw-lama ; dct:source md:src ;\n    mandat:validDuring [ a time:Interval ; time:hasEnd [ a time:Instant ; time:inXSDDate "2025-02-01"^^xsd:date ] ] .'
    new_start = 'md:rl-ko-2 a mandat:ReportingLine ; mandat:unit md:ko ; mandat:parent md:kw-baru ; dct:source md:src ; mandat:legalBasis md:law-1 ;\n    mandat:validDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2025-02-01"^^xsd:date ] ] .'
    assert old_end in text and new_start in text
    text = text.replace(old_end, old_end.split("mandat:validDuring")[0] + "mandat:validDuring "
                        + BRACKET.format(side="End") + " .")
    text = text.replace(new_start, new_start.split("mandat:validDuring")[0] + "mandat:validDuring "
                        + BRACKET.format(side="Beginning") + " .")
    folder = tmp_path / "bracketed"
    folder.mkdir()
    (folder / "world.ttl").write_text(text)

    def _ask(*args):
        result = run("--data", str(folder), *args)
        assert result.exit_code == 0, result.output
        return result.output

    return _ask


@pytest.mark.parametrize("day, certainty, possible", [
    ("2025-01-10", "certain", ["kw-lama"]),
    ("2025-01-15", "uncertain", ["kw-lama", "kw-baru"]),
    ("2025-03-31", "uncertain", ["kw-lama", "kw-baru"]),
    ("2025-04-01", "certain", ["kw-baru"]),
])
def test_chain_inside_a_bracketed_change_says_uncertain_with_both_parents(bracketed, day, certainty, possible):
    first = json.loads(bracketed("chain", "Kantor Contoh", "--as-of", day, "--format", "json"))[0]
    assert (first["certainty"], iris(first["possible_parents"])) == (certainty, possible)


def test_uncertain_chain_says_so_in_table_and_csv(bracketed):
    table = bracketed("chain", "Kantor Contoh", "--as-of", "2025-02-10")
    assert "≈ tidak pasti: Kantor Contoh Kabupaten Satu melapor kepada salah satu dari: " \
           "Kantor Wilayah Lama Provinsi P; Kantor Wilayah Baru Provinsi P" in " ".join(table.split())
    rows = bracketed("chain", "Kantor Contoh", "--as-of", "2025-02-10", "--format", "csv").splitlines()
    header = rows[0].split(",")
    first = next(csv_rows(rows))
    assert first[header.index("certainty")] == "uncertain"
    assert first[header.index("possible_parent_iris")] == f"{MD}kw-lama {MD}kw-baru"


def csv_rows(lines):
    import csv

    return iter(list(csv.reader(lines))[1:])


def test_show_inside_a_bracketed_change_names_both_parents(bracketed):
    card = json.loads(bracketed("show", "Kantor Contoh", "--as-of", "2025-02-10", "--format", "json"))
    assert card["certainty"] == "uncertain"
    assert iris(card["possible_parents"]) == ["kw-lama", "kw-baru"]


PLAIN_LINE = ('md:pos-x a mandat:PoliceUnit ; skos:prefLabel "Pos Polisi X"@id , "Police Post X"@en ;\n'
              '    org:subOrganizationOf md:polda-p ; dct:source md:src .\n')


def plain_world(tmp_path) -> Path:
    """The world plus a police post written only as org:subOrganizationOf Polda P (no dated line)."""
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "world.ttl").write_text((Path(WORLD) / "world.ttl").read_text() + "\n" + PLAIN_LINE)
    return folder


@pytest.fixture
def with_plain_line(tmp_path, run):
    folder = plain_world(tmp_path)

    def _ask(*args):
        result = run("--data", str(folder), *args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    return _ask


def test_a_plain_suborganization_is_an_always_valid_unverified_line(with_plain_line):
    rows = with_plain_line("chain", "Pos Polisi X", "--as-of", "2025-06-01")
    assert iris(rows) == ["pos-x", "polda-p", "pres"]
    assert (rows[0]["confidence"], rows[0]["since"], rows[0]["until"]) == ("unverified", None, None)
    line = with_plain_line("show", "Pos Polisi X", "--as-of", "2023-01-01")["reporting_line"]
    assert line == {"legal_basis": [], "sources": [], "confidence": "unverified",
                    "note": "org:subOrganizationOf without a dated reporting line"}
    assert iris(with_plain_line("show", "Polda P", "--as-of", "2025-06-01")["children"]) == ["polres-r1", "pos-x"]


def test_a_plain_suborganization_is_read_as_one_unverified_line_named_after_its_unit(tmp_path):
    """Its own record (an IRI no dated line has, no dates), and the export's edge says unverified."""
    from graph.model import Interval
    from graph.queries.export import network
    from graph.queries.lookup import open_lookup

    look = open_lookup([str(plain_world(tmp_path))])
    [line] = [line for line in look.lines if line.unit == MD + "pos-x"]
    assert (line.iri, line.parent, line.confidence, line.valid, line.sources) == (
        MD + "pos-x#subOrganizationOf", MD + "polda-p", "unverified", Interval(), ())
    edges = [d for _, b, d in network(look).edges(MD + "pos-x", data=True) if d["relation"] == "reports_to"]
    assert edges == [{"relation": "reports_to", "since": "", "until": "", "confidence": "unverified"}]


def test_show_names_predecessors_and_successors_with_change_and_date(ask):
    new = ask("--lang", "en", "show", "Kanwil Baru P", "--as-of", "2025-06-01")
    assert new["predecessors"] == [{"iri": MD + "kw-lama", "label": "Old Regional Office Province P",
                                    "change": "renamed", "date": "2025-02-01"}]
    assert new["successors"] == []
    old = ask("show", "Kanwil Lama P", "--as-of", "2024-06-01")
    assert old["predecessors"] == []
    assert old["successors"] == [{"iri": MD + "kw-baru", "label": "Kantor Wilayah Baru Provinsi P",
                                  "change": "renamed", "date": "2025-02-01"}]
    split = ask("show", "Kementerian Baru", "--as-of", "2025-06-01")["predecessors"]
    assert [(p["iri"], p["change"], p["date"]) for p in split] == [(MD + "kl", "split", "2024-11-01")]


HEADS = """
md:person-budi a mandat:Person ; foaf:name "Budi Contoh" ; skos:prefLabel "Budi Contoh"@id ; dct:source md:src .
md:person-cici a mandat:Person ; foaf:name "Cici Contoh" ; skos:prefLabel "Cici Contoh"@id ; dct:source md:src .
md:person-dedi a mandat:Person ; foaf:name "Dedi Contoh" ; skos:prefLabel "Dedi Contoh"@id ; dct:source md:src .
md:role-staf a org:Role ; skos:prefLabel "Staf"@id , "Staff"@en .
md:tenure-cici a mandat:Tenure ; org:member md:person-cici ; org:organization md:ko ; org:role md:role-kepala ;
    org:memberDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2019-01-01"^^xsd:date ] ;
                       time:hasEnd [ a time:Instant ; time:inXSDDate "2020-01-01"^^xsd:date ] ] ; dct:source md:src .
md:tenure-budi a mandat:Tenure ; org:member md:person-budi ; org:organization md:ko ; org:role md:role-kepala ;
    org:memberDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2021-01-01"^^xsd:date ] ;
                       time:hasEnd [ a time:Instant ; time:inXSDDate "2022-01-01"^^xsd:date ] ] ; dct:source md:src .
md:tenure-dedi a mandat:Tenure ; org:member md:person-dedi ; org:organization md:ko ; org:role md:role-staf ;
    org:memberDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2022-03-01"^^xsd:date ] ] ;
    dct:source md:src .
"""


@pytest.fixture
def with_heads(tmp_path, run):
    """Kantor Contoh with two earlier heads (Cici 2019, Budi 2021, each for a year) and a staff member."""
    folder = tmp_path / "heads"
    folder.mkdir()
    (folder / "world.ttl").write_text((Path(WORLD) / "world.ttl").read_text() + HEADS)

    def _head(day, office="Kantor Contoh"):
        result = run("--data", str(folder), "show", office, "--as-of", day, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["head"]

    return _head


def test_the_head_is_the_current_one_else_the_last_known_marked_so(with_heads):
    assert with_heads("2019-06-01", "Dinas P") is None
    assert with_heads("2019-06-01")["iri"] == MD + "person-cici"
    assert "last_attested" not in with_heads("2019-06-01")
    last = with_heads("2022-06-01")                    # Budi left; Dedi is staff, not head
    assert (last["iri"], last["since"], last["until"], last["last_attested"]) == (
        MD + "person-budi", "2021-01-01", "2022-01-01", True)
    assert (last["post"], last["confidence"], last["sources"][0]["iri"]) == (
        "Kepala Kantor Contoh Kabupaten Satu", "verified", MD + "src")
    assert with_heads("2023-06-01")["iri"] == MD + "person-ani"


GONE = """
md:gone a mandat:TechnicalUnit ; skos:prefLabel "Kantor Lama"@id , "Old Office"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; mandat:earliestEnd [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ;
                         mandat:latestEnd [ a time:Instant ; time:inXSDDate "2025-03-01"^^xsd:date ] ] .
"""


def test_diff_an_office_ending_with_no_event_is_dissolved_uncertain_while_its_bracket_is_open(run, tmp_path):
    """Known only to have ended between 2025-01-01 and 2025-03-01: dissolved by 2025-06-01 for
    certain, by 2025-02-01 perhaps."""
    folder = tmp_path / "world"
    folder.mkdir()
    (folder / "world.ttl").write_text(Path(WORLD, "world.ttl").read_text(encoding="utf-8") + GONE, encoding="utf-8")

    def dissolved(to):
        result = run("--lang", "en", "--data", str(folder), "diff", "--from", "2024-06-01", "--to", to,
                     "--region", "Province P", "--format", "json")
        assert result.exit_code == 0, result.output
        answer = json.loads(result.output)
        assert answer["region"] == {"iri": MD + "p", "label": "Province P"}
        return [(x["agency"]["label"], x["change"], x["date"], x["certainty"])
                for x in answer["dissolved"] if x["agency"]["iri"] == MD + "gone"]

    assert dissolved("2025-02-01") == [("Old Office", "dissolved", "2025-01-01..2025-03-01", "uncertain")]
    assert dissolved("2025-06-01") == [("Old Office", "dissolved", "2025-01-01..2025-03-01", "certain")]


def test_diff_under_an_office_names_it_in_the_chosen_language(run):
    result = run("--lang", "en", "--data", WORLD, "diff", "--from", "2024-06-01", "--to", "2025-06-01",
                 "--under", "New Regional Office Province P", "--format", "json")
    assert json.loads(result.output)["under"] == {"iri": MD + "kw-baru", "label": "New Regional Office Province P"}
