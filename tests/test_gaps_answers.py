"""`mandat gaps` on the small fixture world and on variants of it, each answer worked out by hand.

The fixture (tests/fixtures/world/world.ttl) on 2025-06-01: Pencegahan (S1) is led by Dinas P in
the province (and so in R2, which has no regency actor) and by Kantor Contoh in R1; Penyidikan (S2)
is led by Polda P in the province. Nothing links Dinas P or Kantor Contoh to Polda P (they report
up different lines), so there are exactly two unlinked handovers and nothing else.

GAPS_WORLD adds one instance of every other kind of gap (see its comments); each kind is asked
on its own with --kind so that every answer stays small enough to be read off the Turtle.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures.world.labels import WORLD_LABELS_ID

WORLD = Path(__file__).resolve().parent / "fixtures" / "world"
MD = "https://w3id.org/mandat/id/"
DAY = "2025-06-01"

ID = {
    **WORLD_LABELS_ID,
    "tf": "Gugus Tugas P", "lost": "Dinas Hilang", "pn": "Pengadilan Negeri Satu", "ma": "Mahkamah Agung",
    "art-5": "Pasal 5 UU Lama", "law-2": "UU 2/2021",
}
EN = {
    "dinas-p": "Province P Office", "polda-p": "Regional Police P", "ko": "Example Office Regency One",
    "p": "Province P", "r1": "Regency One", "r2": "Regency Two", "s1": "Prevention", "s2": "Investigation",
}
SOURCE = {"iri": MD + "src", "label": "fixture page", "publisher": "tests"}


def ref(name: str, labels=ID) -> dict:
    return {"iri": MD + name, "label": labels[name]}


def fact(name: str, text: str) -> dict:
    """Evidence resting on one fact of the world (every fact cites md:src, none carries a marker)."""
    return {"fact": MD + name, "text": text, "confidence": "verified", "sources": [SOURCE]}


def folder_with(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "world"
    folder.mkdir()
    (folder / "world.ttl").write_text(text, encoding="utf-8")
    return str(folder)


def fixture_text() -> str:
    return (WORLD / "world.ttl").read_text(encoding="utf-8")


@pytest.fixture
def gaps(run):
    """``mandat [--lang] --data FOLDER gaps --as-of DAY --format json ARGS``, parsed (exit 0 required)."""
    def _gaps(*args, data=str(WORLD), lang="id", day=DAY):
        result = run("--lang", lang, "--data", data, "gaps", "--as-of", day, "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
    return _gaps


def short(refs) -> list[str]:
    return [r["iri"].removeprefix(MD) for r in refs]


# -- the fixture world: the two unlinked handovers, every field -------------------------------------------

UNLINKED_TEXT = ("Kasus berpindah dari 'Pencegahan' ({a}) ke 'Penyidikan' (Kepolisian Daerah P), tetapi keduanya "
                 "tidak punya saluran koordinasi di {region}.")
UNLINKED_SUGGESTION = "Buat saluran: keanggotaan gugus tugas bersama atau perjanjian kerja sama (MoU/PKS)."


def unlinked(rank, a, regions, resp_a, closing, labels=ID, text=UNLINKED_TEXT, suggestion=UNLINKED_SUGGESTION,
             b="polda-p", resp_b="resp-polda-s2", arrow_texts=None):
    first = regions[0]
    explanation = text.format(a=labels[a], region=labels[first])
    if len(regions) > 1:
        explanation += f" Sama di {len(regions) - 1} wilayah lain (lihat daftar wilayah)." if labels is ID else \
            f" The same in {len(regions) - 1} other regions (see the list of regions)."
    texts = arrow_texts or (f"{labels[a]} → {labels['s1']}", f"{labels[b]} → {labels['s2']}")
    return {
        "rank": rank, "kind": "unlinked-handover", "severity": "medium", "region": ref(first, labels),
        "subject": ref(a, labels), "explanation": explanation,
        "evidence": [fact(resp_a, texts[0]), fact(resp_b, texts[1])],
        "suggestion": suggestion,
        "cause": f"unlinked-handover {MD}s1 {MD}s2 {MD}{a} {MD}{b}",
        "impact": {"steps": [ref("s1", labels), ref("s2", labels)], "regions": len(regions), "falls_between": True},
        "agencies": [ref(a, labels), ref(b, labels)],
        "closing_links": closing,
        "regions": [ref(r, labels) for r in regions],
    }


def agreement(a, b, labels=ID):
    return {"link": "agreement", "parties": [ref(a, labels), ref(b, labels)]}


def test_fixture_gaps_are_the_two_unlinked_handovers_field_by_field(gaps):
    assert gaps() == [
        unlinked(1, "dinas-p", ["p", "r2"], "resp-dinas-s1", [agreement("dinas-p", "polda-p")]),
        unlinked(2, "ko", ["r1"], "resp-ko-s1", [agreement("ko", "polda-p")]),
    ]


def test_fixture_gaps_in_english(gaps):
    text = "Cases pass from 'Prevention' ({a}) to 'Investigation' (Regional Police P), but the two share no " \
           "coordination channel in {region}."
    suggestion = "Create a channel: a shared task-force seat or a cooperation agreement (MoU/PKS)."
    assert gaps(lang="en") == [
        unlinked(1, "dinas-p", ["p", "r2"], "resp-dinas-s1", [agreement("dinas-p", "polda-p", EN)], EN, text,
                 suggestion),
        unlinked(2, "ko", ["r1"], "resp-ko-s1", [agreement("ko", "polda-p", EN)], EN, text, suggestion),
    ]


@pytest.mark.parametrize("region, expected", [
    ("Kabupaten Dua", [("dinas-p", ["r2"])]),
    ("Kabupaten Satu", [("ko", ["r1"])]),
    ("Provinsi P", [("dinas-p", ["p", "r2"]), ("ko", ["r1"])]),       # a province takes its regencies along
    ("Negara C", [("dinas-p", ["p", "r2"]), ("ko", ["r1"])]),
])
def test_region_scope_takes_the_regions_inside(gaps, region, expected):
    found = gaps("--region", region)
    assert [(short([f["subject"]])[0], short(f["regions"])) for f in found] == expected
    assert [f["rank"] for f in found] == list(range(1, len(expected) + 1))


def test_two_regions_are_both_asked(gaps):
    found = gaps("--region", "Kabupaten Satu", "--region", "Kabupaten Dua")
    assert [(short([f["subject"]])[0], short(f["regions"]), f["impact"]["regions"]) for f in found] == [
        ("dinas-p", ["r2"], 1), ("ko", ["r1"], 1)]


@pytest.mark.parametrize("kind", ["uncovered-step", "unknown-coverage", "stale-mandate", "orphan-unit",
                                  "conflicting-leads", "weak-basis", "single-point-of-failure"])
def test_fixture_has_no_other_kind_of_gap(gaps, kind):
    assert gaps("--kind", kind) == []


@pytest.mark.parametrize("day", ["2024-06-01", "2024-12-01", "2025-06-01"])
def test_same_two_gaps_before_and_after_the_restructuring(gaps, day):
    """Kantor Contoh reports to Kanwil Lama, then Kanwil Baru: never to Polda P, so the gaps stay."""
    assert [(f["rank"], short(f["agencies"]), short(f["regions"])) for f in gaps(day=day)] == [
        (1, ["dinas-p", "polda-p"], ["p", "r2"]), (2, ["ko", "polda-p"], ["r1"])]


def test_csv_has_one_row_per_finding(run):
    import csv
    import io

    result = run("--data", str(WORLD), "gaps", "--as-of", DAY, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["rank"], r["severity"], r["kind"], r["region_iri"], r["subject_iri"]) for r in rows] == [
        ("1", "medium", "unlinked-handover", MD + "p", MD + "dinas-p"),
        ("2", "medium", "unlinked-handover", MD + "r1", MD + "ko")]


def test_fail_on_medium_fails_and_fail_on_high_passes(run):
    args = ("--data", str(WORLD), "gaps", "--as-of", DAY, "--format", "json")
    assert run(*args, "--fail-on", "medium").exit_code == 1
    assert run(*args, "--fail-on", "low").exit_code == 1
    assert run(*args, "--fail-on", "high").exit_code == 0


def test_table_lists_every_finding_with_all(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    result = run("--data", str(WORLD), "gaps", "--as-of", DAY, "--all")
    assert result.exit_code == 0, result.output
    assert "unlinked-handover" in result.stdout and "Dinas Provinsi P" in result.stdout


# -- a task force: closing links name the seats that are missing -------------------------------------------

TASK_FORCE = """
md:tf a mandat:TaskForce ; skos:prefLabel "Gugus Tugas P"@id , "Task Force P"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:rl-tf a mandat:ReportingLine ; mandat:unit md:tf ; mandat:parent md:pres ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ] .
md:fm-dinas a mandat:ForumMembership ; org:member md:dinas-p ; org:organization md:tf ;
    org:memberDuring [ a time:Interval ] ; dct:source md:src .
