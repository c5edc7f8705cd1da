"""Table and CSV views of each answer: which columns, in which language."""

from __future__ import annotations

import html

from graph.ns import shorten
from graph.output import Section, basis_text, mark, names, source_short, source_text


def srcs(sources, fmt: str) -> str:
    """Sources in full for CSV, short for a table."""
    return source_text(sources) if fmt == "csv" else source_short(sources)


def bases(refs, fmt: str) -> str:
    """Legal bases in full for CSV, by short name for a table."""
    return names(refs) if fmt == "csv" else basis_text(refs)

HEADERS = {
    "agency": ("Instansi", "Agency"), "kind": ("Jenis", "Kind"), "level": ("Tingkat", "Level"),
    "reports_to": ("Melapor kepada", "Reports to"), "basis": ("Dasar hukum", "Legal basis"),
    "sources": ("Sumber", "Sources"), "status": ("Status", "Status"), "since": ("Sejak", "Since"),
    "until": ("Sampai", "Until"), "date": ("Tanggal", "Date"), "event": ("Peristiwa", "Event"),
    "description": ("Keterangan", "Description"), "role": ("Peran", "Role"),
    "jurisdiction": ("Yurisdiksi", "Jurisdiction"), "step": ("Tahap", "Step"),
    "order": ("No", "No"), "handover": ("Diserahkan ke", "Hands over to"),
    "alt": ("Nama lain", "Other names"), "label": ("Nama", "Name"), "score": ("Skor", "Score"),
    "iri": ("IRI", "IRI"), "field": ("Isian", "Field"), "value": ("Nilai", "Value"),
    "old_parent": ("Induk lama", "Old parent"), "new_parent": ("Induk baru", "New parent"),
    "change": ("Perubahan", "Change"), "related": ("Terkait", "Related"),
    "matched": ("Cocok dengan", "Matched"),
}
TITLES = {
    "created": ("Dibentuk", "Created"), "dissolved": ("Dibubarkan", "Dissolved"),
    "renamed": ("Berganti nama", "Renamed"), "moved": ("Dipindahkan", "Moved"),
    "responsibilities": ("Tanggung jawab TPPO", "TPPO responsibilities"),
    "card": ("Kartu instansi", "Agency card"),
}
ROLES = {"lead": ("utama", "lead"), "support": ("pendukung", "support")}


EVENTS = {"created": ("dibentuk", "created"), "dissolved": ("dibubarkan", "dissolved"),
          "renamed": ("berganti nama", "renamed"), "split": ("dipecah", "split"),
          "merged": ("digabung", "merged"), "moved": ("dipindahkan", "moved"),
          "reports-to": ("melapor kepada", "reports to"), "head": ("pimpinan", "head"),
          "reporting-line": ("garis pelaporan", "reporting line"), "responsibility": ("tanggung jawab", "responsibility")}
DROP_FIRST = ("sources", "until", "since")   # what a narrow terminal loses first (never the status)


def h(key: str, lang: str) -> str:
    return HEADERS[key][0 if lang == "id" else 1]


def title(key: str, lang: str) -> str:
    return TITLES[key][0 if lang == "id" else 1]


def cols(lang: str, *keys: str) -> list[str]:
    return [h(k, lang) for k in keys]


def section(heading: str | None, lang: str, keys: list[str], rows: list[list[str]], fmt: str,
            iris: list[list[str]] | None = None, iri_keys: tuple[str, ...] = (), code: str | None = None) -> Section:
    """A Section with headers in ``lang`` and English codes as CSV headers; in CSV each
    row ends with the IRIs of what it names (``iri_keys``).

    >>> section(None, "en", ["agency"], [["Kanim X"]], "csv", [["md:x"]], ("agency_iri",)).keys
    ['agency', 'agency_iri']
    """
    if fmt == "csv" and iris is not None:
        return Section(heading, cols(lang, *keys) + list(iri_keys),
                       [row + extra for row, extra in zip(rows, iris)], keys + list(iri_keys), code=code)
    return Section(heading, cols(lang, *keys), rows, keys, DROP_FIRST, code=code)


def role_text(role: str, lang: str) -> str:
    return ROLES.get(role, (role, role))[0 if lang == "id" else 1]


