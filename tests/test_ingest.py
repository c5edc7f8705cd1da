"""`mandat ingest` on our rewrites of the two seed articles, and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace

ARTICLES = Path(__file__).resolve().parent / "articles"
MD = "https://w3id.org/mandat/id/"
M = Namespace("https://w3id.org/mandat/ontology#")


def read(run_json, name: str) -> dict:
    return run_json("ingest", str(ARTICLES / name))


def test_seed_000_full_extraction(run_json):
    got = read(run_json, "seed-000-batulicin.txt")
    assert [(o["text"], o["iri"]) for o in got["organizations"]] == [
        ("Kantor Wilayah Kemenkumham Kalsel", MD + "kanwil-kemenkumham-kalsel"),
        ("Kantor Imigrasi Kelas II TPI Batulicin", MD + "kanim-batulicin"),
        ("Kantor Wilayah Kemenkumham Kalimantan Selatan", MD + "kanwil-kemenkumham-kalsel"),
        ("Kantor Imigrasi Kelas II TPI Batulicin", MD + "kanim-batulicin"),
        ("Polri", MD + "polri"),
        ("Disnakertrans Kabupaten Tanah Bumbu", MD + "disnakertrans-tanah-bumbu"),
    ]
    assert [(p["name"], p["post"], p["organization"]) for p in got["persons"]] == [
        ("Faisol Ali", "Kepala Kantor Wilayah Kemenkumham Kalimantan Selatan", MD + "kanwil-kemenkumham-kalsel"),
        ("Jonita", "Kepala Divisi Imigrasi", None),
        ("I Gusti Bagus M Ibrahim", "Kepala Kantor Imigrasi Kelas II TPI Batulicin", MD + "kanim-batulicin"),
        ("Arianto Sani", "Kepala Bidang Ketenagakerjaan Disnakertrans Kabupaten Tanah Bumbu",
         MD + "disnakertrans-tanah-bumbu"),
    ]
    assert [(e["kind"], e["date"], e["place"]) for e in got["events"]] == [
        ("sosialisasi", "2023-06-21", "Soraja Hall Hotel Ebony Batulicin")]
    assert got["regulations"] == []
    assert [(f["value"], f["counts"]) for f in got["figures"]] == [(242, "kasus"), (284, "tersangka"), (1006, "orang")]


def test_seed_004_full_extraction(run_json):
    got = read(run_json, "seed-004-babel.txt")
    assert [(o["text"], o["iri"], o["generic"]) for o in got["organizations"]] == [
        ("Kantor Wilayah Direktorat Jenderal Imigrasi Provinsi Kepulauan Bangka Belitung", MD + "kanwil-ditjenim-babel", False),
        ("Kanwil Ditjen Imigrasi Kepulauan Babel", MD + "kanwil-ditjenim-babel", False),
        ("Kementerian Imigrasi dan Pemasyarakatan", MD + "kemenimipas", False),
        ("Kantor Imigrasi", None, True),
        ("Kanwil Kemenkum HAM", None, True),
        ("Kanwil Direktorat Jenderal Imigrasi", None, True),
    ]
    assert [(p["name"], p["organization"]) for p in got["persons"]] == [("Qris Pratama", MD + "kanwil-ditjenim-babel")]
    assert [(e["kind"], e["date"], e["place"]) for e in got["events"]] == [("diskusi panel", "2025", "Pangkalpinang")]
    assert [(r["text"], r["iri"]) for r in got["regulations"]] == [
        ("Peraturan Presiden Nomor 157 Tahun 2024", MD + "perpres-157-2024")]
    assert got["figures"] == []


def test_offsets_point_at_the_mentions(run_json):
    text = (ARTICLES / "seed-000-batulicin.txt").read_text(encoding="utf-8")
    got = read(run_json, "seed-000-batulicin.txt")
    for item in got["organizations"] + got["persons"]:
        assert text[item["start"]:item["end"]].startswith(item.get("text") or item["post"][:6])


def test_review_file_marks_matches(run, tmp_path):
    out = tmp_path / "review.ttl"
    assert run("ingest", str(ARTICLES / "seed-000-batulicin.txt"), "-o", str(out)).exit_code == 0
    g = Graph().parse(out)
    people = {str(g.value(c, Namespace("http://www.w3.org/2000/01/rdf-schema#").label)): g.value(c, M.reviewStatus)
              for c in g.subjects(M.candidateKind, Literal("person"))}
    assert people["Faisol Ali — Kepala Kantor Wilayah Kemenkumham Kalimantan Selatan"] == M.Matches
    assert all(g.value(c, M.quote) for c in g.subjects(M.candidateKind, None))


def test_hostile_text_stays_literal_in_the_review(run, tmp_path):
    hostile = 'Kepala Kantor Imigrasi Kelas II TPI Batulicin, Budi """; DROP ALL; <script>alert(1)</script> } .'
    article = tmp_path / "h.txt"
    article.write_text(f"# date: 2024-01-02\n{hostile}\n", encoding="utf-8")
    out = tmp_path / "review.ttl"
    assert run("ingest", str(article), "-o", str(out)).exit_code == 0
    quotes = {str(q) for q in Graph().parse(out).objects(None, M.quote)}
    assert hostile in quotes