"""


def seat(forum, *names):
    return {"link": "task-force-seat", "forum": ref(forum), "seat_for": [ref(n) for n in names]}


def test_closing_links_offer_a_seat_in_the_task_force_serving_the_region(gaps, tmp_path):
    found = gaps("--kind", "unlinked-handover", data=folder_with(tmp_path, fixture_text() + TASK_FORCE))
    assert [(short(f["agencies"]), short(f["regions"]), f["closing_links"]) for f in found] == [
        (["dinas-p", "polda-p"], ["p", "r2"], [seat("tf", "polda-p"), agreement("dinas-p", "polda-p")]),
        (["ko", "polda-p"], ["r1"], [seat("tf", "ko", "polda-p"), agreement("ko", "polda-p")]),
    ]


def test_a_shared_seat_is_a_channel(gaps, tmp_path):
    """Polda P takes a seat too: Dinas P and Polda P now meet in the task force."""
    seat_polda = TASK_FORCE.replace("md:fm-dinas", "md:fm-polda").replace("org:member md:dinas-p", "org:member md:polda-p")
    found = gaps("--kind", "unlinked-handover", data=folder_with(tmp_path, fixture_text() + TASK_FORCE + seat_polda))
    assert [(f["rank"], short(f["agencies"]), f["closing_links"]) for f in found] == [
        (1, ["ko", "polda-p"], [seat("tf", "ko"), agreement("ko", "polda-p")])]


def test_an_agreement_is_a_channel_and_an_ended_one_is_not(gaps, tmp_path):
    agr = """