def event_text(kind: str, lang: str) -> str:
    """A history or diff event kind in ``lang`` (codes stay in JSON).

    >>> event_text("moved", "id")
    'dipindahkan'
    """
    return EVENTS.get(kind, (kind, kind))[0 if lang == "id" else 1]


def iri_of(ref) -> str:
    return (ref or {}).get("iri", "")


UNCERTAIN = ("≈ tidak pasti", "≈ uncertain")


def mark_cell(confidence: str | None, lang: str, fmt: str) -> str:
    """A confidence: its code in CSV (verified, weak, unverified), its mark in a table."""
    return (confidence or "verified") if fmt == "csv" else mark(confidence, lang)


def role_cell(role: str, lang: str, fmt: str) -> str:
    """lead / support in CSV, the word in ``lang`` in a table."""
    return role if fmt == "csv" else role_text(role, lang)


def event_cell(kind: str, lang: str, fmt: str) -> str:
    """An event code in CSV, its word in ``lang`` in a table."""
    return kind if fmt == "csv" else event_text(kind, lang)


def day_cell(text: str | None, fmt: str) -> str:
    """A date as written; in a table a bracket may wrap after its "..", never inside a day.

    >>> day_cell("2024-10-21..2025-06-25", "table"), day_cell("2024-10-21..2025-06-25", "csv")
    ('2024-10-21.. 2025-06-25', '2024-10-21..2025-06-25')
    """
    return (text or "").replace("..", ".. ") if fmt != "csv" else (text or "")


def kind_cell(ref: dict, fmt: str, what: str = "kind") -> str:
    """An agency's kind (or level) as a code in CSV, as its label in a table."""
    return (ref.get(what) or "") if fmt == "csv" else ref.get(f"{what}_label", "")


def status_cell(entry: dict, lang: str, fmt: str) -> str:
    """The status of a row with a certainty (a chain row, a change): codes in CSV ("verified",
    "weak; uncertain"), words in a table."""
    if fmt != "csv":
        return status_text(entry, lang)
    return "; ".join(x for x in (entry.get("confidence") or "verified",
                                 "uncertain" if entry.get("certainty") == "uncertain" else "") if x)


def status_text(entry: dict, lang: str) -> str:
    """The status cell: uncertain (a bracketed change) and the confidence mark.

    >>> status_text({"certainty": "uncertain", "confidence": "verified"}, "en")
    '≈ uncertain'
    """
    parts = [UNCERTAIN[0 if lang == "id" else 1] if entry.get("certainty") == "uncertain" else "",
             mark(entry.get("confidence"), lang)]
    return "; ".join(p for p in parts if p)


def uncertain_note(answer: list[dict], lang: str) -> str | None:
    """One line per uncertain link: the parents the unit may have had, or the range
    within which its only line began or ended."""
    en = lang == "en"
    lines = []
    for e in answer:
        if e.get("certainty") != "uncertain":
            continue
        if len(e["possible_parents"]) > 1:
            what = ("reports to one of: " if en else "melapor kepada salah satu dari: ") + names(e["possible_parents"])
        else:
            what = (("its line to {p} is only known within {a} – {b}" if en else
                     "garis pelaporannya ke {p} hanya diketahui dalam rentang {a} – {b}")
                    .format(p=names(e["possible_parents"]), a=e.get("since") or "…", b=e.get("until") or "…"))
        lines.append(f"{UNCERTAIN[1 if en else 0]}: {e['label']} {what}")
    return "\n".join(lines) or None


def chain_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[e["label"], kind_cell(e, fmt), bases(e.get("legal_basis"), fmt),
             day_cell(e.get("since"), fmt), day_cell(e.get("until"), fmt), status_cell(e, lang, fmt),
             srcs(e.get("sources"), fmt)] for e in answer]
    iris = [[e["iri"], iri_of(e.get("reports_to")), e.get("certainty", ""),
             " ".join(iri_of(p) for p in e.get("possible_parents", []))] for e in answer]
    out = section(None, lang, ["agency", "kind", "basis", "since", "until", "status", "sources"], rows, fmt,
                  iris, ("agency_iri", "reports_to_iri", "certainty", "possible_parent_iris"))
    out.note = uncertain_note(answer, lang)
    return [out]


