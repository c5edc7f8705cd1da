"""The review file: candidates as Turtle in the project's ontology, built with rdflib terms
(never by pasting text into Turtle), each marked new, matching or contradicting."""

from __future__ import annotations

import hashlib
from datetime import date

from graph.model import Catalog

REVIEW = "https://w3id.org/mandat/review/"
HEADER = ("# Review file written by 'mandat ingest'. A working file for a reviewer, not project data.\n"
          "# Each mandat:Candidate is marked mandat:New, mandat:Matches or mandat:Contradicts.\n"
          "# To reject a candidate, set its mandat:reviewStatus to mandat:Rejected; then run\n"
          "# 'mandat ingest --apply THIS.ttl'. Quotes (mandat:quote) are never merged into data/.\n\n")


def person_status(cat: Catalog, person: dict, day: str | None) -> str:
    """Matches: the graph knows this person in this office on the day; Contradicts: someone else heads it."""
    from graph.queries.show import is_head_role

    when = to_date(day)
    names = {person["name"].casefold()}
    people = [e for e in cat.of_kind("person")
              if names & {n.casefold() for n in (*e.labels.values(), *e.alt_labels)}]
    org = person.get("organization")
    if not org or not when:
        return "Matches" if people else "New"
    tenures = [m for m in cat.memberships_in(org) if m.is_tenure and m.valid.contains(when)]
    if any(m.member in {p.iri for p in people} for m in tenures):
        return "Matches"
    heads_office = person["post"].strip().lower() == f"kepala {person.get('organization_text') or ''}".strip().lower()
    if heads_office and any(is_head_role(cat, m.role) for m in tenures):
        return "Contradicts"
    return "New"


def to_date(text: str | None):
    """A full ISO date, or None (a year alone cannot decide a contradiction)."""
    try:
        return date.fromisoformat(text[:10]) if text and len(text) >= 10 else None
    except ValueError:
        return None


def review_graph(result: dict, text: str, cat: Catalog):
    """An rdflib Graph of every candidate with its provenance."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, XSD

    M = Namespace("https://w3id.org/mandat/ontology#")
    g = Graph()
    g.bind("mandat", M)
    g.bind("dct", DCTERMS)
    source, day = result["source"].get("url"), result["source"].get("date")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]

    def add(kind: str, n: int, label: str, item: dict, status: str, link: str | None = None):
        node = URIRef(f"{REVIEW}{digest}/{kind}-{n}")
        a, b = item["sentence"]
        g.add((node, RDF.type, M.Candidate))
        g.add((node, M.candidateKind, Literal(kind)))
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, M.reviewStatus, M[status]))
        g.add((node, M.quote, Literal(text[a:b])))
        g.add((node, M.charStart, Literal(item["start"], datatype=XSD.integer)))
        g.add((node, M.charEnd, Literal(item["end"], datatype=XSD.integer)))
        if link:
            g.add((node, M.linksTo, URIRef(link)))
        if source:
            g.add((node, DCTERMS.source, Literal(source)))
        if day:
            g.add((node, DCTERMS.date, Literal(day)))
        return node

    for n, org in enumerate(result["organizations"]):
        node = add("organization", n, org["text"], org, "Matches" if org["iri"] else "New", org["iri"])
        if org.get("kind"):
            g.add((node, M.proposedKind, URIRef(org["kind"])))
        if org.get("region"):
            g.add((node, M.servesRegion, URIRef(org["region"])))
    for n, person in enumerate(result["persons"]):
        add("person", n, f"{person['name']} — {person['post']}", person, person_status(cat, person, day),
            person["organization"])
    for n, event in enumerate(result["events"]):
        add("event", n, f"{event['kind']} {event['date'] or ''} {event['place'] or ''}".strip(), event, "New")
    for n, reg in enumerate(result["regulations"]):
        add("regulation", n, reg["text"], reg, "Matches" if reg["iri"] else "New", reg["iri"])
    for n, fig in enumerate(result["figures"]):
        add("figure", n, fig["text"], fig, "New")
    return g
