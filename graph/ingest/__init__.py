"""``mandat ingest``: an Indonesian article into candidate facts for a person to review.

Rule-based and offline: a gazetteer built from the graph plus patterns of
official writing (:mod:`.patterns`). :func:`read_article` → :func:`extract`.
"""

from graph.ingest.extract import extract
from graph.ingest.text import read_article

__all__ = ["extract", "read_article"]
