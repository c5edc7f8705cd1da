"""Loading in one place: find the Turtle files, read them once, parse, check, derive, stamp.

Every store is filled by :func:`fill_store` (memory and ``oxigraph:PATH``) or
from :func:`parsed_triples` (``sparql:URL``), and every store derives the same
triples afterwards (:data:`DERIVE`, one CONSTRUCT; a server runs it as
:func:`derive_update`). The derived triples go into their own named graph,
:data:`DERIVED_GRAPH`, so that the data's default graph holds exactly what the
files say.

>>> store = fill_store(read_sources(all_files()))
>>> len(store) > 1000
True
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date, datetime
from pathlib import Path

from graph.errors import InputError, UnreadableData, warn

LOAD_FORMAT = "load-v8"          # part of the content key: change it when loading changes
PACKAGE_DIR = Path(__file__).resolve().parent
DERIVED_GRAPH = "https://w3id.org/mandat/graph/derived"
DERIVE = (PACKAGE_DIR / "derive.rq").read_text()
ILL_TYPED = (PACKAGE_DIR / "ill-typed.rq").read_text()
LOAD_THREADS = min(4, os.cpu_count() or 1)   # large data: files loaded side by side (100k units on
PARALLEL_BYTES = 8 << 20                      # 2 cores: 6 s, not 8); the shipped data loads faster alone


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
    """A hash of the names and contents of the read files (and the load format): the
    memory store's load stamp."""
    digest = hashlib.sha256(LOAD_FORMAT.encode())
    for path, data in sources:
        digest.update(str(path.name).encode())
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:32]


# -- parsing and its faults ----------------------------------------------------------------

def parsed_file(path: Path, data: bytes):
    """One file parsed by pyoxigraph into a list of triples; a syntax error names the file and line.

    >>> len(parsed_file(Path("x.ttl"), b"<urn:a> <urn:b> <urn:c> ."))
    1
    """
    import pyoxigraph as ox

    try:
        return list(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
    except SyntaxError as err:
        raise UnreadableData(f"{path}:{syntax_line(err)}: malformed Turtle: {syntax_reason(err)}; "
                             "fix the file at that line") from None
    except (UnicodeDecodeError, ValueError) as err:
        raise UnreadableData(f"{path}: cannot be read as Turtle ({err}); fix or remove the file") from None


def syntax_line(err: SyntaxError) -> int:
    """The 1-based line of a pyoxigraph syntax error."""
    found = re.search(r"line (\d+)", str(err))
    return int(found.group(1)) if found else (err.lineno or 1)


def syntax_reason(err: SyntaxError) -> str:
    """The parser's reason without its position."""
    text = str(err)
    text = re.sub(r"^Parser error at line \d+ between columns \d+ and \d+: ", "", text)
    return re.sub(r" \(line \d+\)$", "", text.strip())


XSD = "http://www.w3.org/2001/XMLSchema#"
LEXICAL_CHECKS = {
    "date": lambda v: date.fromisoformat(v) and re.fullmatch(r"-?\d{4,}-\d\d-\d\d", v),
    "dateTime": lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")),
    "gYear": lambda v: re.fullmatch(r"-?\d{4,}", v),
    "gYearMonth": lambda v: re.fullmatch(r"-?\d{4,}-(0[1-9]|1[0-2])", v),
    "integer": lambda v: re.fullmatch(r"[+-]?\d+", v),
    "decimal": lambda v: re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", v),
    "boolean": lambda v: v in ("true", "false", "1", "0"),
}


def term_faults(triples, text: str) -> list[tuple[int, str]]:
    """The ill-typed literals of a parsed file (``"2024-02-30"^^xsd:date``), with the line of each.

    >>> term_faults(parsed_file(Path("x.ttl"), b'<urn:a> <urn:b> "2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .'), "")
    [(1, '"2024-02-30" is not a valid xsd:date; write a real value of that type')]
    """
    faults = {}
    for triple in triples:
        lit = triple.object
        kind = getattr(lit, "datatype", None)
        check = LEXICAL_CHECKS.get(kind.value[len(XSD):]) if kind is not None and kind.value.startswith(XSD) else None
        if check is not None and lit.value not in faults and not valid_lexical(check, lit.value):
            faults[lit.value] = (line_of(text, f'"{lit.value}"'),
                                 f'"{lit.value}" is not a valid xsd:{kind.value[len(XSD):]}; '
                                 "write a real value of that type")
    return sorted(faults.values())


def valid_lexical(check, value: str) -> bool:
    try:
        return bool(check(value))
    except ValueError:
        return False


def line_of(text: str, needle: str) -> int:
    r"""The 1-based line where ``needle`` first stands in ``text`` (1 when it does not).

    >>> line_of("a\nb c\n", "c")
    2
    """
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def file_faults(path: Path, data: bytes) -> tuple[list, list[tuple[int, str]]]:
    """A file's triples and its term faults (line, 'what; what to do')."""
    triples = parsed_file(path, data)
    return triples, term_faults(triples, data.decode("utf-8", "replace"))


def parsed_triples(sources: list[tuple[Path, bytes]]):
    """Every file's triples, in file order; the first fault found raises UnreadableData
    (naming the file, line and how many more there are)."""
    for path, data in sources:
        triples, faults = file_faults(path, data)
        if faults:
            more = f" (and {len(faults) - 1} more; 'mandat validate' lists them)" if len(faults) > 1 else ""
            line, message = faults[0]
            raise UnreadableData(f"{path}:{line}: {message}{more}")
        yield path, triples


def fill_store(sources: list[tuple[Path, bytes]], target=None):
    """A pyoxigraph store (in memory unless ``target`` is given) holding the files, derived.

    pyoxigraph parses and loads each file itself; the ill-typed literals are
    then found by one query, unless the files' text already shows there are none
    (:func:`typed_literals_valid`). Any fault raises UnreadableData naming the
    file and line, and the caller throws the store away (an on-disk load fills a
    new version folder, which is then removed): nothing half-loaded is kept.
    """
    from concurrent.futures import ThreadPoolExecutor     # not on every command's start-up path

    import pyoxigraph as ox

    store = target if target is not None else ox.Store()
    threads = LOAD_THREADS if sum(len(data) for _, data in sources) > PARALLEL_BYTES else 1
    with ThreadPoolExecutor(threads) as pool:           # the first fault in file order is raised
        for _ in pool.map(lambda source: bulk_load(store, *source), sources):
            pass
    if not all(typed_literals_valid(data) for _, data in sources):
        bad = [row["literal"] for row in store.query(ILL_TYPED)]
        if bad:
            raise ill_typed_error(sources, bad)
    derive(store)
    return store


def bulk_load(store, path: Path, data: bytes) -> None:
    """Load one file into a pyoxigraph store; a syntax error names the file and line. Files are
    loaded side by side (pyoxigraph's bulk loader takes them in parallel)."""
    import pyoxigraph as ox

    try:
        store.bulk_load(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    except SyntaxError as err:
        raise UnreadableData(f"{path}:{syntax_line(err)}: malformed Turtle: {syntax_reason(err)}; "
                             "fix the file at that line") from None
    except (UnicodeDecodeError, ValueError) as err:
        raise UnreadableData(f"{path}: cannot be read as Turtle ({err}); fix or remove the file") from None


def derive(store) -> None:
    """Add the triples :data:`DERIVE` constructs to the derived graph of a pyoxigraph store."""
    import pyoxigraph as ox

    graph = ox.NamedNode(DERIVED_GRAPH)
    store.bulk_extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in store.query(DERIVE)])


