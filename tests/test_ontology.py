"""The ontology reads as documentation, and the SPARQL checks pass on the shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace

from graph import store
from graph.validate import check_queries

ROOT = Path(__file__).resolve().parent.parent
MANDAT = "https://w3id.org/mandat/ontology#"
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "mandat.ttl")


@pytest.fixture(scope="module")
def shipped() -> Graph:
    return store.load_graph()


def test_shapes_parse():
    assert len(Graph().parse(ROOT / "ontology" / "shapes.ttl")) > 100


def test_ontology_has_a_version_iri(ontology):
    assert list(ontology.objects(None, OWL.versionIRI))


def own_terms(ontology):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for k in kinds for s in ontology.subjects(RDF.type, k) if str(s).startswith(MANDAT)})


def test_every_term_has_id_and_en_labels_and_a_definition(ontology):
    terms = own_terms(ontology)
    assert len(terms) > 40
    for term in terms:
        langs = {l.language for l in ontology.objects(term, RDFS.label) if isinstance(l, Literal)}
        assert {"id", "en"} <= langs, term
        assert list(ontology.objects(term, SKOS.definition)), term


@pytest.mark.parametrize("name, text", check_queries(), ids=[n for n, _ in check_queries()])
def test_sparql_check_returns_no_rows(shipped, name, text):
    rows = [(str(r.node), str(r.message)) for r in shipped.query(text)]
    assert rows == [], "\n".join(f"{n}: {m}" for n, m in rows)
