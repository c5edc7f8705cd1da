"""Loading in one place: find the Turtle files, parse them, cache the catalog.

A question calls :func:`load_catalog`. It hashes the content of the Turtle
files and, when a pickled catalog with that hash exists in the cache folder,
loads it without importing rdflib. Otherwise it parses the files with rdflib,
builds the catalog (:mod:`graph.catalog`) and writes the pickle atomically.

Commands that need the RDF itself (``sparql``, ``export``, ``validate``) call
:func:`load_graph`.

>>> cat = load_catalog()
>>> cat.label("https://w3id.org/mandat/id/kanim-batulicin")
'Kantor Imigrasi Kelas II TPI Batulicin'
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from contextlib import suppress
from pathlib import Path

from graph.errors import InputError, UnreadableData, warn

CACHE_FORMAT = "catalog-v6"
PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Where ``ontology`` or ``data`` lives: inside an installed wheel, or the checkout."""
    for candidate in (PACKAGE_DIR / "_resources" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"cannot find the {name}/ folder next to the mandat package; reinstall mandat")


def ontology_files() -> list[Path]:
    return sorted(resource_dir("ontology").glob("mandat.ttl"))


def shapes_file() -> Path:
    return resource_dir("ontology") / "shapes.ttl"


def data_files(data_dirs: tuple[str, ...] | list[str] | None = None) -> list[Path]:
    """The Turtle files of the given folders (or files), or of the shipped data.

    Entries named ``*.ttl`` that are not regular files (a folder, a broken
    link such as an editor's lock file) are skipped, and said so once.
    """
    if not data_dirs:
        return regular_files(sorted(resource_dir("data").glob("*.ttl")))
    files: list[Path] = []
    for entry in data_dirs:
        path = Path(entry)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = regular_files(sorted(path.rglob("*.ttl")))
            if not found:
                raise InputError(f"{entry}: no .ttl files in this folder; give a folder of Turtle files")
            files.extend(found)
        else:
            raise InputError(f"{entry}: no such file or folder")
    return files


def regular_files(paths: list[Path]) -> list[Path]:
    """The regular files among ``paths``; one warning names the others."""
    kept = [p for p in paths if p.is_file()]
    skipped = [str(p) for p in paths if not p.is_file()]
    if skipped:
        warn(f"skipped {len(skipped)} entr{'y' if len(skipped) == 1 else 'ies'} named *.ttl that "
             f"{'is' if len(skipped) == 1 else 'are'} not a regular file: {', '.join(skipped)}")
    return kept


def all_files(data_dirs=None) -> list[Path]:
    return ontology_files() + data_files(data_dirs)


def read_sources(files: list[Path]) -> list[tuple[Path, bytes]]:
    """Each file with its bytes, read once: what is hashed is exactly what is parsed."""
    sources = []
    for path in files:
        try:
            sources.append((path, path.read_bytes()))
        except OSError as err:
            raise UnreadableData(f"{path}: cannot be read ({err.strerror}); check the file's permissions") from None
    return sources


def content_key(sources: list[tuple[Path, bytes]]) -> str:
    """A hash of the names and contents of the read files (and the cache format)."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    for path, data in sources:
        digest.update(str(path.name).encode())
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:32]


def cache_dir() -> Path:
    base = os.environ.get("MANDAT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "mandat"


def parse_files(sources: list[tuple[Path, bytes]]):
    """Parse read Turtle files into one rdflib Graph; any fault names the file and line.

    A syntax error, an impossible literal (``"2024-02-30"^^xsd:date``) or an
    IRI that no parser should accept (with a space) raises UnreadableData.
    """
    from rdflib import Graph

    graph = Graph()
    for path, data in sources:
        part, faults = parse_turtle(path, data)
        if faults:
            more = f" (and {len(faults) - 1} more; 'mandat validate' lists them)" if len(faults) > 1 else ""
            line, message = faults[0]
            raise UnreadableData(f"{path}:{line}: {message}{more}")
        graph += part
    return graph


def parse_turtle(path: Path, data: bytes):
    """One file as (rdflib Graph, faults): each fault is (line, 'what; what to do').

    A file that does not parse at all raises UnreadableData.

    >>> g, faults = parse_turtle(Path("x.ttl"), b'<urn:a> <urn:b> "2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .')
    >>> faults
    [(1, '"2024-02-30" is not a valid xsd:date; write a real value of that type')]
    """
    import logging

    from rdflib import Graph
    from rdflib.plugins.parsers.notation3 import BadSyntax

    graph = Graph()
    # rdflib logs a traceback for every ill-typed literal, each time one is built (validate and
    # pySHACL copy the graph); these faults are reported once, below, with their line.
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
    try:
        graph.parse(data=data, format="turtle", publicID=path.resolve().as_uri())
    except BadSyntax as err:
        raise UnreadableData(f"{path}:{err.lines + 1}: malformed Turtle: {err._why}; "
                             "fix the file at that line") from None
    except (UnicodeDecodeError, ValueError) as err:
        raise UnreadableData(f"{path}: cannot be read as Turtle ({err}); fix or remove the file") from None
    return graph, term_faults(graph, data.decode("utf-8", "replace"))


BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def term_faults(graph, text: str) -> list[tuple[int, str]]:
    """The ill-typed literals and malformed IRIs of a parsed file, with the line of each."""
    from rdflib import Literal, URIRef

    faults = {}
    for term in {t for triple in graph for t in triple}:
        if isinstance(term, Literal) and term.ill_typed:
            kind = term.datatype.split("#")[-1]
            faults[term] = (line_of(text, f'"{term}"'),
                            f'"{term}" is not a valid xsd:{kind}; write a real value of that type')
        elif isinstance(term, URIRef) and BAD_IRI.search(term):
            faults[term] = (line_of(text, str(term)),
                            f"the IRI <{term}> contains a space or a character IRIs may not hold; "
                            "write it without them")
    return sorted(faults.values())


def line_of(text: str, needle: str) -> int:
    r"""The 1-based line where ``needle`` first stands in ``text`` (1 when it does not).

    >>> line_of("a\nb c\n", "c")
    2
    """
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def materialise(graph) -> None:
    """Add the plain ``org:subOrganizationOf`` entailed by each reporting line."""
    from rdflib import URIRef
    from graph import ns

    rdf_type, line = URIRef(ns.RDF_TYPE), URIRef(ns.MANDAT + "ReportingLine")
    unit, parent = URIRef(ns.MANDAT + "unit"), URIRef(ns.MANDAT + "parent")
    sub = URIRef(ns.ORG + "subOrganizationOf")
    for node in list(graph.subjects(rdf_type, line)):
        for u in graph.objects(node, unit):
            for p in graph.objects(node, parent):
                graph.add((u, sub, p))


def load_graph(data_dirs=None):
    """The ontology plus the data as one rdflib Graph, with entailed hierarchy links."""
    graph = parse_files(read_sources(all_files(data_dirs)))
    materialise(graph)
    return graph


STAMP_PREDICATE = "https://w3id.org/mandat/ontology#loadStamp"
MATERIALISE_UPDATE = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX mandat: <https://w3id.org/mandat/ontology#>
INSERT { ?unit org:subOrganizationOf ?parent }
WHERE { ?line a mandat:ReportingLine ; mandat:unit ?unit ; mandat:parent ?parent }"""


