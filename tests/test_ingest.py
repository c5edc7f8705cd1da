"""`mandat ingest` on our rewrites of the two seed articles, and on bad input."""

from __future__ import annotations

import json
import re
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
    assert [(f["value"], f["what"], f["period"]) for f in got["figures"]] == [
        (242, "kasus", "2023-06-05"), (284, "tersangka", "2023-06-05"), (1006, "orang diselamatkan", "2023-06-05")]


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
    from rdflib.compare import isomorphic

    hostile = 'Kepala Kantor Imigrasi Kelas II TPI Batulicin, Budi """; DROP ALL; <script>alert(1)</script> } .'
    sparql = "Kantor Imigrasi Kelas I TPI Malang menulis INSERT DATA { <x> <y> <z> } ; @prefix a: <b> ."
    article = tmp_path / "h.txt"
    article.write_text(f"# date: 2024-01-02\n{hostile}\n\n{sparql}\n", encoding="utf-8")
    out = tmp_path / "review.ttl"
    result = run("ingest", str(article), "--url", 'http://x.example/a"> .', "-o", str(out))
    assert result.exit_code == 0
    g = Graph().parse(out)
    quotes = {str(q) for q in g.objects(None, M.quote)}
    assert hostile in quotes and any("INSERT DATA" in q for q in quotes)
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, again)


@pytest.mark.parametrize("phrase, expected", [
    ("menurut Perpres 157/2024 kantor itu pindah.", ("perpres", "157", "2024")),
    ("sesuai UU No. 21 Tahun 2007 tentang TPPO.", ("uu", "21", "2007")),
    ("berdasarkan Peraturan Presiden Nomor 49 Tahun 2023.", ("perpres", "49", "2023")),
])
def test_regulation_forms(phrase, expected):
    from graph.ingest.patterns import parse_regulations

    assert [r[2:] for r in parse_regulations(phrase)] == [expected]


def test_dates_in_official_writing():
    from graph.ingest.patterns import parse_dates

    assert [d[2] for d in parse_dates("Rabu (21/6/2023) dan 5 hingga 13 Juni 2023")] == ["2023-06-21", "2023-06-05"]


