"""`mandat gaps`: one small fixture per kind of gap, each holding exactly that gap."""

from __future__ import annotations

import json
import shutil
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
MD = "https://w3id.org/mandat/id/"

PREFIXES = """
@prefix md: <https://w3id.org/mandat/id/> .
@prefix mandat: <https://w3id.org/mandat/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# A fully covered world: one province P with one regency R; two steps S1 -> S2;
# agencies A (leads S1) and B (leads S2) at province level, both reporting to the
# president, with an agreement between them.
BASE = PREFIXES + """
md:src a mandat:OfficialPage ; dct:title "fixture" ; dct:publisher "tests" .
md:type-uu a skos:Concept ; skos:prefLabel "Undang-Undang"@id , "Law"@en .
md:law a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "1" ; mandat:year "2020"^^xsd:gYear ;
    eli:date_document "2020-01-01"^^xsd:date ; skos:prefLabel "Law 1"@id , "Law 1"@en ; dct:source md:src .
md:c a mandat:Country ; skos:prefLabel "Negara"@id , "Country"@en ; dct:source md:src .
md:p a mandat:Province ; skos:prefLabel "Provinsi P"@id , "Province P"@en ; mandat:withinRegion md:c ; dct:source md:src .
md:r a mandat:RegencyCity ; skos:prefLabel "Kabupaten R"@id , "Regency R"@en ; mandat:withinRegion md:p ; dct:source md:src .
md:s1 a mandat:HandlingStep ; skos:prefLabel "Langkah satu"@id , "Step one"@en ; skos:notation "1" ;
    mandat:expectsRegionalActor true ; mandat:handsOverTo md:s2 ; dct:source md:src .
md:s2 a mandat:HandlingStep ; skos:prefLabel "Langkah dua"@id , "Step two"@en ; skos:notation "2" ;
    mandat:expectsRegionalActor false ; dct:source md:src .
md:pres a mandat:Presidency ; skos:prefLabel "Presiden"@id , "President"@en ; mandat:level mandat:National ;
    mandat:servesRegion md:c ; dct:source md:src .
md:a a mandat:RegionalDepartment ; skos:prefLabel "Dinas A"@id , "Office A"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:b a mandat:RegionalDepartment ; skos:prefLabel "Dinas B"@id , "Office B"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:rl-a a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-a a mandat:Responsibility ; mandat:agency md:a ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-b a mandat:Responsibility ; mandat:agency md:b ; mandat:step md:s2 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:agr a mandat:Agreement ; mandat:party md:a , md:b ; mandat:agreementType "MoU" ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""

AGENCY = """
md:{name} a mandat:RegionalDepartment ; skos:prefLabel "Dinas {name}"@id , "Office {name}"@en ;
    mandat:level mandat:Provincial ; mandat:servesRegion md:p ; dct:source md:src {extra} .
"""


