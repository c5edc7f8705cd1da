"""The CLI questions on the shipped data: the answers the issue asks for."""

from __future__ import annotations

import csv
import io

import pytest

MD = "https://w3id.org/mandat/id/"


def iris(items, key=None):
    return [(i[key] if key else i)["iri"] for i in items]


# -- chain -----------------------------------------------------------------

def test_chain_batulicin_june_2023_goes_through_kanwil_kemenkumham(run_json):
    answer = run_json("chain", "Kanim Batulicin", "--as-of", "2023-06-21")
    assert iris(answer)[:3] == [MD + "kanim-batulicin", MD + "kanwil-kemenkumham-kalsel", MD + "kemenkumham"]
    assert iris(answer)[-1] == MD + "presiden"
    assert answer[0]["reports_to"]["iri"] == MD + "kanwil-kemenkumham-kalsel"


def test_chain_batulicin_2025_goes_through_ditjen_imigrasi(run_json):
    answer = run_json("chain", "Kantor Imigrasi Kelas II TPI Batulicin", "--as-of", "2025-06-01")
    assert iris(answer)[:4] == [MD + "kanim-batulicin", MD + "kanwil-ditjenim-kalsel",
                                MD + "ditjen-imigrasi", MD + "kemenimipas"]
    assert all("kemenkumham" not in i for i in iris(answer))


def test_chain_accepts_iri_and_english_label(run_json):
    by_iri = run_json("chain", "md:kanim-batulicin", "--as-of", "2023-06-21")
    by_prefixed = run_json("chain", MD + "kanim-batulicin", "--as-of", "2023-06-21")
    assert by_iri == by_prefixed


def test_chain_table_names_the_kanwil(run):
    result = run("chain", "Kanim Batulicin", "--as-of", "2023-06-21")
    assert result.exit_code == 0
    assert "Kalimantan" in result.output and "Wilayah" in result.output


def test_chain_of_dissolved_office_after_dissolution_names_successor(run):
    result = run("chain", "Kemenkumham", "--as-of", "2025-01-01")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "dibubarkan pada 2024-10-21; penerus: 'Kementerian Hak Asasi Manusia', 'Kementerian Hukum', " \
           "'Kementerian Imigrasi dan Pemasyarakatan'" in result.output


# -- who-handles ---------------------------------------------------------------

@pytest.mark.parametrize("step, expected", [
    ("Penyidikan", {MD + "polres-tanah-bumbu", MD + "polda-kalsel", MD + "polri"}),
    ("prosecution", {MD + "kejari-tanah-bumbu", MD + "kejati-kalsel", MD + "kejagung"}),
    ("Pemulangan", {MD + "kemlu", MD + "kemensos"}),
    ("umrah travel supervision", {MD + "kemenag", MD + "kanwil-kemenag-kalsel"}),
])
def test_who_handles_leads_in_tanah_bumbu(run_json, step, expected):
    answer = run_json("who-handles", step, "--region", "Tanah Bumbu", "--as-of", "2025-06-01")
    leads = {r["agency"]["iri"] for r in answer if r["role"] == "lead"}
    assert leads & expected, leads
    for row in answer:
        assert {"agency", "role", "jurisdiction", "legal_basis", "sources"} <= row.keys()
        assert row["role"] in ("lead", "support")


def test_who_handles_nearest_jurisdiction_first(run_json):
    answer = run_json("who-handles", "investigation", "--region", "Tanah Bumbu", "--as-of", "2025-06-01")
    distances = [r["distance"] for r in answer]
    assert distances == sorted(distances)
    assert answer[-1]["jurisdiction"]["iri"] == MD + "region-indonesia"


# -- diff, history, show, steps, search ---------------------------------------------

