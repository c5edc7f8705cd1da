"""Candidate facts from an article: organizations, persons with posts, events, regulations, figures.

Organizations come from the gazetteer of the graph (:mod:`.gazetteer`) plus
office-name patterns (:mod:`.patterns`). Every candidate keeps the character
offsets of its mention and of its sentence.

>>> from graph.store import load_catalog
>>> got = extract("Kepala Kantor Imigrasi Kelas II TPI Batulicin, Budi Santoso, hadir.", load_catalog())
>>> [(p["name"], p["organization"]) for p in got["persons"]]
[('Budi Santoso', 'https://w3id.org/mandat/id/kanim-batulicin')]
"""

from __future__ import annotations

import bisect
import re

from graph.ingest import patterns as P
from graph.ingest.gazetteer import Gazetteer, fold
from graph.ingest.text import sentences
from graph.model import Catalog

__all__ = ["extract", "fold", "Gazetteer"]


def longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, the longest of overlapping ones kept (one left-to-right sweep).

    >>> longest_first([(0, 10), (0, 6), (12, 15)])
    [(0, 10), (12, 15)]
    """
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], s[0] - s[1])):
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept


def sentence_of(spans, start: int) -> tuple[int, int]:
    """The sentence (start, end) holding offset ``start``; ``spans`` are sorted."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        return spans[i]
    return (start, start)


def linked_prefix(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, str | None]:
    """Drop trailing words of an office-pattern match until it names a known agency.

    'Kanwil Ditjen Imigrasi Kepulauan Babel Qris' ends in a person's name; its
    prefix 'Kanwil Ditjen Imigrasi Kepulauan Babel' is the office.
    """
    cut = end
    while cut > start:
        iri = gaz.link(text[start:cut])
        if iri:
            return cut, iri
        space = text.rfind(" ", start, cut)
        if space <= start or len(text[start:space].split()) < 2:
            break
        cut = space
    return end, None


KIND_GUESSES = [
    (r"^(Kantor Imigrasi|BP3MI|UPTD)", "TechnicalUnit"), (r"^(Kantor Wilayah|Kanwil)", "RegionalOffice"),
    (r"^(Dinas|Disnakertrans|Dinsos|DP3A)", "RegionalDepartment"), (r"^(Polda|Polres|Polresta)", "PoliceUnit"),
    (r"^(Kejati|Kejari)", "ProsecutionOffice"), (r"^(Pemerintah|Pemkab|Pemkot|Pemprov)", "RegionalGovernment"),
]


def guess_kind(mention: str) -> str | None:
    """The agency class a new office name suggests.

    >>> guess_kind("Kantor Imigrasi Kelas I TPI Malang")
    'https://w3id.org/mandat/ontology#TechnicalUnit'
    """
    for pattern, kind in KIND_GUESSES:
        if re.match(pattern, mention):
            return "https://w3id.org/mandat/ontology#" + kind
    return None


def clean_end(text: str, end: int) -> bool:
    """True when a mention ending at ``end`` is not followed by another capitalised word."""
    return not re.match(r" [A-Z]", text[end:end + 2])


def trim_to_known(text: str, start: int, end: int, known: set[str]) -> int:
    """Cut a pattern match that ran into a person's name back to a name seen cleanly elsewhere.

    'Kantor Imigrasi Cilacap Mukhlis' is cut to 'Kantor Imigrasi Cilacap' when the
    article writes that office (or the place Cilacap) where no name follows it.
    """
    cut = end
    while True:
        space = text.rfind(" ", start, cut)
        if space <= start or len(text[start:space].split()) < 2:
            return end
        cut = space
        mention = fold(text[start:cut])
        if mention in known or mention.rsplit(" ", 1)[-1] in known:
            return cut


def organizations(text: str, gaz: Gazetteer, sents) -> list[dict]:
    """Every organization mention: linked to the graph, generic, or proposed with a kind and region."""
    spans = []
    for start, end in longest_first(gaz.spans(text) + P.office_spans(text)):
        end, iri = linked_prefix(text, start, end, gaz)
        spans.append((start, end, iri))
    known = {fold(text[a:b]) for a, b, iri in spans if clean_end(text, b)}
    known |= {k.rsplit(" ", 1)[-1] for k in known if len(k.split()) > 2} | set(gaz.regions)
    out = []
    for start, end, iri in spans:
        if iri is None and not clean_end(text, end):
            end = trim_to_known(text, start, end, known)
        mention = text[start:end]
        generic = bool(P.GENERIC.match(mention))
        proposed = {} if iri or generic else {"kind": guess_kind(mention), "region": gaz.region_at_end(mention)}
        out.append({"text": mention, "iri": iri, "label": gaz.cat.label(iri) if iri else mention,
                    "generic": generic, **proposed, "start": start, "end": end,
                    "sentence": sentence_of(sents, start)})
    return out