# Agency D, dissolved on 2024-01-01, still named by a support responsibility.
DISSOLVED_D = AGENCY.format(
    name="d", extra="; mandat:validDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate \"2024-01-01\"^^xsd:date ] ]") + """
md:rl-d a mandat:ReportingLine ; mandat:unit md:d ; mandat:parent md:pres ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate "2024-01-01"^^xsd:date ] ] ; dct:source md:src .
md:resp-d a mandat:Responsibility ; mandat:agency md:d ; mandat:step md:s1 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def world(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "world.ttl").write_text(text)
    return str(folder)


def answer(run, folder: str, *extra) -> list[dict]:
    result = run("--data", folder, "gaps", "--as-of", "2025-06-01", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def findings(run, folder: str, *extra) -> list[tuple]:
    """(kind, severity, region, subject) per finding and region it holds in."""
    return sorted((f["kind"], f["severity"], local(r["iri"]), local(f["subject"]["iri"]))
                  for f in answer(run, folder, *extra) for r in f["regions"])


def test_fully_covered_world_has_no_gaps(run, tmp_path):
    assert findings(run, world(tmp_path, BASE)) == []


def test_uncovered_step(run, tmp_path):
    text = BASE.replace("md:resp-b a mandat:Responsibility", "md:resp-b a mandat:Other")
    assert findings(run, world(tmp_path, text)) == [
        ("uncovered-step", "high", "p", "s2"), ("uncovered-step", "high", "r", "s2")]


def test_step_covered_only_nationally_is_lower_severity(run, tmp_path):
    text = BASE.replace("mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:resp-b",
                        "mandat:jurisdiction md:c ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:resp-b")
    assert findings(run, world(tmp_path, text)) == [
        ("uncovered-step", "medium", "p", "s1"), ("uncovered-step", "medium", "r", "s1")]


def test_unlinked_handover(run, tmp_path):
    text = BASE.replace("md:agr a mandat:Agreement", "md:agr a mandat:Other")
    assert findings(run, world(tmp_path, text)) == [
        ("unlinked-handover", "medium", "p", "a"), ("unlinked-handover", "medium", "r", "a")]


def test_stale_mandate_names_the_successor(run, tmp_path):
    text = BASE + DISSOLVED_D + """
md:ev-d a org:ChangeEvent ; mandat:changeKind mandat:Merged ; org:originalOrganization md:d ;
    org:resultingOrganization md:b ; dct:date "2024-01-01"^^xsd:date ; dct:source md:src .
"""
    folder = world(tmp_path, text)
    assert findings(run, folder) == [("stale-mandate", "high", "p", "d")]
    result = run("--lang", "en", "--data", folder, "gaps", "--as-of", "2025-06-01", "--format", "json")
    assert "Office B" in json.loads(result.output)[0]["suggestion"]


def test_stale_mandates_are_found_on_the_day_the_agency_ends_in_every_fact_naming_it(run, tmp_path):
    """On 2024-01-01, the day Agency D ends: its support responsibility and an untyped agreement that
    names it after a living party are stale (an 'MoU' by default), an older responsibility that had
    already ended is not, and a party the data never describes is no agency at all."""
    text = BASE + DISSOLVED_D + """
