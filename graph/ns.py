"""IRIs of the vocabularies mandat reads, as plain strings.

Plain strings (not rdflib terms): records key everything by IRI string. Which
classes are agencies, regions or steps is read from the ontology at query time
(graph/queries/lookup-classes.rq), never listed here.

>>> MANDAT + "Agency"
'https://w3id.org/mandat/ontology#Agency'
"""

MANDAT = "https://w3id.org/mandat/ontology#"
MD = "https://w3id.org/mandat/id/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TIME = "http://www.w3.org/2006/time#"
DCT = "http://purl.org/dc/terms/"
ELI = "http://data.europa.eu/eli/ontology#"
FOAF = "http://xmlns.com/foaf/0.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

RDF_TYPE = RDF + "type"

PREFIXES = {
    "md": MD, "mandat": MANDAT, "org": ORG, "prov": PROV, "skos": SKOS,
    "time": TIME, "dct": DCT, "eli": ELI, "foaf": FOAF, "rdf": RDF,
    "rdfs": RDFS, "xsd": XSD,
}

LEVELS = {MANDAT + "National": 1, MANDAT + "Provincial": 2, MANDAT + "RegencyLevel": 3}
CONFIDENCE = {MANDAT + "Unverified": "unverified", MANDAT + "WeakSource": "weak",
              MANDAT + "Verified": "verified"}


def shorten(iri: str) -> str:
    """Return a prefixed name for ``iri`` when a known prefix fits.

    >>> shorten("https://w3id.org/mandat/id/kanim-batulicin")
    'md:kanim-batulicin'
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and "/" not in iri[len(ns):] and "#" not in iri[len(ns):]:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def local_name(iri: str) -> str:
    """The last part of an IRI, after its ``#`` or last ``/``: a stable code.

    >>> local_name("https://w3id.org/mandat/ontology#TechnicalUnit")
    'TechnicalUnit'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def expand(name: str) -> str | None:
    """Return the full IRI of a prefixed name or IRI, or None when it is neither.

    >>> expand("md:kanim-batulicin")
    'https://w3id.org/mandat/id/kanim-batulicin'
    """
    if name.startswith(("http://", "https://")):
        return name
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and local and " " not in local:
        return PREFIXES[prefix] + local
    return None
