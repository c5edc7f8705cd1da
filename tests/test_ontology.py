"""The ontology reads as documentation, and the SPARQL checks pass on the shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace

from graph import loading as store
from graph.validate import check_queries, prepared_checks

ROOT = Path(__file__).resolve().parent.parent
MANDAT = "https://w3id.org/mandat/ontology#"
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "mandat.ttl")


@pytest.fixture(scope="module")
def shipped() -> Graph:
    return store.load_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl")


def test_shapes_parse(shapes):
    assert len(shapes) > 100


def test_every_shape_says_what_to_do(shapes):
    """Each property shape, and each node shape with constraints of its own, has an English sh:message."""
    own = (SH["or"], SH.xone, SH["class"], SH.node)
    targeted = {s for t in (SH.targetClass, SH.targetObjectsOf) for s in shapes.subjects(t, None)}
    needing = {s for s in targeted if any((s, p, None) in shapes for p in own)}
    needing |= set(shapes.objects(None, SH.property)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    for shape in needing:
        messages = list(shapes.objects(shape, SH.message))
        assert messages and all(";" in str(m) for m in messages), shape


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


def test_every_check_is_headed_by_its_question():
    for name, text in check_queries():
        assert text.startswith("# ") and "?" in text.splitlines()[0], name
        assert "SELECT" in text and "?node ?message" in text, name


@pytest.mark.parametrize("name, query", prepared_checks(), ids=[n for n, _ in prepared_checks()])
def test_sparql_check_returns_no_rows(shipped, name, query):
    """ODK style: every check returns no rows on the shipped data; a failure lists the rows."""
    rows = sorted((str(r.node), str(r.message)) for r in shipped.query(query))
    assert rows == [], f"{name} returned {len(rows)} row(s):\n" + "\n".join(f"  {n}: {m}" for n, m in rows)
