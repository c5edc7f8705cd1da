"""The question functions called from Python, as a script or notebook would: their defaults,
the resolver's helpers and the what-if lookup, pinned on the shipped data. In-process and fast
(part of ``make mutation``'s selection)."""

from __future__ import annotations

from datetime import date

import pytest

from graph import ns
from graph.errors import NameNotFound
from graph.queries import chain, coverage, diff, gaps, history, search, show, stats, steps, who_handles
from graph.queries.lookup import open_lookup
from graph.queries.common import ended
from tests.conftest import shared_scope
from graph.resolve import describe, nearest, resolve
from graph.stores import open_store

MD = ns.MD
JUNE_2025 = date(2025, 6, 1)


@pytest.fixture(scope=shared_scope)
def cat():
    return open_lookup()


def test_open_lookup_reads_the_shipped_data_or_the_store_it_is_given(cat, tmp_path):
    assert cat.label(MD + "kanim-batulicin", "en") == "Batulicin Class II Immigration Office (with checkpoint)"
    world = str(__import__("pathlib").Path(__file__).parent / "fixtures" / "world")
    given = open_lookup(store=open_store("memory", [world]))
    assert given.label(MD + "ko", "id") == "Kantor Contoh Kabupaten Satu"
    assert open_lookup([world]).label(MD + "kanim-batulicin", "id") == "md:kanim-batulicin"


def test_questions_answer_in_indonesian_by_default(cat):
    batulicin, kalsel = MD + "kanim-batulicin", MD + "region-kalsel"
    assert chain.chain(cat, batulicin, JUNE_2025)[0]["label"] == "Kantor Imigrasi Kelas II TPI Batulicin"
    assert history.history(cat, batulicin)[0]["unit"]["label"] == "Kantor Imigrasi Kelas II TPI Batulicin"
    assert show.show(cat, batulicin, JUNE_2025)["kind_label"] == "Unit Pelaksana Teknis"
    assert steps.steps(cat)[0]["label"] == "Pencegahan dan sosialisasi"
    assert stats.stats(cat)[0]["label"] == "instansi"
    created = {c["agency"]["iri"]: c["agency"] for c in diff.diff(cat, date(2024, 6, 1), JUNE_2025)["created"]}
    assert created[MD + "dit-ppa-ppo-bareskrim"]["kind_label"] == "Kepolisian"
    rows = who_handles.who_handles(cat, MD + "step-investigation", JUNE_2025, MD + "region-tanah-bumbu")
    assert rows[0]["agency"]["label"] == "Kepolisian Resor Tanah Bumbu"
    assert coverage.coverage(cat, JUNE_2025, [kalsel])[0]["region"]["label"] == "Provinsi Kalimantan Selatan"
    found = gaps.gaps(cat, JUNE_2025, [MD + "region-tanah-bumbu"])
    assert found[0]["region"]["label"] == "Kabupaten Tanah Bumbu"
    assert search.search(cat, "Batulicin")[0]["label"] == "Kantor Imigrasi Kelas II TPI Batulicin"


def test_search_gives_ten_rows_unless_asked_for_more(cat):
    assert len(search.search(cat, "Kantor Imigrasi")) == 10
    assert len(search.search(cat, "Kantor Imigrasi", limit=12)) == 12


def test_resolve_names_in_indonesian_by_default(cat):
    with pytest.raises(NameNotFound, match="^no instansi matches 'Kantor Antah Berantah'"):
        resolve(cat, "Kantor Antah Berantah", {"agency"})


def test_an_ambiguous_name_carries_its_candidates_whole(cat):
    with pytest.raises(NameNotFound) as err:
        resolve(cat, "Kediri", {"region"}, "en")
    assert err.value.candidates == [
        {"iri": MD + "region-kabupaten-kediri", "label": "Kediri Regency", "matched": "Kediri", "score": 100.0},
        {"iri": MD + "region-kota-kediri", "label": "Kediri City", "matched": "Kediri", "score": 100.0},
    ]


def test_an_office_exists_from_its_first_day_until_the_day_before_its_end(cat):
    day_one, last = date(2024, 10, 21), date(2024, 10, 20)
    assert resolve(cat, "Kemenimipas", {"agency"}, day=day_one) == MD + "kemenimipas"
    assert ended(cat, MD + "kemenkumham", last, "en") is None
    assert ended(cat, MD + "kemenkumham", day_one, "id").startswith(
        "'Kementerian Hukum dan Hak Asasi Manusia' dibubarkan pada 2024-10-21; penerus: ")


def test_nearest_reads_a_swap_as_one_edit_and_scores_in_percent():
    assert nearest("prtaama", ["pertama", "pratama"]) == ("pratama", 85.7)
    assert nearest("imigarsi", ["imigrasi", "polisi"]) == ("imigrasi", 87.5)
    assert nearest("kejaksaan", ["imigrasi", "polisi"]) is None


def test_describe_names_the_kinds_in_either_language():
    assert describe({"region", "agency"}, "id") == "instansi/wilayah"
    assert describe({"region", "agency"}, "en") == "agency/region"


