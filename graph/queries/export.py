"""``mandat export``: the graph for other tools (RDF formats, GraphML/GEXF for Gephi, CSV)."""

from __future__ import annotations

import csv

RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
GRAPH_FORMATS = ("graphml", "gexf", "csv")
EDGE_FIELDS = ("source", "source_label", "relation", "target", "target_label", "role",
               "jurisdiction", "since", "until", "confidence")


def network(cat, lang: str = "id"):
    """A networkx MultiDiGraph of agencies, steps and regions.

    Edges: ``reports_to`` (reporting lines), ``responsible_for`` (agency →
    step), ``member_of`` (forum memberships), ``agreement`` (between parties),
    ``serves`` (agency → region). Every attribute is a string so that GraphML
    and GEXF can hold it.
    """
    import networkx as nx

    g = nx.MultiDiGraph()

    def node(iri: str) -> str:
        if iri not in g:
            ent = cat.entities.get(iri)
            g.add_node(iri, label=cat.label(iri, lang), kind=ent.kind if ent else "unknown",
                       confidence=(ent.confidence or "") if ent else "")
        return iri

    def edge(a, b, relation, fact, **extra):
        g.add_edge(node(a), node(b), relation=relation,
                   since=str(fact.valid.start or ""), until=str(fact.valid.end or ""),
                   confidence=fact.confidence or "", **{k: v or "" for k, v in extra.items()})

    for ent in cat.agencies():
        node(ent.iri)
        for region in ent.attrs.get("regions", ()):
            g.add_edge(ent.iri, node(region), relation="serves", since="", until="", confidence="")
    for line in cat.lines:
        edge(line.unit, line.parent, "reports_to", line)
    for r in cat.responsibilities:
        edge(r.agency, r.step, "responsible_for", r, role=r.role, jurisdiction=r.jurisdiction)
    for m in cat.memberships:
        if not m.is_tenure:
            edge(m.member, m.organization, "member_of", m, role=cat.label(m.role, lang))
    for a in cat.agreements:
        for i, p in enumerate(a.parties):
            for q in a.parties[i + 1:]:
                edge(p, q, "agreement", a, role=a.agreement_type)
    return g


def write_edges_csv(g, out) -> None:
    writer = csv.DictWriter(out, fieldnames=EDGE_FIELDS, lineterminator="\n")
    writer.writeheader()
    for a, b, data in g.edges(data=True):
        writer.writerow({"source": a, "source_label": g.nodes[a]["label"], "target": b,
                         "target_label": g.nodes[b]["label"], **data})


def export(cat, store, fmt: str, stream, lang: str = "id") -> None:
    """Write the graph in ``fmt`` to a binary ``stream``.

    RDF formats are streamed by the store (pyoxigraph writes as it reads; rdflib
    serialises into the stream), so a big graph is not held twice as text.
    """
    if fmt in RDF_FORMATS:
        store.dump(stream, fmt)
        return
    import io

    import networkx as nx

    g = network(cat, lang)
    if fmt == "csv":
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        write_edges_csv(g, text)
        text.detach()
        return
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, stream)
