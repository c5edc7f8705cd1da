"""``mandat search TEXT``: anything whose label, alternative label or abbreviation matches."""

from __future__ import annotations

from graph.queries.common import confidence_of
from graph.queries.lookup import Lookup
from graph.queries.show import post_text
from graph.resolve import rank

SEARCHABLE = {"agency", "person", "step", "regulation", "region"}
MIN_SCORE = 10     # weaker matches share only common words with the text


def search(cat: Lookup, text: str, lang: str = "id", limit: int = 10, kinds=None) -> list[dict]:
    """Matches best first: ``iri``, ``label``, ``kind``, ``score``, ``matched`` (and posts of people).

    Scored by words as in :mod:`graph.resolve`; ties are ordered by label, then IRI.

    >>> from graph.queries.lookup import open_lookup
    >>> search(open_lookup(), "Kemenkumham")[0]["iri"]
    'https://w3id.org/mandat/id/kemenkumham'
    """
    out = []
    for iri, score, matched, *_ in rank(cat, text, set(kinds or SEARCHABLE), limit=limit):
        if score < MIN_SCORE:
            continue
        ent = cat.entities[iri]
        row = {"iri": iri, "label": cat.label(iri, lang), "kind": ent.kind,
               "score": score, "matched": matched,
               "confidence": confidence_of(ent)}
        if ent.kind == "person":
            row["posts"] = posts_of(cat, iri, lang)
        out.append(row)
    return out


def posts_of(cat: Lookup, person: str, lang: str) -> list[dict]:
    """The posts a person held, with the period each was attested."""
    return [{"post": post_text(cat, m.role, m.organization, lang),
             "organization": cat.ref(m.organization, lang),
             "since": m.valid.as_dict()["start"], "until": m.valid.as_dict()["end"]}
            for m in cat.memberships_of(person) if m.is_tenure]
