"""Turn what a user typed into an IRI: an IRI, a label, an abbreviation or a near miss.

Names are compared as words, not characters. Both the typed text and every
name in the data are cut into words and rewritten with the table in
``graph/names.tsv`` (``Kanim`` becomes ``kantor imigrasi``, ``Kalsel``
becomes ``kalimantan selatan``), so an abbreviation matches only as a whole
word. Each word weighs by how rare it is among all names (a town counts
more than ``kantor``). A name is accepted only when it explains every word
of the query and no other name comes close; a word may carry a typo.
Anything else raises :class:`graph.errors.NameNotFound` with candidates.

>>> from graph.queries.lookup import open_lookup
>>> resolve(open_lookup(), "Kanim Batulicin", {"agency"})
'https://w3id.org/mandat/id/kanim-batulicin'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from graph import ns
from graph.errors import InputError, NameNotFound
from graph.queries.lookup import Lookup

TABLE = Path(__file__).with_name("names.tsv")
MARGIN = 20        # the best name must beat the next by this many points (0-100) ...
SUGGEST = 5        # ... candidates at or above this are shown in "did you mean" (low: with many
                   # offices of one kind their shared words weigh little)
TYPO = 80          # a word this similar (0-100, by edits) to a known word is read as that word
KIND_WORDS = {"agency": ("instansi", "agency"), "step": ("tahap", "step"),
              "region": ("wilayah", "region"), "regulation": ("peraturan", "regulation"),
              "person": ("orang", "person")}


@dataclass(frozen=True)
class NameRecord:
    """What the resolver knows of one entity: its names and when it existed."""

    iri: str
    kind: str
    labels: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None

    def exists(self, day: date) -> bool:
        """True when the entity existed on ``day`` (the end is excluded).

        >>> NameRecord("x", "agency", ("X",), end=date(2024, 10, 21)).exists(date(2024, 10, 21))
        False
        """
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Candidate(NamedTuple):
    """One entity a text may name: ``complete`` when its name explains every query word."""

    iri: str
    score: float
    matched: str
    complete: bool
    label: str
    exact: bool = False     # the name's words are the query's words (typos read as known words)


def name_records(cat: Lookup) -> list[NameRecord]:
    """The name records of every named entity of the graph, in IRI order.

    Labels come Indonesian first, then other languages, alternative labels and
    the IRI's local part, so the same data gives the same record on any store.
    """
    return [NameRecord(e.iri, e.kind, tuple(dict.fromkeys(
                [e.labels[lang] for lang in sorted(e.labels, key=lambda lang: (lang != "id", lang))]
                + sorted(e.alt_labels) + [ns.shorten(e.iri).split(":", 1)[-1]])),
                       tuple(sorted(e.abbreviations)), e.valid.start, e.valid.end)
            for e in sorted(cat.entities.values(), key=lambda e: e.iri) if e.labels]


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, other punctuation to spaces, single spaces.

    >>> normalise("  Kanwil  Kemenkumham-Kalsel's ")
    'kanwil kemenkumham kalsels'
    """
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"['’]", "", text.casefold())).split())