def derive_update(source: str, derived: str) -> str:
    """:data:`DERIVE` as a SPARQL Update reading the graph ``source`` and writing ``derived`` (a
    server's data sits in a named graph).

    >>> print(derive_update("urn:g", "urn:d").splitlines()[-3])
    INSERT { GRAPH <urn:d> { ?unit org:subOrganizationOf ?parent } }
    """
    head, where = DERIVE.split("\nWHERE", 1)
    prologue, template = head.split("\nCONSTRUCT", 1)
    return f"{prologue}\nINSERT {{ GRAPH <{derived}> {template.strip()} }}\nUSING <{source}>\nWHERE{where}"


# A typed literal as the text of a data file writes it most often: "text"^^xsd:type, the text
# with no quote, backslash or line break.
SIMPLE_TYPED = re.compile(rb'"([^"\\\n]*)"\^\^(?:xsd:(\w+)|<http://www\.w3\.org/2001/XMLSchema#(\w+)>)')


def typed_literals_valid(data: bytes) -> bool:
    """True when the text shows every typed literal of a file valid: each ``^^`` belongs to a
    simple literal (its opening quote not part of a longer quote or an escape) whose text is a
    value of its type. False when one is not, or when some ``^^`` is written otherwise (then the
    store's exact query decides); it never reports.

    >>> typed_literals_valid(b'<urn:a> <urn:b> "2024-02-28"^^xsd:date .')
    True
    >>> long = b'"' * 3 + b"2024-02-28" + b'"' * 3
    >>> [typed_literals_valid(t) for t in (b'"2024-02-30"^^xsd:date', long + b"^^xsd:date", b'"2024-02-28"^^x:date')]
    [False, False, False]
    """
    found = 0
    for match in SIMPLE_TYPED.finditer(data):
        check = LEXICAL_CHECKS.get((match.group(2) or match.group(3)).decode())
        if data[match.start() - 1:match.start()] in (b'"', b"'", b"\\") or (
                check is not None and not valid_lexical(check, match.group(1).decode("utf-8", "replace"))):
            return False
        found += 1
    return found == data.count(b"^^")


def ill_typed_error(sources: list[tuple[Path, bytes]], literals: list) -> UnreadableData:
    """One line naming the first ill-typed literal's file and line, and how many more there are."""
    found = []
    for path, data in sources:
        text = data.decode("utf-8", "replace")
        found += [(str(path), line_of(text, quoted), lit) for lit in literals
                  for quoted in (f'"{lit.value}"', f"'{lit.value}'") if quoted in text]
    path, line, lit = min(found, key=lambda f: (f[0], f[1])) if found else ("(data)", 1, literals[0])
    more = f" (and {len(literals) - 1} more; 'mandat validate' lists them)" if len(literals) > 1 else ""
    kind = lit.datatype.value.rsplit("#", 1)[-1]
    return UnreadableData(f'{path}:{line}: "{lit.value}" is not a valid xsd:{kind}; '
                          f"write a real value of that type{more}")


def load_graph(data_dirs=None):
    """The ontology plus the data as one rdflib Graph (for SHACL validation and RDF export).

    >>> len(load_graph()) > 1000
    True
    """
    from rdflib import Graph

    graph = Graph()
    for _, triples in parsed_triples(read_sources(all_files(data_dirs))):
        graph += rdflib_graph(triples)
    return graph


def rdflib_graph(triples):
    """pyoxigraph triples as an rdflib Graph."""
    import logging

    from rdflib import BNode, Graph, Literal, URIRef

    # rdflib logs a traceback for every ill-typed literal it builds; those faults are reported
    # once, with their line, by term_faults.
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
    graph = Graph()
    for t in triples:
        graph.add(tuple(rdflib_term(x, URIRef, Literal, BNode) for x in (t.subject, t.predicate, t.object)))
    return graph


def rdflib_term(term, URIRef, Literal, BNode):
    """A pyoxigraph term as an rdflib term."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