def who_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[r["agency"]["label"], role_cell(r["role"], lang, fmt), (r["jurisdiction"] or {}).get("label", ""),
             bases(r["legal_basis"], fmt), mark_cell(r["confidence"], lang, fmt), srcs(r["sources"], fmt)]
            for r in answer]
    iris = [[r["agency"]["iri"], iri_of(r["jurisdiction"]), r["role"]] for r in answer]
    return [section(None, lang, ["agency", "role", "jurisdiction", "basis", "status", "sources"], rows, fmt,
                    iris, ("agency_iri", "jurisdiction_iri", "role_code"))]


def steps_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[str(s["order"]), s["label"], names(s["hands_over_to"]), "; ".join(s["alt_labels"])]
            for s in answer]
    iris = [[s["iri"], " ".join(iri_of(t) for t in s["hands_over_to"])] for s in answer]
    return [section(None, lang, ["order", "step", "handover", "alt"], rows, fmt, iris,
                    ("step_iri", "handover_iris"))]


def history_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[day_cell(e["date"], fmt), event_cell(e["kind"], lang, fmt), e["description"], bases(e["regulation"], fmt),
             mark_cell(e["confidence"], lang, fmt), srcs(e["sources"], fmt)] for e in answer]
    iris = [[e["kind"], iri_of(e.get("unit")), " ".join(map(iri_of, e.get("from", []))),
             " ".join(map(iri_of, e.get("to", [])))] for e in answer]
    return [section(None, lang, ["date", "event", "description", "basis", "status", "sources"], rows, fmt,
                    iris, ("event_code", "unit_iri", "from_iris", "to_iris"))]


def search_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = []
    for r in answer:
        label = r["label"]
        if r.get("posts"):
            label += " (" + "; ".join(p["post"] for p in r["posts"]) + ")"
        rows.append([label, r["kind"], r["matched"], f"{r['score']:.0f}", mark_cell(r["confidence"], lang, fmt),
                     r["iri"] if fmt == "csv" else shorten(r["iri"])])
    return [section(None, lang, ["label", "kind", "matched", "score", "status", "iri"], rows, fmt)]


def diff_sections(answer: dict, lang: str, fmt: str = "table") -> list[Section]:
    sections = []
    for key in ("created", "dissolved"):
        rows = [[e["agency"]["label"], day_cell(e.get("date"), fmt), event_cell(e.get("change", ""), lang, fmt),
                 names(e.get("related")), bases(e.get("legal_basis"), fmt), status_cell(e, lang, fmt),
                 srcs(e.get("sources"), fmt)] for e in answer[key]]
        iris = [[key, e["agency"]["iri"], " ".join(iri_of(r) for r in e.get("related") or [])] for e in answer[key]]
        sections.append(section(f"{title(key, lang)} ({len(rows)})", lang,
                                ["agency", "date", "change", "related", "basis", "status", "sources"], rows, fmt,
                                iris, ("change_code", "agency_iri", "related_iris"), code=key))
    rows = [[names(e["old"]), names(e["new"]), day_cell(e["date"], fmt), bases(e["legal_basis"], fmt),
             status_cell(e, lang, fmt), srcs(e["sources"], fmt)] for e in answer["renamed"]]
    iris = [["renamed", " ".join(iri_of(r) for r in e["old"]), " ".join(iri_of(r) for r in e["new"])]
            for e in answer["renamed"]]
    sections.append(section(f"{title('renamed', lang)} ({len(rows)})", lang,
                            ["agency", "related", "date", "basis", "status", "sources"], rows, fmt,
                            iris, ("change_code", "agency_iri", "related_iris"), code="renamed"))
    rows = [[e["unit"]["label"], (e["old_parent"] or {}).get("label", ""), (e["new_parent"] or {}).get("label", ""),
             day_cell(e.get("date"), fmt), bases(e["legal_basis"], fmt), mark_cell(e["confidence"], lang, fmt), srcs(e["sources"], fmt)]
            for e in answer["moved"]]
    iris = [["moved", e["unit"]["iri"], iri_of(e["old_parent"]), iri_of(e["new_parent"])] for e in answer["moved"]]
    sections.append(section(f"{title('moved', lang)} ({len(rows)})", lang,
                            ["agency", "old_parent", "new_parent", "date", "basis", "status", "sources"], rows, fmt,
                            iris, ("change_code", "agency_iri", "old_parent_iri", "new_parent_iri"), code="moved"))
    return sections


