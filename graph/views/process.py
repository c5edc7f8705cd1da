"""``mandat view process [--region R]``: the TPPO steps in order, each with the agencies that handle it.

The gaps drawn are the findings of :func:`graph.queries.gaps.gaps` for the
region: an uncovered step gets a red frame, a handover between leads that share
no coordination channel a red arrow. The page counts them the way ``mandat
gaps`` does.
"""

from __future__ import annotations

from datetime import date

from graph.queries.lookup import Lookup
from graph.queries.gaps import gaps
from graph.queries.who_handles import who_handles
from graph.views import add_agency, fact_text, kind_key, kind_legend, new_network

STEP_COLOUR, MISSING, HANDOVER = "#ffffff", "#d62728", "#1f77b4"
PER_ROW, COLUMN, BELOW, STACK = 6, 300, 110, 80
GAP_KINDS = ("uncovered-step", "unlinked-handover")
WORDS = {"lead": ("utama", "lead"), "support": ("pendukung", "support"),
         "uncovered": ("tahap tanpa instansi utama (gaps)", "step without a lead (gaps)"),
         "unlinked": ("serah terima tanpa saluran koordinasi (gaps)", "handover without a coordination channel (gaps)"),
         "handover": ("serah terima", "handover"), "step": ("tahap", "step"),
         "count": ("Temuan gaps di peta ini: {n}", "gaps findings drawn here: {n}")}


def say(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def nearest_rows(rows: list[dict]) -> list[dict]:
    """Leads at the nearest jurisdiction that has one, and supports at the same or nearer levels."""
    leads = [r for r in rows if r["role"] == "lead"]
    if not leads:
        return [r for r in rows if r["role"] == "support"]
    nearest = min(r["distance"] for r in leads)
    return [r for r in rows if r["distance"] <= nearest]


def region_findings(cat: Lookup, region: str | None, day: date, lang: str) -> list[dict]:
    """The uncovered-step and unlinked-handover findings of ``gaps`` about ``region`` itself."""
    if region is None:
        return []
    return [f for f in gaps(cat, day, [region], kinds=GAP_KINDS, lang=lang) if f["region"]["iri"] == region]


def handover_of(cat: Lookup, finding: dict) -> tuple[str, str]:
    """The (step, next step) of an unlinked-handover finding, read from the responsibilities it cites."""
    by_iri = {r.iri: r for r in cat.responsibilities}
    steps = {by_iri[e["fact"]].step for e in finding["evidence"]}
    return next((s, t) for s in cat.step_order if s in steps
                for t in cat.entities[s].attrs.get("hands_over_to", ()) if t in steps)


def process_view(cat: Lookup, region: str | None, day: date, lang: str):
    """Steps in rows with handover edges; under each step the agencies handling it (one node per step).

    An agency that handles three steps is drawn three times, once under each;
    all its nodes carry ``agency`` (its IRI) for the detail panel and search.
    """
    net = new_network(options='{"physics": {"enabled": false}, "edges": {"smooth": false}, '
                      '"interaction": {"hover": true, "tooltipDelay": 100}}')
    findings = region_findings(cat, region, day, lang)
    uncovered = {f["subject"]["iri"]: f["explanation"] for f in findings if f["kind"] == "uncovered-step"}
    unlinked: dict[tuple[str, str], list[str]] = {}
    for f in findings:
        if f["kind"] == "unlinked-handover":
            unlinked.setdefault(handover_of(cat, f), []).append(f["explanation"])
    handlers = [nearest_rows(who_handles(cat, step, day, region, lang)) for step in cat.step_order]
    row_top, y = [], 0
    for first in range(0, len(cat.step_order), PER_ROW):
        row_top.append(y)
        y += BELOW + STACK * max([len(rows) for rows in handlers[first:first + PER_ROW]] + [0]) + 60
    agencies = set()
    for n, (step, rows) in enumerate(zip(cat.step_order, handlers)):
        x, y = (n % PER_ROW) * COLUMN, row_top[n // PER_ROW]
        gap = uncovered.get(step)
        title = f"{say('step', lang)} {n + 1}: {cat.label(step, lang)}" + (f"\n⚠ {gap}" if gap else "")
        net.add_node(step, label=f"{n + 1}. {cat.label(step, lang)}", title=title, shape="box", x=x, y=y,
                     widthConstraint={"maximum": 200}, physics=False, font={"size": 16},
                     color={"background": "#fde0dd" if gap else STEP_COLOUR, "border": MISSING if gap else "#333333"},
                     borderWidth=4 if gap else 1, step=step)
        for k, r in enumerate(rows):
            iri, node = r["agency"]["iri"], f"{step} {r['agency']['iri']}"
            agencies.add(iri)
            add_agency(net, cat, iri, lang, font=16, node_id=node, x=x + (k % 2) * 130 - 65, y=y + BELOW + STACK * k,
                       physics=False, step=step)
            resp = next(x for x in cat.responsibilities_for(step) if x.agency == iri
                        and x.jurisdiction == r["jurisdiction"]["iri"] and x.role == r["role"])
            lead = r["role"] == "lead"
            net.add_edge(node, step, title=f"{say(r['role'], lang)} ({r['jurisdiction']['label']})\n"
                         + fact_text(cat, resp, lang, resp.basis),
                         color="#333333" if lead else "#999999", dashes=r["confidence"] == "unverified",
                         width=3 if lead else 1, arrows="to")
    place = {step: n for n, step in enumerate(cat.step_order)}
    for step in cat.step_order:
        for target in cat.entities[step].attrs.get("hands_over_to", ()):
            a, b = place[step], place.get(target, -1)
            beside = b == a + 1 and a // PER_ROW == b // PER_ROW      # next box in the same row: straight
            gap = unlinked.get((step, target), [])
            net.add_edge(step, target, title="\n".join([f"{say('handover', lang)}: {cat.label(step, lang)} → "
                                                        f"{cat.label(target, lang)}"] + [f"⚠ {g}" for g in gap]),
                         color=MISSING if gap else HANDOVER, width=5 if gap else 3, arrows="to",
                         smooth=False if beside else {"enabled": True, "type": "curvedCCW", "roundness": 0.25})
    net.extra = {"minLabelPx": 10, "note": say("count", lang).format(n=len(findings)),
                 "gaps": [{"kind": f["kind"], "subject": f["subject"]["iri"], "explanation": f["explanation"]}
                          for f in findings]}
    legend = [("", STEP_COLOUR, say("step", lang)), ("ring", MISSING, say("uncovered", lang)),
              ("line", HANDOVER, say("handover", lang)), ("line", MISSING, say("unlinked", lang)),
              ("line", "#333333", say("lead", lang)), ("line", "#999999", say("support", lang))]
    legend += kind_legend(cat, {kind_key(cat, a) for a in agencies}, lang)
    return net, legend
