"""Table and CSV views of each answer: which columns, in which language."""

from __future__ import annotations

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


def h(key: str, lang: str) -> str:
    return HEADERS[key][0 if lang == "id" else 1]


def title(key: str, lang: str) -> str:
    return TITLES[key][0 if lang == "id" else 1]


def cols(lang: str, *keys: str) -> list[str]:
    return [h(k, lang) for k in keys]


def role_text(role: str, lang: str) -> str:
    return ROLES.get(role, (role, role))[0 if lang == "id" else 1]


def chain_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[e["label"], e.get("kind", ""), bases(e.get("legal_basis"), fmt),
             e.get("since") or "", e.get("until") or "", mark(e.get("confidence"), lang),
             srcs(e.get("sources"), fmt)] for e in answer]
    return [Section(None, cols(lang, "agency", "kind", "basis", "since", "until", "status", "sources"), rows)]


def who_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[r["agency"]["label"], role_text(r["role"], lang), (r["jurisdiction"] or {}).get("label", ""),
             bases(r["legal_basis"], fmt), mark(r["confidence"], lang), srcs(r["sources"], fmt)]
            for r in answer]
    return [Section(None, cols(lang, "agency", "role", "jurisdiction", "basis", "status", "sources"), rows)]


def steps_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[str(s["order"]), s["label"], names(s["hands_over_to"]), "; ".join(s["alt_labels"])]
            for s in answer]
    return [Section(None, cols(lang, "order", "step", "handover", "alt"), rows)]


def history_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = [[e["date"] or "", e["kind"], e["description"], bases(e["regulation"], fmt),
             mark(e["confidence"], lang), srcs(e["sources"], fmt)] for e in answer]
    return [Section(None, cols(lang, "date", "event", "description", "basis", "status", "sources"), rows)]


def search_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    rows = []
    for r in answer:
        label = r["label"]
        if r.get("posts"):
            label += " (" + "; ".join(p["post"] for p in r["posts"]) + ")"
        rows.append([label, r["kind"], r["matched"], f"{r['score']:.0f}", mark(r["confidence"], lang),
                     r["iri"] if fmt == "csv" else shorten(r["iri"])])
    return [Section(None, cols(lang, "label", "kind", "matched", "score", "status", "iri"), rows)]


def diff_sections(answer: dict, lang: str, fmt: str = "table") -> list[Section]:
    sections = []
    for key in ("created", "dissolved"):
        rows = [[e["agency"]["label"], e.get("date") or "", e.get("change", ""), names(e.get("related")),
                 bases(e.get("legal_basis"), fmt), mark(e.get("confidence"), lang), srcs(e.get("sources"), fmt)]
                for e in answer[key]]
        sections.append(Section(f"{title(key, lang)} ({len(rows)})",
                                cols(lang, "agency", "date", "change", "related", "basis", "status", "sources"), rows))
    rows = [[names(e["old"]), names(e["new"]), e["date"], bases(e["legal_basis"], fmt),
             mark(e["confidence"], lang), srcs(e["sources"], fmt)] for e in answer["renamed"]]
    sections.append(Section(f"{title('renamed', lang)} ({len(rows)})",
                            cols(lang, "agency", "related", "date", "basis", "status", "sources"), rows))
    rows = [[e["unit"]["label"], (e["old_parent"] or {}).get("label", ""), (e["new_parent"] or {}).get("label", ""),
             e.get("date") or "", bases(e["legal_basis"], fmt), mark(e["confidence"], lang), srcs(e["sources"], fmt)]
            for e in answer["moved"]]
    sections.append(Section(f"{title('moved', lang)} ({len(rows)})",
                            cols(lang, "agency", "old_parent", "new_parent", "date", "basis", "status", "sources"), rows))
    return sections