FIELDS = {"type": ("Jenis", "Type"), "number": ("Nomor", "Number"), "year": ("Tahun", "Year"),
          "date": ("Tanggal", "Date"), "title": ("Judul", "Title"), "part_of": ("Bagian dari", "Part of"),
          "articles": ("Pasal", "Articles"), "amends": ("Mengubah", "Amends"),
          "amended_by": ("Diubah oleh", "Amended by"), "repeals": ("Mencabut", "Repeals"),
          "repealed_by": ("Dicabut oleh", "Repealed by"), "notation": ("Kode Kemendagri", "Kemendagri code"),
          "within": ("Bagian dari wilayah", "Lies in"), "regions_inside": ("Wilayah di dalamnya", "Regions inside"),
          "order": ("Urutan", "Order"), "definition": ("Definisi", "Definition"),
          "hands_over_to": ("Diserahkan ke", "Hands over to"), "receives_from": ("Menerima dari", "Receives from"),
          "alt_labels": ("Nama lain", "Other names"), "sources": ("Sumber", "Sources"), "iri": ("IRI", "IRI")}
CARD_TITLES = {"regulation": ("Kartu peraturan", "Regulation card"), "region": ("Kartu wilayah", "Region card"),
               "step": ("Kartu tahap", "Step card"), "person": ("Kartu orang", "Person card")}


def field_text(value, fmt: str) -> str:
    """A card value as text: a reference by its label, a list joined, a source list short or full."""
    if isinstance(value, dict):
        return value.get("label", "")
    if isinstance(value, list):
        return names(value) if not value or "label" in value[0] else "; ".join(map(str, value))
    return "" if value is None else str(value)


def card_sections(card: dict, lang: str, fmt: str = "table") -> list[Section]:
    """Any card: its fields, then the list it is about (mandates, agencies, responsibilities, posts)."""
    if card["entity"] == "agency":
        return show_sections(card, lang, fmt)
    i = 0 if lang == "id" else 1
    keys = [k for k in FIELDS if k in card and k not in ("sources",)]
    rows = [[k if fmt == "csv" else FIELDS[k][i], field_text(card[k], fmt)] for k in keys if field_text(card[k], fmt)]
    rows += [["status" if fmt == "csv" else h("status", lang), mark_cell(card["confidence"], lang, fmt)],
             ["sources" if fmt == "csv" else h("sources", lang), srcs(card["sources"], fmt)]]
    out = [section(f"{CARD_TITLES[card['entity']][i]} ({card['as_of']})", lang, ["field", "value"],
                   [r for r in rows if r[1]], fmt, code="card")]
    return out + list_sections(card, lang, fmt)


def list_sections(card: dict, lang: str, fmt: str) -> list[Section]:
    """The list part of a non-agency card."""
    i = 0 if lang == "id" else 1
    if card["entity"] == "regulation":
        rows = [[m["agency"]["label"], event_cell(m["what"], lang, fmt), (m["object"] or {}).get("label", ""), m["start"] or "",
                 m["end"] or ""] for m in card["mandates"]]
        iris = [[m["agency"]["iri"], iri_of(m["object"])] for m in card["mandates"]]
        return [section(("Mandat yang bersandar padanya", "Mandates resting on it")[i], lang,
                        ["agency", "event", "related", "since", "until"], rows, fmt, iris,
                        ("agency_iri", "related_iri"), code="mandates")]
    if card["entity"] == "region":
        rows = [[a["label"], kind_cell(a, fmt), kind_cell(a, fmt, "level")] for a in card["agencies"]]
        return [section(("Instansi yang melayani", "Agencies serving it")[i], lang, ["agency", "kind", "level"],
                        rows, fmt, [[a["iri"]] for a in card["agencies"]], ("agency_iri",), code="agencies")]
    if card["entity"] == "step":
        return who_sections([dict(r, step=None) for r in card["responsibilities"]], lang, fmt)
    rows = [[p["post"], p["start"] or "", p["end"] or "", srcs(p["sources"], fmt)] for p in card["posts"]]
    return [section(("Jabatan yang tercatat", "Posts on record")[i], lang, ["description", "since", "until", "sources"],
                    rows, fmt, [[p["organization"]["iri"]] for p in card["posts"]], ("agency_iri",), code="posts")]