class Store:
    """What a store must do. Implementations live in :mod:`graph.stores`.

    ``spec`` names it (``memory``, ``oxigraph:PATH``, ``sparql:URL``);
    ``cache_key()`` changes whenever its content changes; ``triples()`` yields
    rdflib triples for the catalog; ``rdflib_graph()`` gives a Graph (for
    export); ``query(text)`` answers a read-only SPARQL query; ``load(files)``
    replaces the store's content with the files.
    """

    kind = "store"
    spec = ""

    def cache_key(self) -> str:
        raise NotImplementedError

    def triples(self):
        raise NotImplementedError

    def rdflib_graph(self):
        raise NotImplementedError

    def query(self, text: str, max_rows: int | None = None) -> dict:
        raise NotImplementedError

    def load(self, files, progress=None) -> int:
        raise NotImplementedError

    def dump(self, stream, fmt: str) -> None:
        """Write the whole graph to a binary stream as ttl, nt or jsonld."""
        from graph.queries.export import RDF_FORMATS

        self.rdflib_graph().serialize(destination=stream, format=RDF_FORMATS[fmt], encoding="utf-8")


def open_store(spec: str | None = None, data_dirs=None) -> Store:
    """The store named by ``spec`` (or ``$MANDAT_STORE``, default memory).

    >>> open_store("memory").kind
    'memory'
    """
    spec = spec or os.environ.get("MANDAT_STORE") or "memory"
    kind, _, where = spec.partition(":")
    if kind == "memory":
        from graph.stores.memory import MemoryStore

        return MemoryStore(data_dirs)
    if kind == "oxigraph" and where:
        from graph.stores.oxigraph import OxigraphStore

        return OxigraphStore(where)
    if kind == "sparql" and where:
        from graph.stores.sparql import SparqlStore

        return SparqlStore(where)
    raise InputError(f"unknown store '{spec}' (from --store or $MANDAT_STORE); "
                     "use memory, oxigraph:PATH or sparql:URL")


_MEMO: dict = {}


def load_catalog(data_dirs=None, store: Store | None = None):
    """The catalog of the ontology plus data, from the cache when the content is unchanged.

    With a non-memory ``store``, the catalog is built from the store's triples
    and cached under the store's own key (a load stamp), so a question on an
    oxigraph store does not even open it when the cache is warm.
    """
    if store is not None and store.kind != "memory":
        key = store.cache_key()
        build = lambda: store.triples()  # noqa: E731
        names: tuple[str, ...] = (store.spec,)
    else:
        sources = read_sources(all_files(data_dirs))
        key = content_key(sources)
        names = tuple(str(path) for path, _ in sources)

        def build():
            graph = parse_files(sources)
            materialise(graph)
            return graph
    if key in _MEMO:
        return _MEMO[key]
    path = cache_dir() / f"{key}.pickle"
    catalog = read_cache(path)
    if catalog is None:
        from graph.catalog import build_catalog

        catalog = build_catalog(build(), files=names)
        write_cache(path, catalog)
    _MEMO[key] = catalog
    return catalog


def read_cache(path: Path):
    """The pickled catalog, or None when there is none or it is damaged (then it is removed).

    The garbage collector is paused while unpickling: it would otherwise walk
    the growing heap again and again (half the load time).
    """
    import gc

    from graph.model import Catalog

    gc.disable()
    try:
        with open(path, "rb") as handle:
            catalog = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file: any unpickling error means "rebuild"
        catalog = None
    finally:
        gc.enable()
    if isinstance(catalog, Catalog):
        return catalog
    with suppress(OSError):
        path.unlink()
    return None


def write_cache(path: Path, catalog) -> None:
    """Write the pickle atomically; a cache that cannot be written (read-only or full
    disk, a cache folder that is a file) is skipped, and no temporary file is left."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(catalog, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            with suppress(OSError):
                os.remove(tmp)