def test_a_what_if_drops_the_dissolved_agency_from_the_responsibilities_of_a_region(cat):
    step, region, polres = MD + "step-investigation", MD + "region-tanah-bumbu", MD + "polres-tanah-bumbu"
    assert polres in {r.agency for r in cat.responsibilities_in(step, region)}
    without = gaps.scenario(cat, JUNE_2025, [polres])
    kept = without.responsibilities_in(step, region)
    assert polres not in {r.agency for r in kept}
    assert {r.iri for r in kept} == {r.iri for r in cat.responsibilities_in(step, region) if r.agency != polres}


def test_a_chain_asked_before_an_office_began_or_after_it_ended_refuses_in_one_line(cat):
    from graph.errors import InputError
    from graph.queries.chain import chain

    with pytest.raises(InputError) as early:
        chain(cat, MD + "kemenimipas", date(2024, 10, 20), "en")
    assert str(early.value) == ("'Ministry of Immigration and Corrections' did not exist yet on 2024-10-20 "
                                "(it exists from 2024-10-21); give a later --as-of")
    with pytest.raises(InputError) as late:
        chain(cat, MD + "kemenkumham", date(2024, 10, 21), "id")
    assert str(late.value) == (
        "'Kementerian Hukum dan Hak Asasi Manusia' dibubarkan pada 2024-10-21; penerus: 'Kementerian Hak Asasi "
        "Manusia', 'Kementerian Hukum', 'Kementerian Imigrasi dan Pemasyarakatan'; pertanyaan ini perlu hari "
        "ketika kantor itu masih ada: pilih --as-of lebih awal atau tanyakan penerusnya")
    assert chain(cat, MD + "kemenkumham", date(2024, 10, 20), "en")[0]["iri"] == MD + "kemenkumham"


def test_who_handles_without_a_region_orders_regency_before_province_before_national(cat):
    rows = who_handles.who_handles(cat, MD + "step-investigation", JUNE_2025, None, "en")
    by_level = {r["agency"]["iri"].removeprefix(MD): r["distance"] for r in rows}
    assert (by_level["polres-tanah-bumbu"], by_level["polda-kalsel"], by_level["polri"]) == (0, 1, 2)
    assert [r["distance"] for r in rows] == sorted(r["distance"] for r in rows)
    assert len(rows) > len(who_handles.who_handles(cat, MD + "step-investigation", JUNE_2025,
                                                   MD + "region-tanah-bumbu", "en"))


def test_a_kind_label_is_the_most_specific_agency_class_in_the_language_asked(cat):
    from graph.queries.common import kind_label

    types = cat.entities[MD + "kanim-batulicin"].types
    assert (kind_label(cat, types, "en"), kind_label(cat, types, "id")) == ("Technical unit", "Unit Pelaksana Teknis")
    assert kind_label(cat, (), "en") == ""


def test_a_fact_without_sources_is_unverified_and_its_own_marker_wins(cat):
    from graph.model import ReportingLine
    from graph.queries.common import provenance

    bare = ReportingLine(iri="urn:x", unit=MD + "kanim-batulicin", parent=MD + "kemenimipas")
    assert provenance(cat, bare, "en")["confidence"] == "unverified"
    sourced = ReportingLine(iri="urn:y", sources=(MD + "src-lenterabanua-2023-06-21",))
    assert provenance(cat, sourced, "en")["confidence"] == "verified"
    weak = ReportingLine(iri="urn:z", sources=sourced.sources, confidence="weak", note="one source")
    assert {k: provenance(cat, weak, "en")[k] for k in ("confidence", "note")} == {"confidence": "weak",
                                                                                     "note": "one source"}


def test_region_level_ranks_regency_over_province_over_country_and_nothing_else(cat):
    from graph.queries.who_handles import region_level

    assert [region_level(cat, ns.MD + r) for r in ("region-tanah-bumbu", "region-kalsel", "region-indonesia")] == [3, 2, 1]
    assert region_level(cat, None) == 0 and region_level(cat, ns.MD + "kanim-batulicin") == 0    # not a region
    assert region_level(cat, ns.MD + "no-such-region") == 0


def test_compare_between_two_dates_keeps_the_max_leads_asked_for(cat):
    kalsel, day = [ns.MD + "region-kalsel"], date(2025, 6, 1)
    kinds = {"single-point-of-failure"}
    strict = gaps.between(cat, day, day, kalsel, kinds, max_leads=1)
    assert strict["baseline"] == strict["scenario"] == gaps.counts(gaps.gaps(cat, day, kalsel, kinds, max_leads=1))
    assert strict["baseline"]["total"] > gaps.between(cat, day, day, kalsel, kinds)["baseline"]["total"]


