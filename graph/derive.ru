# What every store derives once at load, into mandat's derived graph (never the data's own graph).
# The reporting lines are dated; org:subOrganizationOf is not, so a plain ORG reader finds it here,
# apart from the data: following it across dates would mix the 2023 and the 2025 hierarchy.
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX mandat: <https://w3id.org/mandat/ontology#>
INSERT { GRAPH <https://w3id.org/mandat/graph/derived> { ?unit org:subOrganizationOf ?parent } }
WHERE { ?line a mandat:ReportingLine ; mandat:unit ?unit ; mandat:parent ?parent }