def show_sections(card: dict, lang: str, fmt: str = "table") -> list[Section]:
    head = card.get("head")
    head_text = ""
    if head:
        head_text = f"{head['label']} ({head['post']}, {head.get('since') or '…'} – {head.get('until') or '…'})"
        if head.get("last_attested"):
            head_text += " [terakhir tercatat]" if lang == "id" else " [last attested]"
    line = card.get("reporting_line") or {}
    i = 0 if lang == "id" else 1
    fields = [
        ("name", ("Nama", "Name")[i], card["label"]),
        ("kind", h("kind", lang), kind_cell(card, fmt)),
        ("level", h("level", lang), kind_cell(card, fmt, "level")),
        ("office_class", ("Kelas kantor", "Office class")[i], card.get("office_class") or ""),
        ("regions", ("Wilayah", "Region")[i], names(card["regions"])),
        ("parent", ("Induk", "Parent")[i], (card.get("parent") or {}).get("label", "")
         if card.get("certainty") != "uncertain" else
         f"{UNCERTAIN[i]}: {names(card['possible_parents'])}"),
        ("basis", h("basis", lang), bases(line.get("legal_basis"), fmt)),
        ("head", ("Pimpinan", "Head")[i], head_text),
        ("children", ("Unit di bawahnya", "Units under it")[i], names(card["children"])),
        ("predecessors", ("Pendahulu", "Predecessors")[i],
         "; ".join(f"{p['label']} ({event_text(p['change'], lang)} {p['date'] or ''})" for p in card["predecessors"])),
        ("successors", ("Penerus", "Successors")[i],
         "; ".join(f"{p['label']} ({event_text(p['change'], lang)} {p['date'] or ''})" for p in card["successors"])),
        ("alt_labels", h("alt", lang), "; ".join(card["alt_labels"])),
        ("status", h("status", lang), mark_cell(card["confidence"], lang, fmt)),
        ("sources", h("sources", lang), srcs(card["sources"], fmt)),
        ("iri", "IRI", card["iri"]),
    ]
    rows = [[key if fmt == "csv" else label, v] for key, label, v in fields if v]
    resp = [[r["step"]["label"], role_cell(r["role"], lang, fmt), (r["jurisdiction"] or {}).get("label", ""),
             bases(r["legal_basis"], fmt), mark_cell(r["confidence"], lang, fmt), srcs(r["sources"], fmt)]
            for r in card["responsibilities"]]
    iris = [[r["step"]["iri"], iri_of(r["jurisdiction"]), r["role"]] for r in card["responsibilities"]]
    return [section(f"{title('card', lang)} ({card['as_of']})", lang, ["field", "value"], rows, fmt, code="card"),
            section(title("responsibilities", lang), lang,
                    ["step", "role", "jurisdiction", "basis", "status", "sources"], resp, fmt,
                    iris, ("step_iri", "jurisdiction_iri", "role_code"), code="responsibilities")]


GAPS_HEAD = {"rank": ("No", "Rank"), "severity": ("Tingkat", "Severity"), "kind": ("Jenis", "Kind"),
             "region": ("Wilayah", "Region"), "subject": ("Subjek", "Subject"), "explanation": ("Penjelasan", "Explanation"),
             "more": ("… dan {n} temuan lain (--all untuk semua)", "… and {n} more findings (--all for all)"),
             "counts": ("Jumlah per jenis dan tingkat", "Counts per kind and severity")}


def gaps_say(key: str, lang: str) -> str:
    """A gaps header or phrase in ``lang``."""
    return GAPS_HEAD[key][0 if lang == "id" else 1]


