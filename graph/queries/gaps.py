"""``mandat gaps``: where the TPPO chain breaks in a region, for planners.

Each kind of gap is one small function that yields findings; :func:`gaps`
runs the chosen kinds over the chosen regions. A finding is a dict with
``kind``, ``severity`` (high, medium, low), ``region``, ``subject``,
``explanation`` (one sentence in the chosen language), ``evidence`` (the facts
it rests on, with their sources) and ``suggestion``.

The coordination network (who can talk to whom) is a networkx graph of the
region's TPPO actors whose edges are shared task-force seats, agreements and
direct reporting lines on the date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache
from datetime import date

from graph import ns
from graph.model import Agreement, Interval, Responsibility
from graph.queries.common import source_ref
from graph.queries.lookup import FACT_KINDS, Lookup

KINDS = ("uncovered-step", "unknown-coverage", "unlinked-handover", "stale-mandate", "orphan-unit",
         "conflicting-leads", "weak-basis", "single-point-of-failure")
SEVERITIES = ("high", "medium", "low")
ROOT_CLASSES = {ns.MANDAT + "Presidency"}
TASK_FORCE = ns.MANDAT + "TaskForce"
NATIONAL = ns.MANDAT + "National"
MAX_LEADS = 6
PERSON_KINDS = ("uncovered-step", "unlinked-handover", "stale-mandate")
TOP = 20

TEXT = {
    "uncovered-none": ("Tidak ada instansi utama untuk tahap '{step}' yang melayani {region}.",
                       "No lead agency serves {region} for the step '{step}'."),
    "uncovered-national": ("Tahap '{step}' di {region} hanya dipimpin di tingkat pusat ({agencies}), padahal peraturan mengharapkan pelaku daerah.",
                           "The step '{step}' in {region} is led only at national level ({agencies}), where regulation expects a regional actor."),
    "unknown": ("Data tidak memuat pelaku daerah yang biasa memimpin tahap '{step}' di {region} ({kinds}); yang tercatat hanya tingkat pusat ({agencies}). Ini lubang data, belum tentu lubang pemerintahan.",
                "The data holds none of the regional actors that lead the step '{step}' elsewhere ({kinds}) for {region}; only national level is recorded ({agencies}). This is a hole in the data, not necessarily in government."),
    "unknown-sparse": ("Data hanya memuat sedikit pelaku daerah untuk {region} (tidak ada: {kinds}), sehingga tidak dapat memastikan siapa memimpin tahap '{step}'; yang tercatat hanya tingkat pusat ({agencies}). Ini lubang data, belum tentu lubang pemerintahan.",
                       "The data holds few regional actors for {region} (none of: {kinds}), so it cannot tell who leads the step '{step}'; only national level is recorded ({agencies}). This is a hole in the data, not necessarily in government."),
    "also": ("Sama di {n} wilayah lain (lihat daftar wilayah).", "The same in {n} other regions (see the list of regions)."),
    "unlinked": ("Kasus berpindah dari '{step}' ({a}) ke '{next}' ({b}), tetapi keduanya tidak punya saluran koordinasi di {region}.",
                 "Cases pass from '{step}' ({a}) to '{next}' ({b}), but the two share no coordination channel in {region}."),
    "stale": ("{fact} masih menunjuk {agency}, yang pada {day} sudah tidak ada.",
              "{fact} still names {agency}, which no longer existed on {day}."),
    "orphan": ("{agency} ada pada {day} tetapi tidak melapor kepada siapa pun.",
               "{agency} existed on {day} but reported to nobody."),
    "conflict": ("Ada {n} instansi utama untuk tahap '{step}' di {region}: {agencies}.",
                 "There are {n} lead agencies for the step '{step}' in {region}: {agencies}."),
    "weak-missing": ("Tanggung jawab {agency} atas '{step}' tidak menyebut dasar hukum.",
                     "The responsibility of {agency} for '{step}' cites no legal basis."),
    "weak-unverified": ("Dasar hukum tanggung jawab {agency} atas '{step}' belum terverifikasi.",
                        "The legal basis of {agency}'s responsibility for '{step}' is unverified."),
    "weak-repealed": ("Tanggung jawab {agency} atas '{step}' bersandar pada {basis}, yang sudah dicabut pada {day}.",
                      "The responsibility of {agency} for '{step}' rests on {basis}, which was repealed on {day}."),
    "spof-cut": ("Bila {agency} hilang, jaringan koordinasi TPPO di {region} terputus.",
                 "Removing {agency} disconnects the TPPO coordination network of {region}."),
    "spof-load": ("{agency} memimpin {n} tahap di {region} (ambang {limit}).",
                  "{agency} leads {n} steps in {region} (threshold {limit})."),
}
SUGGEST = {
    "uncovered-none": ("Tetapkan instansi utama untuk tahap ini di daerah, atau catat dasar hukum yang menunjuknya.",
                       "Assign a lead for this step in the region, or record the regulation that names one."),
    "uncovered-national": ("Cari pelaku provinsi atau kabupaten/kota untuk tahap ini dan catat dasar hukumnya.",
                           "Find the provincial or regency/city actor for this step and record its legal basis."),
    "unknown": ("Catat instansi daerah yang melayani wilayah ini beserta sumbernya (lihat mandat coverage), lalu periksa lagi.",
                "Record the regional agencies serving this region with their sources (see mandat coverage), then check again."),
    "unlinked": ("Buat saluran: keanggotaan gugus tugas bersama atau perjanjian kerja sama (MoU/PKS).",
                 "Create a channel: a shared task-force seat or a cooperation agreement (MoU/PKS)."),
    "stale": ("Alihkan ke penerusnya: {successors}.", "Move it to the successor: {successors}."),
    "stale-none": ("Tentukan instansi yang kini memegang mandat ini.", "Find the agency that now holds this mandate."),
    "orphan": ("Catat garis pelaporannya (mandat:ReportingLine) dengan dasar hukumnya.",
               "Record its reporting line (mandat:ReportingLine) with its legal basis."),
    "conflict": ("Tetapkan satu instansi utama; yang lain menjadi pendukung.",
                 "Settle on one lead; make the others support."),
    "weak": ("Periksa dan catat pasal peraturan yang berlaku.", "Check and record the article of the regulation in force."),
    "spof-cut": ("Tambahkan saluran cadangan antara instansi di kedua sisinya.",
                 "Add a backup channel between the agencies on either side of it."),
    "spof-load": ("Bagi kepemimpinan tahap dengan instansi lain.", "Share the lead of some steps with other agencies."),
}


def say(key: str, lang: str, table=TEXT, **values) -> str:
    return table[key][0 if lang == "id" else 1].format(**values)


class Context:
    """What every gap function needs: the catalog, the day, the language, indexes."""

    def __init__(self, cat: Lookup, day: date, lang: str, max_leads: int = MAX_LEADS, known=None):
        self.cat, self.day, self.lang, self.max_leads, self.known = cat, day, lang, max_leads, known
        for name in ("label", "frozen_ref", "leads", "seated", "chained"):   # asked again for every region
            setattr(self, name, cache(getattr(self, name)))
        self.by_step_jur: dict = defaultdict(list)
        self.by_jur: dict = defaultdict(list)
        self.forums: dict = defaultdict(list)
        for r in cat.responsibilities:
            if r.valid.contains(day):
                self.by_step_jur[(r.step, r.jurisdiction)].append(r)
                self.by_jur[r.jurisdiction].append(r)
        for ent in cat.agencies():
            if TASK_FORCE in ent.types and ent.valid.contains(day):
                for region in ent.attrs.get("regions", ()):
                    self.forums[region].append(ent.iri)

    def label(self, iri) -> str:
        return self.cat.label(iri, self.lang)

    def ref(self, iri) -> dict | None:
        """The JSON reference of ``iri``, a fresh copy each time (answers may extend it)."""
        found = self.frozen_ref(iri)
        return dict(found) if found is not None else None

    def frozen_ref(self, iri) -> dict | None:
        return self.cat.ref(iri, self.lang)

    def live(self, resps) -> list[Responsibility]:
        return [r for r in resps if self.cat.exists(r.agency, self.day)]

    def leads(self, step: str, region: str) -> tuple[str | None, list[Responsibility]]:
        """The nearest jurisdiction with a live lead for ``step`` above ``region``, and those leads."""
        for jur in self.cat.region_ancestors(region):
            leads = [r for r in self.live(self.by_step_jur.get((step, jur), [])) if r.role == "lead"]
            if leads:
                return jur, leads
        return None, []

    def seated(self, forum: str) -> frozenset[str]:
        """Who holds a seat in ``forum`` on the day."""
        return frozenset(m.member for m in self.cat.memberships_in(forum)
                         if not m.is_tenure and m.valid.contains(self.day))

    def chained(self, a: str, b: str) -> bool:
        """True when one of ``a`` and ``b`` reports, directly or not, to the other on the day."""
        return in_chain(self.cat, a, b, self.day)

    def evidence(self, fact, text: str) -> dict:
        return {"fact": fact.iri, "text": text, "confidence": fact.confidence or "verified",
                "sources": [source_ref(self.cat, s, self.lang) for s in fact.sources]}


def finding(ctx: Context, kind, severity, region, subject, explanation, evidence, suggestion,
            cause: tuple = (), steps: tuple = (), **extra) -> dict:
    """One finding about ``region``. ``cause`` names what produced it without the region, for
    findings that recur across regions (they are grouped, see :func:`group`); by default the
    region, subject and facts, so nothing else merges. ``steps`` are the steps it touches."""
    cause = cause or (region, subject, *(e["fact"] for e in evidence))
    return {"kind": kind, "severity": severity, "region": ctx.ref(region), "subject": ctx.ref(subject),
            "explanation": explanation, "evidence": evidence, "suggestion": suggestion,
            "cause": " ".join([kind, *(c or "-" for c in cause)]),
            "impact": {"steps": [ctx.ref(s) for s in steps]}, **extra}


def region_level(cat: Lookup, region: str) -> str:
    types = cat.entities[region].types
    if ns.MANDAT + "Country" in types:
        return "national"
    return "province" if ns.MANDAT + "Province" in types else "regency"


# -- 1. uncovered-step ------------------------------------------------------------

def uncovered_steps(ctx: Context, region: str):
    """Steps with no lead serving ``region``; national-only cover where a regional actor is expected.

    National-only cover is an ``unknown-coverage`` finding instead when the data lacks the
    kinds of actor that would lead the step in the region (:func:`graph.queries.coverage.lacking`).
    """
    from graph.queries.coverage import kind_code, lacking

    cat = ctx.cat
    for step in cat.step_order:
        jur, leads = ctx.leads(step, region)
        names = {"step": ctx.label(step), "region": ctx.label(region)}
        if not leads:
            yield finding(ctx, "uncovered-step", "high", region, step, say("uncovered-none", ctx.lang, **names),
                          [], say("uncovered-none", ctx.lang, SUGGEST), cause=(step,), steps=(step,))
        elif (region_level(cat, jur) == "national" and region_level(cat, region) != "national"
              and cat.entities[step].attrs.get("expects_regional")):
            agencies = ", ".join(ctx.label(r.agency) for r in leads)
            evidence = [ctx.evidence(r, f"{ctx.label(r.agency)} → {ctx.label(step)} ({ctx.label(jur)})")
                        for r in leads]
            missing = lacking(cat, ctx.known, region, step)
            if missing:
                text = "unknown" if ctx.known.step_kinds.get((step, region_level(cat, region))) else "unknown-sparse"
                yield finding(ctx, "unknown-coverage", "low", region, step,
                              say(text, ctx.lang, agencies=agencies, kinds=", ".join(map(kind_code, missing)),
                                  **names), evidence, say("unknown", ctx.lang, SUGGEST), cause=(step, jur),
                              steps=(step,), lacking=[kind_code(c) for c in missing])
            else:
                yield finding(ctx, "uncovered-step", "medium", region, step,
                              say("uncovered-national", ctx.lang, agencies=agencies, **names),
                              evidence, say("uncovered-national", ctx.lang, SUGGEST), cause=(step, jur), steps=(step,))


# -- 2. unlinked-handover ----------------------------------------------------------

def channels(ctx: Context) -> dict[str, set[str]]:
    """Who has a channel to whom on the day: agency → set of agencies (and forums)."""
    cat, day = ctx.cat, ctx.day
    pairs: dict[frozenset, list] = defaultdict(list)
    seats: dict[str, list] = defaultdict(list)
    for m in cat.memberships:
        if not m.is_tenure and m.valid.contains(day):
            seats[m.organization].append(m)
            pairs[frozenset((m.member, m.organization))].append(m)
    for forum, members in seats.items():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.member != b.member:
                    pairs[frozenset((a.member, b.member))].extend([a, b])
    for agr in cat.agreements:
        if agr.valid.contains(day):
            for i, a in enumerate(agr.parties):
                for b in agr.parties[i + 1:]:
                    pairs[frozenset((a, b))].append(agr)
    for line in cat.lines:
        if line.valid.contains(day):
            pairs[frozenset((line.unit, line.parent))].append(line)
    adjacency: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        if len(pair) == 2:
            a, b = tuple(pair)
            adjacency[a].add(b)
            adjacency[b].add(a)
    return adjacency


def in_chain(cat: Lookup, a: str, b: str, day: date) -> bool:
    """True when ``b`` is above ``a`` in its reporting chain on ``day`` (or the other way round)."""
    def above(x, y):
        seen = set()
        line = cat.line_at(x, day)
        while line is not None and line.parent not in seen:
            if line.parent == y:
                return True
            seen.add(line.parent)
            line = cat.line_at(line.parent, day)
        return False
    return above(a, b) or above(b, a)


def closing_links(ctx: Context, region: str, a: str, b: str) -> list[dict]:
    """The links that would give ``a`` and ``b`` a channel: a seat in a task force serving the
    region (nearest first) for whichever of them lacks one, an agreement between them, and,
    when the lower of the two reports to nobody, a reporting line to the other."""
    cat, day = ctx.cat, ctx.day
    out = []
    for jur in cat.region_ancestors(region):
        for forum in sorted(ctx.forums.get(jur, ())):
            seated = ctx.seated(forum)
            out.append({"link": "task-force-seat", "forum": ctx.ref(forum),
                        "seat_for": [ctx.ref(x) for x in (a, b) if x not in seated]})
    out.append({"link": "agreement", "parties": [ctx.ref(a), ctx.ref(b)]})
    lower, upper = sorted((a, b), key=lambda x: -ns.LEVELS.get(cat.entities[x].attrs.get("level"), 0))
    if cat.line_at(lower, day) is None:
        out.append({"link": "reporting-line", "unit": ctx.ref(lower), "parent": ctx.ref(upper)})
    return out


def is_national(cat: Lookup, iri: str) -> bool:
    """True when the agency works at national level."""
    return cat.entities[iri].attrs.get("level") == NATIONAL


def unlinked_handovers(ctx: Context, region: str, links: dict):
    """Handovers between two leads with no channel; low severity when both are national bodies."""
    cat = ctx.cat
    for step in cat.step_order:
        _, leads = ctx.leads(step, region)
        for target in cat.entities[step].attrs.get("hands_over_to", ()):
            _, next_leads = ctx.leads(target, region)
            for a in sorted({r.agency for r in leads}):
                for b in sorted({r.agency for r in next_leads}):
                    if a == b or b in links.get(a, ()) or ctx.chained(a, b):
                        continue
                    text = say("unlinked", ctx.lang, step=ctx.label(step), next=ctx.label(target),
                               a=ctx.label(a), b=ctx.label(b), region=ctx.label(region))
                    evidence = [ctx.evidence(r, f"{ctx.label(r.agency)} → {ctx.label(r.step)}")
                                for r in leads + next_leads if r.agency in (a, b)]
                    severity = "low" if is_national(cat, a) and is_national(cat, b) else "medium"
                    yield finding(ctx, "unlinked-handover", severity, region, a, text, evidence,
                                  say("unlinked", ctx.lang, SUGGEST), cause=(step, target, a, b), steps=(step, target),
                                  agencies=[ctx.ref(a), ctx.ref(b)], closing_links=closing_links(ctx, region, a, b))


# -- 3. stale-mandate ---------------------------------------------------------------

FACT_NOUNS = {"Responsibility": ("Tanggung jawab", "The responsibility"),
              "Membership": ("Keanggotaan", "The seat in"), "Agreement": ("Perjanjian", "The agreement")}


def successors_of(cat: Lookup, iri: str) -> list[str]:
    return [r for ev in cat.events_of(iri) if iri in ev.originals for r in ev.results if r != iri]


def stale_mandates(ctx: Context, scope_agencies: set[str] | None):
    """Facts in force on the day that name an agency that no longer exists (one not created yet
    is no stale mandate: nothing was dissolved)."""
    cat, day = ctx.cat, ctx.day
    facts = [(r, [r.agency], ctx.label(r.step)) for r in cat.responsibilities]
    facts += [(m, [m.member, m.organization], ctx.label(m.organization)) for m in cat.memberships if not m.is_tenure]
    facts += [(a, list(a.parties), a.agreement_type or "MoU") for a in cat.agreements]
    for fact, agencies, what in facts:
        if not fact.valid.contains(day):
            continue
        for agency in agencies:
            ent = cat.entities.get(agency)
            if ent is None or ent.kind != "agency" or ent.valid.end is None or day < ent.valid.end:
                continue
            if scope_agencies is not None and agency not in scope_agencies:
                continue
            succ = successors_of(cat, agency)
            region = (ent.attrs.get("regions") or (None,))[0]
            noun = FACT_NOUNS[type(fact).__name__][0 if ctx.lang == "id" else 1]
            text = say("stale", ctx.lang, fact=f"{noun} '{what}'", agency=ctx.label(agency),
                       day=day.isoformat())
            hint = (say("stale", ctx.lang, SUGGEST, successors=", ".join(ctx.label(s) for s in succ))
                    if succ else say("stale-none", ctx.lang, SUGGEST))
            yield finding(ctx, "stale-mandate", "high", region, agency, text,
                          [ctx.evidence(fact, text)], hint,
                          steps=(fact.step,) if isinstance(fact, Responsibility) else ())


# -- 4. orphan-unit -------------------------------------------------------------------

def orphan_units(ctx: Context, scope_agencies: set[str] | None):
    cat, day = ctx.cat, ctx.day
    for ent in cat.agencies():
        if scope_agencies is not None and ent.iri not in scope_agencies:
            continue
        if not cat.exists(ent.iri, day) or set(ent.types) & ROOT_CLASSES or is_apex_court(ent):
            continue
        if cat.line_at(ent.iri, day) is None:
            region = (ent.attrs.get("regions") or (None,))[0]
            yield finding(ctx, "orphan-unit", "medium", region, ent.iri,
                          say("orphan", ctx.lang, agency=ctx.label(ent.iri), day=day.isoformat()),
                          [ctx.evidence(ent, ctx.label(ent.iri))], say("orphan", ctx.lang, SUGGEST))


def is_apex_court(ent) -> bool:
    return ns.MANDAT + "Court" in ent.types and ent.attrs.get("level") == ns.MANDAT + "National"


# -- 5. conflicting-leads ----------------------------------------------------------------

def conflicting_leads(ctx: Context, jurisdictions: set[str]):
    for (step, jur), resps in sorted(ctx.by_step_jur.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if jur not in jurisdictions:
            continue
        leads = [r for r in ctx.live(resps) if r.role == "lead"]
        agencies = sorted({r.agency for r in leads})
        if len(agencies) > 1:
            text = say("conflict", ctx.lang, n=len(agencies), step=ctx.label(step), region=ctx.label(jur),
                       agencies=", ".join(ctx.label(a) for a in agencies))
            yield finding(ctx, "conflicting-leads", "medium", jur, step, text,
                          [ctx.evidence(r, f"{ctx.label(r.agency)}: {r.role}") for r in leads],
                          say("conflict", ctx.lang, SUGGEST), steps=(step,))


# -- 6. weak-basis -------------------------------------------------------------------------

def repeal_dates(cat: Lookup) -> dict[str, date]:
    """Each repealed regulation and the earliest date a dated regulation repealed it."""
    out: dict[str, date] = {}
    for reg in cat.of_kind("regulation"):
        when = reg.attrs.get("date")
        for target in reg.attrs.get("repeals", ()) if when else ():
            out[target] = min(when, out.get(target, when))
    return out


def repealed_on(cat: Lookup, repeals: dict[str, date], regulation: str, day: date) -> date | None:
    """The date ``regulation`` (or the regulation an article belongs to) was repealed, if by ``day``."""
    ent = cat.entities.get(regulation)
    target = (ent.attrs.get("part_of") if ent else None) or regulation
    when = repeals.get(target)
    return when if when and when <= day else None


def weak_bases(ctx: Context, jurisdictions: set[str]):
    cat = ctx.cat
    repeals = repeal_dates(cat)
    for (step, jur), resps in ctx.by_step_jur.items():
        if jur not in jurisdictions:
            continue
        for r in ctx.live(resps):
            names = {"agency": ctx.label(r.agency), "step": ctx.label(step)}
            if not r.basis:
                yield finding(ctx, "weak-basis", "medium", jur, r.agency, say("weak-missing", ctx.lang, **names),
                              [ctx.evidence(r, ctx.label(step))], say("weak", ctx.lang, SUGGEST), steps=(step,))
                continue
            for basis in r.basis:
                when = repealed_on(cat, repeals, basis, ctx.day)
                if when:
                    yield finding(ctx, "weak-basis", "high", jur, r.agency,
                                  say("weak-repealed", ctx.lang, basis=ctx.label(basis), day=when.isoformat(), **names),
                                  [ctx.evidence(r, ctx.label(basis))], say("weak", ctx.lang, SUGGEST), steps=(step,))
            shaky = r.confidence == "unverified" or any(
                (cat.entities.get(b) and cat.entities[b].confidence == "unverified") for b in r.basis)
            if shaky:
                yield finding(ctx, "weak-basis", "low", jur, r.agency, say("weak-unverified", ctx.lang, **names),
                              [ctx.evidence(r, ", ".join(ctx.label(b) for b in r.basis))],
                              say("weak", ctx.lang, SUGGEST), steps=(step,))


# -- 7. single-point-of-failure -------------------------------------------------------------

def coordination_network(ctx: Context, region: str, links: dict):
    """The undirected network of the region's TPPO actors, their forums and their channels."""
    import networkx as nx

    cat, day = ctx.cat, ctx.day
    actors = {r.agency for jur in cat.region_ancestors(region) for r in ctx.live(ctx.by_jur[jur])}
    forums = {m.organization for a in actors for m in cat.memberships_of(a)
              if not m.is_tenure and m.valid.contains(day)}
    g = nx.Graph()
    g.add_nodes_from(actors | forums)
    g.add_edges_from((a, b) for a in g.nodes for b in links.get(a, ()) if b in g)
    return g


def largest(components) -> set:
    """The largest of ``components``; of equal ones, the one holding the first IRI (never the
    hash order of sets).

    >>> sorted(largest([{"b", "c"}, {"a", "d"}, {"e"}]))
    ['a', 'd']
    """
    return min(components, key=lambda c: (-len(c), min(c)))


def single_points(ctx: Context, region: str, links: dict):
    import networkx as nx

    g = coordination_network(ctx, region, links)
    region_name = ctx.label(region)
    core = g.subgraph(largest(nx.connected_components(g))) if g.number_of_nodes() else g
    for node in sorted(nx.articulation_points(core)):
        yield finding(ctx, "single-point-of-failure", "medium", region, node,
                      say("spof-cut", ctx.lang, agency=ctx.label(node), region=region_name),
                      [{"fact": node, "text": f"{core.degree(node)} channels", "confidence": "verified", "sources": []}],
                      say("spof-cut", ctx.lang, SUGGEST), cause=(node, "cut"))
    counts: dict[str, int] = defaultdict(int)
    for step in ctx.cat.step_order:
        for agency in {r.agency for r in ctx.leads(step, region)[1]}:
            counts[agency] += 1
    for agency, n in sorted(counts.items()):
        if n > ctx.max_leads:
            yield finding(ctx, "single-point-of-failure", "low", region, agency,
                          say("spof-load", ctx.lang, agency=ctx.label(agency), n=n, region=region_name,
                              limit=ctx.max_leads), [], say("spof-load", ctx.lang, SUGGEST), cause=(agency, "load"))


# -- running them ----------------------------------------------------------------------------

def default_regions(cat: Lookup) -> list[str]:
    """Every province and regency/city in the data, provinces first."""
    regions = [e for e in cat.of_kind("region") if ns.MANDAT + "Country" not in e.types]
    return [e.iri for e in sorted(regions, key=lambda e: (region_level(cat, e.iri) != "province", e.iri))]


def regions_within(cat: Lookup, regions: list[str]) -> set[str]:
    """The given regions and every region inside them."""
    chosen = set(regions)
    return {e.iri for e in cat.of_kind("region") if chosen & set(cat.region_ancestors(e.iri))}


def agencies_serving(cat: Lookup, regions: set[str]) -> set[str]:
    return {e.iri for e in cat.agencies() if set(e.attrs.get("regions", ())) & regions}


def gaps(cat: Lookup, day: date, regions: list[str] | None = None, kinds=None, lang: str = "id",
         max_leads: int = MAX_LEADS, known=None) -> list[dict]:
    """All findings of the chosen ``kinds`` for ``regions`` and the regions inside them
    (default: every province and regency/city), grouped by cause and in rank order.

    ``known`` is what the data holds per region (:func:`graph.queries.coverage.peers`);
    a what-if passes the one of the real data.

    >>> from datetime import date
    >>> from graph.queries.lookup import open_lookup
    >>> found = gaps(open_lookup(), date(2025, 6, 1), ["https://w3id.org/mandat/id/region-tanah-bumbu"])
    >>> {f["kind"] for f in found} <= set(KINDS), [f["rank"] for f in found[:3]]
    (True, [1, 2, 3])
    """
    from graph.queries.coverage import peers

    kinds = set(kinds or KINDS)
    cat.prefetch(*FACT_KINDS)                    # every region is asked: read the facts once
    ctx = Context(cat, day, lang, max_leads, known or peers(cat, day))
    given = regions is not None
    scope_regions = regions_within(cat, regions) if given else None
    regions = [r for r in default_regions(cat) if scope_regions is None or r in scope_regions]
    scope_agencies = agencies_serving(cat, scope_regions) if given else None
    jurisdictions = {a for r in regions for a in cat.region_ancestors(r)} if given else \
        {e.iri for e in cat.of_kind("region")}
    links = channels(ctx) if kinds & {"unlinked-handover", "single-point-of-failure"} else {}
    out: list[dict] = []
    for region in regions:
        if kinds & {"uncovered-step", "unknown-coverage"}:
            out += uncovered_steps(ctx, region)
        if "unlinked-handover" in kinds:
            out += unlinked_handovers(ctx, region, links)
        if "single-point-of-failure" in kinds:
            out += single_points(ctx, region, links)
    if "stale-mandate" in kinds:
        out += stale_mandates(ctx, scope_agencies)
    if "orphan-unit" in kinds:
        out += orphan_units(ctx, scope_agencies)
    if "conflicting-leads" in kinds:
        out += conflicting_leads(ctx, jurisdictions)
    if "weak-basis" in kinds:
        out += weak_bases(ctx, jurisdictions)
    return ranked(cat, group([f for f in out if f["kind"] in kinds], default_regions(cat), lang))