def test_a_creation_known_within_a_bracket_is_uncertain_for_a_period_that_cuts_the_bracket(cat):
    """Dit PPA-PPO began between 12 Feb and 23 Sep 2024: created surely in 2024, maybe after 1 June,
    surely not after 1 October; never a confident pick inside the bracket."""
    def created(start, end):
        found = {c["agency"]["iri"]: c for c in diff.diff(cat, start, end)["created"]}
        entry = found.get(MD + "dit-ppa-ppo-bareskrim")
        return entry and (entry["certainty"], entry["date"])

    assert created(date(2024, 1, 1), JUNE_2025) == ("certain", "2024-02-12..2024-09-23")
    assert created(date(2024, 6, 1), JUNE_2025) == ("uncertain", "2024-02-12..2024-09-23")
    assert created(date(2024, 10, 1), JUNE_2025) is None
    moved = {m["unit"]["iri"] for m in diff.diff(cat, date(2024, 6, 1), JUNE_2025)["moved"]}
    assert MD + "dit-ppa-ppo-bareskrim" not in moved


def test_an_ended_office_names_its_end_and_successors_in_the_language_asked(cat):
    """`ended` says when (a day, or the bracket of an uncertain end) and what came after, in id or en;
    the successors keep one order (by their Indonesian label) in both languages."""
    babel = MD + "kanwil-kemenkumham-babel"
    assert ended(cat, babel, date(2025, 9, 1), "en") == (
        "'Bangka Belitung Islands Regional Office of the Ministry of Law and Human Rights' was dissolved between "
        "2024-12-06 and 2025-08-04 (uncertain); successor: 'Bangka Belitung Islands Regional Office of the "
        "Directorate General of Immigration', 'Bangka Belitung Islands Regional Office of the Directorate General of "
        "Corrections', 'Bangka Belitung Islands Regional Office of the Ministry of Law'")
    assert ended(cat, babel, date(2025, 9, 1), "id") == (
        "'Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung' dibubarkan antara 2024-12-06 dan "
        "2025-08-04 (tidak pasti); penerus: 'Kantor Wilayah Direktorat Jenderal Imigrasi Kepulauan Bangka "
        "Belitung', 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Kepulauan Bangka Belitung', 'Kantor Wilayah "
        "Kementerian Hukum Kepulauan Bangka Belitung'")
    assert ended(cat, MD + "kemenko-polhukam", date(2025, 1, 1), "en").startswith(
        "'Coordinating Ministry for Political, Legal and Security Affairs' was dissolved on 2024-10-21; successor: ")
    assert ended(cat, babel, date(2024, 12, 5), "en") is None and ended(cat, MD + "polri", date(2025, 1, 1), "en") is None


def test_a_chain_through_a_reporting_cycle_stops_where_it_would_repeat(tmp_path):
    """Data with a cycle (validate refuses it, a question must still end): A → B → A gives A, B."""
    from tests.test_gaps import BASE, world

    cyclic = BASE.replace("md:rl-a a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:pres",
                          "md:rl-a a mandat:ReportingLine ; mandat:unit md:a ; mandat:parent md:b")
    cyclic = cyclic.replace("md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:pres",
                            "md:rl-b a mandat:ReportingLine ; mandat:unit md:b ; mandat:parent md:a")
    found = chain.chain(open_lookup([world(tmp_path, cyclic)]), MD + "a", JUNE_2025, "en")
    assert [(e["iri"], e["reports_to"]["iri"]) for e in found] == [(MD + "a", MD + "b"), (MD + "b", MD + "a")]


def test_an_office_ended_without_a_successor_says_so(tmp_path):
    from tests.test_gaps import BASE, world

    text = BASE.replace('md:b a mandat:RegionalDepartment ;', 'md:b a mandat:RegionalDepartment ; mandat:validDuring [ a time:Interval ; '
                        'time:hasEnd [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ] ;')
    assert ended(open_lookup([world(tmp_path, text)]), MD + "b", JUNE_2025, "en") == \
        "'Office B' was dissolved on 2025-01-01; successor: -"


MERGE = """
md:m a mandat:RegionalDepartment ; skos:prefLabel "Dinas M"@id , "Office M"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:ev-merge a org:ChangeEvent ; mandat:changeKind mandat:Merged ; org:originalOrganization md:a , md:b ;
    org:resultingOrganization md:m ; dct:date "2025-01-01"^^xsd:date ; mandat:legalBasis md:law ; dct:source md:src .
md:ev-a-created a org:ChangeEvent ; mandat:changeKind mandat:Created ; org:resultingOrganization md:m ;
    dct:date "2025-01-01"^^xsd:date ; dct:source md:src .
md:rl-m a mandat:ReportingLine ; mandat:unit md:m ; mandat:parent md:pres ;
    mandat:validDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2025-01-01"^^xsd:date ] ] ; dct:source md:src .
md:head a org:Role ; mandat:isHeadRole true ; skos:prefLabel "Kepala"@id , "Head"@en ; dct:source md:src .
md:someone a mandat:Person ; skos:prefLabel "Seseorang"@id , "Someone"@en ; dct:source md:src .
md:tenure-m a mandat:Tenure ; org:member md:someone ; org:organization md:m ; org:role md:head ; mandat:legalBasis md:law ;
    org:memberDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2025-01-01"^^xsd:date ] ] ; dct:source md:src .
"""