@lru_cache(maxsize=1)
def expansions() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The table of ``graph/names.tsv``: a form's words to the words it stands for.

    >>> expansions()[("kanim",)]
    ('kantor', 'imigrasi')
    """
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, _, words = line.partition("\t")
            table[tuple(form.split())] = tuple(words.split())
    return table


def expand(tokens: list[str]) -> tuple[str, ...]:
    """Rewrite whole words with the table, the longest form first.

    >>> expand("kanwil ditjen imigrasi kalsel".split())
    ('kantor', 'wilayah', 'direktorat', 'jenderal', 'imigrasi', 'kalimantan', 'selatan')
    >>> expand(["semarang"])
    ('semarang',)
    """
    table, longest = expansions(), max(len(form) for form in expansions())
    out, i = [], 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            form = tuple(tokens[i:i + size])
            if form in table:
                out.extend(table[form])
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


def words(text: str) -> frozenset[str]:
    """The meaningful words of a name after expansion.

    >>> sorted(words("Polres Tanbu"))
    ['bumbu', 'kepolisian', 'resor', 'tanah']
    """
    return frozenset(expand(normalise(text).split()))


REGION_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ", "Provinsi ")


def bare_names(rec: NameRecord) -> list[str]:
    """A region's labels without the word for its kind, as people write them.

    >>> bare_names(NameRecord("x", "region", ("Kota Administrasi Jakarta Pusat", "Kota Bandung")))
    ['Jakarta Pusat', 'Bandung']
    """
    if rec.kind != "region":
        return []
    return [label[len(p):] for label in rec.labels
            for p in (next((p for p in REGION_PREFIXES if label.startswith(p)), None),) if p]


class NameIndex:
    """Every name of a list of records as words, with a rarity weight for each word."""

    def __init__(self, records: list[NameRecord]):
        self.records = {r.iri: r for r in records}
        self.names = [(r.iri, name, words(name)) for r in records
                      for name in dict.fromkeys((*r.labels, *r.abbreviations, *bare_names(r)))]
        self.known = {w for r in records for name in (*r.labels, *r.abbreviations)
                      for w in normalise(name).split()} | {w for form, out in expansions().items()
                                                           for w in (*form, *out)}
        self.vocabulary = sorted(self.known)
        per_record: dict[str, set[str]] = {}
        for iri, _, ws in self.names:
            per_record.setdefault(iri, set()).update(ws)
        self.weight = {kind: rarity([per_record.get(r.iri, set()) for r in records if r.kind == kind])
                       for kind in {r.kind for r in records}}

    def query(self, text: str) -> tuple[frozenset[str], float]:
        """The query's words, with typos read as known words, and a factor for the typos."""
        tokens, factor = join_split_words(normalise(text).split(), self.known), 1.0
        for i, tok in enumerate(tokens):
            if tok not in self.known and len(tok) >= 5 and tok.isalpha():
                fixed = nearest(tok, self.vocabulary)
                if fixed is not None:
                    tokens[i], factor = fixed[0], factor * fixed[1] / 100
        return frozenset(expand(tokens)), factor

    def rank(self, text: str, kinds: set[str] | None = None) -> list[Candidate]:
        """Candidates best first: (score desc, label, IRI), one per entity with a word in common."""
        query, factor = self.query(text)
        if not query:
            return []
        best: dict[str, tuple[bool, float, str]] = {}
        for iri, name, tokens in self.names:
            rec = self.records[iri]
            if kinds and rec.kind not in kinds or not query & tokens:
                continue
            found = (query <= tokens, score(query, tokens, self.weight[rec.kind]) * factor, name,
                     query == tokens)
            if found[:2] > best.get(iri, (False, -1.0, "", False))[:2]:
                best[iri] = found
        cands = [Candidate(iri, round(score, 1), name, complete, self.records[iri].labels[0], exact)
                 for iri, (complete, score, name, exact) in best.items()]
        return sorted(cands, key=lambda c: (-c.score, c.label, c.iri))


def rarity(word_sets: list[set[str]]) -> dict[str, float]:
    """A weight per word: high for words in few of the sets (IDF); ``None`` keys an unknown word.

    >>> w = rarity([{"kantor", "batulicin"}, {"kantor", "banjarmasin"}])
    >>> w["batulicin"] > w["kantor"], round(w[None], 2)
    (True, 1.1)
    """
    df = Counter(w for ws in word_sets for w in ws)
    weights: dict = {w: math.log(1 + len(word_sets) / n) for w, n in df.items()}
    weights[None] = math.log(1 + len(word_sets))
    return weights


def score(query: frozenset[str], tokens: frozenset[str], weight: dict) -> float:
    """Weighted Jaccard of two word sets times the share of the query explained, 0-100.

    Shared rare words count most; a query word left unexplained costs twice.

    >>> score(frozenset({"a", "b"}), frozenset({"a"}), {"a": 1.0, "b": 3.0, None: 4.0})
    6.25
    """
    def mass(ws):  # fsum: the same total whatever order the set iterates in (no hash-seed ties)
        return math.fsum(weight.get(w, weight[None]) for w in ws)
    shared = mass(query & tokens)
    return 100 * shared / mass(query | tokens) * shared / mass(query)


def join_split_words(tokens: list[str], known: set[str]) -> list[str]:
    """Join two neighbours that make a known word when either alone is unknown.

    >>> join_split_words(["pangkal", "pinang"], {"pangkalpinang"})
    ['pangkalpinang']
    """
    out: list[str] = []
    for tok in tokens:
        if out and out[-1] + tok in known and (out[-1] not in known or tok not in known):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def nearest(word: str, vocabulary: list[str]) -> tuple[str, float] | None:
    """The known word closest to ``word`` (a swap of two letters is one edit), if a likely typo.

    >>> nearest("prtaama", ["pertama", "pratama"])
    ('pratama', 85.7)
    """
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    hit = process.extractOne(word, vocabulary, scorer=DamerauLevenshtein.normalized_similarity,
                             score_cutoff=TYPO / 100)
    return (hit[0], round(hit[1] * 100, 1)) if hit else None


