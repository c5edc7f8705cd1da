"""Generate a synthetic national graph of about N units, as Turtle files usable with ``--data``.

    python benchmarks/synth.py --units 10000 --seed 1 --out /tmp/national

Provinces, their regencies/cities, each with the regional actors of the shipped
data (Pemda, Polda/Polres, Kejati/Kejari, Dinas, UPTD PPA, Kanwil, Kanim, task
forces); national ministries; responsibilities per step and region with about
5% of the regional leads left out (planted gaps); a 2024-style restructuring
moving every Kantor Imigrasi from the Kanwil Kemenkumham to a new Kanwil
Ditjen Imigrasi. Every fact cites one synthetic source. Deterministic from the seed.

``--shape wide`` (the default) grows the number of regencies with the units (4.5 units a
regency: 100k units are 22,154 regencies); ``--shape country`` keeps the country's 38
provinces and 514 regencies/cities and puts the other units below the regencies, four per
district (Polsek, Puskesmas, KUA, kantor camat), each supporting a step in its regency.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SHARED = ("steps.ttl", "codelists.ttl", "regulations.ttl", "sources.ttl")
HEAD = """@prefix md: <https://w3id.org/mandat/id/> .
@prefix mandat: <https://w3id.org/mandat/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
SPLIT = "2024-10-21"
SRC = "dct:source md:src-synthetic"
NATIONAL = {"presiden": "Presidency", "polri": "PoliceUnit", "kejagung": "ProsecutionOffice",
            "kemenkumham": "Ministry", "kemenimipas": "Ministry", "ditjen-imigrasi": "DirectorateGeneral",
            "kemensos": "Ministry", "kemenpppa": "Ministry", "kemenkes": "Ministry", "kemlu": "Ministry",
            "kemenag": "Ministry", "kemenp2mi": "Ministry", "lpsk": "IndependentAgency",
            "mahkamah-agung": "Court", "gt-pusat": "TaskForce"}
NATIONAL_LEADS = {"prevention": "gt-pusat", "umrah-supervision": "kemenag", "migrant-placement-supervision": "kemenp2mi",
                  "passport-screening": "ditjen-imigrasi", "departure-check": "ditjen-imigrasi", "reporting": "polri",
                  "victim-identification": "kemenpppa", "investigation": "polri", "prosecution": "kejagung",
                  "trial": "mahkamah-agung", "protection": "lpsk", "health-rehabilitation": "kemenkes",
                  "social-rehabilitation": "kemensos", "repatriation": "kemlu", "reintegration": "kemensos",
                  "restitution": "lpsk", "coordination": "gt-pusat"}
PROVINCE_ACTORS = {"pemprov": ("RegionalGovernment", None), "polda": ("PoliceUnit", "investigation"),
                   "kejati": ("ProsecutionOffice", "prosecution"), "dinsos": ("RegionalDepartment", "social-rehabilitation"),
                   "uptd-ppa": ("TechnicalUnit", "victim-identification"),
                   "disnakertrans": ("RegionalDepartment", "migrant-placement-supervision"),
                   "gt": ("TaskForce", "coordination"), "kanwil-kemenkumham": ("RegionalOffice", None),
                   "kanwil-ditjenim": ("RegionalOffice", None)}
REGENCY_ACTORS = {"pemkab": ("RegionalGovernment", None), "polres": ("PoliceUnit", "investigation"),
                  "kejari": ("ProsecutionOffice", "prosecution"), "gt": ("TaskForce", "coordination")}
PARENTS = {"pemprov": "presiden", "polda": "polri", "kejati": "kejagung", "dinsos": "pemprov", "uptd-ppa": "dinsos",
           "disnakertrans": "pemprov", "gt": "pemprov", "kanwil-kemenkumham": "kemenkumham",
           "kanwil-ditjenim": "ditjen-imigrasi"}