def test_unknown_office_is_proposed_with_kind_and_name_kept_apart(run_json, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("# date: 2026-01-09\nKantor Imigrasi Kelas II TPI Contoh mengadakan sosialisasi.\n\n"
                    "Kepala Kantor Imigrasi Kelas II TPI Contoh Budi Contoh menjelaskan tujuannya.\n", encoding="utf-8")
    got = run_json("ingest", str(path))
    assert {o["text"] for o in got["organizations"]} == {"Kantor Imigrasi Kelas II TPI Contoh"}
    assert got["organizations"][0]["iri"] is None
    assert got["organizations"][0]["kind"].endswith("#TechnicalUnit")
    assert [(p["name"], p["post"]) for p in got["persons"]] == [
        ("Budi Contoh", "Kepala Kantor Imigrasi Kelas II TPI Contoh")]
    assert got["events"][0]["organizations"] == ["Kantor Imigrasi Kelas II TPI Contoh"]


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


def test_english_text_gives_an_empty_result(run, tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("The weather in London was mild on Tuesday and the trains ran on time.\n")
    result = run("ingest", str(path), "--format", "json")
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    assert all(got[k] == [] for k in ("organizations", "persons", "events", "regulations", "figures"))


def test_nothing_found_warns(run, tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("The weather in London was mild on Tuesday.\n")
    result = run("ingest", str(path))
    assert result.exit_code == 0 and "nothing found" in result.output


def test_html_page_is_reduced_to_text(run_json, tmp_path):
    body = (ARTICLES / "seed-004-babel.txt").read_text(encoding="utf-8").split("\n", 3)[3]
    page = tmp_path / "p.html"
    page.write_text("<html><head><script>var x='Kantor Imigrasi Kelas I TPI Bogus';</script></head><body>"
                    + "".join(f"<p>{para}</p>" for para in body.split("\n\n")) + "</body></html>")
    got = run_json("ingest", str(page), "--date", "2025")
    assert "Qris Pratama" in [p["name"] for p in got["persons"]]
    assert not any("Bogus" in o["text"] for o in got["organizations"])


def test_repeated_article_gives_each_candidate_once_per_copy(run, tmp_path):
    """A long article (the seed 200 times) gives the seed's persons 200 times: the reading is
    linear and does not lose matches at copy boundaries. Speed is measured in
    benchmarks/ingest_bench.py, not here."""
    body = (ARTICLES / "seed-000-batulicin.txt").read_text(encoding="utf-8")
    one = json.loads(run("ingest", str(ARTICLES / "seed-000-batulicin.txt"), "--format", "json").output)
    path = tmp_path / "big.txt"
    path.write_text(body * 200, encoding="utf-8")
    result = run("ingest", str(path), "--format", "json")
    assert result.exit_code == 0
    got = json.loads(result.output)
    assert len(got["persons"]) == 200 * len(one["persons"]) == 800
    assert len(got["organizations"]) == 200 * len(one["organizations"])


def test_too_large_file_is_refused(run, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = run("ingest", str(path))
    assert result.exit_code == 2 and "split the file" in result.output and "Traceback" not in result.output


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
    assert len(texts) >= 8
    for path in texts:
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# source: http")
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(gold) == {"organizations", "persons", "events", "regulations"}


@pytest.mark.parametrize("split, count", [("dev", 14), ("blind", 13), ("dev2", 9), ("dev3", 10), ("dev4", 9), ("dev5", 9), ("dev6", 9), ("blind2", 13), ("dev7", 14)])
def test_dev_and_blind_sets_are_well_formed(split, count):
    """Each article of issue 16's sets cites its source, publisher and date, and its annotation
    names only what the text says (tests/articles/README.md gives the rules)."""
    texts = sorted((ARTICLES / split).glob("*.txt"))
    assert len(texts) == count
    for path in texts:
        text = path.read_text(encoding="utf-8")
        head = text.splitlines()[:4]
        assert head[0].startswith("# source: http") and head[1].startswith("# publisher: ")
        assert re.fullmatch(r"# date: \d{4}-\d{2}-\d{2}", head[2]) and head[3].startswith("# province: ")
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(gold) == {"organizations", "persons", "events", "regulations"}
        for mention in gold["organizations"] + [p["name"] for p in gold["persons"]] + [p["post"] for p in gold["persons"]]:
            assert mention in text, (path.name, mention)


@pytest.mark.parametrize("sentence, expected", [
    ("Kabid Humas Polda Jateng, Kombes Pol. Artanto, S.H., M.H., mengatakan hal itu.",
     [("Artanto", "Kabid Humas Polda Jateng")]),
    ("Kapolres Cianjur AKBP Rohman Yonky Dilatha menyebut ada dua tersangka.",
     [("Rohman Yonky Dilatha", "Kapolres Cianjur")]),
    ("Plt. Kepala Dinas Sosial Kabupaten Sukabumi, Dr. Hj. Rina Marlina, membuka acara.",
     [("Rina Marlina", "Plt. Kepala Dinas Sosial Kabupaten Sukabumi")]),
    ("Hadir Budi Hartono, Kepala Kejaksaan Negeri Garut; dan Sri Wahyuni, Ketua Satgas TPPO Kabupaten Garut.",
     [("Budi Hartono", "Kepala Kejaksaan Negeri Garut"), ("Sri Wahyuni", "Ketua Satgas TPPO Kabupaten Garut")]),
    ("Kajati Sulawesi Tengah, Bambang Hariyanto, dan Wakapolda Sulteng Brigjen Pol. Helmi Kwarta Kusuma Putra Rauf hadir.",
     [("Bambang Hariyanto", "Kajati Sulawesi Tengah"), ("Helmi Kwarta Kusuma Putra Rauf", "Wakapolda Sulteng")]),
    ("Bupati Kupang, Yosef Lede, selaku Ketua Gugus Tugas TPPO Kabupaten Kupang, menandatangani surat itu.",
     [("Yosef Lede", "Bupati Kupang")]),
    ("Camat Entikong, Yosef, meminta warga waspada.", [("Yosef", "Camat Entikong")]),
    ("Presiden Prabowo Subianto meminta semua kementerian bergerak.", [("Prabowo Subianto", "Presiden")]),
    ("Iptu Sari Dewi, S.Sos, selaku Kanit PPA Satreskrim Polres Bima, menjelaskan modusnya.",
     [("Sari Dewi", "Kanit PPA Satreskrim Polres Bima")]),
    ("Sekretaris Daerah Kabupaten Sambas, H.M. Nasir, S.Sos., M.Si., membuka rapat.",
     [("M. Nasir", "Sekretaris Daerah Kabupaten Sambas")]),
    ("Hadir pula perwakilan Dinas Sosial Kabupaten Bima, Nur Aini, dalam rapat itu.",
     [("Nur Aini", "perwakilan Dinas Sosial Kabupaten Bima")]),
    ("Direktur Tindak Pidana Umum pada Kejaksaan Agung, Sugeng Riyanta, memberi arahan.",
     [("Sugeng Riyanta", "Direktur Tindak Pidana Umum pada Kejaksaan Agung")]),
    ("Kepala Bidang Penempatan Disnaker Kota Batam, Jaya Kusuma, hadir.",
     [("Jaya Kusuma", "Kepala Bidang Penempatan Disnaker Kota Batam")]),
    ("Tersangka berinisial AS (45) ditangkap Satreskrim Polres Bima bersama JS.", []),
])
def test_person_and_post_shapes(sentence, expected):
    """Post before and after the name, ranks, titles and degrees, selaku, Plt., one-word names,
    lists of officials, posts of every agency kind; suspects by initials are no persons."""
    from graph.ingest import extract
    from graph.queries.lookup import open_lookup

    got = extract(sentence, open_lookup(), {"date": "2025-03-04"})
    assert [(p["name"], p["post"]) for p in got["persons"]] == expected


def test_offices_of_every_kind_are_proposed_with_their_kind(run_json, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("# date: 2025-03-04\nKejaksaan Negeri Bima, Pengadilan Negeri Mataram, Satgas TPPO Polda NTB "
                    "dan Disnakertrans Kabupaten Lombok Timur bertemu; Dinas Sosial ikut hadir.\n", encoding="utf-8")
    got = run_json("ingest", str(path))
    kinds = [(o["text"], o["generic"], (o.get("kind") or "").rsplit("#", 1)[-1]) for o in got["organizations"]]
    assert kinds == [("Kejaksaan Negeri Bima", False, "ProsecutionOffice"),
                     ("Pengadilan Negeri Mataram", False, "Court"),
                     ("Satgas TPPO Polda NTB", False, "TaskForce"),
                     ("Disnakertrans Kabupaten Lombok Timur", False, "RegionalDepartment"),
                     ("Dinas Sosial", True, "")]


def test_office_with_its_abbreviation_in_brackets_is_one_linked_mention(run_json, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kejaksaan Agung (Kejagung) RI memantau perkara itu.\n", encoding="utf-8")
    got = run_json("ingest", str(path), "--date", "2025-03-04")
    assert [(o["text"], o["iri"]) for o in got["organizations"]] == [("Kejaksaan Agung (Kejagung) RI", MD + "kejagung")]


@pytest.mark.parametrize("day, iri", [("2023-05-01", None), ("2025-01-10", MD + "kemenp2mi")])
def test_ministry_is_linked_as_of_the_article_date(run_json, tmp_path, day, iri):
    """The Kementerian P2MI exists from 21 October 2024: before that day the mention is a new body."""
    path = tmp_path / "a.txt"
    path.write_text("Kementerian Pelindungan Pekerja Migran membuka posko pengaduan.\n", encoding="utf-8")
    got = run_json("ingest", str(path), "--date", day)
    assert [(o["text"], o["iri"]) for o in got["organizations"]] == [("Kementerian Pelindungan Pekerja Migran", iri)]


@pytest.mark.parametrize("day", ["kemarin", "2025-02-30", "21/06/2023", "2025-13"])
def test_date_must_be_a_real_iso_date(run, day):
    result = run("ingest", str(ARTICLES / "seed-000-batulicin.txt"), "--date", day)
    assert result.exit_code == 2
    assert result.output == (f"mandat: error: --date '{day}' is not a date; write it as YYYY-MM-DD "
                             "(or YYYY-MM, YYYY), e.g. 2024-10-21\n")


def test_control_characters_never_reach_the_review_file(run, tmp_path):
    filler = "Warga diminta waspada terhadap tawaran kerja. " * 1600          # past the first 64 KB
    article = tmp_path / "c.txt"
    article.write_text("# date: 2024-01-02\n" + filler + "\n\nKepala Kantor Imigrasi Kelas I TPI Contoh, Budi\x00 "
                       "Santoso, hadir.\x07\x1b\x7f Ia\x0b menyapa\x85 warga.\n", encoding="utf-8")
    out = tmp_path / "review.ttl"
    result = run("ingest", str(article), "--url", "http://x.example/a\x00b", "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    assert [(p["name"], p["post"]) for p in json.loads(result.output)["persons"]] == [
        ("Budi Santoso", "Kepala Kantor Imigrasi Kelas I TPI Contoh")]
    data = out.read_text(encoding="utf-8")
    assert re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", data) == []
    assert '"Kepala Kantor Imigrasi Kelas I TPI Contoh, Budi  Santoso, hadir."' in data
    assert len(Graph().parse(data=data, format="turtle")) == 9 * 2 + 1     # an office (with its kind), a person


def test_streamed_review_holds_the_triples_of_the_review_graph(run, tmp_path):
    from rdflib.compare import isomorphic

    from graph.ingest import extract, read_article
    from graph.ingest.review import review_graph
    from graph.queries.lookup import open_lookup

    path = str(ARTICLES / "seed-000-batulicin.txt")
    out = tmp_path / "review.ttl"
    assert run("ingest", path, "-o", str(out)).exit_code == 0
    text, meta = read_article(path)
    expected = review_graph(extract(text, open_lookup(), meta), text, open_lookup())
    assert len(expected) == 135
    assert isomorphic(Graph().parse(out), expected)


@pytest.mark.parametrize("sentence, expected", [
    # selaku after a lower-case word or an opener, not only after a comma
    ("Menurut Budi Hartono selaku Kepala Bidang Penempatan Disnakertrans NTB, data itu benar.",
     [("Budi Hartono", "Kepala Bidang Penempatan Disnakertrans NTB")]),
    # 'yang juga menjabat' before a post
    ("Asep Safrudin, yang juga menjabat Wakapolda Kalbar, menyebut Kalbar daerah transit.",
     [("Asep Safrudin", "Wakapolda Kalbar")]),
    # a list of officials, post rank Name, each: the comma does not make the next post the previous name's
    ("Rapat dihadiri Kepala BP3MI Jawa Barat Kombes Pol Sulaeman, Kepala Disnakertrans Jabar Teppy Wawan Dharmawan, "
     "dan Kapolres Indramayu AKBP Fahri Siregar.",
     [("Sulaeman", "Kepala BP3MI Jawa Barat"), ("Teppy Wawan Dharmawan", "Kepala Disnakertrans Jabar"),
      ("Fahri Siregar", "Kapolres Indramayu")]),
    # post Name with an office the graph does not know: the name is the one the article makes speak
    ("Kepala Seksi Intelijen dan Penindakan Keimigrasian Kantor Imigrasi Mataram Ari Sulistyanto membuka acara. "
     "Ari menambahkan, paspor mereka ditunda.",
     [("Ari Sulistyanto", "Kepala Seksi Intelijen dan Penindakan Keimigrasian Kantor Imigrasi Mataram")]),
    # ... or a name of two or three words after an abbreviation
    ("Wakil Ketua Komisi IX DPR RI Charles Honoris meminta pemerintah bertindak.",
     [("Charles Honoris", "Wakil Ketua Komisi IX DPR RI")]),
    ("Anggota Komisi IX DPR RI Rahmad Handoyo mendesak aparat.", [("Rahmad Handoyo", "Anggota Komisi IX DPR RI")]),
    # posts of regional government, navy and women's offices
    ("Kegiatan dibuka oleh Sekda Kabupaten Sumbawa, Budi Prasetiyo.", [("Budi Prasetiyo", "Sekda Kabupaten Sumbawa")]),
    ("Kepala Dinas Sosial Kota Mataram, Lalu Samsul Adnan, membuka acara.",
     [("Lalu Samsul Adnan", "Kepala Dinas Sosial Kota Mataram")]),
    ("Panglima Komando Armada I (Pangkoarmada I) Laksda TNI Arsyad Abdullah mengapresiasi penggagalan itu.",
     [("Arsyad Abdullah", "Panglima Komando Armada I (Pangkoarmada I)")]),
    ("Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana (DP3AKB) Provinsi Jawa Barat "
     "dr. Siska Gerfianti mengatakan korban sudah aman.",
     [("Siska Gerfianti", "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana (DP3AKB) "
                          "Provinsi Jawa Barat")]),
    # lower-case unit words after 'Kepala'
    ("Kepala bidang penempatan tenaga kerja Disnakertrans Mesuji, Syamsi Hermansyah, mengatakan hal itu.",
     [("Syamsi Hermansyah", "Kepala bidang penempatan tenaga kerja Disnakertrans Mesuji")]),
    # initials, titles without a dot, a short upper-case word inside a name
    ("Hal itu disampaikan Kepala Seksi Penerangan Hukum Kejati NTT, A.A. Raka Putra Dharmana.",
     [("A.A. Raka Putra Dharmana", "Kepala Seksi Penerangan Hukum Kejati NTT")]),
    ("Kepala Kantor Imigrasi Wonosobo, KA Halim, mengatakan paspor itu ditunda.",
     [("KA Halim", "Kepala Kantor Imigrasi Wonosobo")]),
    ("Plt Kepala DP3A Kukar, H Hero Suprayetno, menyebut laporan masih sedikit.",
     [("Hero Suprayetno", "Plt Kepala DP3A Kukar")]),
    ("Kapolresta Bandara Soekarno-Hatta Kombes Ronald FC Sipayung mengatakan ada 39 tersangka.",
     [("Ronald FC Sipayung", "Kapolresta Bandara Soekarno-Hatta")]),
    ("Penjabat (Pj) Bupati Sikka, Adrianus Firminus Parera, membuka rapat.",
     [("Adrianus Firminus Parera", "Penjabat (Pj) Bupati Sikka")]),
    # a national post with the country written out
    ("Presiden Republik Indonesia Prabowo Subianto memberi arahan.", [("Prabowo Subianto", "Presiden Republik Indonesia")]),
    # lists of officials (dev4): 'Kab.', corps after a rank, spaced degrees, 'Moh.', bare offices, a bare post
    ("Rapat dihadiri PLT. Bupati Kukar Chairil Anwar, Dandim 0906/Tgr Letkol Inf. Charles Alling, Sekda Kab. Kukar "
     "Sunggono, Ketua KPU Erlyando, Ketua Bawaslu M. Rahman, serta para camat. Kapolres Kukar AKBP Irwan Masulin "
     "Ginting memaparkan rencana pengamanan.",
     [("Chairil Anwar", "PLT. Bupati Kukar"), ("Charles Alling", "Dandim 0906/Tgr"), ("Sunggono", "Sekda Kab. Kukar"),
      ("Erlyando", "Ketua KPU"), ("M. Rahman", "Ketua Bawaslu"), ("Irwan Masulin Ginting", "Kapolres Kukar")]),
    ("Apel dihadiri Bupati Dompu Drs. H. Bambang M. Yasin, Dandim 1614 Dompu Letkol Inf. Ali Cahyono, S. Kom, "
     "Kepala Kejaksaan Negeri Dompu dan Ketua KPU Dompu. Inspekturnya Kapolda NTB Irjen Pol Moh. Iqbal, S.IK, MH.",
     [("Bambang M. Yasin", "Bupati Dompu"), ("Ali Cahyono", "Dandim 1614 Dompu"), ("Moh. Iqbal", "Kapolda NTB")]),
    ("Hadir Bupati Anna Mu'awanah, Kasdim 0813 Mayor Inf Hairil Ahmad, Plt. Kakesbangpol Bojonegoro Ahmad Gunawan, "
     "dan undangan lain. Rapat Pemerintah Kabupaten Bojonegoro itu berjalan lancar.",
     [("Anna Mu'awanah", "Bupati"), ("Hairil Ahmad", "Kasdim 0813"),
      ("Ahmad Gunawan", "Plt. Kakesbangpol Bojonegoro")]),
    ("Wakil Atase Imigrasi KBRI Kuala Lumpur John Paul hadir. John menambahkan, kapal tiba sore.",
     [("John Paul", "Wakil Atase Imigrasi KBRI Kuala Lumpur")]),
    # dev5: a degree right after the name, an initial before the speaking name, Inspektur Wilayah
    ("Kepala Kejaksaan Negeri (Kajari) Tual, Sigit Waseso S.H.,M.H, membenarkan kedatangan tim itu.",
     [("Sigit Waseso", "Kepala Kejaksaan Negeri (Kajari) Tual")]),
    ("Keterangan itu disampaikan melalui Plh Kasi Intel M. Yongen Pangkei S.H, Selasa. Menurut Yongen, tim itu "
     "berjumlah empat orang.", [("M. Yongen Pangkei", "Plh Kasi Intel")]),
    ("Inspektur Wilayah III, Hendro Tri Prasetyo, meminta pengawasan diperkuat.",
     [("Hendro Tri Prasetyo", "Inspektur Wilayah III")]),
    # dev6: the place after 'TPI' is one word
    ("Kasi Inteldakim Kantor Imigrasi Kelas II TPI Sabang Ibnu Riadi menyebutkan ada tiga desa binaan.",
     [("Ibnu Riadi", "Kasi Inteldakim Kantor Imigrasi Kelas II TPI Sabang")]),
])
def test_more_person_and_post_shapes(sentence, expected):
    """Constructions added after dev2/dev3 (fresh articles): each pinned by one sentence."""
    from graph.ingest import extract
    from graph.queries.lookup import open_lookup

    got = extract(sentence, open_lookup(), {"date": "2025-03-04"})
    assert [(p["name"], p["post"]) for p in got["persons"]] == expected


@pytest.mark.parametrize("sentence, expected", [
    # degrees one after another without commas; 'dr' without its dot
    ("Hal itu disampaikan Kabid Humas Polda Riau Kombes Pol Ahmad Fauzi S.H M.Si dalam jumpa pers.",
     [("Ahmad Fauzi", "Kabid Humas Polda Riau")]),
    ("Kepala Dinas Kesehatan Provinsi Jambi, dr Rina Oktavia, menilai hal itu.",
     [("Rina Oktavia", "Kepala Dinas Kesehatan Provinsi Jambi")]),
    # 'Pelaksana tugas' in lower case; sector words listed with commas and closed by the place served
    ("Pelaksana tugas (Plt) Kepala Dinas Koperasi, UMKM dan Tenaga Kerja Kabupaten Muna, Arif Budiman, menyampaikan "
     "hal itu.", [("Arif Budiman", "Pelaksana tugas (Plt) Kepala Dinas Koperasi, UMKM dan Tenaga Kerja Kabupaten Muna")]),
    # ... or by a bracketed short form that is not upper case
    ("Kepala Sub Bidang Remaja, Anak, dan Wanita (Renakta) Ditreskrimum Polda Riau AKBP Sri Wahyuni menjelaskan modusnya.",
     [("Sri Wahyuni", "Kepala Sub Bidang Remaja, Anak, dan Wanita (Renakta) Ditreskrimum Polda Riau")]),
    # a national post followed by 'Polri' and a rank
    ("Kabareskrim Polri Komjen Wahyu Widada meminta jajarannya bergerak.", [("Wahyu Widada", "Kabareskrim Polri")]),
    # sector words after 'Dinas' are the department's name, never a person's
    ("Hadir pula Kepala Dinas Sosial, Kepala Dinas Kesehatan, dan Camat.", []),
    ("Rapat dihadiri Sekretaris Dinas Tenaga Kerja Dewi Lestari, perwakilan Dinas PPA, dan tokoh desa.",
     [("Dewi Lestari", "Sekretaris Dinas Tenaga Kerja")]),
    # a province is never a name
    ("Kepala Kanwil Kemenkumham Sumatera Selatan, mengatakan hal itu.", []),
    # post, Place, titled Name: the place belongs to the post
    ("Plakat itu diserahkan Duta Besar RI untuk Tunis, Tunisia, Dr. Made Arsana.",
     [("Made Arsana", "Duta Besar RI untuk Tunis, Tunisia")]),
    # degrees after the name split it from an office the graph does not know; a blank line ends the sentence
    ("Kepala Bidang Pemberdayaan Perempuan Perlindungan Anak Lina Marlina, SKM., MM, menjelaskan kronologinya.",
     [("Lina Marlina", "Kepala Bidang Pemberdayaan Perempuan Perlindungan Anak")]),
    ("Hadir Asisten II Setda OKU Timur Budi Santoso, S.STP., M.Si.\n\nKepala Dinas Sosial hadir.",
     [("Budi Santoso", "Asisten II Setda OKU Timur")]),
    # a post that holds its own name before a comma: the next name is not its apposition
    ("Sesuai arahan Bupati Pemalang Budi Raharjo, Slamet meminta warga waspada.", [("Budi Raharjo", "Bupati Pemalang")]),
    # a member's party between the post and the name; a lecturer's post
    ("Kasus itu menyeret Anggota DPRD Sulawesi Utara dari Partai Golkar, Jemmy Kuhu, yang memiliki kafe itu.",
     [("Jemmy Kuhu", "Anggota DPRD Sulawesi Utara")]),
    ("Dosen Fakultas Hukum Universitas Pattimura (Unpatti) Ambon, Maria Lopies, menilai hal itu.",
     [("Maria Lopies", "Dosen Fakultas Hukum Universitas Pattimura (Unpatti) Ambon")]),
    # spellings of police posts; names of five words ('La Ode'); the long form of UPTD
    ("Waka Polda Sultra Brigjen Pol Amur Chandra Juli Buana memimpin apel.",
     [("Amur Chandra Juli Buana", "Waka Polda Sultra")]),   # a month word inside a name
    ("Direskrimum Polda Sultra Kombes Pol Bambang Tjahjo Bawono menyebut ada tujuh tersangka.",
     [("Bambang Tjahjo Bawono", "Direskrimum Polda Sultra")]),
    ("Kepala Disnakertrans Sultra La Ode Muhammad Ali Haswandy mengimbau warga.",
     [("La Ode Muhammad Ali Haswandy", "Kepala Disnakertrans Sultra")]),
    ("Kepala Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak (UPTD PPA) Sulawesi Tengah, Sitti Fatimah, "
     "mendampingi korban.",
     [("Sitti Fatimah", "Kepala Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak (UPTD PPA) Sulawesi Tengah")]),
    # a director general's title names the directorate the graph knows
    ("Menurut dia, Direktur Jenderal Imigrasi Silmy Karim sudah menerbitkan surat edaran.",
     [("Silmy Karim", "Direktur Jenderal Imigrasi")]),
    ("Dirjen Imigrasi Yuldi Yusman meninjau lokasi.", [("Yuldi Yusman", "Dirjen Imigrasi")]),
    # the post in brackets after the name; a post's short form in brackets is not that
    ("Hadir Budi Santoso (Kepala Disnaker Lombok Timur) dan Ani Suryani (Kasi Pidum Kejari Lombok Timur).",
     [("Budi Santoso", "Kepala Disnaker Lombok Timur"), ("Ani Suryani", "Kasi Pidum Kejari Lombok Timur")]),
    ("Kepala Seksi Perdata dan Tata Usaha Negara (Kasi Datun) Kejari Tual, Budi, hadir.",
     [("Budi", "Kepala Seksi Perdata dan Tata Usaha Negara (Kasi Datun) Kejari Tual")]),
    ("Hal serupa dikatakan anggota DPRD Sikka, Yohanes Bosco.", [("Yohanes Bosco", "anggota DPRD Sikka")]),
    ("Keterangan itu disampaikan melalui Kepala Seksi Inteldakim I Made Sudarma kepada wartawan.",
     [("I Made Sudarma", "Kepala Seksi Inteldakim")]),    # a Balinese name begins the name
    # a place ending in a direction is never a name, even after an office the graph knows
    ("Yohanes Umbu sebagai Ketua Gugus Tugas TPPO Sumba Timur meminta warga waspada.",
     [("Yohanes Umbu", "Ketua Gugus Tugas TPPO Sumba Timur")]),
    ("AKBP Fahrian Saleh Siregar, sang Kapolres, mengaku mendapat informasi itu.", [("Fahrian Saleh Siregar", "Kapolres")]),
    # coordinating ministers' posts are complete without an office; 'Kapuspenkum', 'Kasipenkum'
    ("Menko Polhukam Mahfud MD meninjau Batam.", [("Mahfud MD", "Menko Polhukam")]),
    ("Kapuspenkum Kejaksaan Agung (Kejagung), Ketut Sumedana, menyampaikan hal itu.",
     [("Ketut Sumedana", "Kapuspenkum Kejaksaan Agung (Kejagung)")]),
    ("Kasipenkum Kejati NTT, Raka Putra, menyampaikan hal itu.", [("Raka Putra", "Kasipenkum Kejati NTT")]),
    # ministers' short titles; 'Kakan'; a Roman numeral never begins a name
    ("Hadir MenP2MI Abdul Kadir Karding dan Menlu Sugiono.", [("Abdul Kadir Karding", "MenP2MI"), ("Sugiono", "Menlu")]),
    ("Kakan Kesbangpol Langkat Faisal Badawi menjelaskan hal itu.", [("Faisal Badawi", "Kakan Kesbangpol Langkat")]),
    ("Rakor diikuti Asisten II Ekbang Hermansyah dan lainnya.", []),
    # 'Name sebagai post, Name sebagai post': the second name is no apposition of the first post
    ("Dedi Bachtiar sebagai Kepala Dinas Ketahanan Pangan, Azhahir sebagai Kepala Inspektorat.",
     [("Dedi Bachtiar", "Kepala Dinas Ketahanan Pangan"), ("Azhahir", "Kepala Inspektorat")]),
    # a unit's words before a comma are never the name of the next post's holder
    ("Ia didampingi Kasi Ijin Tinggal dan Status Keimigrasian Heri Mariono, Kasi Teknologi Informasi dan "
     "Komunikasi Keimigrasian Mahmud Yunus, serta staf lain.",
     [("Heri Mariono", "Kasi Ijin Tinggal dan Status Keimigrasian"),
      ("Mahmud Yunus", "Kasi Teknologi Informasi dan Komunikasi Keimigrasian")]),
    # only a unit's words between the post's head and a name: the name begins at the first word of no unit
    ("Ia didampingi Kasi Intel Dakim Herman Takasiliang dan Kasi Teknologi Informasi dan Komunikasi Keimigrasian "
     "Mahmud Yunus.", [("Herman Takasiliang", "Kasi Intel Dakim"),
                       ("Mahmud Yunus", "Kasi Teknologi Informasi dan Komunikasi Keimigrasian")]),
    ("Kepala Seksi Lalu Lintas Keimigrasian Lalu Muhamad Iqbal menjelaskan hal itu.",
     [("Lalu Muhamad Iqbal", "Kepala Seksi Lalu Lintas Keimigrasian")]),
    ("Kepala Bidang Sosial Rote Ndao hadir.", []),
    # a port's or airport's name after 'TPI' is no name; 'Kasub' heads a post
    ("Menurut Kepala Unit TPI Pelabuhan Tunon Taka Nasution, Sabtu, ada 192 WNI yang dideportasi.", []),
    ("Hadir Kasub Dal Ops Polres Nunukan AKP Sunarta dan lainnya.", [("Sunarta", "Kasub Dal Ops Polres Nunukan")]),
    ("Kepala Badan Kesbangpol kabupaten Tanah Laut M. Rafiki Efendi membuka rapat.",
     [("M. Rafiki Efendi", "Kepala Badan Kesbangpol kabupaten Tanah Laut")]),
    # posts abroad run over 'di' + place; a country after 'untuk' ends the post before a one-word name
    ("Konsul Jenderal RI di Kota Kinabalu, Rafail Walangitan, mengatakan hal itu.",
     [("Rafail Walangitan", "Konsul Jenderal RI di Kota Kinabalu")]),
    ("Kepala Pos Pelayanan BP3MI di Parepare, Agus Ramlan, menerima para pekerja.",
     [("Agus Ramlan", "Kepala Pos Pelayanan BP3MI di Parepare")]),
    ("Duta Besar RI untuk Malaysia Hermono mengatakan hal itu.", [("Hermono", "Duta Besar RI untuk Malaysia")]),
    ("Atase Kepolisian KBRI Kuala Lumpur, Kombes Pol Budi Santoso, hadir.",
     [("Budi Santoso", "Atase Kepolisian KBRI Kuala Lumpur")]),
    # names that begin like a post's short form ('Pangko...', 'Karo...') stay names
    ("Kepala Dinas P3A Sulut, Meike Pangkong mengatakan hal itu.", [("Meike Pangkong", "Kepala Dinas P3A Sulut")]),
    ("Hadir Karolina Sitepu, Kepala Dinas Sosial Karo.", [("Karolina Sitepu", "Kepala Dinas Sosial Karo")]),
    # 'Hakim' ends a name; a country ends an office before a name
    ("Kepala Seksi Intel Kejari Bima, Arief Hakim, mengatakan hal itu.", [("Arief Hakim", "Kepala Seksi Intel Kejari Bima")]),
    ("Atase Ketenagakerjaan KBRI Malaysia Budi Santoso hadir.", [("Budi Santoso", "Atase Ketenagakerjaan KBRI Malaysia")]),
    # 'Desa' ending a sector is no place's kind; unit words are never a name's
    ("Kepala Bidang Pemberdayaan Masyarakat Desa Budi Santoso hadir.",
     [("Budi Santoso", "Kepala Bidang Pemberdayaan Masyarakat Desa")]),
    ("Kepala Seksi Pengendalian Operasional Budi Santoso mengatakan hal itu.",
     [("Budi Santoso", "Kepala Seksi Pengendalian Operasional")]),
    ("Kepala Seksi Rehabilitasi Sosial Tuna Susila hadir.", []),
    # a region of the graph after a post and before a comma is the office's place, not a name
    ("Kepala BP3MI Deli Serdang, mengatakan hal itu.", []),
    ("Kepala Dinas Sosial Rote Ndao, mengatakan hal itu.", []),
    # 'Daerah Khusus Jakarta' is a province, not a name
    ("Kepala Kanwil Ditjen Imigrasi Daerah Khusus Jakarta, Anton Wibowo, membuka rapat.",
     [("Anton Wibowo", "Kepala Kanwil Ditjen Imigrasi Daerah Khusus Jakarta")]),
])
def test_post_shapes_of_fresh_articles(sentence, expected):
    """Constructions that dev7 and blind2 (scored once, then used for development) showed missing or wrong."""
    from graph.ingest import extract
    from graph.queries.lookup import open_lookup

    got = extract(sentence, open_lookup(), {"date": "2025-03-04"})
    assert [(p["name"], p["post"]) for p in got["persons"]] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Ditpolairud Polda Kepri menangani 13 kasus, sedangkan Polresta Barelang 25 kasus.",
     ["Ditpolairud Polda Kepri", "Polresta Barelang"]),
    ("Panglima Komando Armada I (Pangkoarmada I) Laksda TNI Arsyad Abdullah hadir.", ["Komando Armada I"]),
    ("Presiden Republik Indonesia Prabowo Subianto memberi arahan.", []),
    ("Disnakertrans bersama Dinas PMD menyosialisasikan aturan itu kepada kepala desa.", []),
    ("Pendampingan dilakukan bersama UPTD PPA DKI Jakarta dan UPPA Polres Jakarta Utara.",
     ["UPTD PPA DKI Jakarta", "UPPA Polres Jakarta Utara"]),
    ("Paspor ditunda di Kantor Imigrasi Kelas II Non TPI Wonosobo dan UKK Magelang.",
     ["Kantor Imigrasi Kelas II Non TPI Wonosobo", "UKK Magelang"]),
    ("Kementerian Luar Negeri RI (Kemlu) menanggapi kasus itu.", ["Kementerian Luar Negeri RI (Kemlu)"]),
    ("Kapal itu milik Ditpolair Korpolairud Baharkam Polri.", ["Ditpolair Korpolairud Baharkam Polri"]),
    ("Ia bekas penyidik Otoritas Jasa Keuangan (OJK) dan kini di Subdirektorat Renakta Ditkrimum Polda Sulawesi Tengah.",
     ["Otoritas Jasa Keuangan (OJK)", "Subdirektorat Renakta Ditkrimum Polda Sulawesi Tengah"]),
    ("Hadir Ketua KPU Dompu, Ketua Bawaslu Dompu, dan Kepala Kejaksaan Negeri Dompu.",
     ["KPU Dompu", "Bawaslu Dompu", "Kejaksaan Negeri Dompu"]),
    ("Satuan Reserse Kriminal (Satreskrim) Polres Tolitoli mengamankan dua pelaku.",
     ["Satuan Reserse Kriminal (Satreskrim) Polres Tolitoli"]),
    ("Mereka dicegah di Tempat Pemeriksaan Imigrasi Bandara Kualanamu.", []),
    ("Dinas Koperasi, UMKM dan Tenaga Kerja Kabupaten Muna memfasilitasi pemulangan.",
     ["Dinas Koperasi, UMKM dan Tenaga Kerja Kabupaten Muna"]),
    # police service centres, port police, battalions, parties; an embassy named for the city it serves
    ("Korban melapor ke Sentra Pelayanan Kepolisian Terpadu (SPKT) Polres Alor pada Rabu.",
     ["Sentra Pelayanan Kepolisian Terpadu (SPKT) Polres Alor"]),
    ("Polres Nunukan dan KSKP Tunon Taka Nunukan mengamankan sembilan orang dari Yonif 13/Galuh Kostrad.",
     ["Polres Nunukan", "KSKP Tunon Taka Nunukan", "Yonif 13/Galuh Kostrad"]),
    ("Penghargaan itu dari Kedutaan Besar Republik Indonesia (KBRI) untuk Ankara dan Partai Golkar.",
     ["Kedutaan Besar Republik Indonesia (KBRI) untuk Ankara", "Partai Golkar"]),
    # a rank after an office ends it cleanly: the office keeps its last place word
    ("Kasat Reskrim Polres Bima Kota AKP Andi Haris mengatakan tuntutan sudah dibacakan.", ["Polres Bima Kota"]),
    # a place's kind in lower case inside an office name
    ("Korban diterima Dinas Sosial kota Bima pada Senin.", ["Dinas Sosial kota Bima"]),
    # an office that a person's name ends is not trimmed back to a shorter form the article also writes
    ("Dinas Tenaga Kerja ikut hadir. Kepala Dinas Tenaga Kerja Kabupaten Brebes Suwarno, saat berada di kantornya, "
     "menyebut ada dua korban.", ["Dinas Tenaga Kerja Kabupaten Brebes"]),
])
def test_office_names_end_where_they_should(sentence, expected):
    """A count after an office, a post's short form in brackets, a rank's 'TNI', a head of state, and
    a bare dinas are no part of an office name (or no office); two offices joined by 'dan' stay two."""
    from graph.ingest import extract
    from graph.queries.lookup import open_lookup

    got = extract(sentence, open_lookup(), {"date": "2025-03-04"})
    assert [o["text"] for o in got["organizations"] if not o["generic"]] == expected
