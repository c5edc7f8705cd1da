"""`mandat validate`: each problem is caught on a fixture made for it, and only there."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_gaps import AGENCY, BASE, DISSOLVED_D, PREFIXES

ROOT = Path(__file__).resolve().parent.parent
MD = "https://w3id.org/mandat/id/"

# Things that must never be reported: the ordered step list (an rdf:List of
# blank nodes), a dated interval with a year-only end, ontology terms as objects.
CLEAN_EXTRAS = """
md:sequence a skos:OrderedCollection ; skos:memberList ( md:s1 md:s2 ) .
md:rl-a mandat:legalBasis md:law .
md:agr mandat:concern "overlap"@en .
md:resp-a skos:editorialNote "period below is only for the fixture"@en .
"""

LINE_B_ALWAYS = ("md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres ; "
                 "mandat:validDuring [ a time:Interval ]")


def line_b(interval: str) -> str:
    """BASE with the period of B's reporting line replaced by ``interval``."""
    assert LINE_B_ALWAYS in BASE
    return BASE.replace(LINE_B_ALWAYS, LINE_B_ALWAYS.replace("[ a time:Interval ]", interval))


def since(day: str) -> str:
    return f'[ a time:Interval ; time:hasBeginning [ time:inXSDDate "{day}"^^xsd:date ] ]'


