"""``mandat view process [--region R]``: the TPPO steps left to right, with who leads and supports each."""

from __future__ import annotations

from datetime import date

from graph.model import Catalog
from graph.queries.who_handles import who_handles
from graph.views import add_agency, fact_text, kind_key, kind_legend, new_network

STEP_COLOUR, MISSING = "#ffffff", "#d62728"
PER_ROW, COLUMN, ROW = 6, 300, 600
WORDS = {"lead": ("utama", "lead"), "support": ("pendukung", "support"), "none": ("TANPA INSTANSI UTAMA", "NO LEAD"),
         "handover": ("serah terima", "handover"), "step": ("tahap", "step")}


def say(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "id" else 1]


def nearest_rows(rows: list[dict]) -> list[dict]:
    """Leads at the nearest jurisdiction that has one, and supports at the same or nearer levels."""
    leads = [r for r in rows if r["role"] == "lead"]
    if not leads:
        return [r for r in rows if r["role"] == "support"]
    nearest = min(r["distance"] for r in leads)
    return [r for r in rows if r["distance"] <= nearest]


def process_view(cat: Catalog, region: str | None, day: date, lang: str):
    """Steps in a row with handover edges; each step's nearest leads (solid) and supports (dashed)."""
    net = new_network(options='{"physics": {"enabled": false}, "edges": {"smooth": false}, '
                      '"interaction": {"hover": true, "tooltipDelay": 100}}')
    agencies: dict[str, tuple[int, int]] = {}
    for n, step in enumerate(cat.step_order):
        x, y = (n % PER_ROW) * COLUMN, (n // PER_ROW) * ROW
        below = 0
        rows = nearest_rows(who_handles(cat, step, day, region, lang))
        has_lead = any(r["role"] == "lead" for r in rows)
        title = f"{say('step', lang)} {n + 1}: {cat.label(step, lang)}" + ("" if has_lead else f"\n{say('none', lang)}")
        net.add_node(step, label=f"{n + 1}. {cat.label(step, lang)}", title=title, shape="box", x=x, y=y,
                     widthConstraint={"maximum": 200},
                     color={"background": STEP_COLOUR if has_lead else "#fde0dd", "border": "#333333" if has_lead else MISSING},
                     borderWidth=1 if has_lead else 4, font={"size": 16}, physics=False)
        for r in rows:
            iri = r["agency"]["iri"]
            if iri not in agencies:
                agencies[iri] = (x + (below % 2) * 130 - 65, y + 110 + 80 * below)
                below += 1
        for r in rows:
            iri = r["agency"]["iri"]
            if iri not in net.get_nodes():
                add_agency(net, cat, iri, lang, font=15)
                net.node_map[iri].update({"x": agencies[iri][0], "y": agencies[iri][1], "physics": False})
            resp = next(x for x in cat.responsibilities_for(step) if x.agency == iri and x.jurisdiction == r["jurisdiction"]["iri"]
                        and x.role == r["role"])
            lead = r["role"] == "lead"
            net.add_edge(iri, step, title=f"{say(r['role'], lang)} ({r['jurisdiction']['label']})\n"
                         + fact_text(cat, resp, lang, resp.basis),
                         color="#333333" if lead else "#999999", dashes=not lead or r["confidence"] == "unverified",
                         width=3 if lead else 1, arrows="to")
    place = {step: n for n, step in enumerate(cat.step_order)}
    for step in cat.step_order:
        for target in cat.entities[step].attrs.get("hands_over_to", ()):
            a, b = place[step], place.get(target, -1)
            beside = b == a + 1 and a // PER_ROW == b // PER_ROW      # next box in the same row: straight
            net.add_edge(step, target, title=f"{say('handover', lang)}: {cat.label(step, lang)} → "
                         f"{cat.label(target, lang)}", color="#1f77b4", width=3, arrows="to",
                         smooth=False if beside else {"enabled": True, "type": "curvedCCW", "roundness": 0.25})
    legend = [("", STEP_COLOUR, say("step", lang)), ("ring", MISSING, say("none", lang)),
              ("line", "#1f77b4", say("handover", lang)), ("line", "#333333", say("lead", lang)),
              ("dashed", "#999999", say("support", lang))]
    legend += kind_legend(cat, {kind_key(cat, a) for a in agencies}, lang)
    return net, legend