md:agr-1 a mandat:Agreement ; mandat:party md:ko , md:polda-p ; mandat:agreementType "PKS" ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ] .
"""
    folder = folder_with(tmp_path, fixture_text() + agr)
    kind = ("--kind", "unlinked-handover")
    assert [short(f["agencies"]) for f in gaps(*kind, data=folder, day="2024-12-31")] == [["dinas-p", "polda-p"]]
    assert [short(f["agencies"]) for f in gaps(*kind, data=folder, day="2025-01-01")] == [
        ["dinas-p", "polda-p"], ["ko", "polda-p"]]


def test_a_handover_within_one_reporting_chain_is_linked(gaps, tmp_path):
    """Dinas P reports to Polda P: one is above the other, the handover has its channel."""
    text = fixture_text().replace("md:rl-dinas-p a mandat:ReportingLine ; mandat:unit md:dinas-p ; mandat:parent md:pres",
                                  "md:rl-dinas-p a mandat:ReportingLine ; mandat:unit md:dinas-p ; mandat:parent md:polres-r1")
    assert "mandat:parent md:polres-r1" in text
    assert [short(f["agencies"]) for f in gaps("--kind", "unlinked-handover", data=folder_with(tmp_path, text))] == [
        ["ko", "polda-p"]]


def test_national_bodies_without_a_channel_are_low(gaps, tmp_path):
    """Both steps led by ministries at national level only: the handover is low severity."""
    text = fixture_text()
    for old, new in (("mandat:agency md:dinas-p ; mandat:step md:s1 ; mandat:role mandat:Lead ;\n    mandat:jurisdiction md:p",
                      "mandat:agency md:kb ; mandat:step md:s1 ; mandat:role mandat:Lead ;\n    mandat:jurisdiction md:c"),
                     ("mandat:agency md:polda-p ; mandat:step md:s2 ; mandat:role mandat:Lead ;\n    mandat:jurisdiction md:p",
                      "mandat:agency md:kk ; mandat:step md:s2 ; mandat:role mandat:Lead ;\n    mandat:jurisdiction md:c")):
        assert old in text
        text = text.replace(old, new)
    found = gaps("--kind", "unlinked-handover", data=folder_with(tmp_path, text))
    assert [(f["rank"], f["severity"], short(f["agencies"]), short(f["regions"])) for f in found] == [
        (1, "medium", ["ko", "kk"], ["r1"]), (2, "low", ["kb", "kk"], ["p", "r2"])]


# -- every other kind, in one world ------------------------------------------------------------------------

GAPS_WORLD_EXTRA = """
# stale-mandate: Kementerian Lama (split on 2024-11-01) still supports S2 nationally and holds a seat in the
# task force; an agreement still names Kanwil Lama P (renamed on 2025-02-01).
md:resp-kl-s2 a mandat:Responsibility ; mandat:agency md:kl ; mandat:step md:s2 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:c ; mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:tf a mandat:TaskForce ; skos:prefLabel "Gugus Tugas P"@id , "Task Force P"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:rl-tf a mandat:ReportingLine ; mandat:unit md:tf ; mandat:parent md:pres ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ] .
md:fm-kl a mandat:ForumMembership ; org:member md:kl ; org:organization md:tf ; org:memberDuring [ a time:Interval ] ;
    dct:source md:src .
md:fm-dinas a mandat:ForumMembership ; org:member md:dinas-p ; org:organization md:tf ;
    org:memberDuring [ a time:Interval ] ; dct:source md:src .
md:agr-kw a mandat:Agreement ; mandat:party md:kw-lama , md:polda-p ; mandat:agreementType "PKS" ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .

# orphan-unit: Dinas Hilang (R2) and Pengadilan Negeri Satu (R1) report to nobody; the Supreme Court, a
# national court, is the top of its own branch and no orphan.
md:lost a mandat:RegionalDepartment ; skos:prefLabel "Dinas Hilang"@id , "Lost Office"@en ;
    mandat:level mandat:RegencyLevel ; mandat:servesRegion md:r2 ; dct:source md:src .
md:pn a mandat:Court ; skos:prefLabel "Pengadilan Negeri Satu"@id , "District Court One"@en ;
    mandat:level mandat:RegencyLevel ; mandat:servesRegion md:r1 ; dct:source md:src .
md:ma a mandat:Court ; skos:prefLabel "Mahkamah Agung"@id , "Supreme Court"@en ;
    mandat:level mandat:National ; mandat:servesRegion md:c ; dct:source md:src .
# ... and Dinas Hilang leads S2 in R2, so Dinas P hands R2's cases to an office with no line at all.
md:resp-lost-s2 a mandat:Responsibility ; mandat:agency md:lost ; mandat:step md:s2 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:r2 ; mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .

# conflicting-leads: Kanwil Baru P also leads S2 in the province, beside Polda P.
md:resp-kw-s2 a mandat:Responsibility ; mandat:agency md:kw-baru ; mandat:step md:s2 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law-1 ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2025-02-01"^^xsd:date ] ] .

# weak-basis: UU Lama was repealed on 2024-01-01 (Kantor Contoh's S1 rests on its article 5); UU 2/2021 is
# unverified (Dinas P's S1 rests on it); Polres Satu's support cites nothing (see the edit below). UU 1/2020
# is repealed only from 2026 (not yet on the day), and by an undated act (which counts for nothing).
md:law-old a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "9" ; mandat:year "2010"^^xsd:gYear ;
    eli:date_document "2010-01-01"^^xsd:date ; skos:prefLabel "UU Lama"@id , "Old Law"@en ; dct:source md:src .
md:art-5 a eli:LegalResourceSubdivision ; eli:is_part_of md:law-old ; skos:prefLabel "Pasal 5 UU Lama"@id , "Article 5 Old Law"@en ;
    dct:source md:src .
md:law-new a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "3" ; mandat:year "2024"^^xsd:gYear ;
    eli:date_document "2024-01-01"^^xsd:date ; eli:repeals md:law-old ; skos:prefLabel "UU 3/2024"@id , "Law 3/2024"@en ;
    dct:source md:src .
