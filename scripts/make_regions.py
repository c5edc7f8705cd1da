#!/usr/bin/env python3
"""Write data/regions-kemendagri.ttl: every province and regency/city of Indonesia
with its Kemendagri code, from the code list of Kepmendagri 300.2.2-2138/2025 as
shipped by the npm package idn-area-data (version and checksum pinned below).

Run from the repository root:

    python scripts/make_regions.py                  # fetches the pinned package with `npm pack`
    python scripts/make_regions.py --package DIR    # or reads an unpacked package (DIR/data/*.csv)

The output is committed; nothing at install, run or test time needs this script,
npm or the package. Only rdflib (already a dependency) is imported.

Regions already in data/regions.ttl keep their IRIs: they are matched by code, the
script checks that their parent agrees with the code list, and it only adds the
code-list source (and the code list's spelling as an altLabel where it differs by
more than spacing). Every other region gets a new IRI, md:region-<name>, qualified
with kabupaten-/kota- where two regions share a name or a province slug.
"""
from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

PACKAGE = "idn-area-data"
VERSION = "4.0.1"
INTEGRITY = "sha512-PhNSIl5T7swVwwWxJOFMtCaeHAF9TUu0HLDf+36EIWZro9j7au83AFIJiBQGL+iRsBDA2OlpJ5fjiqxNYndzOQ=="

MD = Namespace("https://w3id.org/mandat/id/")
MANDAT = Namespace("https://w3id.org/mandat/ontology#")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "regions-kemendagri.ttl"
SOURCE = "src-kemendagri-kode-wilayah-2025"
PACKAGE_SOURCE = "src-idn-area-data-4-0-1"

# code -> (IRI slug, abbreviation, English name). The slugs of the six provinces
# already in data/regions.ttl are theirs; the others follow the same habit (the
# short name people use). English names are the usual ones.
PROVINCES = {
    "11": ("aceh", None, "Aceh"),
    "12": ("sumut", "Sumut", "North Sumatra"),
    "13": ("sumbar", "Sumbar", "West Sumatra"),
    "14": ("riau", None, "Riau"),
    "15": ("jambi", None, "Jambi"),
    "16": ("sumsel", "Sumsel", "South Sumatra"),
    "17": ("bengkulu", None, "Bengkulu"),
    "18": ("lampung", None, "Lampung"),
    "19": ("babel", "Babel", "Bangka Belitung Islands"),
    "21": ("kepri", "Kepri", "Riau Islands"),
    "31": ("dki-jakarta", "DKI Jakarta", "Jakarta Special Capital Region"),
    "32": ("jabar", "Jabar", "West Java"),
    "33": ("jateng", "Jateng", "Central Java"),
    "34": ("diy", "DIY", "Special Region of Yogyakarta"),
    "35": ("jatim", "Jatim", "East Java"),
    "36": ("banten", None, "Banten"),
    "51": ("bali", None, "Bali"),
    "52": ("ntb", "NTB", "West Nusa Tenggara"),
    "53": ("ntt", "NTT", "East Nusa Tenggara"),
    "61": ("kalbar", "Kalbar", "West Kalimantan"),
    "62": ("kalteng", "Kalteng", "Central Kalimantan"),
    "63": ("kalsel", "Kalsel", "South Kalimantan"),
    "64": ("kaltim", "Kaltim", "East Kalimantan"),
    "65": ("kaltara", "Kaltara", "North Kalimantan"),
    "71": ("sulut", "Sulut", "North Sulawesi"),
    "72": ("sulteng", "Sulteng", "Central Sulawesi"),
    "73": ("sulsel", "Sulsel", "South Sulawesi"),
    "74": ("sultra", "Sultra", "Southeast Sulawesi"),
    "75": ("gorontalo", None, "Gorontalo"),
    "76": ("sulbar", "Sulbar", "West Sulawesi"),
    "81": ("maluku", None, "Maluku"),
    "82": ("malut", "Malut", "North Maluku"),
    "91": ("papua", None, "Papua"),
    "92": ("papua-barat", None, "West Papua"),
    "93": ("papua-selatan", None, "South Papua"),
    "94": ("papua-tengah", None, "Central Papua"),
    "95": ("papua-pegunungan", None, "Highland Papua"),
    "96": ("papua-barat-daya", None, "Southwest Papua"),
}

KIND = re.compile(r"^(Kabupaten|Kota)( Administrasi)? ")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fetch_package(tmp: Path) -> Path:
    """npm pack the pinned version into tmp, check its checksum, unpack it."""
    subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = tmp / f"{PACKAGE}-{VERSION}.tgz"
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode()
    if digest != INTEGRITY:
        sys.exit(f"{tgz.name}: checksum {digest} is not the pinned {INTEGRITY}")
    with tarfile.open(tgz) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def existing_regions() -> dict[str, dict]:
    """The regions of data/regions.ttl by code: IRI, kind, parent IRI, Indonesian label."""
    g = Graph().parse(ROOT / "data" / "regions.ttl")
    found = {}
    for s in g.subjects(SKOS.notation, None):
        kinds = set(g.objects(s, RDF.type))
        if MANDAT.Country in kinds:
            continue
        code = str(g.value(s, SKOS.notation))
        labels = [str(o) for o in g.objects(s, SKOS.prefLabel) if o.language == "id"]
        found[code] = {"iri": str(s), "parent": str(g.value(s, MANDAT.withinRegion)),
                       "label": labels[0] if labels else "", "kinds": kinds}
    return found


