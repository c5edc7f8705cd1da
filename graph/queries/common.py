"""Small shared pieces: how a fact's basis, sources and confidence are shown."""

from __future__ import annotations

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


def provenance(cat: Lookup, fact: Fact, lang: str, basis: tuple[str, ...] = ()) -> dict:
    """``legal_basis``, ``sources``, ``confidence`` and ``note`` of one fact.

    The confidence is the fact's own marker, or "unverified" when it has no
    source at all; the note (skos:editorialNote) says why, or is None.
    """
    confidence = fact.confidence or (None if fact.sources else "unverified")
    return {
        "legal_basis": [basis_ref(cat, b, lang) for b in basis],
        "sources": [source_ref(cat, s, lang) for s in fact.sources],
        "confidence": confidence or "verified",
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
    from graph import ns

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