def orgs_between(orgs: list[dict], starts: list[int], start: int, end: int) -> list[dict]:
    """The organizations whose mention starts in ``[start, end)``; ``starts`` are their sorted offsets."""
    return orgs[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def is_name(name: str) -> bool:
    """A capitalised run that is a person's name, not a post, office or weekday."""
    return name.split()[0] not in P.NOT_NAMES and not any(w in P.NOT_NAMES for w in name.split()[1:2])


def persons(text: str, orgs: list[dict], sents) -> list[dict]:
    """'<post>, <Name>' and '<post> <office> <Name> <verb>', each with the office it names."""
    found = {}
    for m in P.POST_COMMA.finditer(text):
        if is_name(m.group("name")):
            found[m.start("name")] = (m.group("name").strip(), m.group("post"), m.start(), m.end("name"))
    for org in orgs:
        window = max(0, org["start"] - 150)
        lead = P.POST_LEAD.search(text, window, org["start"])
        if not lead or "\n" in text[lead.start():org["start"]]:
            continue
        after = P.NAME_AFTER.match(text, org["end"])
        if after and after.start(1) not in found and is_name(after.group(1)):
            found[after.start(1)] = (after.group(1).strip(), text[lead.start():org["end"]], lead.start(), after.end(1))
    out, starts = [], [o["start"] for o in orgs]
    for _, (name, post, start, end) in sorted(found.items()):
        inside = [o for o in orgs_between(orgs, starts, start, end) if o["end"] <= end and not o["generic"]]
        org = inside[-1] if inside else None
        out.append({"name": name, "post": " ".join(post.split()), "organization": org["iri"] if org else None,
                    "organization_text": org["text"] if org else None, "start": start, "end": end,
                    "sentence": sentence_of(sents, start)})
    return out


def events(text: str, sents, article_date: str | None, orgs: list[dict] | None = None) -> list[dict]:
    """One event per kind named, with the first date and place found in its sentences and the
    organizations named in those sentences; a weekday without a date takes the article's date."""
    by_kind: dict[str, dict] = {}
    orgs = orgs or []
    starts = [o["start"] for o in orgs]
    for a, b in sents:
        sentence = text[a:b]
        for m in P.EVENT.finditer(sentence):
            kind = P.EVENT_KINDS[m.group(1).lower()]
            event = by_kind.setdefault(kind, {"kind": kind, "date": None, "place": None, "organizations": [],
                                              "start": a + m.start(), "end": a + m.end(), "sentence": (a, b)})
            dates = P.parse_dates(sentence)
            if dates and not event["date"]:
                event["date"], event["sentence"] = dates[0][2], (a, b)
            elif not event["date"] and P.WEEKDAY.search(sentence) and article_date:
                event["date"] = article_date
            place = P.PLACE.search(sentence)
            if place and not event["place"]:
                event["place"] = place.group(1).rstrip(".,")
            for org in orgs_between(orgs, starts, a, b):
                name = org["iri"] or org["text"]
                if not org["generic"] and name not in event["organizations"]:
                    event["organizations"].append(name)
    if "rapat koordinasi" in by_kind:          # the same meeting, named twice
        by_kind.pop("rapat", None)
    return list(by_kind.values())


def regulations(text: str, cat: Catalog, sents) -> list[dict]:
    out = []
    for start, end, kind, number, year in P.parse_regulations(text):
        iri = f"https://w3id.org/mandat/id/{kind}-{number}-{year}"
        out.append({"text": text[start:end], "iri": iri if iri in cat.entities else None,
                    "type": kind, "number": number, "year": year, "start": start, "end": end,
                    "sentence": sentence_of(sents, start)})
    return out


def figures(text: str, sents) -> list[dict]:
    out = []
    for m in P.FIGURE.finditer(text):
        a, b = sentence_of(sents, m.start())
        if P.parse_dates(text[a:b]) or re.search(r"\b(data|mencatat|mengungkap)\b", text[a:b], re.I):
            after = re.match(r"\s+(di\w+|korban)\b", text[m.end():m.end() + 30])
            what = m.group(2).lower() + (" " + after.group(1) if after else "")
            period = P.parse_dates(text[a:b])
            out.append({"value": int(re.sub(r"[.,]", "", m.group(1))), "counts": m.group(2).lower(), "what": what,
                        "period": period[0][2] if period else None,
                        "text": m.group(0), "start": m.start(), "end": m.end(), "sentence": (a, b)})
    return out


def extract(text: str, cat: Catalog, meta: dict | None = None) -> dict:
    """Every candidate in ``text``; ``meta`` may give the article's url and date."""
    meta = meta or {}
    sents = sentences(text)
    gaz = Gazetteer(cat)
    orgs = organizations(text, gaz, sents)
    return {
        "source": {"url": meta.get("url") or meta.get("source"), "date": meta.get("date")},
        "organizations": orgs,
        "persons": persons(text, orgs, sents),
        "events": events(text, sents, meta.get("date"), orgs),
        "regulations": regulations(text, cat, sents),
        "figures": figures(text, sents),
    }
