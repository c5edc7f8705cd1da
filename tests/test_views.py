"""`mandat view`: counts match the queries, nothing loads from the network, hostile labels stay text."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from graph.store import load_catalog
from tests.test_gaps import BASE

MD = "https://w3id.org/mandat/id/"
HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', 'x" href="javascript:alert(1)']
VIEWS = {
    "org": ["view", "org", "Ditjen Imigrasi", "--as-of", "2025-06-01"],
    "diff": ["view", "diff", "--from", "2024-10-01", "--to", "2025-01-01"],
    "process": ["view", "process", "--region", "Tanah Bumbu", "--as-of", "2025-06-01"],
    "coordination": ["view", "coordination", "--region", "Tanah Bumbu", "--as-of", "2025-06-01"],
}


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="mandat-data">(.*?)</script>', text, re.S).group(1)
    return json.loads(raw)


def external_loads(text: str) -> list[str]:
    """Resources the page would fetch from the network: src/href attributes, url(), @import."""
    pattern = r'(?:\bsrc\s*=\s*["\']?|\bhref\s*=\s*["\']?|url\(\s*["\']?|@import\s+["\']?)(https?:)?//'
    return re.findall(pattern, text, re.I)


def test_org_counts_match_the_hierarchy(pages):
    from graph.views.org import units_under

    cat = load_catalog()
    units = units_under(cat, MD + "ditjen-imigrasi", date(2025, 6, 1), None)
    data = page_data(pages["org"])
    assert {n["id"] for n in data["nodes"]} == set(units)
    assert len(data["edges"]) == len(units) - 1


def test_process_has_every_step_and_handover(pages):
    cat = load_catalog()
    data = page_data(pages["process"])
    steps = [n for n in data["nodes"] if n["id"] in cat.step_order]
    assert len(steps) == len(cat.step_order)
    handovers = sum(len(cat.entities[s].attrs.get("hands_over_to", ())) for s in cat.step_order)
    assert sum(1 for e in data["edges"] if e["from"] in cat.step_order and e["to"] in cat.step_order) == handovers


def test_diff_marks_the_moved_offices(pages):
    data = page_data(pages["diff"])
    ids = {n["id"] for n in data["nodes"]}
    assert {MD + "kanim-batulicin", MD + "kanwil-kemenkumham-kalsel", MD + "kanwil-ditjenim-kalsel"} <= ids
    edges = {(e["from"], e["to"]) for e in data["edges"]}
    assert (MD + "kanwil-kemenkumham-kalsel", MD + "kanim-batulicin") in edges
    assert (MD + "kanwil-ditjenim-kalsel", MD + "kanim-batulicin") in edges


def test_coordination_highlights_gaps(pages):
    data = page_data(pages["coordination"])
    assert any(n["color"]["border"] == "#d62728" for n in data["nodes"])


@pytest.mark.parametrize("name", VIEWS)
def test_no_network_resources(pages, name):
    text = pages[name].read_text(encoding="utf-8")
    assert external_loads(text) == []
    assert "Content-Security-Policy" in text


def hostile_world(tmp_path: Path) -> Path:
    text = BASE.replace('"Dinas A"@id', '"<img src=x onerror=alert(1)>"@id').replace(
        '"Dinas B"@id', '"</script><script>alert(1)</script>"@id').replace(
        '"Presiden"@id', '"x\\" href=\\"javascript:alert(1)"@id')
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "w.ttl").write_text(text)
    return folder


def test_hostile_labels_are_escaped(run, tmp_path):
    folder = hostile_world(tmp_path)
    out = tmp_path / "h.html"
    result = run("--data", str(folder), "view", "org", "md:pres", "--as-of", "2025-06-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for bad in HOSTILE:
        assert bad not in text
    block = re.search(r'id="mandat-data">(.*?)</script>', text, re.S).group(1)
    assert "<" not in block and ">" not in block                    # the data cannot close its script
    labels = {n["label"] for n in page_data(out)["nodes"]}
    assert HOSTILE[0] in labels and HOSTILE[1] in labels           # shown as text, intact


def test_too_many_nodes_asks_for_a_root(run, tmp_path, monkeypatch):
    import graph.views.page as page

    monkeypatch.setattr(page, "MAX_NODES", 5)
    result = run("view", "org", "--as-of", "2025-06-01", "-o", str(tmp_path / "big.html"))
    assert result.exit_code == 2 and "ROOT" in result.output
    assert not (tmp_path / "big.html").exists()
