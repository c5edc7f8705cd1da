"""``mandat history NAME``: a unit's timeline of changes, parents and heads."""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.common import provenance
from graph.queries.show import is_head_role


def history(cat: Lookup, iri: str, lang: str = "id") -> list[dict]:
    """Every dated change of ``iri``, oldest first.

    Kinds: the change events (``created``, ``dissolved``, ``renamed``,
    ``split``, ``merged``), ``reports-to`` (the first reporting line),
    ``moved`` (a later line to another parent), ``head`` (a head of office
    first attested). Each item has ``date``, ``kind``, ``description``,
    ``unit``, ``from`` and ``to`` (references, as ``diff`` gives them),
    ``regulation`` (list), ``sources``.

    >>> from graph.queries.lookup import open_lookup
    >>> moves = [e for e in history(open_lookup(), "https://w3id.org/mandat/id/kanim-batulicin")
    ...          if e["kind"] == "moved"]
    >>> [(m["from"][0]["iri"][27:], m["to"][0]["iri"][27:]) for m in moves]
    [('kanwil-kemenkumham-kalsel', 'kanwil-ditjenim-kalsel')]
    """
    items = [event_item(cat, ev, iri, lang) for ev in cat.events_of(iri)]
    lines = sorted(cat.lines_of(iri), key=lambda line: line.valid.start or date.min)
    items += [line_item(cat, line, before, lang) for before, line in zip([None, *lines], lines)]
    items += [head_item(cat, m, lang) for m in cat.memberships_in(iri)
              if m.is_tenure and is_head_role(cat, m.role)]
    items.sort(key=lambda e: (e["date"] or "0000", KIND_ORDER.get(e["kind"], 9)))
    return items


KIND_ORDER = {"dissolved": 0, "split": 0, "merged": 0, "renamed": 0, "created": 1, "moved": 2,
              "reports-to": 3, "head": 4}


def event_item(cat: Lookup, ev, iri: str, lang: str) -> dict:
    """A change of identity: the organizations before (``from``) and after (``to``)."""
    before = ", ".join(cat.label(o, lang) for o in ev.originals)
    after = ", ".join(cat.label(r, lang) for r in ev.results)
    prov = provenance(cat, ev, lang, ev.basis)
    return {"date": ev.when, "kind": ev.kind,
            "description": f"{before} → {after}" if before and after else (after or before),
            "unit": cat.ref(iri, lang), "from": [cat.ref(o, lang) for o in ev.originals],
            "to": [cat.ref(r, lang) for r in ev.results], "regulation": prov.pop("legal_basis"), **prov}


def line_item(cat: Lookup, line, before, lang: str) -> dict:
    """A reporting line that starts: the first (``reports-to``), or a move from the parent before."""
    prov = provenance(cat, line, lang, line.basis)
    until = f" ({ {'id': 's.d.', 'en': 'until'}[lang]} {line.valid.as_dict()['end']})" if line.valid.end else ""
    moved = before is not None and before.parent != line.parent
    if moved:
        text = f"{cat.label(line.unit, lang)}: {cat.label(before.parent, lang)} → {cat.label(line.parent, lang)}{until}"
    else:
        text = f"{ {'id': 'melapor kepada', 'en': 'reports to'}[lang]} {cat.label(line.parent, lang)}{until}"
    return {"date": line.valid.as_dict()["start"], "kind": "moved" if moved else "reports-to", "description": text,
            "unit": cat.ref(line.unit, lang), "from": [cat.ref(before.parent, lang)] if moved else [],
            "to": [cat.ref(line.parent, lang)], "regulation": prov.pop("legal_basis"), **prov}


def head_item(cat: Lookup, m, lang: str) -> dict:
    prov = provenance(cat, m, lang, m.basis)
    return {"date": m.valid.as_dict()["start"], "kind": "head",
            "description": f"{cat.label(m.role, lang)}: {cat.label(m.member, lang)}",
            "regulation": prov.pop("legal_basis"), **prov}
