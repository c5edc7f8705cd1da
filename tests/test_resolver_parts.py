"""The name resolver's parts, each pinned on its own: the records it reads, the index it builds,
how it picks among offices of one name by date, and the one line it gives for a wrong IRI.
(The names benchmark in test_names.py judges the whole; these fail where one part breaks.)"""

from __future__ import annotations

from datetime import date

import pytest

from graph import ns
from graph.errors import NameNotFound
from graph.queries.lookup import open_lookup
from graph.queries.records import event_day
from graph.resolve import NameIndex, NameRecord, choose, name_records, resolve
from tests.conftest import shared_scope

MD = ns.MD
OLD = NameRecord(MD + "old", "agency", ("Kantor Wilayah Contoh Utara",), ("Kanwil Utara",),
                 end=date(2024, 10, 21))
NEW = NameRecord(MD + "new", "agency", ("Kantor Wilayah Contoh Utara Perluasan",), ("Kanwil Utara",),
                 start=date(2024, 10, 21))
TOWN = NameRecord(MD + "town", "region", ("Kabupaten Contoh Utara",))


@pytest.fixture(scope=shared_scope)
def cat():
    return open_lookup()


def test_an_iri_of_another_kind_or_unknown_is_refused_in_one_line(cat):
    assert resolve(cat, "md:kanim-batulicin", {"agency"}, "en") == MD + "kanim-batulicin"
    for text in ("md:region-kalsel", "md:no-such-office"):
        with pytest.raises(NameNotFound) as err:
            resolve(cat, text, {"agency"}, "en")
        assert str(err.value) == f"'{text}' is not a known agency IRI; try 'mandat search' to find it"
    with pytest.raises(NameNotFound) as err:
        resolve(cat, "md:kanim-batulicin", {"region", "step"}, "id")
    assert str(err.value) == ("'md:kanim-batulicin' is not a known wilayah/tahap IRI; "
                              "try 'mandat search' to find it")


def test_name_records_carry_labels_indonesian_first_abbreviations_and_the_period(cat):
    records = {r.iri: r for r in name_records(cat)}
    kemenimipas, kemenkumham = records[MD + "kemenimipas"], records[MD + "kemenkumham"]
    assert kemenimipas.labels[:2] == ("Kementerian Imigrasi dan Pemasyarakatan",
                                      "Ministry of Immigration and Corrections")
    assert kemenimipas.labels[-1] == "kemenimipas"
    assert "Imipas" in kemenimipas.abbreviations or "Kemenimipas" in kemenimipas.abbreviations
    assert (kemenimipas.start, kemenimipas.end) == (date(2024, 10, 21), None)
    assert kemenkumham.end == date(2024, 10, 21)
    assert list(records) == sorted(records)


def test_the_index_knows_the_words_of_names_and_of_the_abbreviation_table():
    index = NameIndex([OLD, NEW, TOWN])
    assert {"kantor", "wilayah", "contoh", "utara", "perluasan", "kanwil"} <= index.known
    assert {"kanim", "imigrasi", "kalsel"} <= index.known            # from graph/names.tsv
    assert index.vocabulary == sorted(index.known)
    weight = index.weight["agency"]
    assert weight["perluasan"] > weight["kantor"]                          # rarer words weigh more
    assert set(index.weight) == {"agency", "region"}


def test_a_bare_region_name_and_a_typo_find_the_region():
    index = NameIndex([OLD, NEW, TOWN])
    assert [c.iri for c in index.rank("Contoh Utara", {"region"})] == [MD + "town"]
    best = index.rank("Kantor Wilayah Contoh Utara Perluasn", {"agency"})[0]
    assert (best.iri, best.complete) == (MD + "new", True)


def test_one_name_for_two_offices_is_settled_by_the_day():
    index = NameIndex([OLD, NEW])
    cands = index.rank("Kanwil Utara", {"agency"})
    assert {c.iri for c in cands} == {MD + "old", MD + "new"}
    assert [c.iri for c in choose(cands, index, date(2024, 10, 20))] == [MD + "old"]
    assert [c.iri for c in choose(cands, index, date(2024, 10, 21))] == [MD + "new"]
    assert {c.iri for c in choose(cands, index, None)} == {MD + "old", MD + "new"}


def test_a_record_exists_from_its_start_until_the_day_before_its_end():
    assert not NEW.exists(date(2024, 10, 20)) and NEW.exists(date(2024, 10, 21))
    assert OLD.exists(date(2024, 10, 20)) and not OLD.exists(date(2024, 10, 21))
    assert TOWN.exists(date(1900, 1, 1))


@pytest.mark.parametrize("exact, earliest, latest, expected", [
    ("2024-10-21", None, None, (date(2024, 10, 21), None, "2024-10-21")),
    (None, None, None, (None, None, None)),
    (None, "2024-11-05", None, (date(2024, 11, 5), None, "2024-11-05..")),
    (None, None, "2025", (None, date(2025, 12, 31), "..2025")),
    (None, "2024-11-05", "2025-05", (date(2024, 11, 5), date(2025, 5, 31), "2024-11-05..2025-05")),
])
def test_an_event_day_is_its_date_or_its_bracket(exact, earliest, latest, expected):
    found = event_day(exact, earliest, latest)
    assert (found["day"], found["day_latest"], found["when"]) == expected


def test_only_regions_get_their_bare_names():
    from graph.resolve import NameRecord, bare_names

    assert bare_names(NameRecord("r", "region", ("Kabupaten Tanah Bumbu", "Kota Banjarmasin", "Provinsi Kalimantan Selatan"))) \
        == ["Tanah Bumbu", "Banjarmasin", "Kalimantan Selatan"]
    assert bare_names(NameRecord("a", "agency", ("Kota Baru Office", "Kabupaten Office"))) == []


def test_rarity_is_the_smoothed_inverse_document_frequency():
    import math

    from graph.resolve import rarity

    assert rarity([{"kantor", "batulicin"}, {"kantor"}]) == {
        "kantor": math.log(1 + 2 / 2), "batulicin": math.log(1 + 2 / 1), None: math.log(1 + 2)}