def test_history_of_a_merger_orders_one_day_by_kind_and_names_every_original(tmp_path):
    """Four things on one day, by kind whatever the order of their IRIs: the merger, the
    creation, the first reporting line, the head; the merger names both originals, the head
    item its legal basis and the head's name."""
    from tests.test_gaps import BASE, world

    found = history.history(open_lookup([world(tmp_path, BASE + MERGE)]), MD + "m", "en")
    assert [e["kind"] for e in found] == ["merged", "created", "reports-to", "head"]
    assert {e["date"] for e in found} == {"2025-01-01"}
    merged, _, _, head = found
    assert merged["description"] == "Office A, Office B → Office M"
    assert [r["iri"] for r in merged["from"]] == [MD + "a", MD + "b"]
    assert head["description"] == "Head: Someone"
    assert [b["iri"] for b in head["regulation"]] == [MD + "law"]


def test_history_of_a_creation_names_only_the_new_office(cat):
    [created] = [e for e in history.history(cat, MD + "dit-ppa-ppo-bareskrim", "en") if e["kind"] == "created"]
    assert created["description"] == cat.label(MD + "dit-ppa-ppo-bareskrim", "en")


SOURCELESS = """
md:x a mandat:RegionalDepartment ; skos:prefLabel "Dinas Tanpa Sumber"@id , "Unsourced Office"@en ;
    mandat:level mandat:Provincial ; mandat:servesRegion md:p .
md:rl-x a mandat:ReportingLine ; mandat:unit md:x ; mandat:parent md:pres ; mandat:validDuring [ a time:Interval ] .
md:y a mandat:RegionalDepartment ; skos:prefLabel "Dinas Lemah"@id , "Weak Office"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; mandat:confidence mandat:WeakSource ; dct:source md:src .
"""


def test_stats_count_a_fact_without_sources_as_unverified_in_either_language(tmp_path):
    from tests.test_gaps import BASE, world

    found = open_lookup([world(tmp_path, BASE + SOURCELESS)])
    english = {r["what"]: r for r in stats.stats(found, "en")}
    assert {k: english[k]["unverified"] for k in ("agencies", "reporting lines", "regions")} == \
        {"agencies": 1, "reporting lines": 1, "regions": 0}
    assert english["agencies"]["weak"] == 1
    assert english["total"]["label"] == "total" and english["total"]["unverified"] == 2
    assert stats.stats(found)[-1]["label"] == "jumlah"


def test_search_marks_an_entity_without_sources_unverified_and_keeps_its_own_marker(tmp_path):
    from tests.test_gaps import BASE, world

    found = open_lookup([world(tmp_path, BASE + SOURCELESS)])
    rows = {r["iri"]: r["confidence"] for r in search.search(found, "Dinas", limit=20)}
    assert (rows[MD + "x"], rows[MD + "y"], rows[MD + "a"]) == ("unverified", "weak", "verified")


