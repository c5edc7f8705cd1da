"""`mandat coverage`: what the data holds per region, on a fixture with known answers and on the shipped data."""

from __future__ import annotations

import json

from test_gaps import BASE, R2, world

# R2 (from test_gaps) holds a police unit with no source of its own that leads step one there,
# so a regency-level police unit is what the data expects for step one in every regency.


def summary(answer: list[dict]) -> list[tuple]:
    """(region, held kinds, missing kinds, step statuses, sourced share) per region."""
    return [(c["region"]["iri"].rsplit("/", 1)[-1], [k["kind"] for k in c["kinds"] if k["status"] == "held"],
             c["missing"], [(s["code"], s["status"]) for s in c["steps"]], c["sourced"]["share"]) for c in answer]


def test_coverage_on_a_fixture(run, tmp_path):
    result = run("--data", world(tmp_path, BASE + R2), "coverage", "--as-of", "2025-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert summary(json.loads(result.output)) == [
        ("p", ["regional-department"], [], [("s1", "led")], 1.0),
        ("r", [], ["police-unit"], [("s1", "unknown")], 0.0),
        ("r2", ["police-unit"], [], [("s1", "led")], 0.67),
    ]


def test_coverage_csv_keeps_codes_in_english(run, tmp_path):
    folder = world(tmp_path, BASE + R2)
    lines = run("--data", folder, "coverage", "--region", "Kabupaten R", "--as-of", "2025-06-01",
                "--format", "csv").output.splitlines()
    assert lines == ["region_iri,region,level,aspect,code,label,status,detail,sourced_share",
                     "https://w3id.org/mandat/id/r,Kabupaten R,regency,kind,police-unit,Kepolisian,missing,,0.0",
                     "https://w3id.org/mandat/id/r,Kabupaten R,regency,step,s1,Langkah satu,unknown,police-unit,0.0"]


def test_coverage_of_tanah_bumbu_on_the_shipped_data(run_json):
    [tb] = run_json("--lang", "en", "coverage", "--region", "Tanah Bumbu", "--as-of", "2025-06-01")
    assert tb["missing"] == []
    assert {k["kind"]: [a["iri"].rsplit("/", 1)[-1] for a in k["agencies"]] for k in tb["kinds"]} == {
        "court": ["pn-batulicin"], "police-unit": ["polres-tanah-bumbu"], "prosecution-office": ["kejari-tanah-bumbu"],
        "regional-department": ["disnakertrans-tanah-bumbu"], "regional-government": ["pemkab-tanah-bumbu"],
        "task-force": ["gt-tanah-bumbu", "timpora-tanah-bumbu"], "technical-unit": ["kanim-batulicin"]}
    assert [s["code"] for s in tb["steps"] if s["status"] == "not-led"] == [
        "step-prevention", "step-umrah-supervision", "step-victim-identification", "step-health-rehabilitation",
        "step-social-rehabilitation", "step-reintegration"]
    assert tb["sourced"] == {"facts": 34, "sourced": 23, "share": 0.68}


ENDED = """
md:r3 a mandat:RegencyCity ; skos:prefLabel "Kabupaten R3"@id , "Regency R3"@en ; mandat:withinRegion md:p ; dct:source md:src .
md:pol3 a mandat:PoliceUnit ; skos:prefLabel "Polres R3"@id , "R3 Police"@en ; mandat:level mandat:RegencyLevel ;
    mandat:servesRegion md:r3 ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2020-01-01"^^xsd:date ] ] .
md:rl-pol3 a mandat:ReportingLine ; mandat:unit md:pol3 ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] .
md:resp-pol3 a mandat:Responsibility ; mandat:agency md:pol3 ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:r3 ; mandat:legalBasis md:law ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ] .
md:r4 a mandat:RegencyCity ; skos:prefLabel "Kabupaten R4"@id , "Regency R4"@en ; mandat:withinRegion md:p ; dct:source md:src .
md:pol4 a mandat:PoliceUnit ; skos:prefLabel "Polres R4"@id , "R4 Police"@en ; mandat:level mandat:RegencyLevel ;
    mandat:servesRegion md:r4 ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ] .
md:rl-pol4 a mandat:ReportingLine ; mandat:unit md:pol4 ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-pol4 a mandat:Responsibility ; mandat:agency md:pol4 ; mandat:step md:s1 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:r4 ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_a_lead_counts_only_while_it_and_its_agency_are_in_force(run, tmp_path):
    """R3's police still exists but its lead ended in January: the step is not led there, and the ended
    responsibility no longer counts among R3's facts (1 of 2 in force is sourced). R4's police was
    dissolved: on 2025-06-01 the data holds no police unit there, so the step's cover is unknown."""
    folder = world(tmp_path, BASE + R2 + ENDED)
    on = lambda day: {row[0]: row for row in summary(json.loads(run(  # noqa: E731
        "--data", folder, "coverage", "--as-of", day, "--format", "json").output))}
    later, earlier = on("2025-06-01"), on("2024-06-01")
    assert later["r3"] == ("r3", ["police-unit"], [], [("s1", "not-led")], 0.5)
    assert later["r4"] == ("r4", [], ["police-unit"], [("s1", "unknown")], 0.0)
    assert earlier["r3"][3] == earlier["r4"][3] == [("s1", "led")]
