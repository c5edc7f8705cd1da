"""Pins on the national immigration layer (issue 13), asked through the CLI.

data/immigration.ttl holds Kalsel and Babel; data/immigration-national.ttl holds
the Kanwil Ditjen Imigrasi of the other provinces and the Kantor Imigrasi that
dated sources attest. These tests pin how many Kanwil there are, a few office
types and classes, and the parent of a few Kantor Imigrasi before and after the
hand-over to the Kanwil Ditjen Imigrasi.
"""

from __future__ import annotations

import pytest

MD = "https://w3id.org/mandat/id/"
PREFIXES = ("PREFIX mandat: <https://w3id.org/mandat/ontology#> "
            "PREFIX md: <https://w3id.org/mandat/id/> ")
BEFORE, AFTER = ("--as-of", "2024-06-01"), ("--as-of", "2026-03-01")


def select(run_json, query):
    return run_json("sparql", PREFIXES + query)


def parents(run_json, name, when):
    chain = run_json("chain", name, *when)
    return [link["iri"] for link in chain]


def test_kanwil_ditjen_imigrasi_count(run_json):
    rows = select(run_json, 'SELECT (COUNT(DISTINCT ?k) AS ?n) WHERE { ?k a mandat:RegionalOffice . '
                            'FILTER(STRSTARTS(STR(?k), STR(md:kanwil-ditjenim-))) }')
    assert int(rows[0]["n"]) == 33


def test_every_kanwil_ditjen_imigrasi_reports_to_the_directorate_general(run_json):
    rows = select(run_json, 'SELECT ?k WHERE { ?k a mandat:RegionalOffice . '
                            'FILTER(STRSTARTS(STR(?k), STR(md:kanwil-ditjenim-))) '
                            'FILTER NOT EXISTS { ?l mandat:unit ?k ; mandat:parent md:ditjen-imigrasi } }')
    assert rows == []


@pytest.mark.parametrize("name, office, cls", [
    ("Kanim Padang", "kanim-padang", "kelas-i-tpi"),
    ("Kanim Agam", "kanim-agam", "kelas-i-non-tpi"),
    ("Kanim Bungo", "kanim-bungo", "kelas-iii-non-tpi"),
    ("Kanim Timika", "kanim-timika", "kelas-ii-tpi"),
    ("Kanim Tobelo", "kanim-tobelo", "kelas-ii-non-tpi"),
    ("Kanim Lubuklinggau", "kanim-lubuklinggau", "kelas-iii-non-tpi"),
    ("Kanim Morowali", "kanim-morowali", "kelas-i-tpi"),
    ("Kanim Sampit", "kanim-sampit", "kelas-ii-tpi"),
    ("Kanim Ranai", "kanim-ranai", "kelas-ii-tpi"),
    ("Kanim Bandar Lampung", "kanim-bandar-lampung", "kelas-i-tpi"),
    ("Kanim Jember", "kanim-jember", "kelas-i-tpi"),
    ("Kanim Pamekasan", "kanim-pamekasan", "kelas-ii-non-tpi"),
    ("Kanim Pati", "kanim-pati", "kelas-i-non-tpi"),
    ("Kanim Cirebon", "kanim-cirebon", "kelas-i-tpi"),
    ("Kanim Sambas", "kanim-sambas", "kelas-ii-tpi"),
    ("Kanim Tanjung Redeb", "kanim-tanjung-redeb", "kelas-iii-non-tpi"),
])
def test_office_class(run_json, name, office, cls):
    rows = select(run_json, f'SELECT ?c WHERE {{ md:{office} mandat:officeClass ?c }}')
    assert [r["c"] for r in rows] == [MD + "class-" + cls]


