"""Shared fixtures: an isolated catalog cache and a CLI runner that returns parsed JSON."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from graph.cli import main

MD = "https://w3id.org/mandat/id/"


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Keep the catalog cache of the test run out of the user's home."""
    path = tmp_path_factory.mktemp("cache")
    old = os.environ.get("MANDAT_CACHE_DIR")
    os.environ["MANDAT_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("MANDAT_CACHE_DIR", None)
    else:
        os.environ["MANDAT_CACHE_DIR"] = old


@pytest.fixture(scope="session", autouse=True)
def memory_under_mutmut():
    """Under mutmut every mutant's tests run in a process forked from a warm one, and RocksDB is
    not fork-safe (a forked child opening it hangs on a lock the parent held): the default store
    fills memory there instead of opening its RocksDB copy in the cache. Elsewhere nothing changes."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        yield
        return
    import graph.stores.memory as memory

    kept, memory.COPY_BYTES = memory.COPY_BYTES, float("inf")
    yield
    memory.COPY_BYTES = kept


# What setting up a shared fixture costs, seconds: mutmut records only the test's own call, so a
# view test (0.07 s) would run first and write the four views first (about 4 s).
SETUP_SECONDS = {"pages": 4.0}


def pytest_collection_modifyitems(config, items):
    """Under mutmut, the quickest tests first (by the durations mutmut recorded, plus what their
    shared fixtures cost to set up): a mutant is killed by its first failing test, and the order
    of independent tests changes no verdict."""
    stats = config.rootpath / "mutmut-stats.json"
    if os.environ.get("MUTANT_UNDER_TEST") and stats.is_file():
        took = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
        items.sort(key=lambda item: took.get(item.nodeid, float("inf")) +
                   sum(SETUP_SECONDS.get(name, 0.0) for name in getattr(item, "fixturenames", ())))


@pytest.fixture
def run():
    """Run ``mandat ARGS``; returns the click Result."""
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return _run


@pytest.fixture
def run_json(run):
    """Run ``mandat ARGS --format json`` and return the parsed answer (exit code must be 0)."""

    def _run(*args):
        result = run(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    return _run


def shared_scope(fixture_name, config) -> str:
    """``module``, but ``function`` while mutmut maps tests to functions (``stats``): it credits
    what a shared fixture computes to the first test that sets it up, so a mutant reached there
    would be judged by that test alone. Judging a mutant, the fixture is set up once per run."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "module"


@pytest.fixture(scope=shared_scope)
def pages(tmp_path_factory):
    """The four views written once from the shipped data: name → HTML path."""
    from tests.test_views import VIEWS

    folder = tmp_path_factory.mktemp("views")
    out = {}
    for name, args in VIEWS.items():
        path = folder / f"{name}.html"
        result = CliRunner().invoke(main, args + ["-o", str(path)])
        assert result.exit_code == 0, result.output
        out[name] = path
    return out


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from today's answers (review the diff before committing).")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