CARDS = """
md:law2 a eli:LegalResource ; eli:type_document md:type-uu ; eli:number "2" ; mandat:year "2021"^^xsd:gYear ;
    eli:date_document "2021-01-01"^^xsd:date ; eli:amends md:law ; skos:prefLabel "Law 2"@id , "Law 2"@en ; dct:source md:src .
md:z a mandat:TaskForce ; skos:prefLabel "Forum Z"@id , "Forum Z"@en ; dct:source md:src .
md:tenure-undated a mandat:Tenure ; org:member md:someone ; org:organization md:a ; org:role md:head ;
    org:memberDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_cards_of_a_fixture_say_what_is_absent_as_empty(tmp_path):
    """A step with no definition and no handover, a region also holding an agency that serves no
    region, a regulation that amends another, a person with an undated post and a dated one."""
    from tests.test_gaps import BASE, world

    found = open_lookup([world(tmp_path, BASE + MERGE + CARDS)])
    step = show.card(found, MD + "s2", JUNE_2025, "en")
    assert (step["order"], step["definition"], step["hands_over_to"]) == (2, None, [])
    region = show.card(found, MD + "p", JUNE_2025, "en")
    assert [a["iri"] for a in region["agencies"]] == [MD + "a", MD + "b", MD + "m"]
    law2 = show.card(found, MD + "law2", JUNE_2025, "en")
    assert [r["iri"] for r in law2["amends"]] == [MD + "law"]
    posts = show.card(found, MD + "someone", JUNE_2025, "en")["posts"]
    assert [(p["organization"]["iri"], p["start"]) for p in posts] == [(MD + "a", None), (MD + "m", "2025-01-01")]
    assert [[b["iri"] for b in p["legal_basis"]] for p in posts] == [[], [MD + "law"]]


def test_diff_names_the_merger_that_created_an_office_with_its_basis(tmp_path):
    from tests.test_gaps import BASE, world

    begun = MERGE.replace('mandat:servesRegion md:p ; dct:source md:src .\nmd:ev-merge', 'mandat:servesRegion md:p ; dct:source md:src ;\n'
                          '    mandat:validDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2025-01-01"^^xsd:date ] ] .\nmd:ev-merge', 1)
    begun = begun.replace('md:ev-a-created a org:ChangeEvent ; mandat:changeKind mandat:Created ; org:resultingOrganization md:m ;\n'
                          '    dct:date "2025-01-01"^^xsd:date ; dct:source md:src .\n', '')
    assert "ev-a-created" not in begun and "2025-01-01\"^^xsd:date ] ] .\nmd:ev-merge" in begun
    found = diff.diff(open_lookup([world(tmp_path, BASE + begun)]), date(2024, 12, 1), date(2025, 2, 1), lang="en")
    [created] = [c for c in found["created"] if c["agency"]["iri"] == MD + "m"]
    assert (created["date"], created["change"], [r["iri"] for r in created["related"]]) == \
        ("2025-01-01", "merged", [MD + "a", MD + "b"])
    assert [b["iri"] for b in created["legal_basis"]] == [MD + "law"]


def test_show_marks_a_card_without_sources_unverified(tmp_path):
    from tests.test_gaps import BASE, world

    found = open_lookup([world(tmp_path, BASE + SOURCELESS)])
    assert [show.card(found, MD + x, JUNE_2025, "en")["confidence"] for x in ("x", "y", "a")] == \
        ["unverified", "weak", "verified"]


def test_exported_network_gives_every_edge_every_column_and_names_unknown_nodes(tmp_path):
    from graph.queries.export import network
    from tests.test_gaps import BASE, world

    ghost = "md:agr-ghost a mandat:Agreement ; mandat:party md:a , md:ghost ; mandat:validDuring [ a time:Interval ] ; dct:source md:src ."
    g = network(open_lookup([world(tmp_path, BASE + ghost)]))
    assert all({"relation", "since", "until", "confidence"} <= set(d) for *_, d in g.edges(data=True))
    assert g.nodes[MD + "a"]["label"] == "Dinas A"                       # Indonesian by default
    assert (g.nodes[MD + "s1"]["kind"], g.nodes[MD + "s1"]["confidence"]) == ("step", "")
    assert (g.nodes[MD + "ghost"]["kind"], g.nodes[MD + "ghost"]["label"]) == ("unknown", "md:ghost")


ROLES = """
md:resp-a-support-r a mandat:Responsibility ; mandat:agency md:a ; mandat:step md:s1 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:r ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
md:resp-a-s2-ended a mandat:Responsibility ; mandat:agency md:a ; mandat:step md:s2 ; mandat:role mandat:Lead ;
    mandat:jurisdiction md:p ; dct:source md:src ;
    mandat:validDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate "2025-01-01"^^xsd:date ] ] .
md:resp-a-s2-support a mandat:Responsibility ; mandat:agency md:a ; mandat:step md:s2 ; mandat:role mandat:Support ;
    mandat:jurisdiction md:p ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
"""


def test_show_lists_the_responsibilities_in_force_by_step_lead_first(tmp_path):
    from tests.test_gaps import BASE, world

    found = open_lookup([world(tmp_path, BASE + ROLES)])
    rows = show.show(found, MD + "a", JUNE_2025, "en")["responsibilities"]
    assert [(r["step"]["iri"], r["role"], r["jurisdiction"]["iri"]) for r in rows] == \
        [(MD + "s1", "lead", MD + "p"), (MD + "s1", "support", MD + "r"), (MD + "s2", "support", MD + "p")]
    before = show.show(found, MD + "a", date(2024, 6, 1), "en")["responsibilities"]
    assert [(r["step"]["iri"], r["role"]) for r in before][2:] == [(MD + "s2", "lead"), (MD + "s2", "support")]


def test_show_of_the_day_an_office_ended_is_its_last_day_and_a_root_reports_to_nobody(tmp_path):
    from tests.test_gaps import BASE, world

    text = BASE.replace('md:b a mandat:RegionalDepartment ;', 'md:b a mandat:RegionalDepartment ; mandat:validDuring [ a time:Interval ; '
                        'time:hasEnd [ a time:Instant ; time:inXSDDate "2025-01-01"^^xsd:date ] ] ;')
    found = open_lookup([world(tmp_path, text)])
    card = show.show(found, MD + "b", date(2025, 1, 1), "en")
    assert (card["as_of"], card["asked_for"]) == ("2024-12-31", "2025-01-01")
    top = show.show(found, MD + "pres", JUNE_2025, "en")
    assert (top["parent"], top["reporting_line"]) == (None, None)


def test_coverage_counts_only_the_seats_in_force(tmp_path):
    """An ended task-force seat of an actor is no fact about the region on a later day."""
    from tests.test_gaps import BASE, world

    forum = """
md:gt a mandat:TaskForce ; skos:prefLabel "Gugus Tugas P"@id , "Task force P"@en ; mandat:level mandat:Provincial ;
    mandat:servesRegion md:p ; dct:source md:src .
md:seat-a a mandat:ForumMembership ; org:member md:a ; org:organization md:gt ; dct:source md:src ;
    org:memberDuring [ a time:Interval ; time:hasEnd [ time:inXSDDate "2024-01-01"^^xsd:date ] ] .