md:resp-0-old a mandat:Responsibility ; mandat:agency md:a ; mandat:step md:s2 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate "2020-01-01"^^xsd:date ] ] .
md:agr-d a mandat:Agreement ; mandat:party md:a , md:d , md:nobody ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    result = run("--lang", "en", "--data", world(tmp_path, text), "gaps", "--kind", "stale-mandate",
                 "--as-of", "2024-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    stale = sorted((local(f["evidence"][0]["fact"]), f["explanation"]) for f in json.loads(result.output))
    assert stale == [("agr-d", "The agreement 'MoU' still names Office d, which no longer existed on 2024-01-01."),
                     ("resp-d", "The responsibility 'Step one' still names Office d, which no longer existed on 2024-01-01.")]


def test_stale_mandates_of_a_region_skip_the_dissolved_agencies_outside_it(run, tmp_path):
    """An agreement names two agencies gone by mid-2025: the national one serves no region inside
    Province P, so asked about Province P only Agency D's part in it is stale."""
    text = BASE + DISSOLVED_D + """
md:c-gone a mandat:Ministry ; skos:prefLabel "Kementerian Lama"@id , "Old Ministry"@en ; mandat:level mandat:National ;
    mandat:servesRegion md:c ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate "2024-01-01"^^xsd:date ] ] .
md:agr-d a mandat:Agreement ; mandat:party md:c-gone , md:d ; mandat:agreementType "PKS" ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    folder = world(tmp_path, text)
    everywhere = findings(run, folder, "--kind", "stale-mandate")
    assert everywhere == [("stale-mandate", "high", "c", "c-gone"), ("stale-mandate", "high", "p", "d"),
                          ("stale-mandate", "high", "p", "d")]
    assert findings(run, folder, "--kind", "stale-mandate", "--region", "Provinsi P") == [
        ("stale-mandate", "high", "p", "d"), ("stale-mandate", "high", "p", "d")]


def test_orphan_unit(run, tmp_path):
    text = BASE + AGENCY.format(name="e", extra="")
    assert findings(run, world(tmp_path, text)) == [("orphan-unit", "medium", "p", "e")]


def test_conflicting_leads(run, tmp_path):
    text = BASE.replace("mandat:party md:a , md:b", "mandat:party md:a , md:b , md:e") + AGENCY.format(name="e", extra="") + """
md:rl-e a mandat:ReportingLine ; mandat:unit md:e ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-e a mandat:Responsibility ; mandat:agency md:e ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    assert findings(run, world(tmp_path, text)) == [("conflicting-leads", "medium", "p", "s1")]


def test_a_lead_with_no_jurisdiction_is_no_conflict_in_any_region(run, tmp_path):
    """Office B also leads step one, with no jurisdiction recorded: it is nobody's rival in Province P
    (and the findings are ordered although its jurisdiction is missing)."""
    anywhere = """
md:resp-b-anywhere a mandat:Responsibility ; mandat:agency md:b ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    assert findings(run, world(tmp_path, BASE + anywhere), "--kind", "conflicting-leads") == []
    # the same lead given Province P as its jurisdiction is a conflict there
    (tmp_path / "data" / "world.ttl").write_text(BASE + anywhere.replace(
        "mandat:role mandat:Lead ;\n    mandat:legalBasis", "mandat:role mandat:Lead ; mandat:jurisdiction md:p ;\n    mandat:legalBasis"))
    assert findings(run, str(tmp_path / "data"), "--kind", "conflicting-leads") == [("conflicting-leads", "medium", "p", "s1")]


def test_weak_basis_unverified(run, tmp_path):
    text = BASE + """
md:shaky a eli:LegalResource ; eli:number "9" ; mandat:year "2020"^^xsd:gYear ; skos:prefLabel "Shaky"@id , "Shaky"@en ;
    mandat:confidence mandat:Unverified .
""".replace("\n", "\n", 1)
    text = text.replace("mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:agr",
                        "mandat:jurisdiction md:p ; mandat:legalBasis md:shaky ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:agr")
    assert findings(run, world(tmp_path, text)) == [("weak-basis", "low", "p", "b")]


def test_weak_basis_repealed(run, tmp_path):
    text = BASE + """
md:law2 a eli:LegalResource ; eli:number "2" ; mandat:year "2023"^^xsd:gYear ; eli:date_document "2023-01-01"^^xsd:date ;
    skos:prefLabel "Law 2"@id , "Law 2"@en ; eli:repeals md:law ; dct:source md:src .
"""
    found = findings(run, world(tmp_path, text))
    assert found == [("weak-basis", "high", "p", "a"), ("weak-basis", "high", "p", "b")]


def test_single_point_of_failure(run, tmp_path):
    text = BASE + AGENCY.format(name="g", extra="") + """
md:rl-g a mandat:ReportingLine ; mandat:unit md:g ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-g a mandat:Responsibility ; mandat:agency md:g ; mandat:step md:s2 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:agr2 a mandat:Agreement ; mandat:party md:b , md:g ; mandat:agreementType "PKS" ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    assert findings(run, world(tmp_path, text)) == [
        ("single-point-of-failure", "medium", "p", "b"), ("single-point-of-failure", "medium", "r", "b")]


NATIONAL_ONLY_S1 = BASE.replace(
    "mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:resp-b",
    "mandat:jurisdiction md:c ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:resp-b")

# Regency R2 holds a police unit that leads step one there: the data's precedent for who leads it in a regency.
R2 = """
md:r2 a mandat:RegencyCity ; skos:prefLabel "Kabupaten R2"@id , "Regency R2"@en ; mandat:withinRegion md:p ; dct:source md:src .
md:pol a mandat:PoliceUnit ; skos:prefLabel "Polres R2"@id , "R2 Police"@en ; mandat:level mandat:RegencyLevel ;
    mandat:servesRegion md:r2 .
md:rl-pol a mandat:ReportingLine ; mandat:unit md:pol ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-pol a mandat:Responsibility ; mandat:agency md:pol ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:r2 ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_unknown_coverage_where_the_data_lacks_the_actor(run, tmp_path):
    """R holds no police unit, which leads step one in R2: its national-only cover is a hole in the data.
    P holds the kinds expected of a province, so its national-only cover stays uncovered-step."""
    folder = world(tmp_path, NATIONAL_ONLY_S1 + R2)
    assert findings(run, folder) == [
        ("uncovered-step", "medium", "p", "s1"), ("unknown-coverage", "low", "r", "s1"),
        ("unlinked-handover", "medium", "r2", "pol")]
    [unknown] = [f for f in answer(run, folder) if f["kind"] == "unknown-coverage"]
    assert unknown["lacking"] == ["police-unit"]
    # police units lead step one at regency level elsewhere: the data lacks that actor, not "few actors"
    assert unknown["explanation"].startswith("Data tidak memuat pelaku daerah yang biasa memimpin tahap 'Langkah satu' "
                                             "di Kabupaten R (police-unit)"), unknown["explanation"]


def test_a_handover_down_a_chain_of_command_needs_no_other_channel(run, tmp_path):
    """Office B reports to Office A through a middle office and signs nothing with it: a case passed
    from A (step one) down to B (step two) stays inside one chain, so the handover is linked."""
    text = BASE.replace("md:agr a mandat:Agreement", "md:agr a mandat:Other").replace(
        "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres",
        "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:mid") + AGENCY.format(name="mid", extra="") + """
md:rl-mid a mandat:ReportingLine ; mandat:unit md:mid ; mandat:parent md:a ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
    folder = world(tmp_path, text)
    assert findings(run, folder, "--kind", "unlinked-handover") == []
    # the middle office under the President instead: A and B no longer share a chain
    (Path(folder) / "world.ttl").write_text(text.replace("mandat:unit md:mid ; mandat:parent md:a", "mandat:unit md:mid ; mandat:parent md:pres"))
    assert findings(run, folder, "--kind", "unlinked-handover") == [("unlinked-handover", "medium", "p", "a"),
                                                                     ("unlinked-handover", "medium", "r", "a")]


def test_unlinked_handover_names_agencies_steps_and_closing_links(run, tmp_path):
    text = BASE.replace("md:agr a mandat:Agreement", "md:agr a mandat:Other") + AGENCY.format(name="tf", extra="").replace(
        "md:tf a mandat:RegionalDepartment", "md:tf a mandat:TaskForce") + """
md:rl-tf a mandat:ReportingLine ; mandat:unit md:tf ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:fm-a a mandat:ForumMembership ; org:member md:a ; org:organization md:tf ; org:memberDuring [ a time:Interval ] ; dct:source md:src .
"""
    [f] = answer(run, world(tmp_path, text), "--kind", "unlinked-handover")
    assert [local(r["iri"]) for r in f["regions"]] == ["p", "r"] and local(f["region"]["iri"]) == "p"
    assert [local(a["iri"]) for a in f["agencies"]] == ["a", "b"]
    assert [local(s["iri"]) for s in f["impact"]["steps"]] == ["s1", "s2"]
    assert f["impact"] == {**f["impact"], "regions": 2, "falls_between": True}
    assert [(c["link"], [local(x["iri"]) for x in c.get("seat_for", c.get("parties", []))]) for c in f["closing_links"]] == [
        ("task-force-seat", ["b"]), ("agreement", ["a", "b"])]


# For ranking: no lead for step two anywhere (a victim handed to nobody), an orphan office E,
# two national bodies with no channel between steps three and four, an unverified legal basis.
RANKED = BASE.replace("md:resp-b a mandat:Responsibility", "md:resp-b a mandat:Other").replace(
    "mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:resp-b",
    "mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src ; "
    "mandat:confidence mandat:Unverified .\nmd:resp-b") + AGENCY.format(name="e", extra="") + """
md:s3 a mandat:HandlingStep ; skos:prefLabel "Langkah tiga"@id , "Step three"@en ; skos:notation "3" ;
    mandat:expectsRegionalActor false ; mandat:handsOverTo md:s4 ; dct:source md:src .
md:s4 a mandat:HandlingStep ; skos:prefLabel "Langkah empat"@id , "Step four"@en ; skos:notation "4" ;
    mandat:expectsRegionalActor false ; dct:source md:src .
""" + "".join(f"""
md:{n} a mandat:Ministry ; skos:prefLabel "Kementerian {n}"@id , "Ministry {n}"@en ; mandat:level mandat:National ;
    mandat:servesRegion md:c ; dct:source md:src .
md:rl-{n} a mandat:ReportingLine ; mandat:unit md:{n} ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-{n} a mandat:Responsibility ; mandat:agency md:{n} ; mandat:step md:{step} ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:c ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
""" for n, step in (("n1", "s3"), ("n2", "s4")))


def test_findings_come_in_rank_order(run, tmp_path):
    """Victim handed to nobody, then the orphan office, then the national bodies without a channel, then the
    unverified basis; each cause once, with the regions it holds in."""
    found = answer(run, world(tmp_path, RANKED))
    assert [(f["rank"], f["kind"], f["severity"], local(f["subject"]["iri"]), [local(r["iri"]) for r in f["regions"]],
             f["impact"]["falls_between"]) for f in found] == [
        (1, "uncovered-step", "high", "s2", ["p", "r"], True),
        (2, "orphan-unit", "medium", "e", ["p"], False),
        (3, "unlinked-handover", "low", "n1", ["p", "r"], True),
        (4, "weak-basis", "low", "a", ["p"], False)]


def test_fail_on_gates_the_exit_code(run, tmp_path):
    folder = world(tmp_path, BASE + AGENCY.format(name="e", extra=""))
    assert run("--data", folder, "gaps", "--as-of", "2025-06-01", "--fail-on", "high").exit_code == 0
    assert run("--data", folder, "gaps", "--as-of", "2025-06-01", "--fail-on", "medium").exit_code == 1


def test_table_ends_with_counts(run, tmp_path):
    result = run("--data", world(tmp_path, BASE + AGENCY.format(name="e", extra="")), "gaps", "--as-of", "2025-06-01")
    assert "orphan-unit" in result.output and "total" in result.output.splitlines()[-2]


# -- on the shipped data ------------------------------------------------------------------

def test_shipped_data_gaps_of_kalimantan_selatan_by_kind_as_the_readme_counts_them(run_json):
    """The README's table: 127 findings standing for 284 (a finding of one cause lists its
    regions), each explained with a suggestion. Babel's are pinned whole in tests/golden/."""
    from collections import Counter

    found = run_json("gaps", "--region", "Kalimantan Selatan", "--as-of", "2025-06-01")
    assert Counter(f["kind"] for f in found) == {"unlinked-handover": 103, "weak-basis": 11,
                                                 "single-point-of-failure": 6, "uncovered-step": 4,
                                                 "unknown-coverage": 3}
    assert sum(len(f["regions"]) for f in found) == 284
    assert [f["rank"] for f in found] == list(range(1, 128))
    assert all(f["explanation"] and f["suggestion"] for f in found)


def test_dropping_an_agency_from_the_data_is_a_hole_in_the_data(run, run_json, tmp_path):
    """Drop every triple that names Kanim Batulicin: passport screening in Tanah Bumbu becomes uncovered."""
    from rdflib import Graph, URIRef

    agency = URIRef(MD + "kanim-batulicin")
    before = run_json("who-handles", "passport screening", "--region", "Tanah Bumbu", "--as-of", "2025-06-01")
    led = [r for r in before if r["agency"]["iri"] == str(agency) and r["role"] == "lead"]
    assert led, "the shipped data names Kanim Batulicin as lead for passport screening in Tanah Bumbu"
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    for path in folder.glob("*.ttl"):
        g = Graph().parse(path)
        dropped = [t for t in g if agency in (t[0], t[2])]
        if dropped:
            for t in dropped:
                g.remove(t)
            g.serialize(path, format="turtle")
    kinds = ("--kind", "uncovered-step", "--kind", "unknown-coverage")
    baseline = {(f["kind"], f["subject"]["iri"]) for f in
                run_json("gaps", "--region", "Tanah Bumbu", "--as-of", "2025-06-01", *kinds)}
    after = run_json("--data", str(folder), "gaps", "--region", "Tanah Bumbu", "--as-of", "2025-06-01", *kinds)
    new = {(f["kind"], f["subject"]["iri"]) for f in after} - baseline
    # Tanah Bumbu no longer holds a technical unit (its only one was the Kanim), a kind the data shows for
    # regencies: screening, which a technical unit leads elsewhere, and the steps nobody leads at regency
    # level anywhere, are now holes in the data rather than in government.
    assert new == {("unknown-coverage", MD + step) for step in
                   ("step-passport-screening", "step-health-rehabilitation", "step-reintegration")}


# -- ranking, grouping and the table on the shipped data ---------------------------------------------

def test_kalimantan_selatan_findings_grouped_by_cause(run_json):
    from collections import Counter

    found = run_json("gaps", "--region", "Kalimantan Selatan", "--as-of", "2025-06-01")
    assert Counter(f["kind"] for f in found) == {
        "unlinked-handover": 103, "weak-basis": 11, "single-point-of-failure": 6, "uncovered-step": 4,
        "unknown-coverage": 3}     # weak-basis 11: the task force's two roles, Dinsos Kalsel's and the Polda's;
                                   # single points 6: + Kemlu, the only link of its Dit PWNI (h-data)
    # unlinked-handover 103 and a fifth single point of failure since the regency actors of
    # data/regency-actors-kalsel.ttl (Polres, Kejari, PN and dinas of every regency, issue 13) hand cases on
    # with no agreement in the data;
    # reporting role are sourced; Polri is no longer a single point of failure once its MoU with KemenP2MI
    # is dated to its signing, 21 January 2026 (issue 13)
    assert [f["rank"] for f in found] == list(range(1, 128))     # 127: + Kemlu single point (h-data)
    first = found[0]      # the health ministry hands victims on to the provincial Dinsos with no channel, in all 14
    assert (first["kind"], local(first["subject"]["iri"]), first["impact"]["regions"], first["impact"]["falls_between"]) == (
        "unlinked-handover", "kemenkes", 14, True)
    assert [local(a["iri"]) for a in first["agencies"]] == ["kemenkes", "dinsos-kalsel"]
    # since issue 13 every Kalsel regency but Balangan holds a court, and most hold their own actors: trial is
    # unknown only in Balangan; health rehabilitation and reintegration lack a court and a task force in eight
    assert {local(f["subject"]["iri"]): (f["impact"]["regions"], f["lacking"]) for f in found
            if f["kind"] == "unknown-coverage"} == {
        "step-trial": (1, ["court"]), "step-health-rehabilitation": (8, ["court", "task-force"]),
        "step-reintegration": (8, ["court", "task-force"])}


def test_table_shows_the_top_20_and_counts_the_rest(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    args = ("--lang", "en", "gaps", "--region", "Kalimantan Selatan", "--as-of", "2025-06-01")
    table = run(*args).output
    assert "… and 107 more findings (--all for all)" in table and "\n 21 " not in table
    everything = run(*args, "--all").output
    assert "\n 127 " in everything and "more findings" not in everything


# -- what-if and comparison ----------------------------------------------------------------------------

def change(run, folder: str, *extra) -> dict:
    result = run("--lang", "en", "--data", folder, "gaps", "--as-of", "2025-06-01", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def changed(answer: dict) -> tuple:
    """Totals before and after, and (kind, severity, subject, regions) of what appeared and was resolved."""
    def brief(fs):
        return [(f["kind"], f["severity"], local(f["subject"]["iri"]), [local(r["iri"]) for r in f["regions"]]) for f in fs]
    return answer["baseline"]["total"], answer["scenario"]["total"], brief(answer["appeared"]), brief(answer["resolved"])


# A national ministry N also leads step one, nationally: the fallback when the provincial Office A goes.
NATIONAL_N = """
md:n a mandat:Ministry ; skos:prefLabel "Kementerian N"@id , "Ministry N"@en ; mandat:level mandat:National ;
    mandat:servesRegion md:c ; dct:source md:src .
md:rl-n a mandat:ReportingLine ; mandat:unit md:n ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-n a mandat:Responsibility ; mandat:agency md:n ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:c ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:agr-n a mandat:Agreement ; mandat:party md:n , md:a , md:b ; mandat:agreementType "MoU" ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_without_an_agency_nobody_leads_its_step(run, tmp_path):
    assert changed(change(run, world(tmp_path, BASE), "--without", "Office A")) == (
        0, 1, [("uncovered-step", "high", "s1", ["p", "r"])], [])


def test_without_an_office_its_step_falls_back_to_national_level(run, tmp_path):
    """Not a hole in the data: the data held Office A; as if dissolved, the absence is known."""
    assert changed(change(run, world(tmp_path, BASE + NATIONAL_N), "--without", "Office A")) == (
        0, 1, [("uncovered-step", "medium", "s1", ["p", "r"])], [])


# Province Q, whose police is the only other police unit at provincial level: with Office A a police
# unit too, the data holds that kind somewhere, and only Office A leads step one at that level.
POLICE_Q = """
md:q a mandat:Province ; skos:prefLabel "Provinsi Q"@id , "Province Q"@en ; mandat:withinRegion md:c ; dct:source md:src .
md:polda-q a mandat:PoliceUnit ; skos:prefLabel "Polda Q"@id , "Police Q"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:q ; dct:source md:src .
md:rl-polda-q a mandat:ReportingLine ; mandat:unit md:polda-q ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_without_the_only_office_of_its_kind_the_absence_is_still_known(run, tmp_path):
    """What the data holds is read from the real data, not from the what-if: Province P held a police
    unit (Office A) and loses it, which is a known absence (uncovered-step), not a hole in the data
    (unknown-coverage, as the scenario alone would say: police units lead nothing at that level)."""
    text = BASE.replace("md:a a mandat:RegionalDepartment", "md:a a mandat:PoliceUnit") + NATIONAL_N + POLICE_Q
    assert changed(change(run, world(tmp_path, text), "--without", "Office A")) == (
        2, 2, [("uncovered-step", "medium", "s1", ["p", "r"])], [])


def test_with_a_link_the_unlinked_handover_is_resolved(run, tmp_path):
    folder = world(tmp_path, BASE.replace("md:agr a mandat:Agreement", "md:agr a mandat:Other"))
    assert changed(change(run, folder, "--with-link", "Office A", "Office B")) == (
        1, 0, [], [("unlinked-handover", "medium", "a", ["p", "r"])])


def test_compare_two_dates(run, tmp_path):
    """The agreement between A and B ends on 2024-01-01."""
    folder = world(tmp_path, BASE.replace(
        'mandat:agreementType "MoU" ;\n    mandat:validDuring [ a time:Interval ]',
        'mandat:agreementType "MoU" ;\n    mandat:validDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate "2024-01-01"^^xsd:date ] ]'))
    assert changed(change(run, folder, "--compare", "2023-06-01", "2025-06-01")) == (
        0, 1, [("unlinked-handover", "medium", "a", ["p", "r"])], [])
    assert changed(change(run, folder, "--compare", "2025-06-01", "2023-06-01")) == (
        1, 0, [], [("unlinked-handover", "medium", "a", ["p", "r"])])


def test_without_kanim_batulicin_screening_falls_back_to_the_directorate_general(run_json):
    answer = run_json("gaps", "--region", "Tanah Bumbu", "--as-of", "2025-06-01", "--without", "Kanim Batulicin")
    assert (answer["baseline"]["by_kind"]["uncovered-step"], answer["scenario"]["by_kind"]["uncovered-step"]) == (2, 3)
    [screening] = [f for f in answer["appeared"] if f["kind"] == "uncovered-step"]
    assert local(screening["subject"]["iri"]) == "step-passport-screening" and screening["severity"] == "medium"
    assert [local(e["fact"]) for e in screening["evidence"]] == ["resp-ditjen-imigrasi-passport-screening-indonesia"]


def test_what_if_and_compare_do_not_mix(run, tmp_path):
    result = run("--data", world(tmp_path, BASE), "gaps", "--compare", "2023-01-01", "2025-01-01", "--without", "Office A")
    assert result.exit_code == 2 and "not both" in result.output


# -- the planner's report ------------------------------------------------------------------------------

def test_html_report_escapes_labels_and_holds_findings_what_if_and_matrix(run, tmp_path):
    import re

    text = BASE.replace('"Dinas A"@id , "Office A"@en', '"Dinas <A&>"@id , "Office <A&>"@en').replace(
        "md:agr a mandat:Agreement", "md:agr a mandat:Other")
    out = tmp_path / "report.html"
    result = run("--data", world(tmp_path, text), "gaps", "--region", "Provinsi P", "--as-of", "2025-06-01",
                 "--without", "Dinas B", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<A&>" not in page and page.count("Dinas &lt;A&amp;&gt;") == 5      # findings, resolved, matrix
    assert re.findall(r'<section id="([\w-]+)">', page) == ["findings", "what-if", "matrix"]
    assert re.findall(r'<tr data-step="[^"]+/(s\d)"', page) == ["s1", "s2"]
    assert "size: A4" in page and "<script" not in page


def test_html_report_needs_one_region(run, tmp_path):
    result = run("--data", world(tmp_path, BASE), "gaps", "--format", "html")
    assert result.exit_code == 2 and "exactly one --region" in result.output


def test_fail_on_with_a_what_if_looks_at_what_appeared(run, tmp_path):
    folder = world(tmp_path, BASE)
    assert run("--data", folder, "gaps", "--as-of", "2025-06-01", "--without", "Office A", "--fail-on", "high").exit_code == 1
    (tmp_path / "x").mkdir()
    unlinked = world(tmp_path / "x", BASE.replace("md:agr a mandat:Agreement", "md:agr a mandat:Other"))
    assert run("--data", unlinked, "gaps", "--as-of", "2025-06-01", "--with-link", "Office A", "Office B",
               "--fail-on", "low").exit_code == 0


def test_what_if_csv_lists_each_change(run, tmp_path):
    folder = world(tmp_path, BASE.replace("md:agr a mandat:Agreement", "md:agr a mandat:Other"))
    lines = run("--data", folder, "gaps", "--as-of", "2025-06-01", "--with-link", "Office A", "Office B",
                "--format", "csv").output.splitlines()
    assert lines[0] == "change,rank,severity,kind,region_iri,region,regions,subject_iri,subject,steps,falls_between," \
                       "explanation,suggestion,sources"
    assert [line.split(",")[:4] for line in lines[1:]] == [["resolved", "1", "medium", "unlinked-handover"]]