def show_sections(card: dict, lang: str, fmt: str = "table") -> list[Section]:
    head = card.get("head")
    head_text = ""
    if head:
        head_text = f"{head['label']} ({head['post']}, {head.get('since') or '…'} – {head.get('until') or '…'})"
        if head.get("last_attested"):
            head_text += " [terakhir tercatat]" if lang == "id" else " [last attested]"
    line = card.get("reporting_line") or {}
    fields = [
        ("Nama" if lang == "id" else "Name", card["label"]),
        (h("kind", lang), card.get("kind", "")),
        (h("level", lang), card.get("level", "")),
        ("Kelas kantor" if lang == "id" else "Office class", card.get("office_class") or ""),
        ("Wilayah" if lang == "id" else "Region", names(card["regions"])),
        ("Induk" if lang == "id" else "Parent", (card.get("parent") or {}).get("label", "")),
        (h("basis", lang), bases(line.get("legal_basis"), fmt)),
        ("Pimpinan" if lang == "id" else "Head", head_text),
        ("Unit di bawahnya" if lang == "id" else "Units under it", names(card["children"])),
        ("Pendahulu" if lang == "id" else "Predecessors",
         "; ".join(f"{p['label']} ({p['change']} {p['date'] or ''})" for p in card["predecessors"])),
        ("Penerus" if lang == "id" else "Successors",
         "; ".join(f"{p['label']} ({p['change']} {p['date'] or ''})" for p in card["successors"])),
        (h("alt", lang), "; ".join(card["alt_labels"])),
        (h("status", lang), mark(card["confidence"], lang)),
        (h("sources", lang), srcs(card["sources"], fmt)),
        ("IRI", card["iri"]),
    ]
    rows = [[k, v] for k, v in fields if v]
    resp = [[r["step"]["label"], role_text(r["role"], lang), (r["jurisdiction"] or {}).get("label", ""),
             bases(r["legal_basis"], fmt), mark(r["confidence"], lang), srcs(r["sources"], fmt)]
            for r in card["responsibilities"]]
    return [Section(f"{title('card', lang)} ({card['as_of']})", cols(lang, "field", "value"), rows),
            Section(title("responsibilities", lang),
                    cols(lang, "step", "role", "jurisdiction", "basis", "status", "sources"), resp)]


def gaps_sections(answer: list[dict], lang: str, fmt: str = "table") -> list[Section]:
    """Findings, then (table only) the counts per kind and severity."""
    head = ("Tingkat", "Jenis", "Wilayah", "Subjek", "Penjelasan", "Saran", "Sumber") if lang == "id" else \
        ("Severity", "Kind", "Region", "Subject", "Explanation", "Suggestion", "Sources")
    rows = [[f["severity"], f["kind"], (f["region"] or {}).get("label", ""), (f["subject"] or {}).get("label", ""),
             f["explanation"], f["suggestion"],
             srcs([s for e in f["evidence"] for s in e["sources"]], fmt)] for f in answer]
    if fmt == "csv":
        rows = [r[:2] + [(f["region"] or {}).get("iri", ""), r[2], (f["subject"] or {}).get("iri", "")] + r[3:]
                for r, f in zip(rows, answer)]
        return [Section(None, ["severity", "kind", "region_iri", "region", "subject_iri", "subject",
                               "explanation", "suggestion", "sources"], rows)]
    counts: dict = {}
    for f in answer:
        counts.setdefault(f["kind"], {"high": 0, "medium": 0, "low": 0})[f["severity"]] += 1
    total = [[kind, str(c["high"]), str(c["medium"]), str(c["low"]), str(sum(c.values()))]
             for kind, c in sorted(counts.items())]
    total.append(["total", *(str(sum(c[s] for c in counts.values())) for s in ("high", "medium", "low")),
                  str(len(answer))])
    count_head = ["Jenis" if lang == "id" else "Kind", "high", "medium", "low", "Σ"]
    return [Section(None, list(head[:5]), [r[:5] for r in rows]),
            Section("Jumlah per jenis dan tingkat" if lang == "id" else "Counts per kind and severity",
                    count_head, total)]


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
    rows = [[c["region"]["label"], c["level"],
             ", ".join(k["label"] for k in c["kinds"] if k["status"] == "held"),
             ", ".join(k["label"] for k in c["kinds"] if k["status"] == "missing"),
             str(sum(s["status"] == "unknown" for s in c["steps"])),
             str(sum(s["status"] == "not-led" for s in c["steps"])),
             f'{c["sourced"]["sourced"]}/{c["sourced"]["facts"]} ({c["sourced"]["share"]:.0%})'] for c in answer]
    keys = ("region", "level", "held", "missing", "unknown", "not_led", "sourced")
    return [Section(None, [COVERAGE_HEAD[k][i] for k in keys], rows)]
