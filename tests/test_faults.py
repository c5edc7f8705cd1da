"""Ordinary faults end in one clear line, exit 1 or 2, no traceback, and nothing lost.

Each test makes the fault, runs the real command in a subprocess (so stderr,
exit code and the file system are what a user sees), and checks the line, the
code, and that what was there before is intact.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "tests" / "fixtures" / "world" / "world.ttl"


def mandat(*args, env=None, cwd=None):
    """Run the CLI as a user would; returns the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("MANDAT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=300)


def one_error_line(result, code: int, *needles: str) -> None:
    """The command failed with ``code`` and one stderr line holding every needle."""
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mandat: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.fixture
def world(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(WORLD, folder / "world.ttl")
    return folder


def spoil(folder: Path, old: str, new: str) -> None:
    path = folder / "world.ttl"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


# -- data files --------------------------------------------------------------

def test_impossible_date_is_named_with_file_and_line_by_a_question(world):
    spoil(world, '"2023-01-01"^^xsd:date', '"2024-02-30"^^xsd:date')
    result = mandat("--data", str(world), "chain", "Kantor Contoh")
    one_error_line(result, 2, "world.ttl:119:", '"2024-02-30" is not a valid xsd:date')
    assert result.stdout == ""


@pytest.mark.parametrize("written", ['"""2024-02-30"""^^xsd:date', '"2024-02-30"^^x:date', "'2024-02-30'^^xsd:date"])
def test_impossible_date_written_otherwise_is_still_found(world, written):
    """The load reads most typed literals from the text; one written as a long literal, with
    another prefix for XSD or in single quotes goes to the store's exact check."""
    spoil(world, '"2023-01-01"^^xsd:date', written)
    spoil(world, "@prefix xsd:", "@prefix x: <http://www.w3.org/2001/XMLSchema#> .\n@prefix xsd:")
    result = mandat("--data", str(world), "chain", "Kantor Contoh")
    one_error_line(result, 2, "world.ttl:", '"2024-02-30" is not a valid xsd:date')


def test_impossible_date_is_a_validate_problem_with_its_line(world):
    spoil(world, '"2023-01-01"^^xsd:date', '"2024-02-30"^^xsd:date')
    result = mandat("validate", str(world))
    assert result.returncode == 1
    assert 'world.ttl:119: "2024-02-30" is not a valid xsd:date' in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_iri_with_a_space_fails_validate_and_questions(world):
    spoil(world, "md:ko a mandat:TechnicalUnit", "<https://w3id.org/mandat/id/k o> a mandat:Ministry . md:ko a mandat:TechnicalUnit")
    # the parser refuses the file, as it refuses any syntax error: validate and questions alike
    one_error_line(mandat("validate", str(world)), 2, "world.ttl:70: malformed Turtle:", "Invalid IRI code point ' '")
    one_error_line(mandat("--data", str(world), "steps"), 2, "world.ttl:70: malformed Turtle:", "Invalid IRI code point ' '")


def test_folder_and_broken_link_named_ttl_are_skipped_and_said_once(world):
    (world / "x.ttl").mkdir()
    (world / ".#lock.ttl").symlink_to("/nonexistent/lock")
    result = mandat("--data", str(world), "steps", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [s["label"] for s in json.loads(result.stdout)] == ["Pencegahan", "Penyidikan"]
    assert result.stderr.count("mandat: warning: skipped 2 entries named *.ttl") == 1
    assert ".#lock.ttl" in result.stderr and "x.ttl" in result.stderr


def test_cache_is_keyed_by_what_was_parsed(world, tmp_path):
    """A file changed between two questions never answers from the old cache."""
    env = {"MANDAT_CACHE_DIR": str(tmp_path / "cache")}
    first = mandat("--data", str(world), "chain", "Kantor Contoh", "--as-of", "2025-06-01", "--format", "json", env=env)
    spoil(world, 'skos:prefLabel "Kantor Wilayah Baru Provinsi P"@id', 'skos:prefLabel "Kanwil Berganti"@id')
    second = mandat("--data", str(world), "chain", "Kantor Contoh", "--as-of", "2025-06-01", "--format", "json", env=env)
    assert [e["label"] for e in json.loads(first.stdout)][1] == "Kantor Wilayah Baru Provinsi P"
    assert [e["label"] for e in json.loads(second.stdout)][1] == "Kanwil Berganti"


def test_corrupted_cache_file_is_rebuilt(world, tmp_path):
    cache = tmp_path / "cache"
    env = {"MANDAT_CACHE_DIR": str(cache)}
    ask = ("--data", str(world), "chain", "Kantor Contoh", "--as-of", "2025-06-01", "--format", "json")
    first = mandat(*ask, env=env)
    assert first.returncode == 0, first.stderr
    pickles = sorted(cache.glob("names-*.pickle"))
    assert len(pickles) == 1
    pickles[0].write_bytes(b"\x80\x05garbage that is no pickle")
    result = mandat(*ask, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == first.stdout
    assert result.stderr == ""
    assert sorted(cache.glob("names-*.pickle")) == pickles      # rebuilt in place


@pytest.mark.parametrize("damage", ["truncate", "remove-manifest"])
def test_damaged_store_copy_is_thrown_away_and_the_answer_unchanged(tmp_path, damage):
    """The shipped data opens from a read-only copy in the cache; a damaged copy answers
    nothing: the question fills memory instead and the next one builds a new copy."""
    cache = tmp_path / "cache"
    env = {"MANDAT_CACHE_DIR": str(cache)}
    ask = ("chain", "Kanim Batulicin", "--as-of", "2025-06-01", "--format", "json")
    first = mandat(*ask, env=env)
    assert first.returncode == 0, first.stderr
    [copy] = list((cache / "stores").iterdir())
    if damage == "truncate":
        for sst in copy.glob("*.sst"):
            sst.write_bytes(sst.read_bytes()[:100])
    else:
        (copy / "CURRENT").unlink()
    damaged = mandat(*ask, env=env)
    assert (damaged.returncode, damaged.stdout, damaged.stderr) == (0, first.stdout, "")
    assert not copy.exists()
    again = mandat(*ask, env=env)
    assert again.stdout == first.stdout and (copy / "mandat-complete").is_file()


def test_cache_folder_that_cannot_be_written_still_answers(world, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    result = mandat("--data", str(world), "steps", "--format", "json", env={"MANDAT_CACHE_DIR": str(blocker / "c")})
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2
    assert blocker.read_text() == "a file where the cache folder should be"


@pytest.mark.parametrize("name, value, needle", [
    ("MANDAT_STORE", "postgres:db", "unknown store 'postgres:db' (from --store or $MANDAT_STORE)"),
    ("MANDAT_SPARQL_TIMEOUT", "soon", "$MANDAT_SPARQL_TIMEOUT='soon' is not a number of seconds"),
])
def test_bad_environment_value_is_named(name, value, needle):
    env = {name: value}
    if name == "MANDAT_SPARQL_TIMEOUT":
        env["MANDAT_STORE"] = "sparql:http://127.0.0.1:9/sparql"
    one_error_line(mandat("steps", env=env), 2, needle)


# -- writing files -----------------------------------------------------------

def test_output_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.ttl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    result = mandat("export", "--format", "nt", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "<https://w3id.org/mandat/id/kanim-batulicin>" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_new_output_file_honours_the_umask(tmp_path):
    target = tmp_path / "new.nt"
    result = subprocess.run(["sh", "-c", f'umask 022 && exec "{sys.executable}" -m graph.cli export --format nt -o "{target}"'],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.parametrize("target", ["/dev/full", "/dev/null"])
def test_output_to_a_device_is_refused_and_the_device_stays(target):
    before = os.stat(target)
    one_error_line(mandat("export", "-o", target), 2, f"{target}: not a regular file")
    after = os.stat(target)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_output_to_a_folder_is_refused(tmp_path):
    one_error_line(mandat("export", "-o", str(tmp_path)), 2, "not a regular file")


def as_unprivileged(*args) -> list[str]:
    """The command run as user nobody when the tests run as root (root writes anywhere)."""
    if os.geteuid() != 0:
        return list(args)
    assert shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root for this test"
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *args]


@pytest.fixture
def open_folder():
    """A folder every user may enter (pytest's own tmp folders are private to root)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="mandat-faults-"))
    path.chmod(0o755)
    yield path
    for sub in path.iterdir():
        sub.chmod(0o755)
    shutil.rmtree(path)


def test_output_in_a_read_only_folder_fails_cleanly(open_folder):
    folder = open_folder / "ro"
    folder.mkdir()
    (folder / "old.nt").write_text("keep me\n")
    folder.chmod(0o555)
    if subprocess.run(as_unprivileged(sys.executable, "-c", "import graph.cli"), cwd=ROOT).returncode != 0:
        pytest.skip("user nobody cannot read this checkout; run the suite from a folder all users may read")
    env = {**os.environ, "MANDAT_CACHE_DIR": str(open_folder / "no-cache")}
    result = subprocess.run(as_unprivileged(sys.executable, "-m", "graph.cli", "export", "--format", "nt",
                                            "-o", str(folder / "old.nt")),
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    one_error_line(result, 2, "old.nt: cannot write here (Permission denied)")
    assert (folder / "old.nt").read_text() == "keep me\n"
    assert sorted(p.name for p in folder.iterdir()) == ["old.nt"]


def test_full_disk_behind_stdout_is_one_line():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "graph.cli", "export", "--format", "nt"],
                                stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == ["mandat: error: standard output: No space left on device; nothing more was written"]


# -- queries -----------------------------------------------------------------

def test_sparql_endless_query_stops_at_the_timeout(world):
    result = mandat("--data", str(world), "sparql", "--timeout", "2",
                    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    one_error_line(result, 2, "the query was stopped after 2 s")


def test_sparql_row_limit_refuses_a_huge_answer(world):
    result = mandat("--data", str(world), "sparql", "--max-rows", "10", "SELECT * WHERE { ?a ?b ?c }")
    one_error_line(result, 2, "the query returns more than 10 rows")
    assert result.stdout == ""


def test_sparql_service_is_refused_unless_allowed(world):
    result = mandat("--data", str(world), "sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/s> { ?a ?b ?c } }")
    one_error_line(result, 2, "SERVICE", "--allow-service")


def test_sparql_under_the_row_limit_answers(world):
    result = mandat("--data", str(world), "sparql", "--max-rows", "1", "--format", "json",
                    "SELECT ?s WHERE { ?s a mandat:HandlingStep } ORDER BY ?s LIMIT 1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"s": "https://w3id.org/mandat/id/s1"}]


# -- terminal output ---------------------------------------------------------

def test_terminal_escapes_in_labels_are_neutralised(world):
    spoil(world, '"Pencegahan"@id', '"Pence\\u001b]0;pwned\\u0007gahan"@id')
    result = mandat("--data", str(world), "steps")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Pence\\x1b]0;pwned\\x07gahan" in result.stdout


# -- stores ------------------------------------------------------------------

def test_questions_during_a_reload_of_the_disk_store_all_answer(tmp_path):
    """Questions asked in a tight loop while three loads replace the store never fail."""
    from graph.errors import MandatError
    from graph.stores.oxigraph import OxigraphStore

    folder = tmp_path / "store"
    env = {"MANDAT_STORE": f"oxigraph:{folder}", "MANDAT_CACHE_DIR": str(tmp_path / "cache")}
    assert mandat("load", env=env).returncode == 0
    loads = subprocess.Popen(["sh", "-c", f'for i in 1 2 3; do "{sys.executable}" -m graph.cli load || exit 1; done'],
                             cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    asked, failures = 0, []
    while loads.poll() is None:
        try:
            answer = OxigraphStore(str(folder)).query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/mandat/ontology#TechnicalUnit> }")
            assert int(answer["rows"][0]["n"]) > 0
        except (MandatError, OSError) as err:
            failures.append(str(err))
        asked += 1
    assert loads.returncode == 0, loads.stderr.read()
    assert asked > 20
    assert failures == []


def test_a_killed_load_leaves_nothing_behind_after_the_next_load(tmp_path):
    folder = tmp_path / "store"
    env = {"MANDAT_STORE": f"oxigraph:{folder}", "MANDAT_CACHE_DIR": str(tmp_path / "cache")}
    assert mandat("load", env=env).returncode == 0
    dead = folder / ".loading-999999999-deadbeef"
    dead.mkdir()
    (dead / "000001.sst").write_bytes(b"\0" * 1024)
    assert mandat("load", env=env).returncode == 0
    assert mandat("load", env=env).returncode == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "current" and len(names) == 3 and all(n.startswith("v-") for n in names[1:])
    assert os.path.realpath(folder / "current") == str(folder / names[2])


def test_a_failing_load_keeps_the_store_as_it_was(tmp_path, world):
    folder = tmp_path / "store"
    env = {"MANDAT_STORE": f"oxigraph:{folder}", "MANDAT_CACHE_DIR": str(tmp_path / "cache")}
    assert mandat("--data", str(world), "load", env=env).returncode == 0
    before = os.path.realpath(folder / "current")
    (world / "broken.ttl").write_text("md:x a ")
    result = mandat("--data", str(world), "load", env=env)
    assert result.returncode == 2 and "broken.ttl" in result.stderr
    assert os.path.realpath(folder / "current") == before
    steps = mandat("steps", "--format", "json", env=env)
    assert [s["label"] for s in json.loads(steps.stdout)] == ["Pencegahan", "Penyidikan"]