md:law-later a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "4" ; mandat:year "2026"^^xsd:gYear ;
    eli:date_document "2026-01-01"^^xsd:date ; eli:repeals md:law-1 ; skos:prefLabel "UU 4/2026"@id , "Law 4/2026"@en ;
    dct:source md:src .
md:law-undated a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "5" ; eli:repeals md:law-1 ;
    skos:prefLabel "UU 5"@id , "Law 5"@en ; dct:source md:src .
md:law-2 a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "2" ; mandat:year "2021"^^xsd:gYear ;
    eli:date_document "2021-01-01"^^xsd:date ; skos:prefLabel "UU 2/2021"@id , "Law 2/2021"@en ;
    mandat:confidence mandat:Unverified ; dct:source md:src .
"""

EDITS = [
    ("md:resp-ko-s1 a mandat:Responsibility ; mandat:agency md:ko ; mandat:step md:s1 ; mandat:role mandat:Lead ;\n"
     "    mandat:jurisdiction md:r1 ; mandat:legalBasis md:law-1",
     "md:resp-ko-s1 a mandat:Responsibility ; mandat:agency md:ko ; mandat:step md:s1 ; mandat:role mandat:Lead ;\n"
     "    mandat:jurisdiction md:r1 ; mandat:legalBasis md:art-5"),
    ("md:resp-dinas-s1 a mandat:Responsibility ; mandat:agency md:dinas-p ; mandat:step md:s1 ; mandat:role mandat:Lead ;\n"
     "    mandat:jurisdiction md:p ; mandat:legalBasis md:law-1",
     "md:resp-dinas-s1 a mandat:Responsibility ; mandat:agency md:dinas-p ; mandat:step md:s1 ; mandat:role mandat:Lead ;\n"
     "    mandat:jurisdiction md:p ; mandat:legalBasis md:law-2"),
    ("mandat:role mandat:Support ;\n    mandat:jurisdiction md:r1 ; mandat:legalBasis md:law-1 ;",
     "mandat:role mandat:Support ;\n    mandat:jurisdiction md:r1 ;"),
]


@pytest.fixture
def gaps_world(tmp_path) -> str:
    text = fixture_text()
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return folder_with(tmp_path, text + GAPS_WORLD_EXTRA)


def test_stale_mandates_name_the_gone_agency_and_its_successors(gaps, gaps_world):
    found = gaps("--kind", "stale-mandate", data=gaps_world)

    def stale(rank, region, agency, fact_name, text, suggestion, steps, falls_between):
        return {"rank": rank, "kind": "stale-mandate", "severity": "high", "region": ref(region), "subject": ref(agency),
                "explanation": text, "evidence": [fact(fact_name, text)], "suggestion": suggestion,
                "cause": f"stale-mandate {MD}{region} {MD}{agency} {MD}{fact_name}",
                "impact": {"steps": [ref(s) for s in steps], "regions": 1, "falls_between": falls_between},
                "regions": [ref(region)]}

    assert found == [
        stale(1, "c", "kl", "resp-kl-s2",
              "Tanggung jawab 'Penyidikan' masih menunjuk Kementerian Lama, yang pada 2025-06-01 sudah tidak ada.",
              "Alihkan ke penerusnya: Kementerian Baru, Kementerian Kedua.", ["s2"], True),
        stale(2, "c", "kl", "fm-kl",
              "Keanggotaan 'Gugus Tugas P' masih menunjuk Kementerian Lama, yang pada 2025-06-01 sudah tidak ada.",
              "Alihkan ke penerusnya: Kementerian Baru, Kementerian Kedua.", [], False),
        stale(3, "p", "kw-lama", "agr-kw",
              "Perjanjian 'PKS' masih menunjuk Kantor Wilayah Lama Provinsi P, yang pada 2025-06-01 sudah tidak ada.",
              "Alihkan ke penerusnya: Kantor Wilayah Baru Provinsi P.", [], False),
    ]


def test_stale_mandates_in_english(gaps, gaps_world):
    found = gaps("--kind", "stale-mandate", data=gaps_world, lang="en")
    assert [(f["explanation"], f["suggestion"]) for f in found] == [
        ("The responsibility 'Investigation' still names Old Ministry, which no longer existed on 2025-06-01.",
         "Move it to the successor: New Ministry, Second Ministry."),
        ("The seat in 'Task Force P' still names Old Ministry, which no longer existed on 2025-06-01.",
         "Move it to the successor: New Ministry, Second Ministry."),
        ("The agreement 'PKS' still names Old Regional Office Province P, which no longer existed on 2025-06-01.",
         "Move it to the successor: New Regional Office Province P."),
    ]


def test_stale_mandate_without_a_successor_asks_who_holds_it_now(gaps, gaps_world, tmp_path):
    text = Path(gaps_world, "world.ttl").read_text(encoding="utf-8")
    text = text.replace("md:ev-split-kl a org:ChangeEvent", "md:ev-split-kl a mandat:Other")
    (tmp_path / "x").mkdir()
    found = gaps("--kind", "stale-mandate", data=folder_with(tmp_path / "x", text))
    assert [(short([f["subject"]])[0], f["suggestion"]) for f in found] == [
        ("kl", "Tentukan instansi yang kini memegang mandat ini."),
        ("kl", "Tentukan instansi yang kini memegang mandat ini."),
        ("kw-lama", "Alihkan ke penerusnya: Kantor Wilayah Baru Provinsi P.")]


@pytest.mark.parametrize("day, expected", [
    ("2024-06-01", []),                          # both still existed
    ("2024-12-01", ["kl", "kl"]),                # the ministry split, the Kanwil not yet renamed
    ("2025-06-01", ["kl", "kl", "kw-lama"]),
])
def test_stale_mandates_start_the_day_the_agency_ends(gaps, gaps_world, day, expected):
    assert [short([f["subject"]])[0] for f in gaps("--kind", "stale-mandate", data=gaps_world, day=day)] == expected


def test_a_fact_naming_an_agency_not_yet_created_is_no_stale_mandate(gaps, tmp_path):
    extra = """