def test_diff_across_october_2024_lists_moved_kanim(run_json):
    answer = run_json("diff", "--from", "2024-10-01", "--to", "2025-01-01")
    moved = {m["unit"]["iri"]: m for m in answer["moved"]}
    for office, old, new in [("kanim-batulicin", "kanwil-kemenkumham-kalsel", "kanwil-ditjenim-kalsel"),
                             ("kanim-banjarmasin", "kanwil-kemenkumham-kalsel", "kanwil-ditjenim-kalsel"),
                             ("kanim-pangkalpinang", "kanwil-kemenkumham-babel", "kanwil-ditjenim-babel"),
                             ("kanim-tanjung-pandan", "kanwil-kemenkumham-babel", "kanwil-ditjenim-babel")]:
        assert moved[MD + office]["old_parent"]["iri"] == MD + old
        assert moved[MD + office]["new_parent"]["iri"] == MD + new
    assert MD + "kemenimipas" in iris(answer["created"], "agency")
    assert MD + "kemenkumham" in iris(answer["dissolved"], "agency")
    assert set(answer) >= {"created", "dissolved", "renamed", "moved"}


def test_diff_under_limits_to_subtree(run_json):
    answer = run_json("diff", "--from", "2024-10-01", "--to", "2025-01-01", "--under", "Kanwil Kemenkumham Kalsel")
    units = {m["unit"]["iri"] for m in answer["moved"]}
    assert MD + "kanim-batulicin" in units
    assert MD + "kanim-pangkalpinang" not in units


def test_history_batulicin_has_the_move_with_its_regulation(run_json):
    answer = run_json("history", "Kanim Batulicin")
    moves = [e for e in answer if e["kind"] == "moved"]      # read off the reporting lines, not a ChangeEvent
    assert [(m["date"], m["from"][0]["iri"], m["to"][0]["iri"]) for m in moves] == [
        ("2024-11-05..2025-05-05", MD + "kanwil-kemenkumham-kalsel", MD + "kanwil-ditjenim-kalsel")]  # a bracket
    assert MD + "perpres-157-2024" in iris(moves[0]["regulation"])
    assert [e["date"] for e in answer if e["date"]] == sorted(e["date"] for e in answer if e["date"])
    assert any(e["kind"] == "head" for e in answer)


def test_show_card_has_the_promised_keys(run_json):
    card = run_json("show", "Kanim Batulicin", "--as-of", "2025-06-01")
    assert {"parent", "head", "responsibilities", "predecessors", "successors"} <= card.keys()
    assert card["parent"]["iri"] == MD + "kanwil-ditjenim-kalsel"
    assert card["responsibilities"]


def test_show_successors_of_kemenkumham(run_json):
    card = run_json("show", "Kemenkumham", "--as-of", "2024-01-01")
    assert {MD + "kemenkum", MD + "kemenham", MD + "kemenimipas"} <= set(iris(card["successors"]))


def test_steps_in_order_with_handovers(run_json):
    answer = run_json("steps")
    assert len(answer) >= 17
    assert answer[0]["iri"] == MD + "step-prevention"
    by_iri = {s["iri"]: s for s in answer}
    assert MD + "step-prosecution" in iris(by_iri[MD + "step-investigation"]["hands_over_to"])


def test_search_finds_abbreviation_first(run_json):
    assert run_json("search", "Kemenkumham")[0]["iri"] == MD + "kemenkumham"
    assert run_json("search", "Kalsel")[0]["iri"] == MD + "region-kalsel"


def test_search_finds_people_with_their_posts(run_json):
    hits = run_json("search", "Faisol Ali")
    assert hits[0]["kind"] == "person" and hits[0]["posts"]


def test_lang_en_gives_english_labels(run_json):
    answer = run_json("--lang", "en", "chain", "Kanim Batulicin", "--as-of", "2023-06-21")
    assert answer[0]["label"].startswith("Batulicin")


# -- unverified facts are marked in every format -------------------------------------

def test_unverified_marker_in_json_table_and_csv(run, run_json):
    rows = run_json("who-handles", "health rehabilitation", "--as-of", "2025-06-01")
    flagged = [r for r in rows if r["confidence"] == "unverified"]
    assert flagged, "the data marks the health-rehabilitation lead as unverified"
    table = run("who-handles", "health rehabilitation", "--as-of", "2025-06-01").output
    assert "belum terverifikasi" in table
    import csv

    data = list(csv.DictReader(run("who-handles", "health rehabilitation", "--as-of", "2025-06-01",
                                   "--format", "csv").output.splitlines()))
    assert [r["agency_iri"] for r in data if r["status"] == "unverified"] == [r["agency"]["iri"] for r in flagged]


