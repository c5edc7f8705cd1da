"""One real process per command: the installed entry point, not CliRunner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MD = "https://w3id.org/mandat/id/"


def mandat(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True,
                          env=env or os.environ.copy(), cwd=ROOT, timeout=120)


@pytest.mark.parametrize("args, needle", [
    (["search", "Batulicin", "--format", "json"], "kanim-batulicin"),
    (["show", "Kanim Batulicin", "--as-of", "2023-06-21", "--format", "json"], "kanwil-kemenkumham-kalsel"),
    (["chain", "Kanim Batulicin", "--as-of", "2025-06-01", "--format", "csv"], "Direktorat Jenderal Imigrasi"),
    (["history", "Kanim Batulicin", "--format", "json"], "perpres-157-2024"),
    (["diff", "--from", "2024-10-01", "--to", "2025-01-01", "--format", "json"], "kanim-pangkalpinang"),
    (["steps", "--format", "csv"], "Penyidikan"),
    (["who-handles", "investigation", "--region", "Kalsel", "--format", "json"], "polda-kalsel"),
    (["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s a mandat:ReportingLine }", "--format", "json"], '"n"'),
    (["export", "--format", "nt"], "kanim-batulicin"),
    (["tour"], "Batulicin"),
])
def test_command_in_a_real_process(args, needle):
    result = mandat(*args)
    assert result.returncode == 0, result.stderr
    assert needle in result.stdout


def test_error_in_a_real_process_is_one_line():
    result = mandat("chain", "Kanim")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("mandat: error:")


def test_wheel_ships_ontology_and_data(tmp_path):
    """A wheel installed elsewhere finds the ontology and default data inside the package."""
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("mandat-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "graph/_resources/ontology/mandat.ttl" in names
    assert any(n.startswith("graph/_resources/data/") and n.endswith(".ttl") for n in names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    env = dict(os.environ, PYTHONPATH=str(target))
    probe = subprocess.run([sys.executable, "-c", "from graph import loading; print(loading.resource_dir('data'))"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert str(target) in probe.stdout
    answer = subprocess.run([sys.executable, "-m", "graph.cli", "chain", "Kanim Batulicin", "--as-of",
                             "2023-06-21", "--format", "json"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)[1]["iri"] == MD + "kanwil-kemenkumham-kalsel"