REGENCY_PARENTS = {"pemkab": "pemprov", "polres": "polda", "kejari": "kejati", "gt": "pemkab"}
# country shape: the units of one district, (kind, parent actor of the regency, step they support)
DISTRICT_ACTORS = {"polsek": ("PoliceUnit", "polres", "reporting"), "puskesmas": ("TechnicalUnit", "pemkab", "health-rehabilitation"),
                   "kua": ("TechnicalUnit", "pemkab", "umrah-supervision"), "camat": ("RegionalGovernment", "pemkab", "prevention")}
REGENCIES = 514                  # the country's regencies and cities (Kemendagri, 2024), over 38 provinces


def interval(start=None, end=None, prop="mandat:validDuring") -> str:
    parts = ["a time:Interval"]
    if start:
        parts.append(f'time:hasBeginning [ time:inXSDDate "{start}"^^xsd:date ]')
    if end:
        parts.append(f'time:hasEnd [ time:inXSDDate "{end}"^^xsd:date ]')
    return f"{prop} [ {' ; '.join(parts)} ]"


class Writer:
    """Collects Turtle statements for one file."""

    def __init__(self):
        self.parts: list[str] = []
        self.lines = 0

    def agency(self, iri, kind, label, level, region, start=None, end=None):
        period = f" ; {interval(start, end)}" if start or end else ""
        self.parts.append(f'md:{iri} a mandat:{kind} ; skos:prefLabel "{label}"@id , "{label}"@en ; '
                          f'mandat:level mandat:{level} ; mandat:servesRegion md:{region}{period} ; {SRC} .')

    def line(self, unit, parent, start=None, end=None):
        self.lines += 1
        self.parts.append(f"md:rl-{unit}-{self.lines} a mandat:ReportingLine ; mandat:unit md:{unit} ; "
                          f"mandat:parent md:{parent} ; {interval(start, end)} ; {SRC} .")

    def resp(self, agency, step, role, region, start=None, end=None):
        self.parts.append(f"md:resp-{agency}-{step}-{region} a mandat:Responsibility ; mandat:agency md:{agency} ; "
                          f"mandat:step md:step-{step} ; mandat:role mandat:{role} ; mandat:jurisdiction md:{region} ; "
                          f"mandat:legalBasis md:uu-21-2007 ; {interval(start, end)} ; {SRC} .")

    def text(self) -> str:
        return HEAD + "\n".join(self.parts) + "\n"


def national(w: Writer) -> None:
    w.parts.append('md:src-synthetic a mandat:ReferencePage ; dct:title "synthetic benchmark data" ; dct:publisher "benchmarks/synth.py" .')
    w.parts.append('md:region-indonesia a mandat:Country ; skos:prefLabel "Indonesia"@id , "Indonesia"@en ; ' + SRC + " .")
    for iri, kind in NATIONAL.items():
        start = SPLIT if iri == "kemenimipas" else None
        end = SPLIT if iri == "kemenkumham" else None
        w.agency(iri, kind, iri.replace("-", " ").title(), "National", "region-indonesia", start, end)
        if iri not in ("presiden", "mahkamah-agung"):
            parent = "presiden"
            if iri == "ditjen-imigrasi":
                w.line(iri, "kemenkumham", end=SPLIT)
                parent = "kemenimipas"
                w.line(iri, parent, start=SPLIT)
                continue
            w.line(iri, parent, start, end)
    for step, agency in NATIONAL_LEADS.items():
        w.resp(agency, step, "Lead", "region-indonesia")


def province(w: Writer, p: int, regencies: int, rng: random.Random, districts: int = 0) -> None:
    region = f"region-p{p}"
    w.parts.append(f'md:{region} a mandat:Province ; skos:prefLabel "Provinsi {p}"@id , "Province {p}"@en ; '
                   f"mandat:withinRegion md:region-indonesia ; {SRC} .")
    for actor, (kind, step) in PROVINCE_ACTORS.items():
        iri = f"{actor}-p{p}"
        start = SPLIT if actor == "kanwil-ditjenim" else None
        end = SPLIT if actor == "kanwil-kemenkumham" else None
        w.agency(iri, kind, f"{actor} {p}", "Provincial", region, start, end)
        parent = PARENTS[actor]
        w.line(iri, parent if parent in NATIONAL else f"{parent}-p{p}", start, end)
        if step and rng.random() > 0.05:
            w.resp(iri, step, "Lead", region)
    for r in range(regencies):
        regency(w, p, r, rng, districts)