def regions_text(f: dict) -> str:
    """The first region of a finding, and how many others share its cause."""
    regions = f["regions"]
    if not regions:
        return ""
    return regions[0]["label"] + (f" (+{len(regions) - 1})" if len(regions) > 1 else "")


def gaps_csv_rows(answer: list[dict]) -> list[list[str]]:
    """Every finding as one CSV row (codes and IRIs for machines, labels for people)."""
    return [[str(f["rank"]), f["severity"], f["kind"], (f["region"] or {}).get("iri", ""),
             (f["region"] or {}).get("label", ""), ";".join(r["iri"] for r in f["regions"]),
             (f["subject"] or {}).get("iri", ""), (f["subject"] or {}).get("label", ""),
             ";".join(s["iri"] for s in f["impact"]["steps"]), str(f["impact"]["falls_between"]).lower(),
             f["explanation"], f["suggestion"], srcs([s for e in f["evidence"] for s in e["sources"]], "csv")]
            for f in answer]


GAPS_CSV = ["rank", "severity", "kind", "region_iri", "region", "regions", "subject_iri", "subject", "steps",
            "falls_between", "explanation", "suggestion", "sources"]


def count_section(answer: list[dict], lang: str) -> Section:
    """Findings per kind and severity, with a total row."""
    from graph.queries.gaps import KINDS, SEVERITIES

    rows = [[kind, *(str(sum(f["kind"] == kind and f["severity"] == s for f in answer)) for s in SEVERITIES),
             str(sum(f["kind"] == kind for f in answer))] for kind in KINDS if any(f["kind"] == kind for f in answer)]
    rows.append(["total", *(str(sum(f["severity"] == s for f in answer)) for s in SEVERITIES), str(len(answer))])
    return Section(gaps_say("counts", lang), [gaps_say("kind", lang), *SEVERITIES, "Σ"], rows)


def stats_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    """Counts per kind of node or fact: the code in CSV, the words of ``lang`` in a table."""
    i = 0 if lang == "id" else 1
    head = [("Apa", "What")[i], ("Jumlah", "Count")[i], ("Sumber lemah", "Weak")[i],
            ("Belum terverifikasi", "Unverified")[i]]
    rows = [[r["what"] if fmt == "csv" else r["label"], str(r["count"]), str(r["weak"]), str(r["unverified"])]
            for r in answer]
    return [Section(None, head, rows, ["what", "count", "weak", "unverified"])]


SEVERITY_WORDS = {"high": "tinggi", "medium": "sedang", "low": "rendah"}
GAP_KIND_WORDS = {"uncovered-step": "tahap tanpa pemimpin", "unknown-coverage": "data belum lengkap",
                  "unlinked-handover": "serah terima tanpa saluran", "stale-mandate": "mandat usang",
                  "orphan-unit": "unit tanpa induk", "conflicting-leads": "pemimpin ganda",
                  "weak-basis": "dasar hukum lemah", "single-point-of-failure": "titik rawan tunggal"}


def severity_text(severity: str, lang: str) -> str:
    """A severity in a table: the word in Indonesian, the code in English.

    >>> severity_text("medium", "id"), severity_text("medium", "en")
    ('sedang', 'medium')
    """
    return SEVERITY_WORDS.get(severity, severity) if lang == "id" else severity


def gap_kind_text(kind: str, lang: str) -> str:
    """A kind of gap in a table: Indonesian words, or the English code."""
    return GAP_KIND_WORDS.get(kind, kind) if lang == "id" else kind


def gaps_sections(answer: list[dict], lang: str, fmt: str = "table", show_all: bool = False) -> list[Section]:
    """CSV: every finding. Table: the top findings in rank order (all with ``show_all``), a line
    counting the rest, then the counts per kind and severity."""
    if fmt == "csv":
        return [Section(None, GAPS_CSV, gaps_csv_rows(answer))]
    from graph.queries.gaps import TOP

    shown = answer if show_all else answer[:TOP]
    rows = [[str(f["rank"]), severity_text(f["severity"], lang), gap_kind_text(f["kind"], lang), regions_text(f),
             (f["subject"] or {}).get("label", ""), f["explanation"]] for f in shown]
    if len(answer) > len(shown):
        rows.append(["", "", "", "", "", gaps_say("more", lang).format(n=len(answer) - len(shown))])
    keys = ("rank", "severity", "kind", "region", "subject", "explanation")
    return [Section(None, [gaps_say(k, lang) for k in keys], rows), count_section(answer, lang)]