def index_of(cat: Lookup) -> NameIndex:
    """The name index of the store, read from its side file when the store's content (its load
    stamp) and the names table are unchanged, else built from every entity once and kept."""
    index = cat.__dict__.get("_name_index")
    if index is None:
        import hashlib

        from graph.cache import cache_dir, read_pickle, write_pickle

        key = hashlib.sha256(f"{cat.store.spec}|{cat.store.stamp()}|".encode() + TABLE.read_bytes())
        path = cache_dir() / f"names-{key.hexdigest()[:32]}.pickle"
        index = read_pickle(path, NameIndex)
        if index is None:
            index = NameIndex(name_records(cat))
            write_pickle(path, index)
        cat.__dict__["_name_index"] = index
    return index


def rank(cat: Lookup, text: str, kinds: set[str] | None, limit: int) -> list[Candidate]:
    """The best ``limit`` candidates for ``text`` among entities of ``kinds``."""
    return index_of(cat).rank(text, kinds)[:limit]


def choose(cands: list[Candidate], index: NameIndex, day: date | None) -> list[Candidate]:
    """The candidates ``text`` may mean: one when the choice is clear.

    Only candidates that explain every query word count. A single exact name
    (its words are the query's, typos read as the words they stand for) wins; otherwise, on ``day``, those that existed then are preferred, and
    every one within MARGIN of the best is kept.
    """
    complete = [c for c in cands if c.complete]
    exact = [c for c in complete if c.exact]
    if len(exact) == 1:
        return exact
    if day is not None:
        complete = [c for c in complete if index.records[c.iri].exists(day)] or complete
    return [c for c in complete if c.score > complete[0].score - MARGIN] if complete else []


def resolve(cat: Lookup, text: str, kinds: set[str], lang: str = "id", day: date | None = None) -> str:
    """The IRI that ``text`` names among entities of ``kinds`` (existing on ``day`` first)."""
    iri = ns.expand(text.strip())
    if iri is not None:
        ent = cat.entities.get(iri)
        if ent is not None and ent.kind in kinds:
            return iri
        raise NameNotFound(f"'{text}' is not a known {describe(kinds, lang)} IRI; "
                           "try 'mandat search' to find it")
    index = index_of(cat)
    cands = index.rank(text, kinds)
    close = choose(cands, index, day)
    if len(close) == 1:
        return close[0].iri
    if close:
        shown = ", ".join(f"'{cat.label(c.iri, lang)}' ({ns.shorten(c.iri)})" for c in close[:5])
        raise NameNotFound(f"'{text}' matches more than one {describe(kinds, lang)}: {shown}; "
                           "give a fuller name or the IRI", [candidate(cat, c, lang) for c in close[:5]])
    near = [c for c in cands if c.score >= SUGGEST][:5]
    hint = "; did you mean: " + ", ".join(f"'{cat.label(c.iri, lang)}'" for c in near) if near else ""
    raise NameNotFound(f"no {describe(kinds, lang)} matches '{text}'{hint}",
                       [candidate(cat, c, lang) for c in near])


def candidate(cat: Lookup, cand: Candidate, lang: str) -> dict:
    """The JSON form of a candidate in an error."""
    return {"iri": cand.iri, "label": cat.label(cand.iri, lang), "matched": cand.matched,
            "score": cand.score}


def describe(kinds: set[str], lang: str) -> str:
    """The kinds in words, e.g. 'instansi/wilayah'."""
    words_ = [KIND_WORDS[k][0 if lang == "id" else 1] for k in sorted(kinds)]
    return "/".join(words_)


def parse_day(text: str | None, cat: Lookup | None = None) -> date:
    """An ``--as-of`` value as a date (today when empty), checked against the data.

    >>> parse_day("2023-06-21")
    datetime.date(2023, 6, 21)
    """
    if not text:
        return date.today()
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2024-10-21") from None
    if cat is not None and not cat.dated_by(day) and cat.earliest:
        raise InputError(f"{day.isoformat()} is before any data (the earliest dated fact is "
                         f"{cat.earliest.isoformat()}); choose a later --as-of")
    return day
