"""`mandat validate`: each integrity problem is caught on a fixture made for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_gaps import AGENCY, BASE, DISSOLVED_D, PREFIXES

ROOT = Path(__file__).resolve().parent.parent
MD = "https://w3id.org/mandat/id/"


def check(run, tmp_path, text: str):
    path = tmp_path / "world.ttl"
    path.write_text(text)
    return run("validate", str(path))


def test_clean_fixture_exits_0(run, tmp_path):
    result = check(run, tmp_path, BASE)
    assert result.exit_code == 0, result.output
    assert "0 problem(s)" in result.output


def test_shipped_data_validates_clean(run):
    result = run("validate")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name, text, node, needle", [
    ("cycle", BASE + """
md:rl-pres a mandat:ReportingLine ; mandat:unit md:pres ; mandat:parent md:a ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
""", "a", "cycle"),
    ("two parents", BASE + """
md:rl-a2 a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:b ;
    mandat:validDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2024-01-01"^^xsd:date ] ] ; dct:source md:src .
""", "a", "at the same time"),
    ("dangling", BASE.replace("mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:rl-b",
                              "mandat:parent md:nowhere ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .\nmd:rl-b"),
     "rl-a", "never defined"),
    ("no parent", BASE + AGENCY.format(name="e", extra=""), "e", "no reporting line"),
    ("no parent for a while", BASE.replace(
        "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ]",
        "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ; "
        "time:hasBeginning [ time:inXSDDate \"2022-01-01\"^^xsd:date ] ]"), "b", "no reporting line"),
    ("names agency before it existed", BASE + AGENCY.format(
        name="n", extra="; mandat:validDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate \"2024-10-21\"^^xsd:date ] ]") + """
md:rl-n a mandat:ReportingLine ; mandat:unit md:n ; mandat:parent md:pres ;
    mandat:validDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2024-10-21"^^xsd:date ] ] ; dct:source md:src .
md:resp-n a mandat:Responsibility ; mandat:agency md:n ; mandat:step md:s1 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
""", "resp-n", "before it existed"),
    ("reversed period", BASE.replace(
        "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ]",
        "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ; "
        "time:hasBeginning [ time:inXSDDate \"2024-01-01\"^^xsd:date ] ; time:hasEnd [ time:inXSDDate \"2020-01-01\"^^xsd:date ] ]"),
     "rl-b", "ends"),
    ("missing English label", BASE.replace('skos:prefLabel "Dinas A"@id , "Office A"@en', 'skos:prefLabel "Dinas A"@id'),
     "a", "English"),
    ("unsourced fact", BASE.replace("mandat:agreementType \"MoU\" ;\n    mandat:validDuring [ a time:Interval ] ; dct:source md:src .",
                                    "mandat:agreementType \"MoU\" ;\n    mandat:validDuring [ a time:Interval ] ."),
     "agr", "source"),
])
def test_each_problem_is_caught(run, tmp_path, name, text, node, needle):
    result = check(run, tmp_path, text)
    assert result.exit_code == 1, result.output
    lines = [l for l in result.output.splitlines() if f"<{MD}{node}>" in l]
    assert any(needle in l for l in lines), result.output
    assert all(l.startswith(str(tmp_path)) for l in lines)


def test_stale_mandate_is_a_warning_not_an_error(run, tmp_path):
    text = BASE + DISSOLVED_D
    result = check(run, tmp_path, text)
    assert result.exit_code == 0
    assert "[warning]" in result.output and "resp-d" in result.output


def test_malformed_file_exits_2_with_its_line(run, tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(PREFIXES + "md:a a mandat:Ministry ;\n    skos:prefLabel \"no end .\n")
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert f"{path}:13" in result.output or "broken.ttl:" in result.output


def test_json_format_lists_problems(run_json, tmp_path):
    path = tmp_path / "w.ttl"
    path.write_text(BASE + AGENCY.format(name="e", extra=""))
    from click.testing import CliRunner

    from graph.cli import main
    result = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    import json
    problems = json.loads(result.stdout)
    assert {p["check"] for p in problems} == {"no-parent"} and result.exit_code == 1


def test_validate_in_a_real_process():
    result = subprocess.run([sys.executable, "-m", "graph.cli", "validate"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout
