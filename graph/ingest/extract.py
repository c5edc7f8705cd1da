"""Candidate facts from an article: organizations, persons with posts, events, regulations, figures.

Organizations come from the gazetteer of the graph (:mod:`.gazetteer`) plus
office names from head words, and persons from the grammar of posts (:mod:`.grammar`). Every candidate keeps the character
offsets of its mention and of its sentence.

>>> from graph.queries.lookup import open_lookup
>>> got = extract("Kepala Kantor Imigrasi Kelas II TPI Batulicin, Budi Santoso, hadir.", open_lookup())
>>> [(p["name"], p["organization"]) for p in got["persons"]]
[('Budi Santoso', 'https://w3id.org/mandat/id/kanim-batulicin')]
"""

from __future__ import annotations

import bisect
import gc
import re

from graph.ingest import grammar as G
from graph.ingest import patterns as P
from graph.ingest.gazetteer import Gazetteer, fold
from graph.ingest.text import sentences
from graph.queries.lookup import Lookup

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


BRACKETS = re.compile(r" ?\([^()]*\)")
NATIONAL_END = re.compile(r" (?:RI|Republik Indonesia)$")


def linked_prefix(text: str, start: int, end: int, gaz: Gazetteer, day=None) -> tuple[int, str | None]:
    """Drop trailing words of an office-pattern match until it names a known agency.

    'Kanwil Ditjen Imigrasi Kepulauan Babel Qris' ends in a person's name; its
    prefix 'Kanwil Ditjen Imigrasi Kepulauan Babel' is the office.
    """
    whole = " ".join(BRACKETS.sub(" ", text[start:end]).split())   # 'Kejaksaan Agung (Kejagung) RI'
    iri = gaz.link(NATIONAL_END.sub("", whole), day) if whole != text[start:end] or NATIONAL_END.search(whole) else None
    if iri:
        return end, iri
    cut = end
    while cut > start:
        iri = gaz.link(text[start:cut], day)
        if iri:
            return cut, iri
        space = text.rfind(" ", start, cut)
        if space <= start or len(text[start:space].split()) < 2 or text[space + 1:cut] in G.PLACE_ENDS:
            break                                       # 'Polres Bima Kota' is not 'Polres Bima'
        cut = space
    return end, None


KIND_GUESSES = [
    (r"^(Kantor Imigrasi|Imigrasi|Kanim|BP3MI|Balai|UPTD?|UPT BP2MI|Unit Pelaksana Teknis|Rudenim|Rumah Detensi|Lapas|"
     r"Rutan|Sentra)\b",
     "TechnicalUnit"),
    (r"^(Kantor Wilayah|Kanwil|Divisi)\b", "RegionalOffice"),
    (r"^(Dinas|Disnakertrans|Disnaker|Disperinakertrans|Dinsos|DP3A\w*|Disdukcapil|Bakesbangpol)\b",
     "RegionalDepartment"),
    (r"^(Polda|Polres|Polresta|Polrestabes|Polsek|Kepolisian|Ditreskrim\w*|Ditres\w+|Direktorat Reserse|Subdit|"
     r"Unit|Polairud|Bareskrim|Baharkam|Badan Reserse|Satuan Reserse|Satres\w+|Satreskrim)\b", "PoliceUnit"),
    (r"^(Kejati|Kejari|Kejagung|Kejaksaan|Jaksa Agung Muda)\b", "ProsecutionOffice"),
    (r"^(Pengadilan)\b", "Court"),
    (r"^(Satgas|Satuan Tugas|Gugus Tugas|Tim|Timpora)\b", "TaskForce"),
    (r"^(Kementerian Koordinator|Kemenko)\b", "CoordinatingMinistry"),
    (r"^(Kementerian|Kemen\w+|Kemnaker|Kemlu)\b", "Ministry"),
    (r"^(Direktorat Jenderal|Ditjen)\b", "DirectorateGeneral"),
    (r"^(Badan|BP2MI|BNN|Bakamla|Basarnas)\b", "NonMinisterialAgency"),
    (r"^(Pemerintah|Pemkab|Pemkot|Pemprov|Pemda)\b", "RegionalGovernment"),
]


def guess_kind(mention: str) -> str | None:
    """The agency class a new office name suggests.

    >>> guess_kind("Kantor Imigrasi Kelas I TPI Malang")
    'https://w3id.org/mandat/ontology#TechnicalUnit'
    >>> guess_kind("Kejaksaan Negeri Batam")
    'https://w3id.org/mandat/ontology#ProsecutionOffice'
    """
    for pattern, kind in KIND_GUESSES:
        if re.match(pattern, mention):
            return "https://w3id.org/mandat/ontology#" + kind
    return None


NEXT_CAP = re.compile(r" ([A-Z][\w.]*)")


def clean_end(text: str, end: int) -> bool:
    """True when a mention ending at ``end`` is not followed by another capitalised word, or only by a rank
    or title ('Polres Bima Kota AKP Andi': the office ends before the rank).

    >>> clean_end("Polres Bima Kota AKP Andi", 16), clean_end("Kantor Imigrasi Cilacap Mukhlis", 23)
    (True, False)
    """
    m = NEXT_CAP.match(text, end, end + 24)
    return m is None or m.group(1) in G.RANK_START or m.group(1) in G.TITLES


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


def office_spans(text: str, sents) -> list[tuple[int, int]]:
    """(start, end) of every office name introduced by a head word (:data:`grammar.ORG_HEAD`)."""
    return scan(text, sents)[0]


def office_at(text: str, toks: list, m, a: int) -> tuple[int, int] | None:
    """The office name whose head word ``m`` begins ``toks``, or None."""
    k = next((n for n, t in enumerate(toks) if t[1] >= m.end()), len(toks))
    before = text[max(a, m.start() - 12):m.start()].split()
    if m.group() in {"TNI", "Polri"} and before and before[-1] in G.RANK_START:
        return None                                    # 'Laksda TNI Arsyad Abdullah': part of the rank
    j = G.office_tail(toks, k, connectors=G.POST_CONNECTORS if m.group() in G.ABROAD_HEADS else G.CONNECTORS)
    if m.group() in G.UNIT_HEADS and not any(G.starts_office(toks, n) for n in range(k, j)):
        return None                                    # 'Divisi Imigrasi' alone names a post's unit
    if IN_TITLE.search(text, max(a, m.start() - 80), m.start()):
        return None                                    # 'Peraturan Ketua Harian Gugus Tugas ...' is a regulation
    return m.start(), toks[j - 1][2] if j > k else m.end()