# -- grouping and ranking -----------------------------------------------------------------------

def group(findings: list[dict], region_order: list[str], lang: str) -> list[dict]:
    """One finding per cause: ``regions`` lists where it holds (provinces first), ``region`` is
    the first of them, the explanation names the others and the evidence is the union."""
    place = {r: i for i, r in enumerate(region_order)}
    by_cause: dict[str, list[dict]] = {}
    for f in findings:
        by_cause.setdefault(f["cause"], []).append(f)
    return [merged(sorted(fs, key=lambda f: place.get((f["region"] or {}).get("iri"), len(place))), lang)
            for fs in by_cause.values()]


def merged(findings: list[dict], lang: str) -> dict:
    """The first of ``findings`` (of one cause) standing for all of them; ``lacking`` (of
    unknown-coverage) becomes the kinds any of their regions lacks."""
    head = dict(findings[0])
    regions = list({f["region"]["iri"]: f["region"] for f in findings if f["region"]}.values())
    head["regions"] = regions
    if len(regions) > 1:
        head["explanation"] += " " + say("also", lang, n=len(regions) - 1)
    head["evidence"] = list({e["fact"]: e for f in findings for e in f["evidence"]}.values())
    head["severity"] = min((f["severity"] for f in findings), key=SEVERITIES.index)
    if "lacking" in head:
        head["lacking"] = sorted({k for f in findings for k in f["lacking"]})
    return head


