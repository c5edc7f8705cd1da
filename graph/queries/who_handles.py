"""``mandat who-handles STEP [--region R]``: lead and support agencies for a step."""

from __future__ import annotations

from datetime import date

from graph import ns
from graph.queries.lookup import Lookup
from graph.model import Responsibility
from graph.queries.common import agency_ref, provenance


def applicable(cat: Lookup, step: str, day: date, region: str | None) -> list[tuple[int, Responsibility]]:
    """Responsibilities for ``step`` in force on ``day`` whose agency exists, with distance.

    Distance is how many levels up from ``region`` the jurisdiction lies (0 =
    the region itself); without a region, 3 minus the jurisdiction's level, so
    that regency comes before province before national either way.
    """
    ancestors = cat.region_ancestors(region) if region else []
    candidates = ([r for jur in ancestors for r in cat.responsibilities_in(step, jur)] if region
                  else cat.responsibilities_for(step))
    out = []
    for resp in candidates:
        if not resp.valid.contains(day) or not cat.exists(resp.agency, day):
            continue
        if region:                                  # the candidates lie in its ancestors
            distance = ancestors.index(resp.jurisdiction)
        else:
            distance = 3 - region_level(cat, resp.jurisdiction)
        out.append((distance, resp))
    return out


def region_level(cat: Lookup, region: str | None) -> int:
    ent = cat.entities.get(region) if region else None
    if ent is None:
        return 0
    for cls, level in ((ns.MANDAT + "RegencyCity", 3), (ns.MANDAT + "Province", 2), (ns.MANDAT + "Country", 1)):
        if cls in ent.types:
            return level
    return 0


def who_handles(cat: Lookup, step: str, day: date, region: str | None = None,
                lang: str = "id") -> list[dict]:
    """Who leads and supports ``step`` on ``day``, nearest jurisdiction first, leads before support.

    >>> from datetime import date
    >>> from graph.queries.lookup import open_lookup
    >>> rows = who_handles(open_lookup(), "https://w3id.org/mandat/id/step-investigation",
    ...                    date(2025, 6, 1), "https://w3id.org/mandat/id/region-tanah-bumbu")
    >>> rows[0]["role"]
    'lead'
    """
    rows = applicable(cat, step, day, region)
    rows.sort(key=lambda dr: (dr[0], dr[1].role != "lead", cat.label(dr[1].agency, lang)))
    return [{
        "step": cat.ref(step, lang),
        "agency": agency_ref(cat, resp.agency, lang),
        "role": resp.role,
        "jurisdiction": cat.ref(resp.jurisdiction, lang),
        "distance": distance,
        **provenance(cat, resp, lang, resp.basis),
        "since": resp.valid.as_dict()["start"],
        "until": resp.valid.as_dict()["end"],
    } for distance, resp in rows]