md:resp-kw-s2 a mandat:Responsibility ; mandat:agency md:kw-baru ; mandat:step md:s2 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    found = gaps("--kind", "stale-mandate", data=folder_with(tmp_path, fixture_text() + extra), day="2024-06-01")
    assert [f["explanation"] for f in found if "sudah tidak ada" in f["explanation"]] == []


def test_stale_mandates_of_a_region_are_those_naming_its_agencies(gaps, gaps_world):
    """Kanwil Lama P serves the province; the ministry serves the country, outside the province."""
    found = gaps("--kind", "stale-mandate", "--region", "Provinsi P", data=gaps_world)
    assert [(f["rank"], short([f["subject"]])[0], f["evidence"][0]["fact"]) for f in found] == [
        (1, "kw-lama", MD + "agr-kw")]
    assert gaps("--kind", "stale-mandate", "--region", "Kabupaten Satu", data=gaps_world) == []


def test_orphan_units_are_the_offices_without_a_line_but_not_the_apex_court(gaps, gaps_world):
    def orphan(rank, name, region):
        return {"rank": rank, "kind": "orphan-unit", "severity": "medium", "region": ref(region), "subject": ref(name),
                "explanation": f"{ID[name]} ada pada 2025-06-01 tetapi tidak melapor kepada siapa pun.",
                "evidence": [fact(name, ID[name])],
                "suggestion": "Catat garis pelaporannya (mandat:ReportingLine) dengan dasar hukumnya.",
                "cause": f"orphan-unit {MD}{region} {MD}{name} {MD}{name}",
                "impact": {"steps": [], "regions": 1, "falls_between": False}, "regions": [ref(region)]}

    assert gaps("--kind", "orphan-unit", data=gaps_world) == [orphan(1, "lost", "r2"), orphan(2, "pn", "r1")]


def test_orphan_units_of_one_regency(gaps, gaps_world):
    assert [short([f["subject"]]) for f in gaps("--kind", "orphan-unit", "--region", "Kabupaten Dua",
                                                data=gaps_world)] == [["lost"]]
    assert [short([f["subject"]]) for f in gaps("--kind", "orphan-unit", "--region", "Kabupaten Satu",
                                                data=gaps_world)] == [["pn"]]


def test_orphan_unit_in_english(gaps, gaps_world):
    found = gaps("--kind", "orphan-unit", "--region", "Kabupaten Dua", data=gaps_world, lang="en")
    assert [(f["explanation"], f["suggestion"]) for f in found] == [
        ("Lost Office existed on 2025-06-01 but reported to nobody.",
         "Record its reporting line (mandat:ReportingLine) with its legal basis.")]


def test_conflicting_leads_name_both_leads(gaps, gaps_world):
    found = gaps("--kind", "conflicting-leads", data=gaps_world)
    assert len(found) == 1
    f = found[0]
    assert {k: v for k, v in f.items() if k != "evidence"} == {
        "rank": 1, "kind": "conflicting-leads", "severity": "medium", "region": ref("p"), "subject": ref("s2"),
        "explanation": "Ada 2 instansi utama untuk tahap 'Penyidikan' di Provinsi P: "
                       "Kantor Wilayah Baru Provinsi P, Kepolisian Daerah P.",
        "suggestion": "Tetapkan satu instansi utama; yang lain menjadi pendukung.",
        "cause": f["cause"],
        "impact": {"steps": [ref("s2")], "regions": 1, "falls_between": False}, "regions": [ref("p")]}
    assert sorted(f["evidence"], key=lambda e: e["fact"]) == [
        fact("resp-kw-s2", "Kantor Wilayah Baru Provinsi P: lead"), fact("resp-polda-s2", "Kepolisian Daerah P: lead")]
    assert f["cause"].split()[:3] == ["conflicting-leads", MD + "p", MD + "s2"]
    assert sorted(f["cause"].split()[3:]) == [MD + "resp-kw-s2", MD + "resp-polda-s2"]


def test_conflicting_leads_in_english_and_within_a_region(gaps, gaps_world):
    [f] = gaps("--kind", "conflicting-leads", "--region", "Kabupaten Dua", data=gaps_world, lang="en")
    assert f["explanation"] == ("There are 2 lead agencies for the step 'Investigation' in Province P: "
                                "New Regional Office Province P, Regional Police P.")
    assert f["suggestion"] == "Settle on one lead; make the others support."


def test_weak_bases_repealed_missing_and_unverified(gaps, gaps_world):
    def weak(rank, severity, region, agency, resp, step, text, evidence_text):
        return {"rank": rank, "kind": "weak-basis", "severity": severity, "region": ref(region), "subject": ref(agency),
                "explanation": text, "evidence": [fact(resp, evidence_text)],
                "suggestion": "Periksa dan catat pasal peraturan yang berlaku.",
                "cause": f"weak-basis {MD}{region} {MD}{agency} {MD}{resp}",
                "impact": {"steps": [ref(step)], "regions": 1, "falls_between": False}, "regions": [ref(region)]}

    assert gaps("--kind", "weak-basis", data=gaps_world) == [
        weak(1, "high", "r1", "ko", "resp-ko-s1", "s1",
             "Tanggung jawab Kantor Contoh Kabupaten Satu atas 'Pencegahan' bersandar pada Pasal 5 UU Lama, "
             "yang sudah dicabut pada 2024-01-01.", "Pasal 5 UU Lama"),
        weak(2, "medium", "r1", "polres-r1", "resp-polres-s2", "s2",
             "Tanggung jawab Kepolisian Resor Satu atas 'Penyidikan' tidak menyebut dasar hukum.", "Penyidikan"),
        weak(3, "low", "p", "dinas-p", "resp-dinas-s1", "s1",
             "Dasar hukum tanggung jawab Dinas Provinsi P atas 'Pencegahan' belum terverifikasi.", "UU 2/2021"),
    ]