def regency(w: Writer, p: int, r: int, rng: random.Random, districts: int = 0) -> None:
    region = f"region-p{p}-r{r}"
    w.parts.append(f'md:{region} a mandat:RegencyCity ; skos:prefLabel "Kabupaten {p}.{r}"@id , "Regency {p}.{r}"@en ; '
                   f"mandat:withinRegion md:region-p{p} ; {SRC} .")
    for actor, (kind, step) in REGENCY_ACTORS.items():
        iri = f"{actor}-p{p}-r{r}"
        w.agency(iri, kind, f"{actor} {p}.{r}", "RegencyLevel", region)
        parent = REGENCY_PARENTS[actor]
        w.line(iri, f"{parent}-p{p}" if parent != "pemkab" else f"pemkab-p{p}-r{r}")
        if step and rng.random() > 0.05:
            w.resp(iri, step, "Lead", region)
    if r % 2 == 0:  # a Kantor Imigrasi for every two regencies, under the new Kanwil from 2024 (a new line, no event)
        kanim = f"kanim-p{p}-r{r}"
        w.agency(kanim, "TechnicalUnit", f"Kantor Imigrasi {p}.{r}", "RegencyLevel", region)
        w.line(kanim, f"kanwil-kemenkumham-p{p}", end=SPLIT)
        w.line(kanim, f"kanwil-ditjenim-p{p}", start=SPLIT)
        for step in ("passport-screening", "departure-check"):
            w.resp(kanim, step, "Lead", region)
    for d in range(districts):
        for actor, (kind, parent, step) in DISTRICT_ACTORS.items():
            iri = f"{actor}-p{p}-r{r}-d{d}"
            w.agency(iri, kind, f"{actor} {p}.{r}.{d}", "RegencyLevel", region)
            w.line(iri, f"{parent}-p{p}-r{r}")
            w.resp(iri, step, "Support", region)


def shape(units: int, kind: str = "wide") -> tuple[int, list[int], int]:
    """Provinces, regencies of each province and districts of each regency for about ``units``
    units: ``wide`` has 9 units a province and 4.5 a regency, no districts; ``country`` has the
    514 regencies over 38 provinces and four units a district.

    >>> shape(100000, "country")[0], sum(shape(100000, "country")[1]), shape(100000, "country")[2]
    (38, 514, 47)
    """
    if kind == "country":
        provinces = 38
        per = [REGENCIES // provinces + (p < REGENCIES % provinces) for p in range(provinces)]
        left = units - provinces * len(PROVINCE_ACTORS) - REGENCIES * (len(REGENCY_ACTORS) + 0.5)
        return provinces, per, max(0, round(left / REGENCIES / len(DISTRICT_ACTORS)))
    provinces = max(1, min(38, units // 150))
    per_province = max(1, round((units / provinces - len(PROVINCE_ACTORS)) / 4.5))
    return provinces, [per_province] * provinces, 0


def generate(units: int, seed: int, out: Path, kind: str = "wide") -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        shutil.copy(DATA / name, out / name)
    provinces, per_province, districts = shape(units, kind)
    w = Writer()
    national(w)
    (out / "national.ttl").write_text(w.text())
    for p in range(provinces):
        w = Writer()
        w.lines = 0
        province(w, p, per_province[p], rng, districts)
        (out / f"province-{p:02d}.ttl").write_text(w.text())
    return {"provinces": provinces, "regencies": sum(per_province), "districts": districts * sum(per_province)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--shape", choices=("wide", "country"), default="wide")
    args = parser.parse_args()
    print(generate(args.units, args.seed, args.out, args.shape))


if __name__ == "__main__":
    main()
