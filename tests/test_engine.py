"""The engine: kinds from the ontology, mandat's terms all defined there, answers unchanged by
reasoning, and the name index kept beside the store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "tests" / "fixtures" / "world"
MANDAT = "https://w3id.org/mandat/ontology#"


def defined_terms() -> set[str]:
    """The local names of every mandat: term the ontology gives a type."""
    from rdflib import RDF, Graph, URIRef

    g = Graph().parse(ROOT / "ontology" / "mandat.ttl")
    return {str(s)[len(MANDAT):] for s in g.subjects(RDF.type, None)
            if isinstance(s, URIRef) and str(s).startswith(MANDAT)}


def used_terms() -> dict[str, set[str]]:
    """Each mandat: term the code and data use, with the files that use it."""
    # mandat:Term in SPARQL and Turtle; M + "Term" in Python (not a prefix joined to more: "earliest" + side)
    spelled = re.compile(r"""(?<![\w:])mandat:([A-Za-z][\w-]*)|(?:\bM|MANDAT)\s*\+\s*["']([A-Za-z]\w*)["'](?!\s*\+)""")
    used: dict[str, set[str]] = {}
    files = [*ROOT.glob("graph/**/*.py"), *ROOT.glob("graph/**/*.rq"), *ROOT.glob("graph/**/*.ru"),
             *ROOT.glob("data/*.ttl"), ROOT / "ontology" / "shapes.ttl"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if "_mutmut_" in text:      # a copy under mutation testing spells terms wrong on purpose
            continue
        for found in spelled.finditer(text):
            name = found.group(1) or found.group(2)
            used.setdefault(name.rstrip("-"), set()).add(str(path.relative_to(ROOT)))
    return used


def test_every_mandat_term_the_code_and_data_use_is_defined_in_the_ontology():
    """A closed namespace: spelling a term the ontology lacks fails here, naming the files."""
    used, defined = used_terms(), defined_terms()
    assert len(used) > 60 and "withinRegion" in used and "ReportingLine" in used
    missing = {name: sorted(files) for name, files in used.items() if name not in defined}
    assert missing == {}


def test_within_region_is_direct_and_its_closure_a_separate_property():
    from rdflib import OWL, RDF, RDFS, Graph, URIRef

    g = Graph().parse(ROOT / "ontology" / "mandat.ttl")
    direct, closure = URIRef(MANDAT + "withinRegion"), URIRef(MANDAT + "withinRegionTransitive")
    assert (direct, RDF.type, OWL.TransitiveProperty) not in g
    assert (closure, RDF.type, OWL.TransitiveProperty) in g
    assert (direct, RDFS.subPropertyOf, closure) in g


def who_handles(run_json, data: str) -> list[tuple[str, str, str]]:
    rows = run_json("--data", data, "who-handles", "investigation", "--region", "Tanah Bumbu",
                    "--as-of", "2025-06-01")
    return [(r["agency"]["iri"].rsplit("/", 1)[-1], r["role"], r["jurisdiction"]["iri"].rsplit("/", 1)[-1])
            for r in rows]


def test_answers_survive_owl_rl_reasoning(run_json, tmp_path):
    """After an OWL-RL closure (what a reasoning triple store adds), the nearest jurisdiction is
    still the regency's province, not Indonesia, and no office is its own source."""
    import owlrl
    from rdflib import BNode, URIRef

    from graph.loading import load_graph

    graph = load_graph()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    for triple in [t for t in graph if not isinstance(t[0], (URIRef, BNode))]:
        graph.remove(triple)                 # generalised RDF (literal subjects) is no Turtle
    (tmp_path / "closed").mkdir()
    graph.serialize(tmp_path / "closed" / "closed.ttl", format="turtle")
    plain = who_handles(run_json, str(ROOT / "data"))
    assert ("polda-kalsel", "lead", "region-kalsel") in plain
    assert who_handles(run_json, str(tmp_path / "closed")) == plain
    chain = run_json("--data", str(tmp_path / "closed"), "chain", "Kanim Batulicin", "--as-of", "2025-06-01")
    assert all(s["iri"] != e["iri"] for e in chain for s in e["sources"])


NEW_KIND = """@prefix md: <https://w3id.org/mandat/id/> .
@prefix mandat: <https://w3id.org/mandat/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
md:MigrantDesk a <http://www.w3.org/2002/07/owl#Class> ; rdfs:subClassOf mandat:Agency ;
    rdfs:label "Meja Layanan Migran"@id , "Migrant desk"@en .
md:desk-satu a md:MigrantDesk ; skos:prefLabel "Meja Migran Satu"@id , "Migrant Desk One"@en ;
    mandat:level mandat:RegencyLevel ; mandat:servesRegion md:r1 ; dct:source md:src .
md:rl-desk a mandat:ReportingLine ; mandat:unit md:desk-satu ; mandat:parent md:kk ; dct:source md:src .
md:resp-desk a mandat:Responsibility ; mandat:agency md:desk-satu ; mandat:step md:s1 ;
    mandat:role mandat:Support ; mandat:jurisdiction md:r1 ; dct:source md:src .
"""


def test_a_new_agency_subclass_in_the_data_works_in_every_question(run_json, tmp_path):
    """No code lists the kinds of agency: a subclass the data adds is an agency everywhere."""
    data = tmp_path / "world"
    shutil.copytree(WORLD, data)
    (data / "desk.ttl").write_text(NEW_KIND, encoding="utf-8")
    chain = run_json("--data", str(data), "chain", "Meja Migran Satu")
    assert [(e["iri"].rsplit("/", 1)[-1], e["kind"]) for e in chain][:2] == [("desk-satu", "MigrantDesk"),
                                                                              ("kk", "Ministry")]
    assert chain[0]["kind_label"] == "Meja Layanan Migran"
    handlers = run_json("--data", str(data), "who-handles", "md:s1", "--region", "md:r1")
    assert "desk-satu" in [r["agency"]["iri"].rsplit("/", 1)[-1] for r in handlers]
    card = run_json("--data", str(data), "show", "Meja Migran Satu")
    assert card["kind"] == "MigrantDesk"
    assert [h["iri"].rsplit("/", 1)[-1] for h in run_json("--data", str(data), "search", "Meja Migran")][:1] == ["desk-satu"]
    rows = run_json("--data", str(data), "coverage", "--region", "md:r1")
    assert rows and rows[0]["region"]["iri"].endswith("/r1")


def test_name_index_is_kept_beside_the_store_and_follows_its_content(tmp_path, run_json, monkeypatch):
    """The resolver's index is one side file per load stamp: asked twice, built once; changed
    data gives a new file and the new name."""
    monkeypatch.setenv("MANDAT_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "world"
    shutil.copytree(WORLD, data)
    run_json("--data", str(data), "chain", "Kantor Contoh", "--as-of", "2025-06-01")
    run_json("--data", str(data), "chain", "Kantor Contoh", "--as-of", "2025-06-01")
    assert len(list((tmp_path / "cache").glob("names-*.pickle"))) == 1
    (data / "desk.ttl").write_text(NEW_KIND, encoding="utf-8")
    assert run_json("--data", str(data), "chain", "Meja Migran Satu")[0]["label"] == "Meja Migran Satu"
    assert len(list((tmp_path / "cache").glob("names-*.pickle"))) == 2


def test_the_store_layer_never_imports_the_queries_layer():
    """Loading and stores sit below the questions: nothing under graph/stores/ or graph/loading.py
    imports graph.queries (a cycle the old graph/store.py had)."""
    lower = [*ROOT.glob("graph/stores/*.py"), ROOT / "graph" / "loading.py", ROOT / "graph" / "cache.py"]
    assert len(lower) >= 6
    offenders = [str(p.relative_to(ROOT)) for p in lower
                 if re.search(r"^\s*(from graph\.queries|import graph\.queries|from graph import queries)",
                              p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


PLAIN_ORG = """@prefix md: <https://w3id.org/mandat/id/> .
@prefix mandat: <https://w3id.org/mandat/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
md:seksi a mandat:TechnicalUnit ; skos:prefLabel "Seksi Contoh"@id ; org:subOrganizationOf md:ko .
"""


def test_plain_org_links_answer_a_chain_as_unverified_lines(run_json, tmp_path):
    """Data written with ORG alone (org:subOrganizationOf, no dated reporting line) still answers:
    the link is an always-valid line marked unverified, with a note saying why."""
    data = tmp_path / "world"
    shutil.copytree(WORLD, data)
    (data / "plain.ttl").write_text(PLAIN_ORG, encoding="utf-8")
    chain = run_json("--data", str(data), "chain", "Seksi Contoh", "--as-of", "2025-06-01")
    assert [e["iri"].rsplit("/", 1)[-1] for e in chain] == ["seksi", "ko", "kw-baru", "dj", "kb", "pres"]
    assert (chain[0]["reports_to"]["iri"], chain[0]["confidence"]) == (WORLD_MD + "ko", "unverified")
    assert chain[1]["confidence"] == "verified"


WORLD_MD = "https://w3id.org/mandat/id/"


def test_memory_store_parses_a_folder_once_per_process_and_again_when_its_bytes_change(tmp_path, monkeypatch):
    """Two questions on the same files share one parse; a file edited between them is read anew,
    and only the most recent folders are kept."""
    import graph.stores.memory as memory
    from graph.stores import open_store

    monkeypatch.setattr(memory, "FILLED", {})
    fills = []
    real_fill = memory.loading.fill_store
    monkeypatch.setattr(memory.loading, "fill_store", lambda sources: fills.append(1) or real_fill(sources))
    folder = tmp_path / "world"
    shutil.copytree(WORLD, folder)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    first = open_store("memory", [folder]).select(count)[0]["n"].value
    assert open_store("memory", [folder]).select(count)[0]["n"].value == first and len(fills) == 1

    with (folder / "world.ttl").open("a", encoding="utf-8") as out:
        out.write('\n<urn:x> <urn:y> "z" .\n')
    assert int(open_store("memory", [folder]).select(count)[0]["n"].value) == int(first) + 1
    assert len(fills) == 2 and len(memory.FILLED) == 2

    other = tmp_path / "other"
    shutil.copytree(WORLD, other)
    (other / "world.ttl").write_text((WORLD / "world.ttl").read_text(encoding="utf-8") + "\n# another\n",
                                     encoding="utf-8")
    open_store("memory", [other]).select(count)
    assert len(memory.FILLED) == memory.KEEP_FILLED == 2