SELAKU = re.compile(r"(?<![\w-])(?:selaku|sebagai|sang|yang (?:juga )?(?:menjabat(?: sebagai)?|merupakan)|yang juga) "
                    r"(?=[A-Z])")


def scan(text: str, sents, gaz: Gazetteer | None = None) -> tuple[list, dict, list]:
    """One reading of the sentences that hold a post, office or 'selaku' hit, each tokenised once:
    (office spans, persons found so far by name offset, posts waiting for the office names to be
    known before their name can be split off)."""
    hits = sorted([(m.start(), 0, m) for m in G.POST_HEAD.finditer(text)]
                  + [(m.end(), 1, m) for m in SELAKU.finditer(text)]
                  + [(m.start(), 2, m) for m in G.ORG_HEAD.finditer(text)], key=lambda h: h[0])
    offices, found, pending = [], {}, []
    cache = G.SentenceTokens(text, sents)
    memo: dict[str, tuple] = {}                         # a sentence repeated (captions, boilerplate) is read once
    n = 0
    while n < len(hits):                                # one sentence at a time: its posts, then 'selaku', then offices
        a, b = sentence_of(sents, hits[n][0])
        group = []
        while n < len(hits) and (hits[n][0] < b or b <= a and not group):
            group.append(hits[n])
            n += 1
        key = text[a:b] if b > a else None
        if key is not None and key in memo:
            here = shifted(memo[key], a)
        else:
            here = read_sentence(text, cache, a, b, group)
            if key is not None and len(memo) < 20_000:
                memo[key] = shifted(here, -a)
        offices += here[0]
        found.update(here[1])
        pending += here[2]
    return offices, found, pending


def read_sentence(text: str, cache, a: int, b: int, group: list) -> tuple[list, dict, list]:
    """(office spans, persons by name offset, pending posts) of one sentence's hits."""
    offices, found, pending = [], {}, []
    for offset, kind, m in sorted(group, key=lambda h: (h[1], h[0])):
        whole, i = cache.at(offset, (a, b))
        if kind == 0:
            post_at(text, whole, i, m, found, pending)
        elif kind == 1:
            selaku_at(text, whole, i, found)
        else:
            span = office_at(text, whole[i:i + 40], m, a)
            if span:
                offices.append(span)
    return offices, found, pending


def shifted(read: tuple[list, dict, list], by: int) -> tuple[list, dict, list]:
    """A sentence's reading with every offset moved by ``by``."""
    offices, found, pending = read
    return ([(s + by, e + by) for s, e in offices],
            {k + by: (name, post, start + by, end + by) for k, (name, post, start, end) in found.items()},
            [(head, [(w, s + by, e + by) for w, s, e in toks], k, j) for head, toks, k, j in pending])


IN_TITLE = re.compile(r"\b(?:Peraturan|Keputusan|Permen\w*|Instruksi|Surat Edaran)(?: [A-Z][\w.]*)* $")
SECTOR_WORDS = {"sosial", "kesehatan", "pendidikan", "tenaga", "kerja", "dan", "serta", "transmigrasi", "perdagangan",
                "pemberdayaan", "perempuan", "perlindungan", "anak", "kependudukan", "pencatatan", "sipil", "kominfo",
                "komunikasi", "informatika", "perindustrian", "ketenagakerjaan", "pariwisata", "perhubungan",
               "nakertrans", "naker", "pmd", "pmdes", "ppa", "pppa", "p3a", "ppkb", "kb", "dukcapil", "capil",
               "masyarakat", "desa", "pemberdayaan", "penanaman", "modal", "ptsp", "dpmptsp", "kb", "keluarga"}
NEEDS_PLACE = {"kantor imigrasi", "imigrasi", "kanwil", "kanim", "polda", "polres", "polresta", "polsek", "kejati",
               "kejari", "kejaksaan negeri", "kejaksaan tinggi", "pengadilan negeri", "pengadilan", "dinas",
               "disnaker", "disnakertrans", "dinsos", "pemkab", "pemkot", "pemprov", "rudenim", "lapas", "rutan",
               "satgas", "gugus tugas", "bp3mi", "ditreskrimum", "ditreskrimsus", "kepolisian daerah",
               "kepolisian resor", "upt", "balai", "badan", "dprd", "direktorat", "subdit", "unit", "divisi",
               "satuan tugas", "tim", "serikat", "perkumpulan", "yayasan", "dpc", "lembaga",
               "kementerian", "pemerintah", "pemda", "pemerintah daerah", "sat reskrim", "satreskrim",
               "satuan reserse kriminal", "kesbangpol",
               "diskominfo", "dinkominfo", "dinkes", "dishub", "disdik", "disperindag", "dispar", "bpbd", "dpppa",
               "dpmd", "dpmptsp", "dispendukcapil", "sekretariat daerah", "setda", "suku dinas", "sudin", "uppa",
               "p2tp2a", "ukk", "ulp", "dp3a", "dp3akb", "dp3ap2kb", "pkk", "tp pkk", "pangkalan tni", "posal", "kpu",
               "kpud", "bawaslu", "panwaslu", "inspektorat", "kbri", "kjri", "konsulat", "p4mi", "p3mi", "ltsa",
               "forkopimcam", "bnnk", "bnnp", "sentra", "sentra pelayanan kepolisian terpadu", "spkt", "kskp",
               "yonif", "batalyon",
               "unit pelaksana teknis", "unit pelaksana teknis daerah"}


