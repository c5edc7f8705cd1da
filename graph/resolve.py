"""Turn what a user typed into an IRI: an IRI, a label, an abbreviation or a near miss.

Exact matches (ignoring case and punctuation) win; otherwise rapidfuzz ranks
the names and a clear winner is accepted. Anything else raises
:class:`graph.errors.NameNotFound` with the best candidates.

>>> from graph.store import load_catalog
>>> resolve(load_catalog(), "Kanim Batulicin", {"agency"})
'https://w3id.org/mandat/id/kanim-batulicin'
"""

from __future__ import annotations

import re
from datetime import date

from graph import ns
from graph.errors import InputError, NameNotFound
from graph.model import Catalog

ACCEPT = 88        # a fuzzy score at or above this may be accepted ...
MARGIN = 6         # ... when the next different name scores this much lower
SUGGEST = 55       # candidates shown in "did you mean"
KIND_WORDS = {"agency": ("instansi", "agency"), "step": ("tahap", "step"),
              "region": ("wilayah", "region"), "regulation": ("peraturan", "regulation"),
              "person": ("orang", "person")}


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces.

    >>> normalise("  Kanwil  Kemenkumham-Kalsel ")
    'kanwil kemenkumham kalsel'
    """
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def names_of(cat: Catalog, kinds: set[str] | None) -> list[tuple[str, str]]:
    """Every (name, iri) pair of the entities of the given kinds."""
    key = "_names_" + ",".join(sorted(kinds or ()))
    cached = cat.__dict__.get(key)
    if cached is None:
        cached = []
        for ent in cat.entities.values():
            if kinds and ent.kind not in kinds:
                continue
            for name in {*ent.labels.values(), *ent.alt_labels, *ent.abbreviations}:
                cached.append((name, ent.iri))
            cached.append((ns.shorten(ent.iri).split(":", 1)[-1].replace("-", " "), ent.iri))
        cat.__dict__[key] = cached
    return cached


def rank(cat: Catalog, text: str, kinds: set[str] | None, limit: int = 10) -> list[tuple[str, float, str]]:
    """Candidates as (iri, score 0-100, matched name), best first, one row per IRI."""
    from rapidfuzz import fuzz, process

    pairs = names_of(cat, kinds)
    query = normalise(text)
    if not query:
        return []
    choices = [normalise(name) for name, _ in pairs]
    best: dict[str, tuple[float, str]] = {}
    for choice, score, idx in process.extract(query, choices, scorer=fuzz.WRatio,
                                              limit=max(50, limit * 5)):
        name, iri = pairs[idx]
        if choice == query:
            score = 100.0
        if score > best.get(iri, (-1, ""))[0]:
            best[iri] = (score, name)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], len(kv[1][1]), kv[0]))
    return [(iri, round(score, 1), name) for iri, (score, name) in ranked[:limit]]


def resolve(cat: Catalog, text: str, kinds: set[str], lang: str = "id") -> str:
    """The IRI that ``text`` names among entities of ``kinds``; raises NameNotFound."""
    iri = ns.expand(text.strip())
    if iri is not None:
        ent = cat.entities.get(iri)
        if ent is not None and ent.kind in kinds:
            return iri
        raise NameNotFound(f"'{text}' is not a known {describe(kinds, lang)} IRI; "
                           "try 'mandat search' to find it")
    query = normalise(text)
    exact = sorted({i for name, i in names_of(cat, kinds) if normalise(name) == query})
    if len(exact) == 1:
        return exact[0]
    ranked = rank(cat, text, kinds)
    if len(exact) > 1:
        cands = [c for c in ranked if c[0] in exact] or [(i, 100.0, text) for i in exact]
        raise ambiguous(cat, text, cands, kinds, lang)
    if ranked and ranked[0][1] >= ACCEPT:
        top = ranked[0][1]
        if len(ranked) == 1 or ranked[1][1] <= top - MARGIN:
            return ranked[0][0]
        close = [c for c in ranked if c[1] > top - MARGIN]
        raise ambiguous(cat, text, close, kinds, lang)
    cands = [c for c in ranked if c[1] >= SUGGEST][:5]
    hint = "; did you mean: " + ", ".join(f"'{cat.label(i, lang)}'" for i, _, _ in cands) if cands else ""
    raise NameNotFound(f"no {describe(kinds, lang)} matches '{text}'{hint}",
                       [candidate(cat, c, lang) for c in cands])


def ambiguous(cat, text, cands, kinds, lang) -> NameNotFound:
    shown = ", ".join(f"'{cat.label(i, lang)}' ({ns.shorten(i)})" for i, _, _ in cands[:5])
    return NameNotFound(f"'{text}' matches more than one {describe(kinds, lang)}: {shown}; "
                        "give a fuller name or the IRI",
                        [candidate(cat, c, lang) for c in cands[:5]])


def candidate(cat: Catalog, cand: tuple[str, float, str], lang: str) -> dict:
    iri, score, name = cand
    return {"iri": iri, "label": cat.label(iri, lang), "matched": name, "score": score}


def describe(kinds: set[str], lang: str) -> str:
    words = [KIND_WORDS.get(k, (k, k))[0 if lang == "id" else 1] for k in sorted(kinds)]
    return "/".join(words)


def parse_day(text: str | None, cat: Catalog | None = None) -> date:
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
    if cat is not None and cat.earliest and day < cat.earliest:
        raise InputError(f"{day.isoformat()} is before any data (the earliest dated fact is "
                         f"{cat.earliest.isoformat()}); choose a later --as-of")
    return day