"""
    def facts(text, day):
        folder = tmp_path / f"{len(text)}-{day}"
        folder.mkdir()
        [row] = [r for r in coverage.coverage(open_lookup([world(folder, text)]), day, [MD + "p"])
                 if r["region"]["iri"] == MD + "p"]
        return row["sourced"]["facts"]

    assert facts(BASE + forum, JUNE_2025) == facts(BASE + forum.split("md:seat-a")[0], JUNE_2025)
    assert facts(BASE + forum, date(2023, 6, 1)) == facts(BASE + forum.split("md:seat-a")[0], date(2023, 6, 1)) + 1


def test_a_what_if_dissolves_the_office_on_the_day_asked(cat):
    kanim = MD + "kanim-batulicin"
    what_if = gaps.scenario(cat, JUNE_2025, [kanim])
    assert what_if.entity(kanim).valid.end == JUNE_2025 and what_if.entity(kanim).valid.start == cat.entity(kanim).valid.start
    assert not what_if.exists(kanim, JUNE_2025) and what_if.exists(kanim, date(2025, 5, 31))
    assert what_if.entity(MD + "polres-tanah-bumbu") == cat.entity(MD + "polres-tanah-bumbu")
    [agreed] = [a for a in gaps.scenario(cat, JUNE_2025, links=[(kanim, MD + "polres-tanah-bumbu")]).agreements
                if a.agreement_type == "what-if"]
    assert (agreed.iri, agreed.parties) == (f"urn:mandat:what-if:{kanim}+{MD}polres-tanah-bumbu", (kanim, MD + "polres-tanah-bumbu"))


def test_a_what_if_without_the_kanim_leaves_passport_screening_to_national_level(cat):
    """Without Kanim Batulicin, passport screening in Tanah Bumbu falls back to national level: a
    known absence (uncovered-step), not a hole in the data (unknown-coverage)."""
    found = gaps.what_if(cat, JUNE_2025, [MD + "region-tanah-bumbu"], without=[MD + "kanim-batulicin"], lang="en")
    appeared = [(f["kind"], f["subject"]["iri"]) for f in found["appeared"] if f["kind"] in ("uncovered-step", "unknown-coverage")]
    assert appeared == [("uncovered-step", MD + "step-passport-screening")]


def test_only_new_keeps_a_finding_without_regions_only_when_its_cause_is_new():
    old, new, same = {"cause": "c-old", "regions": []}, {"cause": "c-new", "regions": []}, {"cause": "c-old", "regions": []}
    assert gaps.only_new([new, same], [old]) == [{"cause": "c-new", "regions": []}]
    assert gaps.only_new([old], [new]) == [{"cause": "c-old", "regions": []}]


def test_no_fact_is_found_by_a_field_it_leaves_unset(cat):
    """Events without a fromParent are not 'the events of None' (the index skips unset fields)."""
    cat.prefetch("change")
    assert cat.events_of(None) == []


# -- survivors of the mutation run: what the answers rest on ------------------------------------------

def test_an_agencys_responsibilities_are_those_in_force_on_the_day_in_step_order(cat):
    """KemenP2MI took over BP2MI's mandates on 2024-10-21: none before, four after."""
    def brief(day):
        return [(r["step"]["iri"][len(MD):], r["role"])
                for r in show.responsibilities_at(cat, MD + "kemenp2mi", day, "en")]
    assert brief(date(2024, 10, 20)) == []
    assert brief(JUNE_2025) == [("step-migrant-placement-supervision", "lead"), ("step-reporting", "support"),
                                ("step-repatriation", "support"), ("step-reintegration", "support")]


def test_a_what_if_leaves_the_dissolved_agency_out_of_a_steps_responsibilities():
    """On a lookup that has read nothing yet (the what-if's own query, not the baseline's index)."""
    without_polres = gaps.scenario(open_lookup(), JUNE_2025, [MD + "polres-tanah-bumbu"])
    tanah_bumbu = MD + "region-tanah-bumbu"
    assert without_polres.responsibilities_in(MD + "step-investigation", tanah_bumbu) == []
    assert [r.agency for r in without_polres.responsibilities_in(MD + "step-passport-screening", tanah_bumbu)] == [
        MD + "kanim-batulicin"]


def test_a_what_if_link_is_one_agreement_of_its_own(cat):
    from graph.model import Agreement

    a, b = MD + "polres-tanah-bumbu", MD + "kanim-batulicin"
    linked = gaps.scenario(cat, JUNE_2025, links=[(a, b)])
    assert [x for x in linked.agreements if x.agreement_type == "what-if"] == [
        Agreement(iri=f"urn:mandat:what-if:{a}+{b}", parties=(a, b), agreement_type="what-if")]
    assert len(linked.agreements) == len(cat.agreements) + 1


def test_a_finding_without_regions_is_new_only_when_the_other_side_lacks_its_cause():
    orphan = {"cause": "orphan-unit x", "regions": []}
    assert gaps.only_new([orphan], [{"cause": "orphan-unit x", "regions": []}]) == []
    assert gaps.only_new([orphan], [{"cause": "orphan-unit y", "regions": []}]) == [orphan]
    assert gaps.only_new([{"cause": "c", "regions": [{"iri": "r"}]}], [{"cause": "c", "regions": [{"iri": "r"}]}]) == []