@pytest.mark.parametrize("content, needle", [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"\xff\xfe\xfa not utf8", "UTF-8"),
])
def test_bad_files(run, tmp_path, content, needle):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("ingest", str(path))
    assert result.exit_code == 2 and needle in result.output


def test_english_text_gives_an_empty_result(run_json, tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("The weather in London was mild on Tuesday and the trains ran on time.\n")
    got = run_json("ingest", str(path))
    assert all(got[k] == [] for k in ("organizations", "persons", "events", "regulations", "figures"))


def test_html_page_is_reduced_to_text(run_json, tmp_path):
    body = (ARTICLES / "seed-004-babel.txt").read_text(encoding="utf-8").split("\n", 3)[3]
    page = tmp_path / "p.html"
    page.write_text("<html><head><script>var x='Kantor Imigrasi Kelas I TPI Bogus';</script></head><body>"
                    + "".join(f"<p>{para}</p>" for para in body.split("\n\n")) + "</body></html>")
    got = run_json("ingest", str(page), "--date", "2025")
    assert "Qris Pratama" in [p["name"] for p in got["persons"]]
    assert not any("Bogus" in o["text"] for o in got["organizations"])


def test_large_text_is_read(run, tmp_path):
    """A 10 MB article (the seed repeated) is read; the time is measured in the README, not here."""
    body = (ARTICLES / "seed-000-batulicin.txt").read_text(encoding="utf-8")
    path = tmp_path / "big.txt"
    path.write_text(body * (10_000_000 // len(body)), encoding="utf-8")
    result = run("ingest", str(path), "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.output)["persons"]) > 1000


# -- --apply ---------------------------------------------------------------------------------

def copy_data(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", folder)
    return folder


def snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def reviewed(run, tmp_path: Path, folder: Path | None, text: str) -> Path:
    """Write ``text`` as an article, ingest it, and return the review file."""
    article, review = tmp_path / "a.txt", tmp_path / "r.ttl"
    article.write_text(text, encoding="utf-8")
    data = ["--data", str(folder)] if folder else []
    assert run(*data, "ingest", str(article), "-o", str(review)).exit_code == 0
    return review


def test_apply_merges_new_facts_after_validation(run, tmp_path):
    folder = copy_data(tmp_path)
    review = reviewed(run, tmp_path, folder, "# date: 2020-03-01\nKepala Kantor Imigrasi Kelas II TPI Batulicin, "
                      "Budi Santoso, membuka sosialisasi di Batulicin.\n")
    before = snapshot(folder)
    result = run("--data", str(folder), "ingest", "--apply", str(review))
    assert result.exit_code == 0, result.output
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k in before} == before          # nothing dropped or changed
    added = [name for name in after if name not in before]
    assert len(added) == 1 and "Budi Santoso" in after[added[0]].decode()
    assert "membuka" not in after[added[0]].decode()                          # no quoted sentence merged


def test_apply_that_would_break_validation_changes_nothing(run, tmp_path):
    folder = copy_data(tmp_path)
    review = reviewed(run, tmp_path, folder,
                      "# date: 2019-01-01\nKepala Kanwil Ditjen Imigrasi Kepulauan Babel Andi Wijaya membuka rapat.\n")
    before = snapshot(folder)
    result = run("--data", str(folder), "ingest", "--apply", str(review))
    assert result.exit_code == 2 and "nothing was changed" in result.output
    assert snapshot(folder) == before


def test_rejected_candidates_are_not_merged(run, tmp_path):
    folder = copy_data(tmp_path)
    review = reviewed(run, tmp_path, folder,
                      "# date: 2020-03-01\nKepala Kantor Imigrasi Kelas II TPI Batulicin, Budi Santoso, hadir.\n")
    text = review.read_text().replace("mandat:reviewStatus mandat:New", "mandat:reviewStatus mandat:Rejected")
    review.write_text(text)
    result = run("--data", str(folder), "ingest", "--apply", str(review))
    assert result.exit_code == 2 and "nothing to merge" in result.output


def test_another_head_on_the_same_date_is_a_contradiction(run, tmp_path):
    review = reviewed(run, tmp_path, None,
                      "# date: 2025-08-01\nKepala Kantor Imigrasi Kelas II TPI Batulicin, Budi Santoso, hadir.\n")
    assert "mandat:Contradicts" in review.read_text()      # Ferizal heads the office on that date


def test_evaluation_set_is_well_formed():
    """Every evaluation article is our rewrite with its source URL, and has an annotation file."""
    folder = ARTICLES / "eval"
    texts = sorted(folder.glob("*.txt"))
    assert len(texts) >= 5
    for path in texts:
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# source: http")
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(gold) == {"organizations", "persons", "events", "regulations"}