def receiving_steps(cat: Lookup) -> set[str]:
    """The steps some other step hands a case over to: from there on a person is being passed on."""
    return {t for s in cat.step_order for t in cat.entities[s].attrs.get("hands_over_to", ())}


def urgency(f: dict, step_place: dict) -> tuple:
    """Sort key, most urgent first: severity with a person at risk before the same severity
    without, then the most regions, the most steps, the kind, the step order and the labels."""
    impact = f["impact"]
    tier = SEVERITIES.index(f["severity"]) * 2 + (0 if impact["falls_between"] else 1)
    first_step = min((step_place.get(s["iri"], 99) for s in impact["steps"]), default=99)
    return (tier, -impact["regions"], -len(impact["steps"]), KINDS.index(f["kind"]), first_step,
            (f["region"] or {}).get("label", ""), (f["subject"] or {}).get("label", ""), f["cause"])


def ranked(cat: Lookup, findings: list[dict]) -> list[dict]:
    """Findings with their ``impact`` completed (how many regions, whether a victim or a case can
    fall between agencies) and ``rank`` (1 = most urgent), in rank order."""
    receiving = receiving_steps(cat)
    for f in findings:
        steps = f["impact"]["steps"]
        f["impact"] = {"steps": steps, "regions": len(f["regions"]),
                       "falls_between": f["kind"] in PERSON_KINDS and any(s["iri"] in receiving for s in steps)}
    place = {s: i for i, s in enumerate(cat.step_order)}
    return [{"rank": n, **f} for n, f in enumerate(sorted(findings, key=lambda f: urgency(f, place)), 1)]


