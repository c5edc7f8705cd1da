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