def test_csv_is_the_same_in_both_languages_but_for_labels(run):
    import csv

    def rows(lang):
        out = run("--lang", lang, "who-handles", "Penyidikan", "--region", "Tanah Bumbu", "--as-of", "2025-06-01",
                  "--format", "csv").output
        return list(csv.DictReader(out.splitlines()))
    ids, ens = rows("id"), rows("en")
    assert list(ids[0]) == list(ens[0]) == ["agency", "role", "jurisdiction", "basis", "status", "sources",
                                            "agency_iri", "jurisdiction_iri", "role_code"]
    codes = ["role", "status", "agency_iri", "jurisdiction_iri"]
    assert [[r[k] for k in codes] for r in ids] == [[r[k] for k in codes] for r in ens]
    assert {r["role"] for r in ids} == {"lead", "support"}


def test_global_options_work_after_the_command(run):
    before = run("--lang", "en", "--format", "json", "chain", "Kanim Batulicin", "--as-of", "2025-06-01").output
    after = run("chain", "Kanim Batulicin", "--as-of", "2025-06-01", "--lang", "en", "--format", "json").output
    assert before == after and '"label": "Batulicin Class II Immigration Office (with checkpoint)"' in after


# -- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (("chain", "Kantor Antah Berantah"), "no instansi matches"),
    (("chain", "Kanim"), "more than one"),
    (("chain", "Kanim Batulicin", "--as-of", "2024-13-45"), "is not a date"),
    (("chain", "Kanim Batulicin", "--as-of", "1990-01-01"), "before any data"),
    (("chain", '"} ; DROP ALL ; {"'), "matches"),
    (("who-handles", "investigation", "--region", "Atlantis"), "wilayah"),
    (("sparql", "DROP ALL"), "not allowed"),
    (("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "not allowed"),
    (("sparql", "SELECT ?s WHERE { ?s"), "syntax error"),
    (("diff", "--from", "2025-01-01", "--to", "2024-01-01"), "not after"),
])
def test_bad_input_gives_one_line_and_exit_2(run, args, needle):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_near_miss_is_accepted(run_json):
    assert run_json("chain", "Kanim Batulcin", "--as-of", "2023-06-21")[0]["iri"] == MD + "kanim-batulicin"


def test_ambiguous_name_lists_candidates(run):
    result = run("show", "Kanim")
    assert "Batulicin" in result.output or "Pangkalpinang" in result.output


def test_empty_data_folder(run, tmp_path):
    result = run("--data", str(tmp_path), "steps")
    assert result.exit_code == 2 and "no .ttl files" in result.output


def test_malformed_turtle_names_file_and_line(run, tmp_path):
    (tmp_path / "bad.ttl").write_text('@prefix x: <urn:x#> .\nx:a x:b x:c .\nx:a x:b "open .\n')
    result = run("--data", str(tmp_path), "steps")
    assert result.exit_code == 2
    assert "bad.ttl:3" in result.output


# -- sparql and export -------------------------------------------------------------------

def test_sparql_select_binds_prefixes(run_json):
    rows = run_json("sparql", "SELECT ?l WHERE { md:kanim-batulicin skos:prefLabel ?l FILTER(lang(?l)='id') }")
    assert rows == [{"l": "Kantor Imigrasi Kelas II TPI Batulicin"}]


def test_sparql_from_file_and_ask(run, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("ASK { md:kanim-batulicin a mandat:TechnicalUnit }")
    result = run("sparql", "-f", str(q))
    assert result.exit_code == 0 and "true" in result.output


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_export_rdf_round_trips(run, tmp_path, fmt):
    from rdflib import Graph

    out = tmp_path / f"g.{fmt}"
    assert run("export", "--format", fmt, "-o", str(out)).exit_code == 0
    g = Graph().parse(out, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    assert len(g) > 1000


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_graph_formats_read_back(run, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"g.{fmt}"
    assert run("export", "--format", fmt, "-o", str(out)).exit_code == 0
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    assert MD + "kanim-batulicin" in g.nodes
    assert any(d.get("relation") == "reports_to" for _, _, d in g.edges(data=True))


def test_export_csv_edges(run):
    result = run("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert any(r["source"] == MD + "kanim-batulicin" and r["relation"] == "reports_to" for r in rows)
