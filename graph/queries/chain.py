"""``mandat chain NAME``: the reporting chain from a unit up to the top, at a date."""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.common import agency_ref, provenance, require_existing


def chain(cat: Lookup, unit: str, day: date, lang: str = "id") -> list[dict]:
    """The unit and each parent above it on ``day``, starting at the unit itself.

    Each entry is the agency (``iri``, ``label``, ``kind``, ``level``) and the
    reporting line to the next entry (``reports_to``, ``legal_basis``,
    ``sources``, ``confidence``, ``since``, ``until``); the top entry has the
    same keys, with ``reports_to`` None and no line. ``certainty`` is
    "uncertain" when sources only bracket a change of that line around
    ``day``: ``possible_parents`` then lists every parent the unit may have had
    (the chain follows the first), else it is "certain".

    >>> from datetime import date
    >>> from graph.queries.lookup import open_lookup
    >>> [e["label"] for e in chain(open_lookup(), "https://w3id.org/mandat/id/kanim-batulicin",
    ...                            date(2023, 6, 21))][:2]
    ['Kantor Imigrasi Kelas II TPI Batulicin', 'Kantor Wilayah Kementerian Hukum dan HAM Kalimantan Selatan']
    """
    cat.lines_above(unit)                 # every line above, with the entities they name
    require_existing(cat, unit, day, lang)
    out, seen = [], set()
    current: str | None = unit
    while current is not None and current not in seen:
        seen.add(current)
        entry = agency_ref(cat, current, lang)
        line = cat.line_at(current, day)
        entry.update(certainty_of(cat, current, day, lang))
        if line is not None:
            entry["reports_to"] = cat.ref(line.parent, lang)
            entry.update(provenance(cat, line, lang, line.basis))
            entry["since"], entry["until"] = line.valid.as_dict().values()
        else:
            entry.update(reports_to=None, legal_basis=[], sources=[], confidence=None,
                         since=None, until=None)
        out.append(entry)
        current = line.parent if line is not None else None
    return out


def certainty_of(cat: Lookup, unit: str, day: date, lang: str) -> dict:
    """``certainty`` and ``possible_parents`` of the unit's reporting line on ``day``."""
    possible = cat.lines_possible_at(unit, day)
    uncertain = any(line.valid.uncertain(day) for line in possible)
    parents = list(dict.fromkeys(line.parent for line in sorted(possible, key=lambda l: l.valid.start or date.min)))
    return {"certainty": "uncertain" if uncertain else "certain",
            "possible_parents": [cat.ref(p, lang) for p in parents]}
