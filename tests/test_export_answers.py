"""`mandat export` of the small fixture world (tests/fixtures/world/world.ttl): every edge and triple.

The expected answers are read off the fixture's Turtle by hand: 11 agencies, 4 regions and
2 steps; 13 reporting lines, 4 responsibilities, one tenure (a head, not a forum seat, so
not an edge). The CLI runs in-process (click's CliRunner) so that mutation testing sees it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.fixtures.world.labels import WORLD_LABELS_ID

HERE = Path(__file__).resolve().parent
WORLD = HERE / "fixtures" / "world"
ONTOLOGY = HERE.parent / "ontology" / "mandat.ttl"
MD = "https://w3id.org/mandat/id/"
HEADER = "source,source_label,relation,target,target_label,role,jurisdiction,since,until,confidence"

# (source, relation, target, role, jurisdiction, since, until, confidence), short names.
SERVES = [
    ("pres", "serves", "c"), ("kl", "serves", "c"), ("kb", "serves", "c"), ("kk", "serves", "c"),
    ("dj", "serves", "c"), ("kw-lama", "serves", "p"), ("kw-baru", "serves", "p"), ("ko", "serves", "r1"),
    ("dinas-p", "serves", "p"), ("polda-p", "serves", "p"), ("polres-r1", "serves", "r1"),
]
LINES = [  # unit, parent, since, until (the validDuring of each mandat:ReportingLine)
    ("kl", "pres", "", "2024-11-01"), ("kb", "pres", "2024-11-01", ""), ("kk", "pres", "2024-11-01", ""),
    ("dj", "kl", "", "2024-11-01"), ("dj", "kb", "2024-11-01", ""), ("kw-lama", "kl", "", "2024-11-01"),
    ("kw-lama", "kb", "2024-11-01", "2025-02-01"), ("kw-baru", "dj", "2025-02-01", ""),
    ("ko", "kw-lama", "", "2025-02-01"), ("ko", "kw-baru", "2025-02-01", ""), ("dinas-p", "pres", "", ""),
    ("polda-p", "pres", "", ""), ("polres-r1", "polda-p", "", ""),
]
RESPONSIBILITIES = [("ko", "s1", "lead", "r1"), ("dinas-p", "s1", "lead", "p"), ("polda-p", "s2", "lead", "p"),
                    ("polres-r1", "s2", "support", "r1")]
LABELS_ID = WORLD_LABELS_ID
LABELS_EN = {
    "pres": "President", "kl": "Old Ministry", "kb": "New Ministry", "kk": "Second Ministry",
    "dj": "Directorate General Example", "kw-lama": "Old Regional Office Province P",
    "kw-baru": "New Regional Office Province P", "ko": "Example Office Regency One", "dinas-p": "Province P Office",
    "polda-p": "Regional Police P", "polres-r1": "Resort Police One", "c": "Country C", "p": "Province P",
    "r1": "Regency One", "r2": "Regency Two", "s1": "Prevention", "s2": "Investigation", "tf": "Task Force P",
}


def expected_edges(labels, extra=()) -> list[tuple]:
    """The CSV rows the fixture world must give, as tuples in EDGE order of the header."""
    def row(a, relation, b, role="", jurisdiction="", since="", until="", confidence=""):
        return (MD + a, labels[a], relation, MD + b, labels[b], role, jurisdiction and MD + jurisdiction,
                since, until, confidence)

    rows = [row(a, rel, b) for a, rel, b in SERVES]
    rows += [row(u, "reports_to", p, since=s, until=e) for u, p, s, e in LINES]
    rows += [row(a, "responsible_for", s, role=role, jurisdiction=j) for a, s, role, j in RESPONSIBILITIES]
    rows += [row(*args, **kwargs) for args, kwargs in extra]
    return sorted(rows)


@pytest.fixture
def export(run):
    def _export(*args, data=str(WORLD)):
        result = run("--data", data, *args)
        assert result.exit_code == 0, result.output
        return result.stdout_bytes if hasattr(result, "stdout_bytes") else result.output.encode()
    return _export


def csv_rows(text: str) -> tuple[str, list[tuple]]:
    lines = text.splitlines()
    return lines[0], sorted(tuple(r) for r in csv.reader(lines[1:]))


def test_csv_edges_of_the_fixture_world_are_every_line_responsibility_and_region(export):
    header, rows = csv_rows(export("export", "--format", "csv").decode("utf-8"))
    assert header == HEADER
    assert len(rows) == 11 + 13 + 4
    assert rows == expected_edges(LABELS_ID)


def test_csv_edges_in_english_carry_english_labels_and_the_same_iris(export):
    header, rows = csv_rows(export("--lang", "en", "export", "--format", "csv").decode("utf-8"))
    assert header == HEADER
    assert rows == expected_edges(LABELS_EN)


def test_csv_ends_each_row_with_a_newline_and_no_carriage_return(export):
    raw = export("export", "--format", "csv")
    assert raw.startswith((HEADER + "\n").encode())
    assert b"\r" not in raw and raw.endswith(b"\n")
    assert raw.count(b"\n") == 1 + 28


# Task force TF with an unverified seat for Dinas P (role "Anggota" since 2024-03-01), and an agreement
# (PKS, until 2026) of three parties: one edge per pair of parties, in the order the parties are named.
EXTRA = """
md:tf a mandat:TaskForce ; skos:prefLabel "Gugus Tugas P"@id , "Task Force P"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:rl-tf a mandat:ReportingLine ; mandat:unit md:tf ; mandat:parent md:pres ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ] .
md:role-anggota a org:Role ; skos:prefLabel "Anggota"@id , "Member"@en .
md:fm-dinas a mandat:ForumMembership ; org:member md:dinas-p ; org:organization md:tf ; org:role md:role-anggota ;
    org:memberDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDDate "2024-03-01"^^xsd:date ] ] ;
    mandat:confidence mandat:Unverified ; dct:source md:src .