def write(tmp_path: Path, text: str, name: str = "world.ttl") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def problems(run, path: Path) -> tuple[int, list[dict]]:
    """Exit code and the JSON problems of ``mandat validate PATH``."""
    result = run("validate", str(path), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def found(items: list[dict], check: str, node: str) -> list[dict]:
    """The problems of ``check`` on md:``node`` (a problem may carry several check names)."""
    return [p for p in items if check in p["check"].split("+") and p["node"] == MD + node]


# -- clean input --------------------------------------------------------------

def test_clean_fixture_exits_0(run, tmp_path):
    result = run("validate", str(write(tmp_path, BASE + CLEAN_EXTRAS)))
    assert result.exit_code == 0, result.output
    assert "0 problem(s), 0 warning(s)" in result.output


def test_clean_data_folder_exits_0(run, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write(folder, BASE)
    result = run("--data", str(folder), "validate")
    assert result.exit_code == 0, result.output


def test_shipped_data_validates_clean(run):
    result = run("validate")
    assert result.exit_code == 0, result.output


# -- one fixture per problem ------------------------------------------------------

CYCLE = BASE + """
md:rl-pres a mandat:ReportingLine ; mandat:unit md:pres ; mandat:parent md:a ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
TWO_PARENTS = BASE + f"""
md:rl-a2 a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:b ;
    mandat:validDuring {since("2024-01-01")} ; dct:source md:src .
"""
DANGLING = BASE.replace("md:rl-a a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:pres",
                        "md:rl-a a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:nowhere")
NEVER_A_PARENT = BASE + AGENCY.format(name="e", extra="")
BEFORE_EXISTENCE = BASE + AGENCY.format(name="n", extra=f"; mandat:validDuring {since('2024-10-21')}") + f"""
md:rl-n a mandat:ReportingLine ; mandat:unit md:n ; mandat:parent md:pres ;
    mandat:validDuring {since("2024-10-21")} ; dct:source md:src .
md:resp-n a mandat:Responsibility ; mandat:agency md:n ; mandat:step md:s1 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:legalBasis md:law ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""
REVERSED = line_b('[ a time:Interval ; time:hasBeginning [ time:inXSDDate "2024-01-01"^^xsd:date ] ; '
                  'time:hasEnd [ time:inXSDgYear "2020"^^xsd:gYear ] ]')


@pytest.mark.parametrize("text, check, node, needle", [
    pytest.param(CYCLE, "reporting-cycle", "a", "form a cycle", id="cycle"),
    pytest.param(TWO_PARENTS, "two-parents", "a", "at the same time", id="two-parents"),
    pytest.param(DANGLING, "dangling-reference", "rl-a", f"<{MD}nowhere>, which is never defined", id="dangling"),
    pytest.param(NEVER_A_PARENT, "no-parent", "e", "has no reporting line while it existed", id="no-parent"),
    pytest.param(line_b(since("2022-01-01")), "no-parent", "b", "no reporting line before 2022-01-01",
                 id="no-parent-for-a-while"),
    pytest.param(BEFORE_EXISTENCE, "names-missing-agency", "resp-n", "before it existed (from 2024-10-21)",
                 id="names-agency-before-it-existed"),
    pytest.param(REVERSED, "reversed-period", "rl-b", "ends (2020) before it begins (2024-01-01)",
                 id="reversed-period"),
    pytest.param(REVERSED, "interval-order", "rl-b", "ends (2020) before it begins (2024-01-01)",
                 id="reversed-period-sparql"),
])
def test_each_integrity_problem_is_caught(run, tmp_path, text, check, node, needle):
    path = write(tmp_path, text)
    code, items = problems(run, path)
    assert code == 1
    hits = found(items, check, node)
    assert hits and needle in hits[0]["message"], items
    assert hits[0]["file"] == str(path)
    line = f"{path}: " + (f"{hits[0]['label']} " if hits[0]["label"] else "") + f"<{MD}{node}>: "
    assert line in run("validate", str(path)).output


@pytest.mark.parametrize("text, node, needle", [
    pytest.param(BASE.replace('skos:prefLabel "Dinas A"@id , "Office A"@en', 'skos:prefLabel "Dinas A"@id'),
                 "a", "no skos:prefLabel in English (@en)", id="missing-english-label"),
    pytest.param(BASE.replace('mandat:agreementType "MoU" ;\n    mandat:validDuring [ a time:Interval ] ; dct:source md:src .',
                              'mandat:agreementType "MoU" ;\n    mandat:validDuring [ a time:Interval ] .'),
                 "agr", "has no dct:source", id="unsourced-fact"),
    pytest.param(BASE.replace("eli:type_document md:type-uu ; ", ""), "law", "eli:type_document", id="regulation-type"),
    pytest.param(BASE.replace('mandat:year "2020"^^xsd:gYear ;', ""), "law", "mandat:year", id="regulation-year"),
    pytest.param(BASE.replace("md:r a mandat:RegencyCity", "md:r a mandat:Region"), "r", "mandat:RegencyCity",
                 id="region-without-kind"),
    pytest.param(BASE.replace("mandat:level mandat:Provincial ;\n    mandat:servesRegion md:p ; dct:source md:src .\nmd:b",
                              "mandat:servesRegion md:p ; dct:source md:src .\nmd:b"), "a", "mandat:level", id="agency-level"),
    pytest.param(BASE.replace("md:resp-a a mandat:Responsibility ; mandat:agency md:a",
                              "md:resp-a a mandat:Responsibility ; mandat:agency md:p"), "resp-a", "mandat:agency",
                 id="responsibility-names-a-region"),
    pytest.param(line_b('[ a time:Interval ; time:hasBeginning [ time:inXSDDate "2024" ] ]'), "rl-b",
                 "in its mandat:validDuring/time:hasBeginning: a time instant", id="untyped-date-on-a-blank-node"),
])
def test_each_shape_problem_is_reported_once_on_its_node(run, tmp_path, text, node, needle):
    code, items = problems(run, write(tmp_path, text))
    assert code == 1
    hits = [p for p in items if p["node"] == MD + node and needle in p["message"]]
    assert len(hits) == 1, items
    assert not any(p["node"].startswith(("n", "_:")) or "<n" in p["message"] for p in items)


def test_stale_mandate_is_a_warning_not_an_error(run, tmp_path):
    code, items = problems(run, write(tmp_path, BASE + DISSOLVED_D))
    assert code == 0
    assert [(p["check"], p["severity"]) for p in found(items, "stale-mandate", "resp-d")] == [("stale-mandate", "warning")]


# -- unreadable input, formats ---------------------------------------------------

def test_malformed_file_exits_2_with_its_line(run, tmp_path):
    good = write(tmp_path, BASE, "a-good.ttl")
    bad = write(tmp_path, PREFIXES + 'md:a a mandat:Ministry ;\n    skos:prefLabel "x"@id ,, "y"@en .\n', "b-broken.ttl")
    result = run("validate", str(good), str(bad))
    assert result.exit_code == 2
    assert f"{bad}:11: malformed Turtle:" in result.output
    assert "problem(s)" not in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_path_exits_2(run, tmp_path):
    result = run("validate", str(tmp_path / "nope.ttl"))
    assert result.exit_code == 2 and "no such file" in result.output


def test_json_lists_problems_with_all_fields(run, tmp_path):
    code, items = problems(run, write(tmp_path, NEVER_A_PARENT))
    assert code == 1
    assert [(p["check"], p["node"], p["label"], p["severity"]) for p in items] == \
        [("no-parent", MD + "e", "Dinas e", "error")]
    assert set(items[0]) == {"file", "node", "label", "check", "message", "severity"}


def test_csv_has_one_row_per_problem(run, tmp_path):
    result = run("validate", str(write(tmp_path, NEVER_A_PARENT)), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 1 and [r["check"] for r in rows] == ["no-parent"]


def test_validate_in_a_real_process():
    """The installed entry point runs: clean (exit 0) or one line per problem (exit 1)."""
    result = subprocess.run([sys.executable, "-m", "graph.cli", "validate"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert "problem(s)" in summary and " s" in summary
    if result.returncode == 1:
        assert any(f"<{MD}" in line for line in result.stdout.splitlines()[:-1])
    else:
        assert summary.startswith("0 problem(s)")