# -- what-if and comparison ----------------------------------------------------------------------

def scenario(cat: Lookup, day: date, without=(), links=()) -> Lookup:
    """The graph as if each agency in ``without`` were dissolved on ``day`` (its responsibilities,
    seats, agreements and reporting lines gone: what reported to it reports to nobody) and each
    pair in ``links`` had an agreement. Nothing is written.

    >>> from graph.queries.lookup import open_lookup
    >>> kanim = "https://w3id.org/mandat/id/kanim-batulicin"
    >>> scenario(open_lookup(), date(2025, 6, 1), [kanim]).responsibilities_of(kanim)
    []
    """
    return Scenario(cat, day, set(without), tuple(links))


class Scenario(Lookup):
    """A lookup on the same store whose answers leave out what a what-if removes."""

    def __init__(self, base: Lookup, day: date, gone: set[str], links: tuple):
        super().__init__(base.store)
        self.__dict__.update({k: v for k, v in base.__dict__.items() if k.startswith("_") or k in
                              ("classes", "superclasses", "earliest", "step_order")})
        self.entities = type(base.entities)(self)
        self._facts = dict(base._facts)        # what the scenario reads and indexes stays its own
        self.day, self.gone, self.links = day, gone, links

    def entity(self, iri: str):
        ent = super().entity(iri)
        if ent is not None and iri in self.gone:
            return replace(ent, valid=Interval(ent.valid.start, self.day))
        return ent

    def facts(self, kind: str, pred=None, value=None) -> list:
        found = self.without_gone(kind, super().facts(kind, pred, value))
        return found + self.agreed() if kind == "agreement" and pred is None else found

    def responsibilities_in(self, step: str, jurisdiction: str | None) -> list:
        """>>> from graph.queries.lookup import open_lookup
        >>> s = scenario(open_lookup(), date(2025, 6, 1), [ns.MD + "polres-tanah-bumbu"])
        >>> s.responsibilities_in(ns.MD + "step-investigation", ns.MD + "region-tanah-bumbu")
        []
        """
        return self.without_gone("responsibility", super().responsibilities_in(step, jurisdiction))

    @property
    def plain_lines(self) -> list:
        return self.without_gone("line", super().plain_lines)

    def without_gone(self, kind: str, records: list) -> list:
        """``records`` without the dissolved agencies' facts (an agreement keeps its other parties;
        a unit that reported to a dissolved one reports to nobody)."""
        if kind == "line":
            return [line for line in records if line.unit not in self.gone and line.parent not in self.gone]
        if kind == "responsibility":
            return [r for r in records if r.agency not in self.gone]
        if kind == "membership":
            return [m for m in records if m.member not in self.gone and m.organization not in self.gone]
        if kind == "agreement":
            return [replace(a, parties=tuple(p for p in a.parties if p not in self.gone)) for a in records]
        return records

    def agreed(self) -> list[Agreement]:
        """The agreements the what-if adds, one per ``--with-link`` pair."""
        return [Agreement(iri=f"urn:mandat:what-if:{a}+{b}", parties=(a, b), agreement_type="what-if")
                for a, b in self.links]