md:agr-1 a mandat:Agreement ; skos:prefLabel "PKS P"@id , "PKS P"@en ;
    mandat:party md:dinas-p , md:polda-p , md:polres-r1 ; mandat:agreementType "PKS" ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ a time:Instant ; time:inXSDDate "2026-01-01"^^xsd:date ] ] ;
    dct:source md:src .
"""


@pytest.fixture
def richer(tmp_path):
    folder = tmp_path / "richer"
    folder.mkdir()
    (folder / "world.ttl").write_text((WORLD / "world.ttl").read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return str(folder)


RICHER_EXTRA = [
    (("tf", "serves", "p"), {}),
    (("tf", "reports_to", "pres"), {}),
    (("dinas-p", "member_of", "tf"), {"role": "Anggota", "since": "2024-03-01", "confidence": "unverified"}),
    (("dinas-p", "agreement", "polda-p"), {"role": "PKS", "until": "2026-01-01"}),
    (("dinas-p", "agreement", "polres-r1"), {"role": "PKS", "until": "2026-01-01"}),
    (("polda-p", "agreement", "polres-r1"), {"role": "PKS", "until": "2026-01-01"}),
]


def test_csv_edges_include_forum_seats_and_one_edge_per_pair_of_agreement_parties(export, richer):
    header, rows = csv_rows(export("export", "--format", "csv", data=richer).decode("utf-8"))
    assert header == HEADER
    assert rows == expected_edges(LABELS_ID, RICHER_EXTRA)


def test_csv_seat_role_is_in_the_chosen_language(export, richer):
    _, rows = csv_rows(export("--lang", "en", "export", "--format", "csv", data=richer).decode("utf-8"))
    assert [r[5] for r in rows if r[2] == "member_of"] == ["Member"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_hold_every_node_with_its_kind_and_every_edge(export, richer, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"g.{fmt}"
    export("export", "--format", fmt, "-o", str(out), data=richer)
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    agencies = ["pres", "kl", "kb", "kk", "dj", "kw-lama", "kw-baru", "ko", "dinas-p", "polda-p", "polres-r1", "tf"]
    kinds = {MD + a: "agency" for a in agencies} | {MD + r: "region" for r in ("c", "p", "r1")} | \
        {MD + s: "step" for s in ("s1", "s2")}
    assert {n: d["kind"] for n, d in g.nodes(data=True)} == kinds      # r2: no edge, no agency, not a node
    assert g.nodes[MD + "ko"]["label"] == "Kantor Contoh Kabupaten Satu"
    assert {d["confidence"] for _, d in g.nodes(data=True)} == {""}
    relations = sorted(d["relation"] for _, _, d in g.edges(data=True))
    assert relations == sorted(["serves"] * 12 + ["reports_to"] * 14 + ["responsible_for"] * 4 + ["member_of"]
                               + ["agreement"] * 3)
    seat = [d for a, b, d in g.edges(data=True) if d["relation"] == "member_of"]
    assert [(d["role"], d["since"], d["until"], d["confidence"]) for d in seat] == [
        ("Anggota", "2024-03-01", "", "unverified")]
    lead = [(a, b, d["role"], d["jurisdiction"]) for a, b, d in g.edges(data=True)
            if d["relation"] == "responsible_for" and a == MD + "polres-r1"]
    assert lead == [(MD + "polres-r1", MD + "s2", "support", MD + "r1")]


def test_graph_node_of_an_unverified_agency_carries_its_confidence(export, tmp_path):
    import networkx as nx

    folder = tmp_path / "w"
    folder.mkdir()
    text = (WORLD / "world.ttl").read_text(encoding="utf-8").replace(
        'mandat:abbreviation "Polres Satu" ;', 'mandat:abbreviation "Polres Satu" ; mandat:confidence mandat:Unverified ;')
    (folder / "world.ttl").write_text(text, encoding="utf-8")
    out = tmp_path / "g.graphml"
    export("export", "--format", "graphml", "-o", str(out), data=str(folder))
    g = nx.read_graphml(out)
    assert {n: d["confidence"] for n, d in g.nodes(data=True) if d["confidence"]} == {MD + "polres-r1": "unverified"}


# -- RDF: the ontology plus the data plus one org:subOrganizationOf per reporting line -----------------------

SUB_ORGANIZATION = "http://www.w3.org/ns/org#subOrganizationOf"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def expected_graph():
    from rdflib import Graph

    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    g.parse(WORLD / "world.ttl", format="turtle")
    return g


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_export_is_the_ontology_and_the_data_without_undated_links(export, fmt, rdflib_format):
    """The derived org:subOrganizationOf links stay in the store's derived graph: undated, they
    would put Kantor Contoh under both its old and its new Kanwil at once."""
    from rdflib import Graph, URIRef
    from rdflib.compare import isomorphic

    raw = export("export", "--format", fmt)
    got = Graph().parse(data=raw.decode("utf-8"), format=rdflib_format)
    want = expected_graph()
    assert len(got) == len(want)
    assert isomorphic(got, want)
    assert list(got.objects(URIRef(MD + "ko"), URIRef(SUB_ORGANIZATION))) == []


def test_rdf_export_to_a_file_is_the_same_as_to_stdout(export, tmp_path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    out = tmp_path / "g.nt"
    export("export", "--format", "nt", "-o", str(out))
    assert isomorphic(Graph().parse(out, format="nt"), expected_graph())


def test_nt_export_is_one_triple_per_line(export):
    lines = [line for line in export("export", "--format", "nt").decode("utf-8").splitlines() if line.strip()]
    assert len(lines) == len(expected_graph())
    assert f"<{MD}polres-r1> <{RDF_TYPE}> <https://w3id.org/mandat/ontology#PoliceUnit> ." in lines


def test_export_default_format_is_turtle(export):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    raw = export("export").decode("utf-8")
    assert isomorphic(Graph().parse(data=raw, format="turtle"), expected_graph())


def test_a_seat_without_a_role_and_an_agreement_without_a_type_have_empty_roles(export, tmp_path):
    extra = EXTRA.replace(" org:role md:role-anggota ;", "").replace(' mandat:agreementType "PKS" ;', "")
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "world.ttl").write_text((WORLD / "world.ttl").read_text(encoding="utf-8") + extra, encoding="utf-8")
    _, rows = csv_rows(export("export", "--format", "csv", data=str(folder)).decode("utf-8"))
    assert sorted((r[0].removeprefix(MD), r[2], r[3].removeprefix(MD), r[5]) for r in rows
                  if r[2] in ("member_of", "agreement")) == [
        ("dinas-p", "agreement", "polda-p", ""), ("dinas-p", "agreement", "polres-r1", ""),
        ("dinas-p", "member_of", "tf", ""), ("polda-p", "agreement", "polres-r1", "")]


def test_network_from_python_labels_in_indonesian_and_marks_what_the_data_does_not_describe(tmp_path):
    """A party the data names but never describes is a node of kind "unknown" with no confidence;
    a ``serves`` edge has no dates and no confidence of its own."""
    from graph.queries.export import network
    from graph.queries.lookup import open_lookup

    folder = tmp_path / "world"
    folder.mkdir()
    (folder / "world.ttl").write_text((WORLD / "world.ttl").read_text(encoding="utf-8") + """
md:agr-x a mandat:Agreement ; mandat:party md:dinas-p , md:somebody ; mandat:agreementType "MoU" ;
    mandat:validDuring [ a time:Interval ] ; dct:source md:src .
""", encoding="utf-8")
    g = network(open_lookup([str(folder)]))
    assert g.nodes[MD + "somebody"] == {"label": "md:somebody", "kind": "unknown", "confidence": ""}
    assert g.nodes[MD + "ko"]["label"] == "Kantor Contoh Kabupaten Satu"
    serves = [d for _, _, d in g.edges(MD + "ko", data=True) if d["relation"] == "serves"]
    assert serves == [{"relation": "serves", "since": "", "until": "", "confidence": ""}]