def build(pkg: Path) -> str:
    provinces = read_csv(pkg / "data" / "provinces.csv")
    regencies = read_csv(pkg / "data" / "regencies.csv")
    if (len(provinces), len(regencies)) != (38, 514):
        sys.exit(f"expected 38 provinces and 514 regencies/cities, got {len(provinces)} and {len(regencies)}")
    known = existing_regions()
    problems = []

    iri = {}
    for p in provinces:
        code = p["code"]
        if code not in PROVINCES:
            problems.append(f"province {code} {p['name']} has no entry in PROVINCES")
            continue
        iri[code] = known[code]["iri"] if code in known else str(MD["region-" + PROVINCES[code][0]])
        if code in known and known[code]["iri"] != str(MD["region-" + PROVINCES[code][0]]):
            problems.append(f"province {code}: PROVINCES slug differs from data/regions.ttl")
    taken = {i.rsplit("/", 1)[1] for i in iri.values()} | {v["iri"].rsplit("/", 1)[1] for v in known.values()}
    base = {r["code"]: slug(KIND.sub("", r["name"])) for r in regencies}
    shared = {b for b in base.values() if list(base.values()).count(b) > 1}
    for r in regencies:
        code = r["code"]
        if code in known:
            iri[code] = known[code]["iri"]
            continue
        b = base[code]
        name = "region-" + b
        if b in shared or name in taken:
            name = "region-" + ("kota-" if r["name"].startswith("Kota") else "kabupaten-") + b
        if name in taken:
            problems.append(f"{code} {r['name']}: IRI {name} is taken")
        taken.add(name)
        iri[code] = str(MD[name])

    for code, k in known.items():
        parent_code = code.split(".")[0] if "." in code else None
        if parent_code and k["parent"] != iri.get(parent_code):
            problems.append(f"{k['iri']}: parent {k['parent']} differs from the code list's {iri.get(parent_code)}")
        if code not in iri:
            problems.append(f"{k['iri']}: code {code} is not in the code list")
    if problems:
        sys.exit("\n".join(problems))

    def existing_note(code: str, listed: str) -> list[str]:
        """For a region of data/regions.ttl: the code-list source, and its spelling if it differs."""
        lines = [f"<{iri[code]}> dct:source md:{SOURCE} , md:{PACKAGE_SOURCE}"]
        if known[code]["label"].lower().replace(" ", "") != listed.lower().replace(" ", ""):
            lines.append(f"    skos:altLabel {lit(listed)}@id")
        return lines

    out = [HEADER.format(version=VERSION)]
    for p in provinces:
        code, name = p["code"], p["name"]
        s, abbr, en = PROVINCES[code]
        out.append(f"# {code} {name}")
        if code in known:
            lines = existing_note(code, "Provinsi " + name)
        else:
            lines = [f"<{iri[code]}> a mandat:Province",
                     f"    skos:prefLabel {lit('Provinsi ' + name)}@id , {lit(en + ' Province')}@en",
                     f"    mandat:abbreviation {lit(abbr or name)}" + (f" , {lit(name)}" if abbr else ""),
                     f"    skos:notation {lit(code)}",
                     "    mandat:withinRegion md:region-indonesia",
                     f"    dct:source md:{SOURCE} , md:{PACKAGE_SOURCE}"]
        out.append(" ;\n".join(lines) + " .\n")
        for r in (r for r in regencies if r["province_code"] == code):
            rcode, rname = r["code"], r["name"]
            if rcode in known:
                lines = existing_note(rcode, rname)
            else:
                m = KIND.match(rname)
                rest = rname[m.end():]
                admin = " Administrative" if m.group(2) else ""
                en_name = f"{rest}{admin} {'City' if m.group(1) == 'Kota' else 'Regency'}"
                lines = [f"<{iri[rcode]}> a mandat:RegencyCity",
                         f"    skos:prefLabel {lit(rname)}@id , {lit(en_name)}@en",
                         f"    skos:notation {lit(rcode)}",
                         f"    mandat:withinRegion <{iri[code]}>",
                         f"    dct:source md:{SOURCE} , md:{PACKAGE_SOURCE}"]
            out.append(" ;\n".join(lines) + " .\n")
    text = "\n".join(out)
    return _shorten(text)


def _shorten(text: str) -> str:
    """<https://w3id.org/mandat/id/x> -> md:x (all our local names are safe prefixed names)."""
    return re.sub(r"<https://w3id\.org/mandat/id/([a-z0-9-]+)>", r"md:\1", text)


HEADER = """\
# Regions from the official code list: the 38 provinces and 514 regencies/cities
# (kabupaten/kota) of Indonesia with their Kemendagri codes (skos:notation), each
# within its one direct parent (regency/city -> province -> md:region-indonesia).
#
# GENERATED by scripts/make_regions.py from the code list of Kepmendagri
# 300.2.2-2138/2025 as shipped by the npm package idn-area-data {version} (data under
# the Open Database License, ODbL 1.0). Do not edit by hand: change the script and
# run it again. The regions already in data/regions.ttl keep their IRIs and their
# hand-written labels; for them this file adds only the code-list source (and the
# code list's spelling as skos:altLabel where it differs). The source nodes are in
# data/sources.ttl.

@prefix md:     <https://w3id.org/mandat/id/> .
@prefix mandat: <https://w3id.org/mandat/ontology#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:    <http://purl.org/dc/terms/> .
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package", type=Path, help="an unpacked idn-area-data package (default: npm pack it)")
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args()
    if args.package:
        text = build(args.package)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            text = build(fetch_package(Path(tmp)))
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