def is_generic(mention: str) -> bool:
    """A mention that names a kind of office, not one office: 'Kantor Imigrasi', 'Dinas Sosial', 'Polres'.

    >>> [is_generic(m) for m in ("Dinas Sosial", "Dinas Kominfo Belu", "Polres", "Polri")]
    [True, False, True, False]
    """
    if P.GENERIC.match(mention):
        return True
    words = fold(BRACKETS.sub("", mention)).split()
    if " ".join(words) in NEEDS_PLACE or (len(words) == 1 and words[0] in {"disnakertrans", "disnaker", "dinsos"}):
        return True
    return bool(words) and words[0] == "dinas" and len(words) > 1 and all(w in SECTOR_WORDS for w in words[1:])


def org_spans(text: str, gaz: Gazetteer, sents, offices: list | None = None) -> list[tuple[int, int]]:
    """Non-overlapping spans of known agency names and of office names introduced by a head word."""
    return longest_first(gaz.spans(text) + (office_spans(text, sents) if offices is None else offices))


def organizations(text: str, gaz: Gazetteer, sents, day=None, cut_at: list[int] | None = None,
                  raw: list[tuple[int, int]] | None = None) -> list[dict]:
    """Every organization mention: linked to the graph (as of ``day``), generic, or proposed with a kind
    and region. ``cut_at`` are offsets where a person's name begins: a mention never runs into one."""
    raw = org_spans(text, gaz, sents) if raw is None else raw
    cuts = sorted(cut_at or [])
    spans, linked, read = [], {}, {}
    for start, end in raw:
        i = bisect.bisect_right(cuts, start)
        named = i < len(cuts) and cuts[i] < end         # a person's name ends the mention: no need to trim it
        if named:
            end = cuts[i]
            while end > start and text[end - 1] in " ,":
                end -= 1
            if end <= start:
                continue
        key = text[start:end]
        if key not in linked:
            linked[key] = linked_prefix(key, 0, len(key), gaz, day)
        cut, iri = linked[key]
        spans.append((start, start + cut, iri, named))
    known = {fold(text[a:b]) for a, b, _, _ in spans if clean_end(text, b)}
    known |= {k.rsplit(" ", 1)[-1] for k in known if len(k.split()) > 2} | set(gaz.regions)
    out = []
    for start, end, iri, named in spans:
        if HEAD_OF_STATE.match(text, start, end):
            continue                                    # 'Presiden RI' is a post, not a body (README rules)
        key = (text[start:end], clean_end(text, end), iri, named)     # the same words read the same way
        if key not in read:
            mention, cut = key[0], len(key[0])
            if iri is None and not named and not key[1]:
                cut = trim_to_known(mention, 0, cut, known)
                mention = mention[:cut]
            post_bracket = POST_BRACKET.search(mention)
            if post_bracket and G.POST_HEAD.match(post_bracket.group(1)):
                cut = post_bracket.start()             # 'Komando Armada I (Pangkoarmada I)': the post's short form
                mention = mention[:cut]
            generic = is_generic(mention)
            found = iri if iri or generic else gaz.resolve(mention, day)
            proposed = {} if found or generic else {"kind": guess_kind(mention), "region": gaz.region_at_end(mention)}
            read[key] = (cut, {"text": mention, "iri": found, "label": gaz.cat.label(found) if found else mention,
                               "generic": generic, **proposed})
        cut, item = read[key]
        out.append({**item, "start": start, "end": start + cut, "sentence": sentence_of(sents, start)})
    return out


POST_BRACKET = re.compile(r" \(([^()]+)\)$")
HEAD_OF_STATE = re.compile(r"(?:Wakil )?Presiden(?: RI| Republik Indonesia)?$")


