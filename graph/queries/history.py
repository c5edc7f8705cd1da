"""``mandat history NAME``: a unit's timeline of changes, parents and heads."""

from __future__ import annotations

from graph.model import Catalog
from graph.queries.common import provenance
from graph.queries.show import is_head_role, iso


def history(cat: Catalog, iri: str, lang: str = "id") -> list[dict]:
    """Every dated change of ``iri``, oldest first.

    Kinds: the change events (``created``, ``dissolved``, ``renamed``,
    ``split``, ``merged``, ``moved``), ``reports-to`` (a reporting line that
    starts), ``head`` (a head of office first attested). Each item has
    ``date``, ``kind``, ``description``, ``regulation`` (list), ``sources``.

    >>> from graph.store import load_catalog
    >>> kinds = [e["kind"] for e in history(load_catalog(), "https://w3id.org/mandat/id/kanim-batulicin")]
    >>> "moved" in kinds
    True
    """
    items = [event_item(cat, ev, iri, lang) for ev in cat.events_of(iri)]
    items += [line_item(cat, line, lang) for line in cat.lines_of(iri)]
    items += [head_item(cat, m, lang) for m in cat.memberships_in(iri)
              if m.is_tenure and is_head_role(cat, m.role)]
    items.sort(key=lambda e: (e["date"] or "0000", KIND_ORDER.get(e["kind"], 9)))
    return items


KIND_ORDER = {"dissolved": 0, "split": 0, "merged": 0, "renamed": 0, "created": 1, "moved": 2,
              "reports-to": 3, "head": 4}


def event_item(cat: Catalog, ev, iri: str, lang: str) -> dict:
    label = cat.label
    if ev.kind == "moved":
        text = (f"{label(iri, lang)}: {label(ev.from_parent, lang)} → {label(ev.to_parent, lang)}"
                if ev.from_parent and ev.to_parent else label(iri, lang))
    else:
        before = ", ".join(label(o, lang) for o in ev.originals)
        after = ", ".join(label(r, lang) for r in ev.results)
        text = f"{before} → {after}" if before and after else (after or before)
    prov = provenance(cat, ev, lang, ev.basis)
    return {"date": iso(ev.day), "kind": ev.kind, "description": text,
            "regulation": prov.pop("legal_basis"), **prov}


def line_item(cat: Catalog, line, lang: str) -> dict:
    prov = provenance(cat, line, lang, line.basis)
    words = {"id": "melapor kepada", "en": "reports to"}[lang]
    word = {"id": "s.d.", "en": "until"}[lang]
    until = f" ({word} {line.valid.as_dict()['end']})" if line.valid.end else ""
    return {"date": line.valid.as_dict()["start"], "kind": "reports-to",
            "description": f"{words} {cat.label(line.parent, lang)}{until}",
            "regulation": prov.pop("legal_basis"), **prov}


def head_item(cat: Catalog, m, lang: str) -> dict:
    prov = provenance(cat, m, lang, m.basis)
    return {"date": m.valid.as_dict()["start"], "kind": "head",
            "description": f"{cat.label(m.role, lang)}: {cat.label(m.member, lang)}",
            "regulation": prov.pop("legal_basis"), **prov}