@pytest.mark.parametrize("name, kanwil", [
    ("Kanim Padang", "kanwil-ditjenim-sumbar"),
    ("Kanim Kerinci", "kanwil-ditjenim-jambi"),
    ("Kanim Jayapura", "kanwil-ditjenim-papua"),
    ("Kanim Banda Aceh", "kanwil-ditjenim-aceh"),
    ("Kanim Ternate", "kanwil-ditjenim-malut"),
    ("Kanim Samarinda", "kanwil-ditjenim-kaltim"),
    ("Kanim Kupang", "kanwil-ditjenim-ntt"),
    ("Kanim Cilegon", "kanwil-ditjenim-banten"),
    ("Kanim Selatpanjang", "kanwil-ditjenim-riau"),
    ("Kanim Tanjung Uban", "kanwil-ditjenim-kepri"),
    ("Kanim Bandar Lampung", "kanwil-ditjenim-lampung"),
    ("Kanim Cirebon", "kanwil-ditjenim-jabar"),
    ("Kanim Wonosobo", "kanwil-ditjenim-jateng"),
    ("Kanim Pamekasan", "kanwil-ditjenim-jatim"),
    ("Kanim Tanjung Priok", "kanwil-ditjenim-dki-jakarta"),
    ("Kanim Nunukan", "kanwil-ditjenim-kaltim"),
    ("Kanim Soekarno-Hatta", "kanwil-ditjenim-banten"),
    ("Kanim Langsa", "kanwil-ditjenim-aceh"),
    ("Kanim Bagansiapiapi", "kanwil-ditjenim-riau"),
    ("Kanim Maumere", "kanwil-ditjenim-ntt"),
    ("Kanim Tarempa", "kanwil-ditjenim-kepri"),
    ("Kanim Belakang Padang", "kanwil-ditjenim-kepri"),
    ("Kanim Kotabumi", "kanwil-ditjenim-lampung"),
])
def test_kanim_under_its_kanwil_after_the_hand_over(run_json, name, kanwil):
    chain = parents(run_json, name, AFTER)
    assert chain[1:3] == [MD + kanwil, MD + "ditjen-imigrasi"]
    assert MD + "kemenimipas" in chain


@pytest.mark.parametrize("name", ["Kanim Padang", "Kanim Jayapura", "Kanim Bungo"])
def test_kanim_under_the_directorate_general_before_the_hand_over(run_json, name):
    chain = parents(run_json, name, BEFORE)
    assert chain[1:3] == [MD + "ditjen-imigrasi", MD + "kemenkumham"]


def test_kanim_batulicin_before_and_after(run_json):
    assert parents(run_json, "Kanim Batulicin", BEFORE)[1] == MD + "kanwil-kemenkumham-kalsel"
    assert parents(run_json, "Kanim Batulicin", AFTER)[1] == MD + "kanwil-ditjenim-kalsel"


def test_papua_kanwil_serves_four_provinces(run_json):
    rows = select(run_json, 'SELECT ?r WHERE { md:kanwil-ditjenim-papua mandat:servesRegion ?r }')
    assert sorted(r["r"] for r in rows) == sorted(MD + "region-" + p for p in (
        "papua", "papua-tengah", "papua-selatan", "papua-pegunungan"))


def test_hand_over_is_a_bracket_not_a_day(run_json):
    rows = select(run_json, 'PREFIX time: <http://www.w3.org/2006/time#> '
                            'SELECT ?lo ?hi WHERE { md:rl-kanim-jayapura-2 mandat:validDuring ?i . '
                            '?i mandat:earliestBeginning/time:inXSDDate ?lo ; '
                            'mandat:latestBeginning/time:inXSDDate ?hi . '
                            'FILTER NOT EXISTS { ?i time:hasBeginning ?b } }')
    assert rows == [{"lo": "2024-11-05", "hi": "2025-05-26"}]


def test_sumsel_kanwil_is_type_b(run_json):
    rows = select(run_json, 'SELECT ?c WHERE { md:kanwil-ditjenim-sumsel mandat:officeClass ?c }')
    assert [r["c"] for r in rows] == [MD + "class-tipe-b"]