def orgs_between(orgs: list[dict], starts: list[int], start: int, end: int) -> list[dict]:
    """The organizations whose mention starts in ``[start, end)``; ``starts`` are their sorted offsets."""
    return orgs[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


TERMINATORS = {",", ".", ";", ")", ":", "?", "!", "\"", "”"}
BEFORE_NAME = {",", ";", ":", "(", "dan", "serta", "yakni", "yaitu", "oleh", "bersama", "Hadir", "hadir", "pula",
               "antara", "lain", "\"", "“"}


def ends_phrase(toks, i: int) -> bool:
    """A name or post may end before ``toks[i]``: punctuation, a lower-case word or the window's end."""
    return i >= len(toks) or toks[i][0] in TERMINATORS or not G.is_cap(toks[i][0]) and not G.is_number(toks[i][0])


def name_before(toks, end: int) -> tuple[int, int] | None:
    """(start, end) token indexes of a name ending at ``end`` (degrees and rank skipped), whose
    previous token may begin a name: sentence start, punctuation, 'dan', 'yakni', a rank or title."""
    stop = G.skip_degrees_back(toks, end)
    for b in range(max(0, stop - 6), stop):
        if G.name_run(toks, b) == stop and not any(unit_word(t[0]) for t in toks[b:stop]):
            before = b
            while before > 0 and (toks[before - 1][0] in G.TITLES or toks[before - 1][0] in G.RANK_START
                                  or toks[before - 1][0] in G.RANK_MORE):
                before -= 1
            prev = toks[before - 1][0] if before else ""
            if before < b or before == 0 or prev in BEFORE_NAME or prev in OPENERS \
                    or (prev[:1].islower() and prev not in PLACE_PREPOSITIONS):
                return b, stop
    return None


# Before a name: a lower-case word ('kata Budi Santoso, Kepala ...') bounds it, except the words that put a
# place before a comma ('di Mataram, Kepala ...'); so do a few sentence openers ('Menurut Budi selaku ...').
PLACE_PREPOSITIONS = {"di", "ke", "dari", "menuju", "asal", "wilayah", "kawasan", "daerah", "kabupaten", "kota",
                      "provinsi", "desa", "kecamatan", "kelurahan", "dusun", "pulau", "negara", "arah"}
OPENERS = {"Menurut", "Sementara", "Oleh"}


def persons(text: str, orgs: list[dict], sents, gaz: Gazetteer | None = None,
            known: set[str] | None = None) -> list[dict]:
    """Persons with their posts, in the shapes of :mod:`.grammar`, each with the office its post names."""
    return with_offices(find_persons(text, sents, gaz, known), orgs, sents)


def find_persons(text: str, sents, gaz: Gazetteer | None = None, known: set[str] | None = None,
                 scanned: tuple | None = None) -> list[tuple]:
    """(name, post, start, end, name start) of every person named with a post, in text order."""
    offices, found, pending = scanned or scan(text, sents, gaz)
    ends: dict[str, int] = {}
    for a, b in offices:                                # how many office mentions end in each word
        last = fold(text[a:b]).rsplit(" ", 1)[-1]
        ends[last] = ends.get(last, 0) + 1
    known = set(known or ())
    for _, post, _, _ in found.values():                # 'Kapolres Kukar AKBP ...': Kukar is a place here
        words = post.split()
        if len(words) > 1 and G.PLAIN_RE.fullmatch(words[-1]) and words[-1] not in G.PLACE_ENDS:
            last = fold(words[-1])
            ends[last] = ends.get(last, 0) + 1
            known.add(last)
    named_posts, evidence, appositions = set(), None, None
    for head, toks, k, j in pending:                    # post Name (no comma): cut where the office ends
        if head == BACK:
            continue
        if head == OWN:                                 # 'Bupati Pemalang Anom Widiyantoro, Umroni ...'
            cut = known_cut(text, toks, k, j, gaz, known, ends)
            if cut and not names_place(toks, cut, j, gaz.regions if gaz else {}):
                appositions = appositions if appositions is not None else {v[2]: key for key, v in found.items()}
                found.pop(appositions.pop(toks[0][1], None), None)      # the comma's name was not this post's
                add_person(text, found, toks, 0, cut, cut, j)
            continue
        if evidence is None:
            evidence = spoken_names(text)
        cut = split_post_name(text, toks, k, j, gaz, known, standalone=bool(G.STANDALONE.match(head)),
                              evidence=evidence, ends=ends)
        if cut:
            add_person(text, found, toks, 0, cut, cut, j)
            named_posts.add(toks[0][1])
    for head, toks, k, j in pending:                    # Name, post: unless the post was followed by its own name
        if head == BACK and toks[k][1] not in named_posts and toks[0][1] not in found:
            found[toks[0][1]] = (G.name_text(text, toks, 0, k), text[toks[k][1]:toks[j - 1][2]], toks[0][1],
                                 toks[j - 1][2])
    return [(*found[k], k) for k in sorted(found)]


BACK = "\x00back"          # a pending 'Name, post': name tokens, then the post's tokens
OWN = "\x00own"            # a pending 'post Name, Other': the post may hold its own name before the comma


def holds_a_name(toks, k: int, j: int) -> bool:
    """True when the post's last two or three words could be a name ('Bupati Pemalang Anom Widiyantoro')."""
    return any(G.name_run(toks, n) == j for n in range(max(k + 1, j - 3), j - 1))


SPEECH = (r"mengatakan|menjelaskan|menambahkan|menyebut(?:kan)?|menegaskan|menilai|berharap|mengimbau|menuturkan|"
          r"mengungkapkan|menyampaikan|memaparkan|meminta|menerangkan|mengaku|melanjutkan|berujar|menyatakan|"
          r"mengharapkan|menekankan|mengingatkan|memastikan|mengajak|mendorong|membenarkan|mengapresiasi")
SPOKEN = re.compile(
    rf"(?:^|[.,;:\"“”(] ?|\b[a-z][a-z-]* )"
    rf"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){{0,3}}),? (?:pun |juga )?(?:{SPEECH})\b"
    r"|\b(?:kata|ujar|ucap|tutur|jelas|ungkap|papar|terang|tegas|imbuh|sebut|lanjut|menurut|Menurut|sapaan) "
    r"([A-Z][a-z'’-]+)", re.M)


def spoken_names(text: str) -> set[str]:
    """First words of the names the article makes speak ('Ari menambahkan', 'kata Ari'): a word there is a
    person's name, which tells a name from a place after an office the graph does not know."""
    out = set()
    for m in SPOKEN.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        if words[0] not in G.STOP_CAPS or words[0] in G.NAME_PREFIXES:
            out.add(words[0])
    return out


def has_own_post(toks, q: int) -> bool:
    """True when 'sebagai' or 'selaku' follows the name ending at ``q``: 'Kepala Dinas X, Azhahir sebagai Kepala
    Inspektorat' lists two people, and the second is not the first post's apposition."""
    return q < len(toks) and toks[q][0] in {"sebagai", "selaku"}


def after_party(toks, j: int) -> int:
    """The index after 'dari Partai Demokrat' or 'dari Fraksi PKB' at ``j`` (``j`` when there is none): a
    member's party between the post and the name is no part of either."""
    if j + 1 < len(toks) and toks[j][0] == "dari" and toks[j + 1][0] in {"Partai", "Fraksi"}:
        return G.office_tail(toks, j + 1)
    return j


def place_words_end(toks, n: int) -> int:
    """The index after the one or two capitalised plain words from ``n`` ('Turki', 'Arab Saudi')."""
    end = n
    while end < len(toks) and end - n < 2 and G.PLAIN_RE.fullmatch(toks[end][0]):
        end += 1
    return end


def titled_name_after(toks, q: int) -> tuple[int, int] | None:
    """(start, end) of a name after the comma at ``q`` that a rank or title introduces and a phrase end
    closes: in 'Duta Besar RI untuk Ankara, Turki, Dr. Lalu Muhamad Iqbal.' the words before that comma are
    the post's place, as a title never comes before a place."""
    if q >= len(toks) or toks[q][0] != ",":
        return None
    p = G.skip_titles(toks, q + 1)
    end = G.name_run(toks, p)
    return (p, end) if p > q + 1 and end > p and ends_phrase(toks, G.skip_degrees(toks, end)) else None


def add_person(text: str, found: dict, toks, p0: int, p1: int, n0: int, n1: int) -> None:
    post = text[toks[p0][1]:toks[p1 - 1][2]]
    if toks[n0][1] not in found and len(post) > 2:
        found[toks[n0][1]] = (G.name_text(text, toks, n0, n1), post, min(toks[p0][1], toks[n0][1]),
                                 max(toks[p1 - 1][2], toks[n1 - 1][2]))


def post_at(text: str, whole: list, i: int, m, found: dict, pending: list) -> None:
    """The person named around the post whose head word ``m`` is token ``i`` of its sentence."""
    toks = whole[i:i + 50]
    k = next((n for n, t in enumerate(toks) if t[1] >= m.end()), len(toks))
    standalone = bool(G.STANDALONE.match(m.group()))
    if standalone:
        j = k
        while j < len(toks) and (G.is_abbrev(toks[j][0]) and not G.is_degree(toks[j][0]) or toks[j][0] == "Polri"):
            j += 1                                      # 'Presiden RI', 'Kabareskrim Polri'
        if j + 1 < len(toks) and toks[j][0] == "Republik" and toks[j + 1][0] == "Indonesia":
            j += 2
        if j < len(toks) and toks[j][0] != ",":       # Presiden RI Joko Widodo
            p = G.skip_titles(toks, j)
            q = G.name_run(toks, p)
            if q > p and ends_phrase(toks, G.skip_degrees(toks, q)):
                return add_person(text, found, toks, 0, j, p, q)
    else:
        connectors = G.POST_CONNECTORS_ABROAD if G.ABROAD_POSTS.match(text, m.start()) else G.POST_CONNECTORS
        j = G.office_tail(toks, k, limit=20, connectors=connectors)
        if j == k:                                      # 'Kepala bidang penempatan tenaga kerja Disnaker X'
            n = k
            while n < len(toks) and n - k < 10 and lower_post_word(toks[n][0]):
                n += 1
            if n > k and G.starts_office(toks, n):
                j = G.office_tail(toks, n, limit=20, connectors=connectors)
    c = after_party(toks, j)                            # 'Anggota DPRD Malut dari Partai Demokrat, Name'
    if c < len(toks) and toks[c][0] == ",":           # post, [rank] Name,
        p = G.skip_titles(toks, c + 1)
        q = G.name_run(toks, p)
        place = place_words_end(toks, c + 1) if p == c + 1 else p
        titled = titled_name_after(toks, place) if place > p else None
        if titled:                                      # post, Place, Dr. Name: the place ends the post
            return add_person(text, found, toks, 0, place, *titled)
        if q > p and ends_phrase(toks, G.skip_degrees(toks, q)) and not has_own_post(toks, q):
            if holds_a_name(toks, k, j):                # decided once the offices are known
                pending.append((OWN, toks[:j + 1], k, j))
            return add_person(text, found, toks, 0, j, p, q)
    p = G.skip_titles(toks, j)
    if p > j:                                           # post rank Name
        q = G.name_run(toks, p)
        if q > p and ends_phrase(toks, G.skip_degrees(toks, q)):
            return add_person(text, found, toks, 0, j, p, q)
    if j > k and ends_phrase(toks, G.skip_degrees(toks, j)):   # post Name: decided once the offices are known
        pending.append((m.group(), toks[:max(j + 1, G.skip_degrees(toks, j))], k, j))   # degrees kept: a name's sign
    if m.start() >= 2 and text[m.start() - 2:m.start()] == ", " and ends_phrase(toks, j):   # Name, post;
        back = whole[max(0, i - 16):i]                  # a name and its rank are never further back
        hit = name_before(back, len(back) - 1) if back and back[-1][0] == "," else None
        if hit:                                         # decided once we know the post has no name of its own
            n0, n1 = hit
            pending.append((BACK, back[n0:n1] + toks[:j], n1 - n0, n1 - n0 + j))
    if m.start() >= 1 and text[m.start() - 1] == "(" and j < len(toks) and toks[j][0] == ")":   # Name (post)
        bracketed_post(text, whole[max(0, i - 17):i - 1], toks[:j], found)


def post_runs_into(toks, n: int) -> bool:
    """True when a post begins among the words before ``toks[n]`` with no punctuation between."""
    while n > 0 and toks[n - 1][0] not in TERMINATORS and toks[n - 1][0] != "(":
        n -= 1
        if G.starts_post(toks, n):
            return True
    return False


def bracketed_post(text: str, back: list, post: list, found: dict) -> None:
    """'Budi Santoso (Kepala Disnaker Lombok Timur)': the name right before the bracket holds the post in it,
    unless a post runs up to the bracket ('Kepala Seksi Perdata dan Tata Usaha Negara (Kasi Datun)')."""
    hit = name_before(back, len(back)) if back else None
    if hit and back[hit[0]][1] not in found and not post_runs_into(back, hit[0]):
        n0, n1 = hit
        found[back[n0][1]] = (G.name_text(text, back, n0, n1), text[post[0][1]:post[-1][2]], back[n0][1], post[-1][2])


TRIGGER_WORDS = {"yang", "juga", "menjabat", "sebagai", "merupakan"}


LOWER_POST_WORDS = {"bidang", "seksi", "sub", "bagian", "urusan", "dan", "serta", "tenaga", "kerja", "hukum", "umum",
                    "pidana", "khusus", "sosial", "anak", "perempuan", "hubungan", "masyarakat", "luar", "negeri",
                    "intelijen", "keimigrasian", "lalu", "lintas", "tindak", "informasi", "data", "teknologi"}


def unit_word(word: str, after: str = "") -> bool:
    """A word of a unit's or sector's name, never of a person's: 'Keimigrasian', 'Status', 'Sosial'
    ('Lalu' and 'Anak' begin Sasak and Balinese names, unless 'Lintas' or another word than 'Agung' follows).

    >>> unit_word("Keimigrasian"), unit_word("Lalu", "Lintas"), unit_word("Lalu", "Muhamad"), unit_word("Herman")
    (True, True, False, False)
    """
    low = word.lower()
    if low in {"lalu", "anak"}:
        return after not in {"", "Agung"} and (low == "anak" or after == "Lintas")
    return lower_post_word(low) or low in SECTOR_WORDS or low in UNIT_WORDS


def units_then_name(toks, k: int, cut: int, j: int) -> bool:
    """True when only a unit's words stand between the post's head and a name of words that are no unit's:
    'Kasi Intel Dakim | Herman Takasiliang', 'Kepala Seksi Intelijen dan Penindakan Keimigrasian | Ari Sulistyanto'."""
    def unit_at(n: int) -> bool:
        return unit_word(toks[n][0], toks[n + 1][0] if n + 1 < len(toks) else "")
    return all(unit_at(n) or toks[n][0] in G.CONNECTORS for n in range(k, cut)) \
        and not any(unit_at(n) for n in range(cut, j))


UNIT_WORDS = {"status", "tinggal", "izin", "ijin", "lantas", "dakim", "inteldakim", "tikim", "lalintalkim", "penkum",
              "humas", "reskrim", "intel", "pidum", "pidsus", "datun", "komunikasi", "lintas", "lantaskim", "lalintal",
              "renakta", "tipidter", "opsnal", "ops", "binmas", "sabhara", "samapta", "narkoba",
              "penmas", "perdata", "tata", "usaha", "negara", "bina", "penempatan", "pelatihan", "produktivitas",
              "rehabilitasi", "pemberdayaan", "perlindungan", "pembangunan", "perekonomian", "pemerintahan", "politik",
              "operasional", "teknis", "administrasi", "program", "evaluasi", "advokasi", "hak", "kasus", "kerjasama",
              "sama", "industrial", "syarat", "jaminan", "norma", "statistik", "sandi", "aplikasi", "layanan", "publik",
              "eksekusi", "eksaminasi", "upaya", "barang", "bukti", "rampasan", "aset", "informatika", "protokol",
              "dokumentasi", "tuna", "susila", "terlantar", "disabilitas", "lansia", "fakir", "miskin", "bencana",
              "alam", "rawan", "pengaduan", "reintegrasi", "repatriasi", "ketenagakerjaan", "transmigrasi"}


def lower_post_word(word: str) -> bool:
    """A lower-case word of a post's unit ('bidang perencanaan pelatihan dan penempatan tenaga kerja')."""
    return word in LOWER_POST_WORDS or (len(word) > 5 and word.isalpha() and word.islower()
                                        and word.startswith(("pe", "ke")) and word.endswith("an"))


def selaku_at(text: str, whole: list, i: int, found: dict) -> None:
    """'Name, selaku Post': token ``i`` is the post's first word."""
    toks = whole[i:i + 40]
    j = G.office_tail(toks, 0, limit=20)
    if not text.startswith("selaku", toks[0][1] - 7) and not G.starts_post(toks, 0) if toks else True:
        return                                          # 'sebagai', 'yang juga ...': only before a post word
    back = whole[max(0, i - 17):max(0, i - 1)]
    while back and back[-1][0] in TRIGGER_WORDS:
        back = back[:-1]
    if back and back[-1][0] == ",":
        back = back[:-1]
    hit = name_before(back, len(back)) if back else None
    if j and hit:
        n0, n1 = hit
        start = back[n0][1]
        if start not in found:
            found[start] = (G.name_text(text, back, n0, n1), text[toks[0][1]:toks[j - 1][2]], start,
                            toks[j - 1][2])


def with_offices(found: list[tuple], orgs: list[dict], sents) -> list[dict]:
    """Each person with the last specific office named inside the post."""
    out, starts = [], [o["start"] for o in orgs]
    for name, post, start, end, _ in found:
        inside = [o for o in orgs_between(orgs, starts, start, end) if o["end"] <= end and not o["generic"]]
        org = inside[-1] if inside else None
        out.append({"name": name, "post": " ".join(post.split()), "organization": org["iri"] if org else None,
                    "organization_text": org["text"] if org else None, "start": start, "end": end,
                    "sentence": sentence_of(sents, start)})
    return out


def ends_in_province(toks, cut: int) -> bool:
    """True when the tokens before ``cut`` end with a province's name or short form ('NTB', 'Jawa Timur')."""
    if toks[cut - 1][0] in G.PROVINCES:
        return True
    before = " ".join(t[0] for t in toks[max(0, cut - 4):cut])
    return any(before.endswith(name) for name in G.PROVINCE_NAMES)


PLACE_WORDS = {"Kabupaten", "Kota", "Provinsi", "Kecamatan", "Desa", "Kelurahan", "Daerah", "Wilayah", "Pulau", "Kab.",
               "Kec.", "Prov.", "Kel."}


def split_post_name(text, toks, k: int, j: int, gaz, known: set[str], standalone: bool,
                    evidence: set[str] = frozenset(), ends: dict | None = None) -> int | None:
    """Where the office ends in 'Kepala Kantor Imigrasi Cilacap Ryo Achdar': the token index that begins
    the name, found as the longest office prefix known to the graph or written elsewhere without a name;
    failing that, the longest name whose first word the article makes speak ('kata Ryo'), or a name of two
    or three words after an abbreviation ('Menteri Hukum dan HAM Yasonna Laoly'). A province or a region of
    the graph is never the name ('Kepala Kanwil Kemenkumham Sumatera Selatan, ...')."""
    if standalone:
        return k if G.name_run(toks, k) == j else None
    cut = known_cut(text, toks, k, j, gaz, known, ends)
    cut = cut or unknown_cut(toks, k, j, evidence) or bare_office_cut(toks, k, j, known, ends or {})
    return None if cut is None or names_place(toks, cut, j, gaz.regions if gaz else {}) else cut


def names_place(toks, cut: int, j: int, regions=frozenset()) -> bool:
    """True when the words ``toks[cut:j]`` are a province's name or short form, or a region of the graph.

    >>> names_place([("Sumatera", 0, 8), ("Selatan", 9, 16)], 0, 2)
    True
    """
    words = " ".join(t[0] for t in toks[cut:j])
    return words in G.PROVINCES or words in G.PROVINCE_NAMES or fold(words) in regions


def head_end(toks, cut: int) -> int:
    """The index after the last office or post head word before ``cut`` ('Kantor Imigrasi', 'Kepala')."""
    end = 0
    for n in range(cut):
        word = toks[n][0]
        if not word[:1].isupper() or (word == "Imigrasi" and n and toks[n - 1][0] in {"Jenderal", "Dirjen", "Ditjen"}):
            continue
        joined = " ".join(t[0] for t in toks[n:min(cut, n + 4)])
        for regex in (G.ORG_HEAD, G.POST_HEAD):
            m = regex.match(joined)
            if m:
                end = max(end, n + len(m.group().split()))
                if m.group() in DINAS_HEADS:
                    end = sector_end(toks, end, cut)
    return end


DINAS_HEADS = {"Dinas", "Suku Dinas", "Sudin"}


def sector_end(toks, n: int, stop: int) -> int:
    """The index after the capitalised sector words from ``n`` (before ``stop``): 'Dinas Tenaga Kerja' is
    the head of a department, not 'Dinas' before a name 'Tenaga Kerja'."""
    while n < stop and G.is_cap(toks[n][0]) and fold(toks[n][0]) in SECTOR_WORDS:
        n += 1
    return n


def after_place(toks, cut: int) -> bool:
    """True when the words before ``cut`` end with a place named after its kind or after 'TPI': 'Kabupaten
    Pemalang', 'Kab. Lombok Timur', 'Kota Tanah Bumbu', 'TPI Sabang' (one word, or one ending in a direction)."""
    n = cut - 1
    while n > 0 and toks[n][0] in G.PLACE_ENDS:
        n -= 1
    if n > 0 and toks[n - 1][0] in G.PLACE_STARTS:
        n -= 1
    return n > 0 and n < cut and (place_kind_at(toks, n - 1) or toks[n - 1][0] == "TPI") \
        and G.PLAIN_RE.fullmatch(toks[n][0]) is not None and toks[n][0] not in G.STOP_CAPS   # not 'TPI Pelabuhan'


def place_kind_at(toks, n: int) -> bool:
    """True when ``toks[n]`` names a place's kind ('Kabupaten', 'Desa'), not the last word of a sector
    ('Pemberdayaan Masyarakat Desa', 'Perencanaan Pembangunan Daerah')."""
    sector_end_word = toks[n][0] in {"Desa", "Daerah"} and n > 0 and unit_word(toks[n - 1][0])
    return toks[n][0] in PLACE_WORDS and not sector_end_word


def bare_office_cut(toks, k: int, j: int, known: set[str], ends: dict) -> int | None:
    """'Ketua KPU Erlyando, Ketua Bawaslu M. Rahman', 'Bupati Anna Mu'awanah, Kajari ...': a post of an office
    named by its head word alone (or a post alone, before a name of two or three words), then a name the
    article never writes as an office's place, then a comma."""
    cut = head_end(toks, j)
    bare_post = cut == k and 2 <= j - cut <= 3
    sector = 2 <= j - cut and fold(toks[cut - 1][0]) in SECTOR_WORDS        # 'Sekretaris Dinas Tenaga Kerja Sifa Aini,'
    headed = bare_post or sector or G.is_abbrev(toks[cut - 1][0]) or G.starts_office(toks, cut - 1)
    if not (k <= cut < j) or not headed \
            or j - cut > 3 or G.name_run(toks, cut) != j or toks[j - 1][0] in G.PLACE_ENDS \
            or toks[cut][0] in G.PLACE_STARTS or toks[cut - 1][0] in PLACE_WORDS \
            or any(t[0] in G.PROVINCES for t in toks[cut:j]) or ends_in_province(toks, j):
        return None
    if j < len(toks) and toks[j][0] not in {",", ";"}:
        return None
    # a word that ends an office elsewhere is a place; this very mention, which ran into the name, does not count
    own = any(fold(" ".join(t[0] for t in toks[n:j])) in known for n in range(j))
    for t in toks[cut:j]:
        word = fold(t[0])
        if ends.get(word, 0) > (1 if own and t is toks[j - 1] else 0) or word in known and not own:
            return None
    return cut


def unknown_cut(toks, k: int, j: int, evidence: set[str]) -> int | None:
    """Where a name the graph cannot confirm begins after an office: its first word speaks elsewhere in the
    article, it follows a place's kind ('Kabupaten Pemalang'), it has degrees after it ('Setda OKU Selatan
    Natalion, S.STP.'), it is Balinese ('I Made Sudarma'), it follows a country or only a unit's words ('Kasi
    Intel Dakim Herman Takasiliang'), or it is two or three words after an abbreviation."""
    degreed = followed_by_degree(toks, j)
    for cut in range(k, j):
        if G.name_run(toks, cut) != j or j - cut > 5 or place_kind_at(toks, cut - 1) \
                or toks[cut][0] in G.PLACE_ENDS or toks[cut][0] in G.PLACE_STARTS or toks[j - 1][0] in G.PLACE_ENDS \
                or toks[cut - 1][0] in G.OFFICE_INNER or toks[cut - 1][0] in G.PLACE_STARTS or cut <= head_end(toks, cut):
            continue
        first = cut + 1 if G.INITIAL_RE.fullmatch(toks[cut][0]) and cut + 1 < j else cut   # 'M. Yongen Pangkei'
        if toks[first][0] in evidence or after_place(toks, cut) or balinese_at(toks, cut, j) \
                or after_country(toks, cut):
            return cut
        if degreed and j - cut <= 4 and fold(toks[cut][0]) not in SECTOR_WORDS:
            return cut                                  # '... Perlindungan Anak Nova Susanti, SKM.'
        if 2 <= j - cut <= 4 and units_then_name(toks, k, cut, j):
            return cut                                  # 'Kasi Intel Dakim Herman Takasiliang'
        before = toks[cut - 1][0]
        if 2 <= j - cut <= 3 and (G.is_abbrev(before) or before in G.PROVINCES) and not G.is_degree(before):
            return cut
    return None


def after_country(toks, cut: int) -> bool:
    """True when a country ends the words before ``cut`` ('untuk Malaysia', 'Chapter Malaysia'): the post
    serves that country, and what follows is the name."""
    return cut >= 1 and toks[cut - 1][0] in G.COUNTRIES


def balinese_at(toks, cut: int, j: int) -> bool:
    """True when a Balinese name begins at ``cut`` and runs to ``j``: 'I Made Sudarma', 'Ni Luh Putu Ari'."""
    return j - cut >= 3 and toks[cut][0] in {"I", "Ni"} and toks[cut + 1][0] in G.BALINESE_NAMES


def followed_by_degree(toks, j: int) -> bool:
    """True when ', S.H.' or another degree follows ``toks[j]``'s comma: only a person's name carries one."""
    return j + 1 < len(toks) and toks[j][0] == "," and G.is_degree(toks[j + 1][0])


POST_OFFICES = [(re.compile(r"^(?:Plt\.? |Wakil )?Direktur Jenderal "), "Direktorat Jenderal "),
                (re.compile(r"^(?:Plt\.? |Wakil )?Dirjen "), "Ditjen "),
                (re.compile(r"^(?:Plt\.? |Wakil )?Menteri "), "Kementerian ")]


def office_of_post(post: str) -> str:
    """The office a head's title names: 'Direktur Jenderal Imigrasi' heads 'Direktorat Jenderal Imigrasi'.

    >>> office_of_post("Dirjen Imigrasi"), office_of_post("Kapolres Bima")
    ('Ditjen Imigrasi', 'Kapolres Bima')
    """
    for regex, office in POST_OFFICES:
        post = regex.sub(office, post)
    return post


def known_cut(text, toks, k: int, j: int, gaz, known: set[str], ends: dict | None = None) -> int | None:
    for cut in range(j - 1, k, -1):
        if G.name_run(toks, cut) != j or j - cut > 5 or toks[cut - 1][0] in PLACE_WORDS \
                or toks[cut][0] in G.PLACE_ENDS or toks[j - 1][0] in G.DIRECTIONS:
            continue                                    # 'Kabupaten Kupang', 'Sumba Timur' are places, not names
        office = text[toks[0][1]:toks[cut - 1][2]]
        tail = fold(office)
        words = tail.split()
        if any(" ".join(words[n:]) in known for n in range(len(words))) or ends_in_province(toks, cut) \
                or (gaz and any(gaz.link(text[t[1]:toks[cut - 1][2]]) for t in toks[1:cut])) \
                or (gaz and gaz.link(office_of_post(office))) \
                or (ends and fold(toks[cut - 1][0]) in ends and G.PLAIN_RE.fullmatch(toks[cut - 1][0])
                    and cut > head_end(toks, cut)):
            return cut                                  # ... or the word before ends an office elsewhere
    return None


def events(text: str, sents, article_date: str | None, orgs: list[dict] | None = None) -> list[dict]:
    """One event per kind named, with the first date and place found in its sentences and the
    organizations named in those sentences; a weekday without a date takes the article's date."""
    by_kind: dict[str, dict] = {}
    orgs = orgs or []
    starts = [o["start"] for o in orgs]
    seen_in: dict[str, tuple[int, int]] = {}
    for hit in P.EVENT.finditer(text):                  # one pass over the text, then each hit's sentence
        a, b = sentence_of(sents, hit.start())
        if b <= a or seen_in.get(P.EVENT_KINDS[hit.group(1).lower()]) == (a, b):
            continue
        sentence = text[a:b]
        for m in P.EVENT.finditer(sentence, hit.start() - a, hit.end() - a):
            kind = P.EVENT_KINDS[m.group(1).lower()]
            seen_in[kind] = (a, b)
            event = by_kind.setdefault(kind, {"kind": kind, "date": None, "place": None, "organizations": [],
                                              "start": a + m.start(), "end": a + m.end(), "sentence": (a, b)})
            dates = P.parse_dates(sentence) if not event["date"] else None
            if dates:
                event["date"], event["sentence"] = dates[0][2], (a, b)
            elif not event["date"] and P.WEEKDAY.search(sentence) and article_date:
                event["date"] = article_date
            place = P.PLACE.search(sentence) if not event["place"] else None
            if place:
                event["place"] = place.group(1).rstrip(".,")
            for org in orgs_between(orgs, starts, a, b):
                name = org["iri"] or org["text"]
                if not org["generic"] and name not in event["organizations"]:
                    event["organizations"].append(name)
    if "rapat koordinasi" in by_kind:          # the same meeting, named twice
        by_kind.pop("rapat", None)
    return list(by_kind.values())


def regulations(text: str, cat: Lookup, sents) -> list[dict]:
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


def extract(text: str, cat: Lookup, meta: dict | None = None) -> dict:
    """Every candidate in ``text``; ``meta`` may give the article's url and date (ISO; the graph is
    read as of that day when it is a full date)."""
    enabled = gc.isenabled()
    gc.disable()            # millions of small tuples, no cycles: the collector's passes would grow with the heap
    try:
        return _extract(text, cat, meta or {})
    finally:
        if enabled:
            gc.enable()


def _extract(text: str, cat: Lookup, meta: dict) -> dict:
    sents = sentences(text)
    gaz = Gazetteer(cat)
    day = P.as_of(meta.get("date"))
    scanned = scan(text, sents, gaz)
    raw = org_spans(text, gaz, sents, scanned[0])
    known = {fold(text[a:b]) for a, b in raw if clean_end(text, b)}
    known |= {k.rsplit(" ", 1)[-1] for k in known if len(k.split()) > 2} | set(gaz.regions)
    found = find_persons(text, sents, gaz, known, scanned)
    orgs = organizations(text, gaz, sents, day, cut_at=[f[4] for f in found], raw=raw)
    return {
        "source": {"url": meta.get("url") or meta.get("source"), "date": meta.get("date")},
        "organizations": orgs,
        "persons": with_offices(found, orgs, sents),
        "events": events(text, sents, meta.get("date"), orgs),
        "regulations": regulations(text, cat, sents),
        "figures": figures(text, sents),
    }
