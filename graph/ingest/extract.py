"""Candidate facts from an article: organizations, persons with posts, events, regulations, figures.

Organizations come from a gazetteer of the graph's labels, alternative labels
and abbreviations, plus office-name patterns; names are compared after folding
the usual variants (Kantor Wilayah → Kanwil, Kalimantan Selatan → Kalsel, ...).
Every candidate keeps the character offsets of its mention and of its sentence.
"""

from __future__ import annotations

import bisect
import re

from graph.ingest import patterns as P
from graph.ingest.text import sentences
from graph.model import Catalog

FOLD = [(r"\bkantor wilayah\b", "kanwil"), (r"\bdirektorat jenderal\b", "ditjen"),
        (r"\bkementerian hukum dan ham\b", "kemenkumham"), (r"\bkemenkum ham\b", "kemenkumham"),
        (r"\bkalimantan selatan\b", "kalsel"), (r"\bkepulauan bangka belitung\b", "babel"),
        (r"\bkepulauan babel\b", "babel"), (r"\bbangka belitung\b", "babel"),
        (r"\b(provinsi|kabupaten|kota)\b", ""), (r"\btenaga kerja dan transmigrasi\b", "nakertrans"),
        (r"\bdinas nakertrans\b", "disnakertrans")]
MIN_NAME = 4
GENERIC_WORDS = {"imigrasi", "presiden", "kejaksaan", "kepolisian", "pemasyarakatan", "kementerian"}


def fold(text: str) -> str:
    """A name folded for comparison.

    >>> fold("Kantor Wilayah Kemenkumham Kalimantan Selatan")
    'kanwil kemenkumham kalsel'
    """
    out = text.casefold()
    for pattern, repl in FOLD:
        out = re.sub(pattern, repl, out)
    return " ".join(re.sub(r"[^\w]+", " ", out).split())


class Gazetteer:
    """The graph's agency names, folded, with one regex to find them in text."""

    def __init__(self, cat: Catalog):
        self.cat = cat
        self.by_fold: dict[str, set[str]] = {}
        names = set()
        for ent in cat.agencies():
            for name in {*ent.labels.values(), *ent.alt_labels, *ent.abbreviations}:
                if len(name) >= MIN_NAME and name.casefold() not in GENERIC_WORDS:
                    names.add(name)
                    self.by_fold.setdefault(fold(name), set()).add(ent.iri)
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self.regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if names else None

    def link(self, mention: str) -> str | None:
        """The one agency IRI a mention names, or None."""
        iris = self.by_fold.get(fold(mention), set())
        return next(iter(iris)) if len(iris) == 1 else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self.regex.finditer(text)] if self.regex else []


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


def guess_region(mention: str, cat: Catalog) -> str | None:
    """A region of the graph named at the end of the mention (e.g. '... Kalimantan Selatan')."""
    folded = fold(mention)
    best = None
    for ent in cat.of_kind("region"):
        for name in {*ent.labels.values(), *ent.abbreviations}:
            key = fold(name)
            if key and len(key) > 3 and folded.endswith(key) and (best is None or len(key) > best[0]):
                best = (len(key), ent.iri)
    return best[1] if best else None


def organizations(text: str, gaz: Gazetteer, sents) -> list[dict]:
    out = []
    for start, end in longest_first(gaz.spans(text) + P.office_spans(text)):
        end, iri = linked_prefix(text, start, end, gaz)
        mention = text[start:end]
        generic = bool(P.GENERIC.match(mention))
        proposed = {} if iri or generic else {"kind": guess_kind(mention), "region": guess_region(mention, gaz.cat)}
        out.append({"text": mention, "iri": iri, "label": gaz.cat.label(iri) if iri else mention,
                    "generic": generic, **proposed, "start": start, "end": end,
                    "sentence": sentence_of(sents, start)})
    return out


def persons(text: str, orgs: list[dict], sents) -> list[dict]:
    """'Kepala <post>, <Name>' and 'Kepala <office> <Name> <verb>'."""
    found = {}
    for m in P.POST_COMMA.finditer(text):
        post = text[m.start():m.start(1)].rstrip(" ,")
        found[m.start(1)] = (m.group(1).strip(), post, m.start(), m.end(1))
    for org in orgs:
        before = text[max(0, org["start"] - 12):org["start"]]
        if not re.search(r"(Kepala|Kakanwil|Kadiv)\s+$", before):
            continue
        after = P.NAME_AFTER.match(text, org["end"])
        if after and after.start(1) not in found:
            post_start = org["start"] - len(before) + before.rfind("K")
            found[after.start(1)] = (after.group(1).strip(), text[post_start:org["end"]], post_start, after.end(1))
    starts = [o["start"] for o in orgs]
    out = []
    for _, (name, post, start, end) in sorted(found.items()):
        i = bisect.bisect_left(starts, start)
        org = orgs[i] if i < len(orgs) and orgs[i]["end"] <= end else None
        out.append({"name": name, "post": " ".join(post.split()), "organization": org["iri"] if org else None,
                    "organization_text": org["text"] if org else None, "start": start, "end": end,
                    "sentence": sentence_of(sents, start)})
    return out


def events(text: str, sents, article_date: str | None) -> list[dict]:
    """One event per kind named, with the first date and place found in its sentences."""
    by_kind: dict[str, dict] = {}
    for a, b in sents:
        sentence = text[a:b]
        for m in P.EVENT.finditer(sentence):
            kind = P.EVENT_KINDS[m.group(1).lower()]
            event = by_kind.setdefault(kind, {"kind": kind, "date": None, "place": None,
                                              "start": a + m.start(), "end": a + m.end(), "sentence": (a, b)})
            dates = P.parse_dates(sentence)
            if dates and not event["date"]:
                event["date"], event["sentence"] = dates[0][2], (a, b)
            elif not event["date"] and P.WEEKDAY.search(sentence) and article_date:
                event["date"] = article_date
            place = P.PLACE.search(sentence)
            if place and not event["place"]:
                event["place"] = place.group(1).rstrip(".,")
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
            out.append({"value": int(re.sub(r"[.,]", "", m.group(1))), "counts": m.group(2).lower(),
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
        "events": events(text, sents, meta.get("date")),
        "regulations": regulations(text, cat, sents),
        "figures": figures(text, sents),
    }
