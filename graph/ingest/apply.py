"""``mandat ingest --apply REVIEW.ttl``: merge reviewed candidates into the data, or change nothing.

What is merged: persons with their post (a ``mandat:Tenure`` starting on the
article's date) whose candidate is new and linked to an agency, and events
(``mandat:Event``), each sourced to a new ``mandat:NewsArticle`` node for the
article. Rejected candidates (``mandat:reviewStatus mandat:Rejected``) and the
quoted sentences are never merged. The new facts go into a new file in the data
folder, written to a temporary file, validated together with everything else,
and renamed into place only when validation passes.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from graph.errors import InputError

MD = "https://w3id.org/mandat/id/"
SAFE_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "x"


def review_slug(review) -> str:
    """A short name for the merged file from the article's address and date.

    >>> from rdflib import Graph
    >>> review_slug(Graph())
    'article'
    """
    from rdflib.namespace import DCTERMS

    url = next((str(o) for o in review.objects(None, DCTERMS.source)), "")
    day = next((str(o) for o in review.objects(None, DCTERMS.date)), "")
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    name = slug(f"{host} {day}")[:40]
    return "article" if name == "x" else name


def read_review(path: str):
    from rdflib import Graph

    try:
        return Graph().parse(path, format="turtle")
    except Exception as err:  # rdflib raises several parser error types
        raise InputError(f"{path}: not a readable review file ({err}); give the Turtle written by 'mandat ingest -o'") from None


def merged_graph(review) -> tuple[object, int]:
    """The facts to add, as an rdflib Graph, and how many candidates they come from."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, FOAF, XSD

    M = Namespace("https://w3id.org/mandat/ontology#")
    ORG = Namespace("http://www.w3.org/ns/org#")
    TIME = Namespace("http://www.w3.org/2006/time#")
    SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
    out, used = Graph(), 0
    for candidate in sorted(review.subjects(RDF.type, M.Candidate)):
        status, kind = review.value(candidate, M.reviewStatus), str(review.value(candidate, M.candidateKind))
        if status != M.New or kind not in ("person", "event"):
            continue
        label = str(review.value(candidate, RDFS.label))
        day = review.value(candidate, DCTERMS.date)
        source_text = str(review.value(candidate, DCTERMS.source) or "article")
        source = URIRef(MD + "src-ingested-" + hashlib.sha1(f"{source_text}|{day}".encode()).hexdigest()[:10])
        out.add((source, RDF.type, M.NewsArticle))
        out.add((source, DCTERMS.title, Literal(source_text)))
        out.add((source, DCTERMS.publisher, Literal(source_text.split(" ")[0])))
        if SAFE_URL.match(source_text):
            out.add((source, FOAF.page, URIRef(source_text)))
        if day:
            out.add((source, DCTERMS.date, Literal(str(day))))
        if kind == "person":
            org = review.value(candidate, M.linksTo)
            name = label.split(" — ")[0]
            if org is None or not day:
                continue
            person = URIRef(MD + "person-" + slug(name))
            tenure = URIRef(MD + f"tenure-{slug(name)}-{str(org).rsplit('/', 1)[-1]}-{slug(str(day))}")
            out.add((person, RDF.type, M.Person))
            out.add((person, FOAF.name, Literal(name)))
            for lang in ("id", "en"):
                out.add((person, SKOS.prefLabel, Literal(name, lang=lang)))
            out.add((person, DCTERMS.source, source))
            interval, instant = URIRef(str(tenure) + "-period"), URIRef(str(tenure) + "-start")
            out.add((tenure, RDF.type, M.Tenure))
            out.add((tenure, ORG.member, person))
            out.add((tenure, ORG.organization, org))
            out.add((tenure, ORG.role, URIRef(MD + "role-kepala")))
            out.add((tenure, ORG.memberDuring, interval))
            out.add((interval, RDF.type, TIME.Interval))
            out.add((interval, TIME.hasBeginning, instant))
            out.add((instant, RDF.type, TIME.Instant))
            precision = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(str(day)), XSD.date)
            prop = {XSD.gYear: TIME.inXSDgYear, XSD.gYearMonth: TIME.inXSDgYearMonth}.get(precision, TIME.inXSDDate)
            out.add((instant, prop, Literal(str(day), datatype=precision)))
            out.add((tenure, DCTERMS.source, source))
        else:
            event = URIRef(MD + "event-ingested-" + hashlib.sha1(str(candidate).encode()).hexdigest()[:10])
            out.add((event, RDF.type, M.Event))
            for lang in ("id", "en"):
                out.add((event, SKOS.prefLabel, Literal(label, lang=lang)))
            if day:
                out.add((event, DCTERMS.date, Literal(str(day))))
            out.add((event, DCTERMS.source, source))
        used += 1
    return out, used


def apply_review(review_path: str, data_dir: Path, files_before: list[Path], shapes: Path) -> tuple[Path, int]:
    """Write the merged facts into ``data_dir`` only if the whole data still validates."""
    from graph.validate import validate

    review = read_review(review_path)
    facts, used = merged_graph(review)
    if used == 0:
        raise InputError(f"{review_path}: nothing to merge (no new person or event candidate that is not rejected)")
    target = data_dir / f"ingested-{review_slug(review)}-{hashlib.sha1(Path(review_path).read_bytes()).hexdigest()[:6]}.ttl"
    if target.exists():
        raise InputError(f"{target}: this review was already merged; nothing changed")
    fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".ingest-", suffix=".ttl.tmp")
    os.close(fd)
    try:
        header = f"# Facts merged by 'mandat ingest --apply' from {Path(review_path).name}; review them like any data.\n"
        Path(tmp).write_text(header + facts.serialize(format="turtle"), encoding="utf-8")
        report = validate(files_before + [Path(tmp)], shapes)
        if report.errors:
            first = report.errors[0].line()
            raise InputError(f"merging would break the data ({len(report.errors)} problem(s), first: {first}); "
                             "nothing was changed")
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return target, used