CHANGE_HEAD = {"baseline": ("Sekarang", "Baseline"), "scenario": ("Skenario", "Scenario"),
               "appeared": ("Muncul", "Appeared"), "resolved": ("Teratasi", "Resolved"),
               "suggestion": ("Saran", "Suggestion"), "sources": ("Sumber", "Sources"),
               "findings": ("Temuan menurut urutan", "Findings in rank order"),
               "matrix": ("Tahap dan instansi", "Steps and agencies"), "what_if": ("Bagaimana jika", "What if")}


def change_say(key: str, lang: str) -> str:
    """A what-if or report header in ``lang``."""
    return CHANGE_HEAD[key][0 if lang == "id" else 1]


def change_counts(change: dict) -> list[list[str]]:
    """Per kind (then per severity, then the total): baseline, scenario and the difference."""
    from graph.queries.gaps import KINDS, SEVERITIES

    base, after = change["baseline"], change["scenario"]
    rows = [[k, str(base["by_kind"].get(k, 0)), str(after["by_kind"].get(k, 0)),
             f'{after["by_kind"].get(k, 0) - base["by_kind"].get(k, 0):+d}'] for k in KINDS
            if base["by_kind"].get(k) or after["by_kind"].get(k)]
    rows += [[s, str(base["by_severity"][s]), str(after["by_severity"][s]),
              f'{after["by_severity"][s] - base["by_severity"][s]:+d}'] for s in SEVERITIES]
    return rows + [["total", str(base["total"]), str(after["total"]), f'{after["total"] - base["total"]:+d}']]


def whatif_sections(change: dict, lang: str, fmt: str = "table") -> list[Section]:
    """A what-if or a comparison: counts side by side, then the findings that appeared and were
    resolved. CSV: those findings, each with its ``change``."""
    if fmt == "csv":
        return [Section(None, ["change", *GAPS_CSV], [[key, *row] for key in ("appeared", "resolved")
                                                      for row in gaps_csv_rows(change[key])])]
    head = [gaps_say("kind", lang), change_say("baseline", lang), change_say("scenario", lang), "Δ"]
    keys = ("rank", "severity", "kind", "region", "subject", "explanation")
    return [Section(None, head, change_counts(change))] + [
        Section(f"{change_say(key, lang)} ({len(change[key])})", [gaps_say(k, lang) for k in keys],
                [[str(f["rank"]), f["severity"], f["kind"], regions_text(f), (f["subject"] or {}).get("label", ""),
                  f["explanation"]] for f in change[key]]) for key in ("appeared", "resolved")]


REPORT_STYLE = """
@page { size: A4 landscape; margin: 12mm; }
h2 { font-size: 15px; margin: 14px 0 6px; break-after: avoid; }
table.findings, table.counts { table-layout: auto; margin-bottom: 8px; }
table.counts { width: auto; }
table.findings td:nth-child(4) { font-size: 10px; min-width: 240px; }
tr.sev-high td:nth-child(2) { background: #fbb4ae; } tr.sev-medium td:nth-child(2) { background: #fed9a6; }
tr.sev-low td:nth-child(2) { background: #ffffcc; }
.small { font-size: 10px; }
@media print { h2 { break-before: auto; } section { break-inside: auto; } }
"""


def html_table(head: list[str], rows: list[list[str]], cls: str, row_classes: list[str] | None = None) -> str:
    """A table of already escaped cells, each row with its class (if given)."""
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join(f'<tr class="{rc}">' + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                   for row, rc in zip(rows, row_classes or [""] * len(rows)))
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def findings_table(head: list[str], findings: list[dict]) -> str:
    """Findings as an HTML table, each row marked with its severity."""
    return html_table(head, finding_rows(findings), "findings", [f'sev-{html.escape(f["severity"])}' for f in findings])