def test_kaltim_kanwil_also_serves_kaltara(run_json):
    rows = select(run_json, 'SELECT ?r WHERE { md:kanwil-ditjenim-kaltim mandat:servesRegion ?r }')
    assert sorted(r["r"] for r in rows) == [MD + "region-kaltara", MD + "region-kaltim"]


def test_new_office_of_november_2025_has_no_line_before_it_existed(run_json):
    chain = run_json("chain", "Kanim Lubuklinggau", *AFTER)
    assert [link["iri"] for link in chain][1] == MD + "kanwil-ditjenim-sumsel"
    rows = select(run_json, 'SELECT ?l WHERE { ?l mandat:unit md:kanim-lubuklinggau }')
    assert len(rows) == 1


def test_papua_barat_kanwil_is_weakly_sourced(run_json):
    rows = select(run_json, 'SELECT ?c WHERE { md:kanwil-ditjenim-papua-barat mandat:confidence ?c }')
    assert [r["c"] for r in rows] == ["https://w3id.org/mandat/ontology#WeakSource"]


def test_one_kanwil_ditjen_imigrasi_per_former_kanwil_kemenkumham_province(run_json):
    rows = select(run_json, 'SELECT DISTINCT ?r WHERE { ?k a mandat:RegionalOffice ; mandat:servesRegion ?r . '
                            'FILTER(STRSTARTS(STR(?k), STR(md:kanwil-ditjenim-))) }')
    served = {r["r"].removeprefix(MD + "region-") for r in rows}
    # 33 offices; Kaltim also serves Kaltara, Papua the three new Papua provinces, Papua Barat Papua Barat Daya
    assert len(served) == 38
    assert {"kaltara", "papua-tengah", "papua-selatan", "papua-pegunungan", "papua-barat-daya"} <= served


@pytest.mark.parametrize("kanwil, confidence", [
    ("kanwil-ditjenim-ntb", "Unverified"),
    ("kanwil-ditjenim-sulsel", "Unverified"),
    ("kanwil-ditjenim-riau", "WeakSource"),
])
def test_kanwil_without_a_dated_report_carries_the_marker(run_json, kanwil, confidence):
    rows = select(run_json, f'SELECT ?c WHERE {{ md:{kanwil} mandat:confidence ?c }}')
    assert [r["c"] for r in rows] == ["https://w3id.org/mandat/ontology#" + confidence]


def test_riau_hand_over_not_before_the_last_report_of_the_old_kanwil(run_json):
    rows = select(run_json, 'PREFIX time: <http://www.w3.org/2006/time#> '
                            'SELECT ?lo WHERE { md:rl-kanim-dumai-2 mandat:validDuring ?i . '
                            '?i mandat:earliestBeginning/time:inXSDDate ?lo }')
    assert rows == [{"lo": "2024-12-09"}]
    assert parents(run_json, "Kanim Dumai", ("--as-of", "2024-12-08"))[1] == MD + "ditjen-imigrasi"


def test_the_eighteen_offices_of_november_2025_are_all_in(run_json):
    rows = select(run_json, 'PREFIX time: <http://www.w3.org/2006/time#> '
                            'SELECT DISTINCT ?k WHERE { ?k a mandat:TechnicalUnit ; mandat:validDuring ?i . '
                            '?i mandat:earliestBeginning/time:inXSDDate "2025-11-04"^^<http://www.w3.org/2001/XMLSchema#date> }')
    names = sorted(r["k"].removeprefix(MD + "kanim-") for r in rows)
    assert names == sorted([
        "bantaeng", "bengkulu-utara", "blora", "bone", "garut", "klungkung", "kulon-progo", "lombok-timur",
        "lubuklinggau", "mempawah", "morowali", "padangsidimpuan", "pasuruan", "pohuwato", "purworejo",
        "tabanan", "tapanuli-utara", "tegal"])
