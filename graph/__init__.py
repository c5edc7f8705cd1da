"""mandat: who holds which TPPO mandate in Indonesian government, and since when.

The package reads the RDF ontology and data (``ontology/``, ``data/``) once,
projects them into a small in-memory catalog (:mod:`graph.model`) that is cached
on disk, and answers questions from it (:mod:`graph.queries`).
"""

__version__ = "0.1.0"
