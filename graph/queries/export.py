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
    writer = csv.DictWriter(out, fieldnames=EDGE_FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for a, b, data in g.edges(data=True):
        writer.writerow({"source": a, "source_label": g.nodes[a]["label"], "target": b,
                         "target_label": g.nodes[b]["label"], **data})


def export(cat, graph_loader, fmt: str, out_path: str | None, out_stream, lang: str = "id") -> None:
    """Write the graph in ``fmt`` to ``out_path`` (or the stream)."""
    if fmt in RDF_FORMATS:
        graph = graph_loader()
        if out_path:
            graph.serialize(destination=out_path, format=RDF_FORMATS[fmt])
        else:
            out_stream.write(graph.serialize(format=RDF_FORMATS[fmt]))
        return
    import networkx as nx

    g = network(cat, lang)
    if fmt == "csv":
        if out_path:
            with open(out_path, "w", encoding="utf-8", newline="") as handle:
                write_edges_csv(g, handle)
        else:
            write_edges_csv(g, out_stream)
        return
    writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    if out_path:
        writer(g, out_path)
    else:
        import io

        buffer = io.BytesIO()
        writer(g, buffer)
        out_stream.write(buffer.getvalue().decode("utf-8"))
