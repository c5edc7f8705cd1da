"""``mandat steps``: the TPPO handling steps in order, with their handovers."""

from __future__ import annotations

from graph.queries.lookup import Lookup


def steps(cat: Lookup, lang: str = "id") -> list[dict]:
    """Every step in order: ``order``, ``iri``, ``label``, ``alt_labels``, ``hands_over_to``.

    >>> from graph.queries.lookup import open_lookup
    >>> steps(open_lookup())[0]["label"]
    'Pencegahan dan sosialisasi'
    """
    out = []
    for n, iri in enumerate(cat.step_order, start=1):
        ent = cat.entities[iri]
        out.append({
            "order": n, "iri": iri, "label": cat.label(iri, lang),
            "notation": ent.attrs.get("notation"),
            "alt_labels": sorted(ent.alt_labels),
            "definition": ent.attrs.get("definition", {}).get(lang),
            "hands_over_to": [cat.ref(t, lang) for t in ent.attrs.get("hands_over_to", ())],
            "expects_regional_actor": ent.attrs["expects_regional"],
        })
    return out
