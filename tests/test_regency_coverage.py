"""Pins on the regency/city actors of Kalimantan Selatan and Kepulauan Bangka Belitung (issue 13).

The questions run through the CLI (``run_json``) on the shipped data: who handles a step in a
regency, where an office reports, and what ``mandat coverage`` holds per regency. A last group
reads the two regency files and their sources file with rdflib and checks how they are written:
every office has a source and a reporting line, nothing in them is unverified, every source
document has a title, an agent publisher and a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF

from graph.loading import load_graph

MD = "https://w3id.org/mandat/id/"
M = Namespace("https://w3id.org/mandat/ontology#")
JUNE_2025 = ("--as-of", "2025-06-01")
DATA = Path(__file__).resolve().parent.parent / "data"
OWN_FILES = ("regency-actors-kalsel.ttl", "regency-actors-babel.ttl")
AGENCY_CLASSES = (M.RegionalGovernment, M.RegionalDepartment, M.TechnicalUnit, M.PoliceUnit,
                  M.ProsecutionOffice, M.Court, M.TaskForce)


def leads(answer, distance=0):
    """IRIs (local names) of the leads the who-handles answer finds in the region itself."""
    return {row["agency"]["iri"].removeprefix(MD) for row in answer
            if row["role"] == "lead" and row["distance"] == distance}


def by_region(rows):
    return {row["region"]["iri"].removeprefix(MD): row for row in rows}


def held(row, kind):
    """Local names of the agencies of one kind a coverage row holds."""
    for k in row["kinds"]:
        if k["kind"] == kind:
            return {a["iri"].removeprefix(MD) for a in k["agencies"]}
    return set()


# --- who handles a step in a regency ----------------------------------------------------

@pytest.mark.parametrize("step, region, agency", [
    ("Penyidikan", "Balangan", "polres-balangan"),
    ("Penyidikan", "Kabupaten Banjar", "polres-banjar"),
    ("Penyidikan", "Bangka Barat", "polres-bangka-barat"),
    ("Penuntutan", "Balangan", "kejari-balangan"),
    ("Penuntutan", "Belitung Timur", "kejari-belitung-timur"),
    ("Persidangan", "Hulu Sungai Tengah", "pn-barabai"),
    ("Persidangan", "Bangka Tengah", "pn-koba"),
    ("Koordinasi", "Hulu Sungai Selatan", "gt-hulu-sungai-selatan"),
    ("Koordinasi", "Pangkalpinang", "gt-pangkalpinang"),
    ("Identifikasi korban", "Pangkalpinang", "uptd-ppa-pangkalpinang"),
])
def test_who_handles_names_the_regency_office(run_json, step, region, agency):
    assert agency in leads(run_json("who-handles", step, "--region", region, *JUNE_2025))


def test_polres_balangan_lead_is_weak_and_says_why(run_json):
    rows = [r for r in run_json("who-handles", "Penyidikan", "--region", "Balangan", *JUNE_2025)
            if r["agency"]["iri"] == MD + "polres-balangan"]
    assert len(rows) == 1
    assert rows[0]["confidence"] == "weak" and "No TPPO case" in rows[0]["note"]
    assert rows[0]["sources"][0]["date"] == "2023-06-09"


def test_kejari_balangan_prosecution_rests_on_its_own_tppo_case(run_json):
    rows = [r for r in run_json("who-handles", "Penuntutan", "--region", "Balangan", *JUNE_2025)
            if r["agency"]["iri"] == MD + "kejari-balangan"]
    assert rows and rows[0]["confidence"] == "verified"
    assert {s["iri"].removeprefix(MD) for s in rows[0]["sources"]} == {"src-matabanua-kejari-balangan-2025-01-02"}


def test_bangka_selatan_trial_falls_to_pn_sungailiat_weakly(run_json):
    rows = [r for r in run_json("who-handles", "Persidangan", "--region", "Bangka Selatan", *JUNE_2025)
            if r["distance"] == 0]
    assert [r["agency"]["iri"].removeprefix(MD) for r in rows] == ["pn-sungailiat"]
    assert rows[0]["confidence"] == "weak"


# --- reporting lines --------------------------------------------------------------------

@pytest.mark.parametrize("unit, parents", [
    ("Polres Balangan", ["polres-balangan", "polda-kalsel", "polri"]),
    ("Kejari Tapin", ["kejari-tapin", "kejati-kalsel", "kejagung"]),
    ("Kejari Bangka Barat", ["kejari-bangka-barat", "kejati-babel", "kejagung"]),
    ("PN Barabai", ["pn-barabai", "mahkamah-agung"]),
    ("UPTD PPA Pangkalpinang", ["uptd-ppa-pangkalpinang", "dp3a-pangkalpinang", "pemkot-pangkalpinang",
                                "pemprov-babel"]),
    ("GT PP-TPPO HSS", ["gt-hulu-sungai-selatan", "pemkab-hulu-sungai-selatan", "pemprov-kalsel"]),
])
def test_chain_runs_up_the_expected_line(run_json, unit, parents):
    chain = [node["iri"].removeprefix(MD) for node in run_json("chain", unit, *JUNE_2025)]
    assert chain[:len(parents)] == parents


def test_polres_balangan_line_is_sourced_not_weak(run_json):
    first = run_json("chain", "Polres Balangan", *JUNE_2025)[0]
    assert first["reports_to"]["iri"] == MD + "polda-kalsel"
    assert {s["iri"].removeprefix(MD) for s in first["sources"]} == {
        "src-wartaniaga-polres-balangan-2023-08-26", "src-iniberita-polres-balangan-2022-09-28"}


# --- coverage rows ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def kalsel(isolated_cache):
    from click.testing import CliRunner
    import json

    from graph.cli import main
    out = CliRunner().invoke(main, ["coverage", "--region", "Kalsel", *JUNE_2025, "--format", "json"])
    assert out.exit_code == 0, out.output
    return by_region(json.loads(out.output))


@pytest.fixture(scope="module")
def babel(isolated_cache):
    from click.testing import CliRunner
    import json

    from graph.cli import main
    out = CliRunner().invoke(main, ["coverage", "--region", "Babel", *JUNE_2025, "--format", "json"])
    assert out.exit_code == 0, out.output
    return by_region(json.loads(out.output))


def test_coverage_balangan(kalsel):
    row = kalsel["region-balangan"]
    assert held(row, "police-unit") == {"polres-balangan"}
    assert held(row, "prosecution-office") == {"kejari-balangan"}
    assert held(row, "regional-government") == {"pemkab-balangan"}
    assert held(row, "regional-department") == {"dp3a-balangan"}
    assert held(row, "technical-unit") == {"kanim-balangan", "kanim-banjarmasin"}
    assert "police-unit" not in row["missing"] and "prosecution-office" not in row["missing"]
    assert row["sourced"]["share"] == 1.0


def test_coverage_hulu_sungai_selatan_has_its_task_force_and_court(kalsel):
    row = kalsel["region-hulu-sungai-selatan"]
    assert held(row, "task-force") == {"gt-hulu-sungai-selatan"}
    assert held(row, "court") == {"pn-kandangan"}
    assert held(row, "regional-department") == {"dp3a-hulu-sungai-selatan", "disnaker-hulu-sungai-selatan",
                                                 "dinsos-hulu-sungai-selatan"}


def test_coverage_bangka_tengah_and_pangkalpinang(babel):
    bateng = babel["region-bangka-tengah"]
    assert held(bateng, "court") == {"pn-koba"}
    assert held(bateng, "police-unit") == {"polres-bangka-tengah"}
    assert held(bateng, "prosecution-office") == {"kejari-bangka-tengah"}
    assert held(bateng, "regional-department") == {"disnaker-bangka-tengah"}
    pgk = babel["region-pangkalpinang"]
    assert pgk["missing"] == []
    assert held(pgk, "task-force") == {"gt-pangkalpinang", "timpora-pangkalpinang"}
    assert held(pgk, "technical-unit") == {"kanim-pangkalpinang", "uptd-ppa-pangkalpinang"}


def test_every_babel_regency_has_its_police_and_prosecutor(babel):
    regencies = [r for r in babel.values() if r["level"] == "regency"]
    assert len(regencies) == 7
    for row in regencies:
        assert held(row, "police-unit"), row["region"]["label"]
        assert held(row, "prosecution-office"), row["region"]["label"]
        assert held(row, "regional-government"), row["region"]["label"]


def test_most_kalsel_regencies_have_police_prosecutor_and_government(kalsel):
    regencies = [r for r in kalsel.values() if r["level"] == "regency"]
    assert len(regencies) == 13
    with_prosecutor = [r for r in regencies if held(r, "prosecution-office")]
    with_police = [r for r in regencies if held(r, "police-unit")]
    assert len(with_prosecutor) >= 11 and len(with_police) >= 10


# --- how the files are written ----------------------------------------------------------

@pytest.fixture(scope="module")
def own():
    g = Graph()
    for name in OWN_FILES:
        g.parse(DATA / name, format="turtle")
    return g


@pytest.fixture(scope="module")
def full():
    return load_graph()


def own_agencies(g):
    return {s for c in AGENCY_CLASSES for s in g.subjects(RDF.type, c)}


def test_own_offices_have_a_source_and_a_line(own):
    agencies = own_agencies(own)
    assert len(agencies) >= 50
    units = set(own.objects(None, M.unit))
    for agency in agencies:
        assert (agency, DCTERMS.source, None) in own, agency
        assert agency in units, agency


def test_nothing_in_the_regency_files_is_unverified(own):
    assert not list(own.subjects(M.confidence, M.Unverified))


def test_weak_facts_say_why(own):
    for fact in own.subjects(M.confidence, M.WeakSource):
        assert own.value(fact, URIRef("http://www.w3.org/2004/02/skos/core#editorialNote")), fact


def test_no_office_is_minted_twice(full):
    """The regency files reuse the IRIs of data/regional-actors.ttl: one office, one label."""
    labels = {}
    for agency in own_agencies(full):
        for label in full.objects(agency, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")):
            if getattr(label, "language", None) == "id":
                assert str(label) not in labels, (agency, labels.get(str(label)))
                labels[str(label)] = agency


def test_regency_sources_are_complete(full):
    g = Graph()
    g.parse(DATA / "sources-regency.ttl", format="turtle")
    docs = {s for c in (M.NewsArticle, M.OfficialPage, M.ReferencePage) for s in g.subjects(RDF.type, c)}
    assert len(docs) >= 50
    undated = set()
    for doc in docs:
        assert g.value(doc, DCTERMS.title), doc
        assert g.value(doc, FOAF.page), doc
        publisher = g.value(doc, DCTERMS.publisher)
        assert isinstance(publisher, URIRef) and (publisher, RDF.type, None) in full, doc
        if g.value(doc, DCTERMS.date) is None:
            undated.add(str(doc).removeprefix(MD))
    assert undated == {"src-prokal-pn-banjarbaru-2024"}
