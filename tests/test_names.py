"""Names: the word-based resolver on the benchmark and on the failures of issue 12.

``python tests/test_names.py`` prints the figures per category (as in the README).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from graph.errors import NameNotFound
from graph.queries.search import search
from graph.resolve import name_records, resolve
from graph.queries.lookup import open_lookup

MD = "https://w3id.org/mandat/id/"
BENCHMARK = Path(__file__).parent / "names" / "benchmark.tsv"


def answer(cat, text: str, as_of: str, kind: str) -> str:
    """What mandat answers for one benchmark row: an IRI, or 'none'."""
    if kind == "search":
        hits = search(cat, text)
        return hits[0]["iri"] if hits else "none"
    try:
        return resolve(cat, text, {kind}, "id", date.fromisoformat(as_of) if as_of else None)
    except NameNotFound:
        return "none"


def outcomes(cat) -> list[tuple[dict, str]]:
    """Each benchmark row with 'right', 'wrong' (another answer) or 'missed' (no answer)."""
    with open(BENCHMARK, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for row in rows:
        got = answer(cat, row["text"], row["as_of"], row["kind"])
        out.append((row, "right" if got == row["expected"] else "missed" if got == "none" else "wrong"))
    return out


def figures(results) -> str:
    """A table of rows, right, missed and wrong per category, and overall."""
    counts = Counter((row["category"], verdict) for row, verdict in results)
    lines = [f"{'category':14} {'rows':>5} {'right':>6} {'missed':>7} {'wrong':>6}"]
    for cat in sorted({c for c, _ in counts}) + ["all"]:
        n = {v: sum(k for (c, vv), k in counts.items() if vv == v and cat in (c, "all"))
             for v in ("right", "missed", "wrong")}
        lines.append(f"{cat:14} {sum(n.values()):5} {n['right']:6} {n['missed']:7} {n['wrong']:6}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def results():
    return outcomes(open_lookup())


def test_benchmark_is_large_and_varied(results):
    assert len(results) >= 300
    assert {"label", "abbreviation", "typo", "mixed", "english", "region-bare", "dated",
            "not-in-data", "search"} <= {row["category"] for row, _ in results}


def test_benchmark_file_is_what_the_script_makes(cat, results):
    sys.path.insert(0, str(BENCHMARK.parent))
    from make_benchmark import generated

    made = generated(name_records(cat))
    assert [tuple(row.values()) for row, _ in results[:len(made)]] == made


def test_benchmark_at_least_98_percent_right(results):
    print("\n" + figures(results))
    right = sum(verdict == "right" for _, verdict in results)
    assert right / len(results) >= 0.98, [(r["text"], v) for r, v in results if v != "right"]


def test_no_answer_for_names_not_in_the_data(results):
    wrong = [row["text"] for row, verdict in results if row["expected"] == "none" and verdict != "right"]
    assert wrong == []


def test_no_wrong_answer_anywhere(results):
    assert [row["text"] for row, verdict in results if verdict == "wrong"] == []


# -- one regression test per failure named in issue 12 ---------------------------------

@pytest.fixture(scope="module")
def cat():
    return open_lookup()


@pytest.mark.parametrize("text, kind", [
    ("Kanim Karimata", "agency"),
    ("Sarawak", "region"),
    ("Polres Malang", "agency"),
])
def test_name_not_in_data_is_not_found(cat, text, kind):
    with pytest.raises(NameNotFound, match="no .* matches"):
        resolve(cat, text, {kind})


def test_riau_is_the_province_not_indonesia(cat):
    assert resolve(cat, "Riau", {"region"}) == MD + "region-riau"      # was Indonesia via "RI"


@pytest.mark.parametrize("text", ["Kediri", "Semarang", "Bandung"])
def test_a_name_of_a_regency_and_a_city_is_ambiguous(cat, text):
    with pytest.raises(NameNotFound, match="matches more than one") as err:
        resolve(cat, text, {"region"})
    assert {c["iri"] for c in err.value.candidates} == {MD + "region-kabupaten-" + text.lower(),
                                                        MD + "region-kota-" + text.lower()}


def test_a_bare_regency_name_beats_a_longer_one(cat):
    assert resolve(cat, "Musi Rawas", {"region"}) == MD + "region-musi-rawas"     # not Musi Rawas Utara


def test_kanim_semarang_is_the_office_not_mahkamah_agung(cat):
    assert resolve(cat, "Kanim Semarang", {"agency"}) == MD + "kanim-semarang"    # was MA via "ma" in "Semarang"


def test_an_unknown_kanim_is_refused_and_never_read_as_mahkamah_agung(cat):
    with pytest.raises(NameNotFound, match="^no instansi matches 'Kanim Karimata'") as err:
        resolve(cat, "Kanim Karimata", {"agency"})
    assert MD + "mahkamah-agung" not in [c["iri"] for c in err.value.candidates]


@pytest.mark.parametrize("text, expected", [
    ("Kanwil Ditjen Imigrasi Kepulauan Bangka Belitung", "kanwil-ditjenim-babel"),
    ("Kanwil Ditjen Imigrasi Kalimantan Selatan", "kanwil-ditjenim-kalsel"),
    ("Kanwil Kemenkumham Kalimantan Selatan", "kanwil-kemenkumham-kalsel"),
    ("Kantor Imigrasi Pangkalpinang", "kanim-pangkalpinang"),
    ("Kementerian Imigrasi", "kemenimipas"),
    ("Disnaker Tanah Bumbu", "disnakertrans-tanah-bumbu"),
    ("Gugus Tugas TPPO Tanah Bumbu", "gt-tanah-bumbu"),
    ("Pangkalpinang Immigration Office", "kanim-pangkalpinang"),
    ("Batulicin Immigration Office", "kanim-batulicin"),
])
def test_mixed_and_english_agency_forms(cat, text, expected):
    assert resolve(cat, text, {"agency"}) == MD + expected


@pytest.mark.parametrize("text, expected", [
    ("Bangka", "region-bangka"),
    ("Tanah Laut", "region-tanah-laut"),
    ("Barito Kuala", "region-barito-kuala"),
    ("South Kalimantan", "region-kalsel"),
])
def test_bare_and_english_region_names(cat, text, expected):
    assert resolve(cat, text, {"region"}) == MD + expected


def test_as_of_prefers_what_existed_then(cat):
    assert resolve(cat, "Kanwil Hukum Kalsel", {"agency"}, day=date(2023, 6, 21)) == MD + "kanwil-kemenkumham-kalsel"
    assert resolve(cat, "Kanwil Hukum Kalsel", {"agency"}, day=date(2025, 6, 1)) == MD + "kanwil-kemenkum-kalsel"


def test_dissolved_office_still_resolves_and_cli_names_successors(run):
    result = run("--lang", "en", "show", "Kanwil Kemenkumham Kalsel", "--as-of", "2025-06-01")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "'South Kalimantan Regional Office of the Ministry of Law and Human Rights' was dissolved between "
        "2024-11-05 and 2025-05-05 (uncertain); successor: 'South Kalimantan Regional Office of the Directorate General of Immigration', "
        "'South Kalimantan Regional Office of the Directorate General of Corrections', "
        "'South Kalimantan Regional Office of the Ministry of Law'")


def test_search_qriz_pratama_lists_only_the_person(cat):
    assert [h["iri"] for h in search(cat, "Qriz Pratama")] == [MD + "person-qris-pratama"]


def mandat_with_seed(seed: str, *args: str) -> str:
    """stdout and stderr of ``mandat ARGS`` run with PYTHONHASHSEED=seed."""
    done = subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120,
                          cwd=Path(__file__).parent.parent)
    return done.stdout + done.stderr


def test_same_output_under_any_hash_seed():
    searches = {mandat_with_seed(seed, "search", "Kalimantan Selatan", "--format", "csv") for seed in "123"}
    errors = {mandat_with_seed(seed, "chain", "Kanim") for seed in "123"}
    assert len(searches) == 1 and len(errors) == 1
    assert searches.pop().splitlines()[1].endswith("/region-kalsel")
    assert errors.pop().startswith("mandat: error: 'Kanim' matches more than one instansi: "
                                   "'Kantor Imigrasi Kelas I TPI Pangkalpinang' (md:kanim-pangkalpinang), "
                                   "'Kantor Imigrasi Kelas I TPI Banjarmasin' (md:kanim-banjarmasin), ")


def test_name_records_are_plain_and_sorted(cat):
    records = name_records(cat)
    assert [r.iri for r in records] == sorted(r.iri for r in records)
    batulicin = next(r for r in records if r.iri == MD + "kanim-batulicin")
    assert (batulicin.kind, batulicin.labels[0], batulicin.start) == (
        "agency", "Kantor Imigrasi Kelas II TPI Batulicin", None)


if __name__ == "__main__":
    print(figures(outcomes(open_lookup())))