def counts(findings: list[dict]) -> dict:
    """How many findings, per kind and per severity."""
    by_kind = {k: sum(f["kind"] == k for f in findings) for k in KINDS}
    by_severity = {s: sum(f["severity"] == s for f in findings) for s in SEVERITIES}
    return {"total": len(findings), "by_kind": {k: n for k, n in by_kind.items() if n}, "by_severity": by_severity}


def only_new(findings: list[dict], other: list[dict]) -> list[dict]:
    """The findings holding in a region where ``other`` has none of the same cause, their
    ``regions`` cut to those regions."""
    seen = {(f["cause"], r["iri"]) for f in other for r in f["regions"]}
    out = []
    for f in findings:
        fresh = [r for r in f["regions"] if (f["cause"], r["iri"]) not in seen]
        if fresh or (not f["regions"] and all(f["cause"] != g["cause"] for g in other)):
            out.append({**f, "regions": fresh})
    return out


def compare(before: list[dict], after: list[dict]) -> dict:
    """Counts before and after, and the findings that appeared or were resolved."""
    return {"baseline": counts(before), "scenario": counts(after),
            "appeared": only_new(after, before), "resolved": only_new(before, after)}


def what_if(cat: Lookup, day: date, regions: list[str] | None, without=(), links=(), kinds=None,
            lang: str = "id", max_leads: int = MAX_LEADS) -> dict:
    """The findings now and as if ``without`` were dissolved and ``links`` agreed (see :func:`scenario`).
    Coverage is read from the real data: a dissolved office is a known absence, not a hole in the data."""
    from graph.queries.coverage import peers

    known = peers(cat, day)
    before = gaps(cat, day, regions, kinds, lang, max_leads, known)
    after = gaps(scenario(cat, day, without, links), day, regions, kinds, lang, max_leads, known)
    return compare(before, after)


def between(cat: Lookup, first: date, second: date, regions: list[str] | None, kinds=None,
            lang: str = "id", max_leads: int = MAX_LEADS) -> dict:
    """The findings on ``first`` (baseline) and on ``second`` (scenario), compared."""
    return compare(gaps(cat, first, regions, kinds, lang, max_leads),
                   gaps(cat, second, regions, kinds, lang, max_leads))


def at_or_above(findings: list[dict], severity: str) -> bool:
    """True when some finding is at least as severe as ``severity``."""
    limit = SEVERITIES.index(severity)
    return any(SEVERITIES.index(f["severity"]) <= limit for f in findings)