def test_a_regulation_card_names_what_it_amends_and_what_amends_it(cat):
    amending = show.card(cat, MD + "uu-31-2014", JUNE_2025, "en")
    assert amending["amends"] == [{"iri": MD + "uu-13-2006", "label": cat.label(MD + "uu-13-2006", "en")}]
    amended = show.card(cat, MD + "uu-13-2006", JUNE_2025, "en")
    assert MD + "uu-31-2014" in [r["iri"] for r in amended["amended_by"]]


def asked(look, monkeypatch) -> list[str]:
    """The names of the query files ``look`` asks from now on."""
    names: list[str] = []
    real = look.select
    monkeypatch.setattr(look, "select", lambda name, **values: names.append(name) or real(name, **values))
    return names


def test_a_chain_reads_the_lines_above_its_unit_at_once_and_only_those(monkeypatch):
    look = open_lookup()
    units = [row["iri"] for row in chain.chain(look, MD + "kanim-batulicin", JUNE_2025)]
    names = asked(look, monkeypatch)
    assert [len(look.lines_of(u)) > 0 for u in units[:-1]] == [True] * (len(units) - 1) and names == []
    look.lines_of(MD + "polres-tanah-bumbu")               # not above Kanim Batulicin: asked now
    assert names and set(names) <= {"lookup-facts-by", "lookup-describe"}


def test_a_chain_asks_for_its_lines_once_and_asking_again_asks_nothing(monkeypatch):
    """Five units up from Kanim Batulicin: one query for every line above, not one per unit."""
    from collections import Counter

    look = open_lookup()
    names = asked(look, monkeypatch)
    assert len(chain.chain(look, MD + "kanim-batulicin", JUNE_2025)) == 5
    counted = Counter(names)
    assert counted["lookup-lines-above"] == 1 and counted["lookup-facts-by"] <= 1, counted
    names.clear()
    look.lines_above(MD + "kanim-batulicin")
    look.lines_above(MD + "kanwil-ditjenim-kalsel")
    assert names == []


def test_responsibilities_in_no_jurisdiction_are_those_recorded_without_one(tmp_path):
    """Read one by one or all at once: the responsibilities with no jurisdiction, and none for a
    step nobody holds."""
    world = tmp_path / "w"
    world.mkdir()
    text = (__import__("pathlib").Path(__file__).parent / "fixtures" / "world" / "world.ttl").read_text()
    (world / "world.ttl").write_text(text + """
md:resp-anywhere a mandat:Responsibility ; mandat:agency md:polda-p ; mandat:step md:s1 ; mandat:role mandat:Support ;
    mandat:legalBasis md:law-1 ; mandat:validDuring [ a time:Interval ] ; dct:source md:src .
""")
    for read_all in (False, True):
        look = open_lookup([str(world)])
        if read_all:
            look.prefetch("responsibility")
        assert [r.iri for r in look.responsibilities_in(MD + "s1", None)] == [MD + "resp-anywhere"]
        assert look.responsibilities_in(MD + "no-such-step", MD + "r1") == []


def test_responsibilities_in_asks_one_query_or_none_once_every_one_is_read(monkeypatch):
    step, jur = MD + "step-passport-screening", MD + "region-tanah-bumbu"
    look = open_lookup()
    names = asked(look, monkeypatch)
    first = look.responsibilities_in(step, jur)
    assert names[0] == "lookup-responsibilities-in" and not look._facts.get(("responsibility", None, None))
    assert [r.agency for r in first] == [MD + "kanim-batulicin"]
    read_all = open_lookup()
    read_all.prefetch("responsibility")
    names = asked(read_all, monkeypatch)
    assert read_all.responsibilities_in(step, jur) == first and names == []
    assert read_all.responsibilities_in(step, None) == look.responsibilities_in(step, None) == []


def test_stats_in_english_name_each_row_by_its_key(cat):
    rows = stats.stats(cat, lang="en")
    assert [r["label"] for r in rows] == [r["what"] for r in rows] and rows[-1]["what"] == "total"
    assert stats.stats(cat)[-1]["label"] == stats.LABELS["total"]


def test_the_nearest_day_an_office_existed_is_the_day_before_it_ended_even_on_that_day():
    from graph.model import Interval
    from graph.queries.show import nearest_existing_day

    split = date(2024, 10, 21)
    assert nearest_existing_day(Interval(None, split), split) == date(2024, 10, 20)
    assert nearest_existing_day(Interval(split, None), date(2024, 1, 1)) == split
    assert nearest_existing_day(Interval(split, None), JUNE_2025) == JUNE_2025


def test_a_creation_from_nothing_is_described_by_what_it_created(cat):
    """Dit PPA-PPO of Bareskrim was created in 2024 (bracketed), from no earlier office."""
    [created] = [i for i in history.history(cat, MD + "dit-ppa-ppo-bareskrim", "en") if i["kind"] == "created"]
    assert (created["description"], created["from"], created["date"]) == (
        cat.label(MD + "dit-ppa-ppo-bareskrim", "en"), [], "2024-02-12..2024-09-23")


