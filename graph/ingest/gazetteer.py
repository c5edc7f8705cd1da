"""The gazetteer: the graph's agency and region names, folded for comparison.

Built from the catalog's labels, alternative labels and abbreviations; names
are compared after folding the usual variants of official writing (Kantor
Wilayah → Kanwil, Kalimantan Selatan → Kalsel, ...).

>>> fold("Kantor Wilayah Kemenkumham Kalimantan Selatan")
'kanwil kemenkumham kalsel'
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.queries.lookup import Lookup

FOLD = [(r"\bkantor wilayah\b", "kanwil"), (r"\b(direktorat jenderal|dirjen)\b", "ditjen"),
        (r"\bkementerian hukum dan (ham|hak asasi manusia)\b", "kemenkumham"), (r"\bkemenkum ham\b", "kemenkumham"),
        (r"\bkalimantan selatan\b", "kalsel"), (r"\bkepulauan bangka belitung\b", "babel"),
        (r"\bkepulauan babel\b", "babel"), (r"\bbangka belitung\b", "babel"),
        (r"\b(provinsi|kabupaten|kota)\b", ""), (r"\btenaga kerja dan transmigrasi\b", "nakertrans"),
        (r"\bdinas nakertrans\b", "disnakertrans"), (r"\bkelas 1\b", "kelas i"), (r"\bkelas 2\b", "kelas ii")]
MIN_NAME = 4
NATIONAL_WORDS = {"ri", "republik", "indonesia"}      # 'Kementerian Ketenagakerjaan RI' is the ministry
GENERIC_WORDS = {"imigrasi", "presiden", "kejaksaan", "kepolisian", "pemasyarakatan", "kementerian"}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A name folded for comparison: lower case, usual variants unified, punctuation dropped.

    >>> fold("Kanwil Dirjen Imigrasi Kepulauan Bangka Belitung")
    'kanwil ditjen imigrasi babel'
    """
    out = text.casefold()
    for pattern, repl in FOLD:
        out = re.sub(pattern, repl, out)
    return " ".join(re.sub(r"[^\w]+", " ", out).split())


def trie_pattern(words) -> str:
    """A regex matching any of ``words``, factored into a trie; a longer word wins over its prefix.

    >>> import re
    >>> pattern = re.compile(trie_pattern(["Polda", "Polda Kalsel", "Polres"]))
    >>> [m.group() for m in pattern.finditer("Polda Kalsel, Polres, Polda")]
    ['Polda Kalsel', 'Polres', 'Polda']
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


class Gazetteer:
    """The graph's agency names, folded, with one regex to find them in text.

    ``link(mention)`` gives the one agency IRI a mention names (or None when
    it names none or several); ``spans(text)`` finds every known name.
    """

    def __init__(self, cat: Lookup):
        self.cat = cat
        self._resolved: dict = {}
        self.by_fold: dict[str, set[str]] = {}
        names = set()
        for ent in cat.agencies():
            for name in {*ent.labels.values(), *ent.alt_labels, *ent.abbreviations}:
                if len(name) >= MIN_NAME and name.casefold() not in GENERIC_WORDS:
                    names.add(name)
                    self.by_fold.setdefault(fold(name), set()).add(ent.iri)
        self.words = {w for key in self.by_fold for w in key.split()}
        # one trie-shaped pattern: the engine tries each first letter once, not every name in turn
        self.regex = re.compile(rf"(?<!\w)(?:{trie_pattern(names)})(?!\w)") if names else None
        self.regions: dict[str, set[str]] = {}     # folded name -> the regions it names
        for ent in cat.of_kind("region"):
            for name in {*ent.labels.values(), *ent.abbreviations}:
                key = fold(name)
                if len(key) > 3:
                    self.regions.setdefault(key, set()).add(ent.iri)

    def link(self, mention: str, day=None) -> str | None:
        """The one agency IRI a mention names (among those that exist on ``day`` when given), or None."""
        iris = self.by_fold.get(fold(mention), set())
        if day is not None and len(iris) > 1:
            iris = {iri for iri in iris if self.cat.exists(iri, day)}
        return next(iter(iris)) if len(iris) == 1 else None

    def resolve(self, mention: str, day=None) -> str | None:
        """The agency the project's resolver (:func:`graph.resolve.resolve`) finds for a mention the
        gazetteer does not know, accepted only when it existed on ``day`` and its names explain every
        word of the mention ('Kejaksaan Negeri Batam' is never taken for Kejari Pangkalpinang)."""
        key = (mention, day)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(mention, day)
        return self._resolved[key]

    def _resolve(self, mention: str, day) -> str | None:
        from graph.errors import NameNotFound
        from graph.resolve import resolve

        wanted = [w for w in fold(mention).split() if w not in NATIONAL_WORDS]
        if not wanted or not all(w in self.words for w in wanted):
            return None                # some word no agency name has: nothing could explain it

        try:
            iri = resolve(self.cat, mention, {"agency"})
        except (NameNotFound, ValueError):
            return None
        ent = self.cat.entities.get(iri)
        if ent is None or (day is not None and not self.cat.exists(iri, day)):
            return None
        words = {w for name in {*ent.labels.values(), *ent.alt_labels, *ent.abbreviations} for w in fold(name).split()}
        return iri if all(w in words for w in wanted) else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every known agency name in ``text``."""
        return [(m.start(), m.end()) for m in self.regex.finditer(text)] if self.regex else []

    @lru_cache(maxsize=4096)
    def region_at_end(self, mention: str) -> str | None:
        """The region of the graph whose name ends the mention (the longest such name), unless
        that name is shared ('Kantor Imigrasi Malang': the regency or the city of Malang).

        'Dinas Sosial Provinsi Kalimantan Selatan' → the region Kalsel.
        """
        folded = fold(mention)
        best = max((key for key in self.regions if folded == key or folded.endswith(" " + key)),
                   key=len, default=None)
        return next(iter(self.regions[best])) if best and len(self.regions[best]) == 1 else None