def test_weak_basis_repeal_counts_from_its_day(gaps, gaps_world):
    """UU Lama is repealed on 2024-01-01: the day before, Kantor Contoh's basis still stood."""
    def kinds(day):
        return [(f["severity"], short([f["subject"]])[0]) for f in gaps("--kind", "weak-basis", data=gaps_world, day=day)]
    assert kinds("2023-12-31") == [("medium", "polres-r1"), ("low", "dinas-p")]
    assert kinds("2024-01-01") == [("high", "ko"), ("medium", "polres-r1"), ("low", "dinas-p")]


def test_weak_bases_in_english(gaps, gaps_world):
    found = gaps("--kind", "weak-basis", data=gaps_world, lang="en")
    assert [f["explanation"] for f in found] == [
        "The responsibility of Example Office Regency One for 'Prevention' rests on Article 5 Old Law, "
        "which was repealed on 2024-01-01.",
        "The responsibility of Resort Police One for 'Investigation' cites no legal basis.",
        "The legal basis of Province P Office's responsibility for 'Prevention' is unverified."]
    assert {f["suggestion"] for f in found} == {"Check and record the article of the regulation in force."}


def test_weak_bases_of_one_regency_include_the_province_above(gaps, gaps_world):
    assert [short([f["subject"]])[0] for f in gaps("--kind", "weak-basis", "--region", "Kabupaten Dua",
                                                   data=gaps_world)] == ["dinas-p"]


def test_an_unverified_responsibility_is_a_weak_basis(gaps, tmp_path):
    text = fixture_text().replace(
        "mandat:jurisdiction md:p ; mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\n"
        "md:resp-polda-s2",
        "mandat:jurisdiction md:p ; mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src ;"
        " mandat:confidence mandat:Unverified .\nmd:resp-polda-s2")
    [f] = gaps("--kind", "weak-basis", data=folder_with(tmp_path, text))
    assert (f["severity"], short([f["subject"]]), f["evidence"][0]["text"], f["evidence"][0]["confidence"]) == (
        "low", ["dinas-p"], "UU 1/2020", "unverified")


def test_unlinked_handovers_of_the_gaps_world(gaps, gaps_world):
    """In R2 Dinas P hands over to Dinas Hilang, which reports to nobody: a reporting line would close it.
    Kantor Contoh -> Kanwil Baru P is linked (a reporting line); the Kanwil leads S2 in the province too."""
    found = gaps("--kind", "unlinked-handover", data=gaps_world)
    assert [(f["rank"], short(f["agencies"]), short(f["regions"]), f["closing_links"]) for f in found] == [
        (1, ["dinas-p", "lost"], ["r2"],
         [seat("tf", "lost"), agreement("dinas-p", "lost"),
          {"link": "reporting-line", "unit": ref("lost"), "parent": ref("dinas-p")}]),
        (2, ["ko", "polda-p"], ["r1"], [seat("tf", "ko", "polda-p"), agreement("ko", "polda-p")]),
        (3, ["dinas-p", "kw-baru"], ["p"], [seat("tf", "kw-baru"), agreement("dinas-p", "kw-baru")]),
        (4, ["dinas-p", "polda-p"], ["p"], [seat("tf", "polda-p"), agreement("dinas-p", "polda-p")]),
    ]
    assert [e["fact"].removeprefix(MD) for e in found[0]["evidence"]] == ["resp-dinas-s1", "resp-lost-s2"]


def test_all_kinds_together_are_ranked_by_urgency(gaps, gaps_world):
    """Severity, a person passed on first; then the most regions, the most steps, the kind, the labels."""
    found = gaps(data=gaps_world)
    assert [(f["rank"], f["kind"], f["severity"], short([f["subject"]])[0]) for f in found] == [
        (1, "stale-mandate", "high", "kl"),          # high, a person passed on (S2 receives cases)
        (2, "weak-basis", "high", "ko"),             # high: one step touched before none
        (3, "stale-mandate", "high", "kl"),
        (4, "stale-mandate", "high", "kw-lama"),
        (5, "unlinked-handover", "medium", "dinas-p"),   # medium, a person passed on; then region label
        (6, "unlinked-handover", "medium", "ko"),
        (7, "unlinked-handover", "medium", "dinas-p"),
        (8, "unlinked-handover", "medium", "dinas-p"),
        (9, "conflicting-leads", "medium", "s2"),    # medium, one step: kind order
        (10, "weak-basis", "medium", "polres-r1"),
        (11, "orphan-unit", "medium", "lost"),       # medium, no step
        (12, "orphan-unit", "medium", "pn"),
        (13, "weak-basis", "low", "dinas-p"),
    ]


# -- single point of failure ------------------------------------------------------------------------------

