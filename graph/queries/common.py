"""Small shared pieces: how a fact's basis, sources and confidence are shown."""

from __future__ import annotations

from graph.model import Catalog, Fact


def source_ref(cat: Catalog, iri: str, lang: str) -> dict:
    """A source as JSON: iri, label, and url / publisher / date when known."""
    out = cat.ref(iri, lang)
    ent = cat.entities.get(iri)
    if ent is not None and ent.kind == "source":
        for key in ("url", "publisher", "date"):
            if ent.attrs.get(key):
                out[key] = ent.attrs[key]
    return out


def provenance(cat: Catalog, fact: Fact, lang: str, basis: tuple[str, ...] = ()) -> dict:
    """``legal_basis``, ``sources`` and ``confidence`` of one fact.

    The confidence is the fact's own marker, or "unverified" when it has no
    source at all.
    """
    confidence = fact.confidence or (None if fact.sources else "unverified")
    return {
        "legal_basis": [basis_ref(cat, b, lang) for b in basis],
        "sources": [source_ref(cat, s, lang) for s in fact.sources],
        "confidence": confidence or "verified",
    }


def basis_ref(cat: Catalog, iri: str, lang: str) -> dict:
    """A regulation or article as JSON, with a ``short`` name for tables."""
    out = cat.ref(iri, lang)
    out["short"] = cat.short_label(iri, lang)
    return out


def agency_ref(cat: Catalog, iri: str, lang: str) -> dict:
    """An agency as JSON with its kind and level."""
    out = cat.ref(iri, lang)
    ent = cat.entities.get(iri)
    if ent is not None:
        out["kind"] = kind_label(cat, ent.types, lang)
        if ent.attrs.get("level"):
            out["level"] = cat.label(ent.attrs["level"], lang)
    return out


def kind_label(cat: Catalog, types: tuple[str, ...], lang: str) -> str:
    """The label of the most specific agency class among ``types``."""
    from graph import ns

    for cls in ns.AGENCY_CLASSES:
        if cls in types:
            return cat.label(cls, lang)
    for cls in types:
        if cls in cat.entities:
            return cat.label(cls, lang)
    return ns.shorten(types[0]) if types else ""
