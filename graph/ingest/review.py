"""The review file: candidates as Turtle in the project's ontology, built with rdflib terms
(never by pasting text into Turtle), each marked new, matching or contradicting."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from graph.queries.lookup import Lookup

REVIEW = "https://w3id.org/mandat/review/"
HEADER = ("# Review file written by 'mandat ingest'. A working file for a reviewer, not project data.\n"
          "# Each mandat:Candidate is marked mandat:New, mandat:Matches or mandat:Contradicts.\n"
          "# To reject a candidate, set its mandat:reviewStatus to mandat:Rejected; then run\n"
          "# 'mandat ingest --apply THIS.ttl'. Quotes (mandat:quote) are never merged into data/.\n\n")


def person_status(cat: Lookup, person: dict, day: str | None) -> str:
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


PREFIXES = {"mandat": "https://w3id.org/mandat/ontology#", "dct": "http://purl.org/dc/terms/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#"}


def clean(value: str | None) -> str | None:
    """A metadata value without control characters (they never reach the review file)."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", value) if value else value


def candidates(result: dict, text: str, cat: Lookup):
    """(node IRI, [(predicate, (form, value)), ...]) for every candidate, one candidate at a time.
    A predicate is a prefixed name; form is "iri", "str" or "int". :func:`review_graph` makes rdflib
    terms of them; :func:`write_review` writes them through rdflib's own escaping."""
    source, day = (clean(result["source"].get(k)) for k in ("url", "date"))
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    statuses: dict = {}
    extra = ([("dct:source", ("str", source))] if source else []) + ([("dct:date", ("str", day))] if day else [])

    def node(kind: str, n: int, label: str, item: dict, status: str, link: str | None = None, more=()):
        a, b = item["sentence"]
        pairs = [("rdf:type", ("iri", M + "Candidate")), ("mandat:candidateKind", ("str", kind)),
                 ("rdfs:label", ("str", label)), ("mandat:reviewStatus", ("iri", M + status)),
                 ("mandat:quote", ("str", text[a:b])), ("mandat:charStart", ("int", item["start"])),
                 ("mandat:charEnd", ("int", item["end"]))]
        if link:
            pairs.append(("mandat:linksTo", ("iri", link)))
        return f"{REVIEW}{digest}/{kind}-{n}", pairs + extra + list(more)

    for n, org in enumerate(result["organizations"]):
        more = ([("mandat:proposedKind", ("iri", org["kind"]))] if org.get("kind") else []) + \
               ([("mandat:servesRegion", ("iri", org["region"]))] if org.get("region") else [])
        yield node("organization", n, org["text"], org, "Matches" if org["iri"] else "New", org["iri"], more)
    for n, person in enumerate(result["persons"]):
        key = (person["name"], person["post"], person["organization"], person.get("organization_text"))
        if key not in statuses:
            statuses[key] = person_status(cat, person, day)
        yield node("person", n, f"{person['name']} — {person['post']}", person, statuses[key], person["organization"])
    for n, event in enumerate(result["events"]):
        yield node("event", n, f"{event['kind']} {event['date'] or ''} {event['place'] or ''}".strip(), event, "New")
    for n, reg in enumerate(result["regulations"]):
        yield node("regulation", n, reg["text"], reg, "Matches" if reg["iri"] else "New", reg["iri"])
    for n, fig in enumerate(result["figures"]):
        yield node("figure", n, fig["text"], fig, "New")


M = PREFIXES["mandat"]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return RDF_TYPE if curie == "rdf:type" else PREFIXES[prefix] + local


def review_graph(result: dict, text: str, cat: Lookup):
    """An rdflib Graph of every candidate with its provenance (the same triples :func:`write_review` writes)."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    for subject, pairs in candidates(result, text, cat):
        for predicate, (form, value) in pairs:
            obj = URIRef(value) if form == "iri" else Literal(value, datatype=XSD.integer) if form == "int" \
                else Literal(value)
            g.add((URIRef(subject), URIRef(expand(predicate)), obj))
    return g


class Terms:
    """Turtle text of terms, written by rdflib (which escapes quotes, backslashes and line breaks) and
    remembered, as an article's sentences and offices repeat across its candidates."""

    def __init__(self):
        from rdflib import Literal, URIRef

        self.literal, self.uri, self.seen = Literal, URIRef, {}

    def __call__(self, form: str, value) -> str:
        if form == "int":
            return str(int(value))
        key = (form, value)
        out = self.seen.get(key)
        if out is None:
            if len(self.seen) > 100_000:
                self.seen.clear()
            out = self.seen[key] = self.make(form, value)
        return out

    def make(self, form: str, value) -> str:
        if form == "str":
            return self.literal(value).n3()
        for prefix, base in PREFIXES.items():
            if value.startswith(base) and re.fullmatch(r"[A-Za-z][\w-]*", value[len(base):]):
                return f"{prefix}:{value[len(base):]}"
        return self.uri(value).n3()


def write_review(results: list[tuple[dict, str]], handle, cat: Lookup, header: str = "") -> int:
    """Stream the review Turtle of each (result, text) to ``handle``, one candidate at a time, so that
    memory does not grow with the article; returns the number of candidates written."""
    handle.write(header)
    for prefix, base in PREFIXES.items():
        handle.write(f"@prefix {prefix}: <{base}> .\n")
    from rdflib import URIRef

    term, count = Terms(), 0
    for result, text in results:
        for subject, pairs in candidates(result, text, cat):
            body = " ;\n    ".join(("a" if p == "rdf:type" else p) + " " + term(*o) for p, o in pairs)
            handle.write(f"\n<{URIRef(subject)}> {body} .\n")
            count += 1
    return count