# Kantor Contoh and Polres Satu agree; Polres Satu reports to Polda P: in R1 the three hang on Polres Satu.
# Polda P also leads S1 in the province (beside Dinas P): it leads both steps in P and R2.
SPOF = """
md:agr-ko a mandat:Agreement ; mandat:party md:ko , md:polres-r1 ; mandat:agreementType "MoU" ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-polda-s1 a mandat:Responsibility ; mandat:agency md:polda-p ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_single_points_of_failure_cut_and_load(gaps, tmp_path):
    found = gaps("--kind", "single-point-of-failure", "--max-leads", "1", data=folder_with(tmp_path, fixture_text() + SPOF))
    assert found == [
        {"rank": 1, "kind": "single-point-of-failure", "severity": "medium", "region": ref("r1"),
         "subject": ref("polres-r1"),
         "explanation": "Bila Kepolisian Resor Satu hilang, jaringan koordinasi TPPO di Kabupaten Satu terputus.",
         "evidence": [{"fact": MD + "polres-r1", "text": "2 channels", "confidence": "verified", "sources": []}],
         "suggestion": "Tambahkan saluran cadangan antara instansi di kedua sisinya.",
         "cause": f"single-point-of-failure {MD}polres-r1 cut",
         "impact": {"steps": [], "regions": 1, "falls_between": False}, "regions": [ref("r1")]},
        {"rank": 2, "kind": "single-point-of-failure", "severity": "low", "region": ref("p"), "subject": ref("polda-p"),
         "explanation": "Kepolisian Daerah P memimpin 2 tahap di Provinsi P (ambang 1). "
                        "Sama di 1 wilayah lain (lihat daftar wilayah).",
         "evidence": [], "suggestion": "Bagi kepemimpinan tahap dengan instansi lain.",
         "cause": f"single-point-of-failure {MD}polda-p load",
         "impact": {"steps": [], "regions": 2, "falls_between": False}, "regions": [ref("p"), ref("r2")]},
    ]


def test_leading_as_many_steps_as_the_threshold_is_no_load(gaps, tmp_path):
    found = gaps("--kind", "single-point-of-failure", "--max-leads", "2", data=folder_with(tmp_path, fixture_text() + SPOF))
    assert [(f["severity"], short([f["subject"]])[0]) for f in found] == [("medium", "polres-r1")]


def test_single_points_in_english(gaps, tmp_path):
    found = gaps("--kind", "single-point-of-failure", "--max-leads", "1", lang="en",
                 data=folder_with(tmp_path, fixture_text() + SPOF))
    assert [(f["explanation"], f["suggestion"]) for f in found] == [
        ("Removing Resort Police One disconnects the TPPO coordination network of Regency One.",
         "Add a backup channel between the agencies on either side of it."),
        ("Regional Police P leads 2 steps in Province P (threshold 1). The same in 1 other regions (see the list of regions).",
         "Share the lead of some steps with other agencies."),
    ]


# -- what-if and comparison --------------------------------------------------------------------------------

def counts(total, by_kind, high=0, medium=0, low=0):
    return {"total": total, "by_kind": by_kind, "by_severity": {"high": high, "medium": medium, "low": low}}


def test_without_polda_p_investigation_has_no_lead_anywhere(gaps):
    """And Polres Satu, which reported to Polda P, reports to nobody."""
    answer = gaps("--without", "Polda P")
    assert answer["baseline"] == counts(2, {"unlinked-handover": 2}, medium=2)
    assert answer["scenario"] == counts(2, {"uncovered-step": 1, "orphan-unit": 1}, high=1, medium=1)
    orphan = answer["appeared"].pop()
    assert (orphan["rank"], orphan["kind"], orphan["subject"], orphan["explanation"]) == (
        2, "orphan-unit", ref("polres-r1"), f"{ref('polres-r1')['label']} ada pada {DAY} tetapi tidak melapor kepada siapa pun.")
    assert answer["appeared"] == [{
        "rank": 1, "kind": "uncovered-step", "severity": "high", "region": ref("p"), "subject": ref("s2"),
        "explanation": "Tidak ada instansi utama untuk tahap 'Penyidikan' yang melayani Provinsi P. "
                       "Sama di 2 wilayah lain (lihat daftar wilayah).",
        "evidence": [],
        "suggestion": "Tetapkan instansi utama untuk tahap ini di daerah, atau catat dasar hukum yang menunjuknya.",
        "cause": f"uncovered-step {MD}s2",
        "impact": {"steps": [ref("s2")], "regions": 3, "falls_between": True},
        "regions": [ref("p"), ref("r1"), ref("r2")]}]
    assert [(f["rank"], short(f["agencies"]), short(f["regions"])) for f in answer["resolved"]] == [
        (1, ["dinas-p", "polda-p"], ["p", "r2"]), (2, ["ko", "polda-p"], ["r1"])]


def test_without_two_agencies(gaps):
    answer = gaps("--without", "Kantor Contoh", "--without", "Dinas Provinsi P")
    assert answer["scenario"] == counts(1, {"uncovered-step": 1}, high=1)
    assert [(f["kind"], short([f["subject"]]), short(f["regions"])) for f in answer["appeared"]] == [
        ("uncovered-step", ["s1"], ["p", "r1", "r2"])]
    assert len(answer["resolved"]) == 2


def test_without_in_one_regency(gaps):
    answer = gaps("--without", "Kantor Contoh", "--region", "Kabupaten Satu")
    # Kantor Contoh gone, S1 in R1 falls back to Dinas P in the province: a new pair, a new gap.
    assert answer["baseline"] == counts(1, {"unlinked-handover": 1}, medium=1)
    assert answer["scenario"] == counts(1, {"unlinked-handover": 1}, medium=1)
    assert [(short(f["agencies"]), short(f["regions"])) for f in answer["appeared"]] == [(["dinas-p", "polda-p"], ["r1"])]
    assert [(short(f["agencies"]), short(f["regions"])) for f in answer["resolved"]] == [(["ko", "polda-p"], ["r1"])]


def test_with_a_link_the_province_handover_is_resolved(gaps):
    """The agreement links Dinas P to Polda P, and so makes Polda P the one node holding R1's network together
    (Polres Satu reports to it): a single point of failure appears."""
    answer = gaps("--with-link", "Dinas Provinsi P", "Polda P")
    assert answer["baseline"] == counts(2, {"unlinked-handover": 2}, medium=2)
    assert answer["scenario"] == counts(2, {"unlinked-handover": 1, "single-point-of-failure": 1}, medium=2)
    assert [(f["rank"], f["kind"], short([f["subject"]]), short(f["regions"]), f["evidence"][0]["text"])
            for f in answer["appeared"]] == [(2, "single-point-of-failure", ["polda-p"], ["r1"], "2 channels")]
    assert [(f["rank"], short(f["agencies"]), short(f["regions"])) for f in answer["resolved"]] == [
        (1, ["dinas-p", "polda-p"], ["p", "r2"])]


def test_with_two_links_nothing_is_left(gaps):
    answer = gaps("--kind", "unlinked-handover", "--with-link", "Dinas Provinsi P", "Polda P",
                  "--with-link", "Polda P", "Kantor Contoh")
    assert answer["scenario"] == counts(0, {})
    assert [short(f["agencies"]) for f in answer["resolved"]] == [["dinas-p", "polda-p"], ["ko", "polda-p"]]


def test_what_if_fail_on_looks_only_at_what_appeared(run):
    args = ("--data", str(WORLD), "gaps", "--as-of", DAY, "--format", "json")
    assert run(*args, "--kind", "unlinked-handover", "--with-link", "Dinas Provinsi P", "Polda P",
               "--fail-on", "low").exit_code == 0
    assert run(*args, "--with-link", "Dinas Provinsi P", "Polda P", "--fail-on", "medium").exit_code == 1
    assert run(*args, "--without", "Polda P", "--fail-on", "high").exit_code == 1


def test_compare_two_days_of_the_gaps_world(gaps, gaps_world):
    answer = gaps("--kind", "stale-mandate", "--compare", "2024-06-01", "2025-06-01", data=gaps_world)
    assert answer["baseline"] == counts(0, {})
    assert answer["scenario"] == counts(3, {"stale-mandate": 3}, high=3)
    assert [(f["rank"], short([f["subject"]]), short(f["regions"])) for f in answer["appeared"]] == [
        (1, ["kl"], ["c"]), (2, ["kl"], ["c"]), (3, ["kw-lama"], ["p"])]
    assert answer["resolved"] == []
    back = gaps("--kind", "stale-mandate", "--compare", "2025-06-01", "2024-12-01", data=gaps_world)
    assert back["baseline"] == counts(3, {"stale-mandate": 3}, high=3)
    assert back["scenario"] == counts(2, {"stale-mandate": 2}, high=2)
    assert back["appeared"] == []
    assert [(short([f["subject"]]), short(f["regions"])) for f in back["resolved"]] == [(["kw-lama"], ["p"])]


def test_compare_cuts_a_grouped_finding_to_the_regions_where_it_changed(gaps, tmp_path):
    """Dinas Hilang leads S2 in R2 from 2025-01-01: the Dinas P -> Polda P gap leaves R2, stays in P."""
    extra = """
