"""Small shared pieces: how a fact's basis, sources and confidence are shown, and whether an
office existed on a day."""

from __future__ import annotations

from datetime import date

from graph import ns
from graph.errors import InputError
from graph.queries.lookup import Lookup
from graph.model import Fact


def source_ref(cat: Lookup, iri: str, lang: str) -> dict:
    """A source as JSON: iri, label, and url / publisher / date when known."""
    out = cat.ref(iri, lang)
    ent = cat.entities.get(iri)
    if ent is not None and ent.kind == "source":
        for key in ("url", "publisher", "date"):
            if ent.attrs.get(key):
                out[key] = ent.attrs[key]
    return out


def confidence_of(fact) -> str:
    """A fact's or an entity's own marker (weak, unverified); else "verified" when it names a
    source and "unverified" when it names none (a source document stands for itself).

    >>> from graph.model import Entity
    >>> [confidence_of(Entity(iri="x", kind=k, sources=s)) for k, s in (("agency", ()), ("source", ()), ("agency", ("y",)))]
    ['unverified', 'verified', 'verified']
    """
    if fact.confidence:
        return fact.confidence
    return "verified" if fact.sources or getattr(fact, "kind", None) == "source" else "unverified"


def provenance(cat: Lookup, fact: Fact, lang: str, basis: tuple[str, ...] = ()) -> dict:
    """``legal_basis``, ``sources``, ``confidence`` (:func:`confidence_of`) and ``note`` of one
    fact; the note (skos:editorialNote) says why, or is None."""
    return {
        "legal_basis": [basis_ref(cat, b, lang) for b in basis],
        "sources": [source_ref(cat, s, lang) for s in fact.sources],
        "confidence": confidence_of(fact),
        "note": fact.note,
    }


def basis_ref(cat: Lookup, iri: str, lang: str) -> dict:
    """A regulation or article as JSON, with a ``short`` name for tables."""
    out = cat.ref(iri, lang)
    out["short"] = cat.short_label(iri, lang)
    return out


def agency_ref(cat: Lookup, iri: str, lang: str) -> dict:
    """An agency as JSON: ``kind`` and ``level`` as stable codes (the ontology's local
    names, the same in every language), ``kind_label`` and ``level_label`` in ``lang``."""
    out = cat.ref(iri, lang)
    ent = cat.entities.get(iri)
    if ent is not None:
        cls = cat.kind_class(ent.types)
        out["kind"] = ns.local_name(cls) if cls else None
        out["kind_label"] = cat.label(cls, lang) if cls else ""
        level = ent.attrs.get("level")
        out["level"] = ns.local_name(level) if level else None
        out["level_label"] = cat.label(level, lang) if level else ""
    return out


def kind_label(cat: Lookup, types: tuple[str, ...], lang: str) -> str:
    """The label of the most specific agency class among ``types``."""
    cls = cat.kind_class(types)
    return cat.label(cls, lang) if cls else ""


# -- whether an office existed on a day ------------------------------------------------------

def ended(cat: Lookup, iri: str, day: date, lang: str) -> str | None:
    """A line saying that ``iri`` had ended by ``day`` and what succeeded it, else None.

    >>> from graph.queries.lookup import open_lookup
    >>> print(ended(open_lookup(), ns.MD + "kemenkumham", date(2025, 1, 1), "en"))
    'Ministry of Law and Human Rights' was dissolved on 2024-10-21; successor: 'Ministry of Human Rights', \
'Ministry of Law', 'Ministry of Immigration and Corrections'
    """
    valid = cat.entities[iri].valid
    if valid.end is None or day < valid.end:
        return None
    after = sorted({r for ev in cat.events_of(iri) if iri in ev.originals for r in ev.results if r != iri},
                   key=lambda r: (cat.label(r, "id"), r))
    names = ", ".join(f"'{cat.label(r, lang)}'" for r in after) or "-"
    if valid.end_latest is not None:               # sources only bracket the end
        when = (f"antara {valid.end.isoformat()} dan {valid.end_latest.isoformat()} (tidak pasti)" if lang == "id"
                else f"between {valid.end.isoformat()} and {valid.end_latest.isoformat()} (uncertain)")
    else:
        when = ("pada " if lang == "id" else "on ") + valid.end.isoformat()
    text = ("'{}' dibubarkan {}; penerus: {}", "'{}' was dissolved {}; successor: {}")
    return text[0 if lang == "id" else 1].format(cat.label(iri, lang), when, names)


NEEDS_A_DAY = ("pertanyaan ini perlu hari ketika kantor itu masih ada: pilih --as-of lebih awal atau tanyakan "
               "penerusnya", "this question needs a day the office existed: give an earlier --as-of or ask about a successor")
NOT_YET = ("'{}' belum ada pada {} (ada sejak {}); pilih --as-of yang lebih akhir",
           "'{}' did not exist yet on {} (it exists from {}); give a later --as-of")


def require_existing(cat: Lookup, iri: str, day: date, lang: str) -> None:
    """Raise InputError (one line) when ``iri`` did not exist on ``day``: a dissolved office
    names its end and its successors (:func:`ended`), one not yet created its first day.

    >>> from graph.queries.lookup import open_lookup
    >>> require_existing(open_lookup(), ns.MD + "kemenimipas", date(2024, 1, 1), "en")
    Traceback (most recent call last):
    graph.errors.InputError: 'Ministry of Immigration and Corrections' did not exist yet on 2024-01-01 \
(it exists from 2024-10-21); give a later --as-of
    """
    valid = cat.entities[iri].valid
    if valid.contains(day):
        return
    gone = ended(cat, iri, day, lang)
    pick = 0 if lang == "id" else 1
    if gone:
        raise InputError(f"{gone}; {NEEDS_A_DAY[pick]}")
    raise InputError(NOT_YET[pick].format(cat.label(iri, lang), day.isoformat(), valid.start.isoformat()))