# -- every record exactly: what the questions read, pinned where it is cheapest to check -----------

RECORDS_GOLDEN = __import__("pathlib").Path(__file__).parent / "golden" / "records.json"


def as_json(value):
    """A record as plain JSON: dataclasses as dicts, tuples as lists, dates and sets as text."""
    import dataclasses
    import json

    def plain(o):
        return sorted(o) if isinstance(o, (set, frozenset)) else str(o)
    return json.loads(json.dumps(dataclasses.asdict(value), default=plain, sort_keys=True))


def records_of(look, keep) -> dict:
    """Every entity and fact of ``look`` whose IRI ``keep`` accepts, with the lookup's readings of
    the entities (labels, short labels, references, kind class) in both languages."""
    from graph.queries.lookup import FACT_KINDS

    look.prefetch(*FACT_KINDS)
    entities = [e for e in look.all_entities() if keep(e.iri)]
    return {
        "entities": [as_json(e) for e in entities],
        "readings": [{"iri": e.iri, **{f"{how}_{lang}": read(e.iri, lang) for lang in ("id", "en")
                                      for how, read in (("label", look.label), ("short", look.short_label),
                                                        ("ref", look.ref))},
                      "kind_class": look.kind_class(list(e.types))} for e in entities],
        "facts": {kind: [as_json(r) for r in look.facts(kind) if keep(r.iri)] for kind in FACT_KINDS},
        "lines": [as_json(r) for r in look.lines if keep(r.iri)],
    }


def test_every_record_is_read_exactly(update_golden):
    """The fixture world whole, and of the shipped data what names Batulicin, Tanah Bumbu, a
    regulation, a change or an agreement: each entity and fact as the record the questions get (a fast test, run first by
    `make mutation`, so that a mutant of the readers dies in a second)."""
    import json

    world = str(__import__("pathlib").Path(__file__).parent / "fixtures" / "world")
    shipped = ("batulicin", "tanah-bumbu", "/uu-", "/perpres-", "/permen", "src-antara", "/ev-", "/agr-")
    pinned = {"world": records_of(open_lookup([world]), lambda iri: True),
              "shipped": records_of(open_lookup(), lambda iri: any(k in iri for k in shipped))}
    text = json.dumps(pinned, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if update_golden:
        RECORDS_GOLDEN.write_text(text, encoding="utf-8")
    assert text == RECORDS_GOLDEN.read_text(encoding="utf-8"), "records.json: a record read differently"


def test_a_what_if_asks_the_store_nothing_its_base_already_read(monkeypatch):
    """A scenario starts from what its base read (records, kinds, step order, earliest date): its
    gaps over the same region ask no query at all, and answer differently."""
    region = [MD + "region-tanah-bumbu"]
    base = open_lookup()
    before = gaps.gaps(base, JUNE_2025, region)
    what_if = gaps.scenario(base, JUNE_2025, [MD + "kanim-batulicin"])
    names = asked(what_if, monkeypatch)
    after = gaps.gaps(what_if, JUNE_2025, region)
    assert names == [] and len(after) == len(before) + 1


def test_a_move_between_parents_with_no_kind_is_read_as_a_change_from_one_parent_to_the_other(tmp_path):
    """An event naming only the parents a unit left and joined: kind ``changed``, both parents kept,
    and the event found from either parent."""
    world = tmp_path / "w"
    world.mkdir()
    text = (__import__("pathlib").Path(__file__).parent / "fixtures" / "world" / "world.ttl").read_text()
    (world / "world.ttl").write_text(text + """
md:ev-move-ko a org:ChangeEvent ; org:originalOrganization md:ko ; mandat:fromParent md:kw-lama ;
    mandat:toParent md:kw-baru ; dct:date "2025-03-01"^^xsd:date ; dct:source md:src .
""")
    look = open_lookup([str(world)])
    [move] = [e for e in look.events if e.iri == MD + "ev-move-ko"]
    assert (move.kind, move.from_parent, move.to_parent, move.originals, move.day) == (
        "changed", MD + "kw-lama", MD + "kw-baru", (MD + "ko",), date(2025, 3, 1))
    assert [e.iri for e in look.events_of(MD + "kw-lama") if e.iri == move.iri] == [move.iri]
    assert [e.iri for e in open_lookup([str(world)]).events_of(MD + "kw-baru") if e.iri == move.iri] == [move.iri]


def test_the_kind_class_is_the_most_specific_agency_class_else_the_first_known_class(cat):
    """A node typed both mandat:Agency and mandat:PoliceUnit is a police unit, in either order; with
    no agency class the first class the ontology knows; with none known, the first type."""
    m = ns.MANDAT
    assert cat.kind_class([m + "Agency", m + "PoliceUnit"]) == cat.kind_class([m + "PoliceUnit", m + "Agency"]) == \
        m + "PoliceUnit"
    assert cat.kind_class(["urn:x:unknown", m + "Province"]) == m + "Province"
    assert cat.kind_class(["urn:x:unknown"]) == "urn:x:unknown" and cat.kind_class([]) is None