md:lost a mandat:RegionalDepartment ; skos:prefLabel "Dinas Hilang"@id , "Lost Office"@en ;
    mandat:level mandat:RegencyLevel ; mandat:servesRegion md:r2 ; dct:source md:src .
md:rl-lost a mandat:ReportingLine ; mandat:unit md:lost ; mandat:parent md:dinas-p ; mandat:validDuring [ a time:Interval ] ;
    dct:source md:src .
md:resp-lost-s2 a mandat:Responsibility ; mandat:agency md:lost ; mandat:step md:s2 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:r2 ; mandat:legalBasis md:law-1 ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ] .
"""
    answer = gaps("--compare", "2024-06-01", "2025-06-01", data=folder_with(tmp_path, fixture_text() + extra))
    assert answer["baseline"] == counts(2, {"unlinked-handover": 2}, medium=2)
    assert answer["scenario"] == counts(2, {"unlinked-handover": 2}, medium=2)
    assert answer["appeared"] == []
    assert [(short(f["agencies"]), short(f["regions"])) for f in answer["resolved"]] == [
        (["dinas-p", "polda-p"], ["r2"])]


def test_compare_and_what_if_do_not_mix(run):
    result = run("--data", str(WORLD), "gaps", "--compare", "2024-06-01", "2025-06-01", "--without", "Polda P")
    assert result.exit_code == 2
    assert result.stderr.strip() == "mandat: error: give --compare, or --without / --with-link, not both"


def test_what_if_csv_rows(run):
    import csv
    import io

    result = run("--data", str(WORLD), "gaps", "--as-of", DAY, "--without", "Polda P", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["change"], r["rank"], r["severity"], r["kind"], r["subject_iri"]) for r in rows] == [
        ("appeared", "1", "high", "uncovered-step", MD + "s2"),
        ("appeared", "2", "medium", "orphan-unit", MD + "polres-r1"),
        ("resolved", "1", "medium", "unlinked-handover", MD + "dinas-p"),
        ("resolved", "2", "medium", "unlinked-handover", MD + "ko")]
