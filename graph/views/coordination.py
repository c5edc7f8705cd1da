"""``mandat view coordination [--region R]``: agencies and their channels, with the gaps highlighted."""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.views import add_agency, add_fact_edge, kind_key, kind_legend, new_network

WORDS = {"seat": ("kursi gugus tugas", "task-force seat"), "agreement": ("perjanjian (MoU/PKS)", "agreement (MoU/PKS)"),
         "line": ("garis pelaporan", "reporting line"), "gap": ("subjek temuan gaps", "subject of a gaps finding")}
GAP = "#d62728"


def say(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def actors_of(cat: Lookup, region: str | None, day: date) -> set[str]:
    """The agencies with a TPPO responsibility in force for the region (and above it), and their forums."""
    jurisdictions = set(cat.region_ancestors(region)) if region else None
    actors = {r.agency for r in cat.responsibilities
              if r.valid.contains(day) and cat.exists(r.agency, day)
              and (jurisdictions is None or r.jurisdiction in jurisdictions)}
    forums = {m.organization for a in actors for m in cat.memberships_of(a)
              if not m.is_tenure and m.valid.contains(day) and cat.exists(m.organization, day)}
    return actors | forums


def gap_subjects(cat: Lookup, region: str | None, day: date, lang: str) -> dict[str, list[str]]:
    """Agency → explanations of the gaps findings about it."""
    from graph.queries.gaps import gaps

    out: dict[str, list[str]] = {}
    for f in gaps(cat, day, [region] if region else None, lang=lang):
        if f["subject"] and f["subject"]["iri"] in cat.entities and cat.entities[f["subject"]["iri"]].kind == "agency":
            out.setdefault(f["subject"]["iri"], []).append(f"{f['kind']}: {f['explanation']}")
    return out


def coordination_view(cat: Lookup, region: str | None, day: date, lang: str):
    """Task-force seats (blue), agreements (green) and reporting lines (grey) among the region's actors."""
    net = new_network()
    nodes = actors_of(cat, region, day)
    flagged = gap_subjects(cat, region, day, lang)
    for iri in sorted(nodes):
        add_agency(net, cat, iri, lang, extra="\n".join(flagged.get(iri, [])), border=GAP if iri in flagged else None,
                   font=20)
    for m in cat.memberships:
        if not m.is_tenure and m.valid.contains(day) and m.member in nodes and m.organization in nodes:
            add_fact_edge(net, cat, m.member, m.organization, m, lang,
                          f"{say('seat', lang)}: {cat.label(m.role, lang)}", "#1f77b4", basis=m.basis)
    for a in cat.agreements:
        parties = [p for p in a.parties if p in nodes]
        if a.valid.contains(day):
            for i, p in enumerate(parties):
                for q in parties[i + 1:]:
                    add_fact_edge(net, cat, p, q, a, lang, f"{say('agreement', lang)}: {a.agreement_type or ''}",
                                  "#2ca02c", width=3)
    for line in cat.lines:
        if line.valid.contains(day) and line.unit in nodes and line.parent in nodes:
            add_fact_edge(net, cat, line.unit, line.parent, line, lang, say("line", lang), "#888888", basis=line.basis)
    legend = [("line", "#1f77b4", say("seat", lang)), ("line", "#2ca02c", say("agreement", lang)),
              ("line", "#888888", say("line", lang)), ("ring", GAP, say("gap", lang))]
    legend += kind_legend(cat, {kind_key(cat, n) for n in nodes}, lang)
    return net, legend