def finding_rows(findings: list[dict]) -> list[list[str]]:
    """Findings as escaped HTML cells, sources as links."""
    from graph.views.matrix import link

    esc = html.escape
    return [[str(f["rank"]), esc(f["severity"]), esc(f["kind"]),
             esc(", ".join(r["label"] for r in f["regions"])), esc((f["subject"] or {}).get("label", "")),
             esc(f["explanation"]), esc(f["suggestion"]),
             '<span class="small">' + "; ".join(link(src) for src in
                                                 {s["iri"]: s for e in f["evidence"] for s in e["sources"]}.values())
             + "</span>"] for f in findings]


def gaps_report(findings: list[dict], matrix_answer: dict, change: dict | None, heading: str, lang: str) -> str:
    """A printable planner's report: ranked findings, the what-if asked for, the step-by-agency matrix."""
    from graph.views.matrix import STYLE, colours_css, matrix_table
    from graph.views.page import document

    keys = ("rank", "severity", "kind", "region", "subject", "explanation")
    head = [gaps_say(k, lang) for k in keys] + [change_say("suggestion", lang), change_say("sources", lang)]
    parts = [f"<h1>{html.escape(heading)}</h1>",
             f'<section id="findings"><h2>{change_say("findings", lang)} ({len(findings)})</h2>'
             f'{findings_table(head, findings)}</section>']
    if change is not None:
        counts = [gaps_say("kind", lang), change_say("baseline", lang), change_say("scenario", lang), "Δ"]
        parts.append(f'<section id="what-if"><h2>{change_say("what_if", lang)}</h2>'
                     + html_table(counts, [[html.escape(c) for c in row] for row in change_counts(change)], "counts")
                     + "".join(f'<h2>{change_say(key, lang)} ({len(change[key])})</h2>' + findings_table(head, change[key])
                               for key in ("appeared", "resolved")) + "</section>")
    parts.append(f'<section id="matrix"><h2>{change_say("matrix", lang)}</h2>'
                 f'{matrix_table(matrix_answer, lang)}</section>')
    return document(heading, lang, [colours_css(), STYLE, REPORT_STYLE], "".join(parts))


COVERAGE_HEAD = {"region": ("Wilayah", "Region"), "level": ("Tingkat", "Level"), "held": ("Ada di data", "In the data"),
                 "missing": ("Tidak ada di data", "Not in the data"),
                 "unknown": ("Tahap tak diketahui", "Steps unknown"), "not_led": ("Tahap tanpa pemimpin", "Steps not led"),
                 "sourced": ("Fakta bersumber", "Facts sourced")}


def coverage_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    """A table row per region (kinds held and missing, steps unknown / not led, sourced share);
    CSV one row per region and kind or step, with codes for machines."""
    if fmt == "csv":
        rows = [[c["region"]["iri"], c["region"]["label"], c["level"], "kind", k["kind"], k["label"], k["status"],
                 ";".join(a["iri"] for a in k["agencies"]), str(c["sourced"]["share"])]
                for c in answer for k in c["kinds"]]
        rows += [[c["region"]["iri"], c["region"]["label"], c["level"], "step", s["code"], s["step"]["label"],
                  s["status"], ";".join(s["expected_kinds"]), str(c["sourced"]["share"])]
                 for c in answer for s in c["steps"]]
        return [Section(None, ["region_iri", "region", "level", "aspect", "code", "label", "status", "detail",
                               "sourced_share"], rows)]
    i = 0 if lang == "id" else 1
    levels = {"province": ("provinsi", "province"), "regency": ("kabupaten/kota", "regency/city"),
              "country": ("nasional", "national")}
    rows = [[c["region"]["label"], levels.get(c["level"], (c["level"], c["level"]))[i],
             ", ".join(k["label"] for k in c["kinds"] if k["status"] == "held"),
             ", ".join(k["label"] for k in c["kinds"] if k["status"] == "missing"),
             str(sum(s["status"] == "unknown" for s in c["steps"])),
             str(sum(s["status"] == "not-led" for s in c["steps"])),
             f'{c["sourced"]["sourced"]}/{c["sourced"]["facts"]} ({c["sourced"]["share"]:.0%})'] for c in answer]
    keys = ("region", "level", "held", "missing", "unknown", "not_led", "sourced")
    return [Section(None, [COVERAGE_HEAD[k][i] for k in keys], rows)]
