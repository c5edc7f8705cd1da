"""Patterns of Indonesian official writing: dates, regulations, events, figures (offices and posts
are read by :mod:`.grammar`).

>>> parse_dates("dibuka Rabu (21/6/2023) di Batulicin")[0][2]
'2023-06-21'
>>> parse_regulations("menurut Peraturan Presiden Nomor 157 Tahun 2024")[0][2:]
('perpres', '157', '2024')
"""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"], start=1)}
MONTH_RE = "|".join(MONTHS)
DATE_SLASH = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)")
DATE_WORDS = re.compile(rf"\b(\d{{1,2}})(?:\s*(?:hingga|sampai|-|–)\s*\d{{1,2}})?\s+({MONTH_RE})\s+(\d{{4}})\b", re.I)
WEEKDAY = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b")

REG_TYPES = {
    "peraturan presiden": "perpres", "perpres": "perpres", "undang-undang": "uu", "uu": "uu",
    "peraturan pemerintah": "pp", "pp": "pp", "permenkumham": "permenkumham",
    "permenimipas": "permenimipas", "pma": "pma",
}
REGULATION = re.compile(
    r"(?=[PpUu])\b(Peraturan Presiden|Perpres|Undang-Undang|UU|Peraturan Pemerintah|PP|Permenkumham|Permenimipas|PMA)"
    r"\s*(?:Republik Indonesia\s*)?(?:Nomor|No\.?)?\s*(\d{1,4})\s*(?:Tahun|/)\s*(\d{4})", re.I)

CAP = r"[A-Z][\w'.-]*"
GENERIC = re.compile(r"^(Kantor Imigrasi|Kanwil (?:Kemenkum HAM|Kemenkumham|Direktorat Jenderal Imigrasi|Ditjen Imigrasi))$")
FIGURE = re.compile(r"(?=\d)\b(\d{1,3}(?:[.,]\d{3})*|\d+)\s+(kasus|tersangka|orang|korban|laporan polisi|paspor)\b", re.I)
EVENT_KINDS = {"sosialisasi": "sosialisasi", "diskusi panel": "diskusi panel", "rapat koordinasi": "rapat koordinasi",
               "rakor": "rapat koordinasi", "operasi": "operasi", "penandatanganan": "penandatanganan",
               "rapat": "rapat"}
EVENT = re.compile(r"(?=[sdropSDROP])\b(" + "|".join(EVENT_KINDS) + r")\b", re.I)
PLACE = re.compile(rf"\bdi ((?:{CAP})(?: {CAP}){{0,5}})")


def as_of(text: str | None):
    """The day an article's graph is read at: its full ISO date, else None (a year alone reads all).

    >>> as_of("2024-10-21"), as_of("2025"), as_of("kemarin")
    (datetime.date(2024, 10, 21), None, None)
    """
    from datetime import date

    try:
        return date.fromisoformat(text.strip()) if text and len(text.strip()) == 10 else None
    except ValueError:
        return None


def parse_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for 'Rabu (21/6/2023)' and '21 Juni 2023' (a range keeps its first day)."""
    out = []
    for m in DATE_SLASH.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append((m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}"))
    for m in DATE_WORDS.finditer(text):
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        if 1 <= day <= 31:
            out.append((m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}"))
    return sorted(out)


def parse_regulations(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, type, number, year) of each regulation cited."""
    return [(m.start(), m.end(), REG_TYPES[m.group(1).lower()], m.group(2), m.group(3))
            for m in REGULATION.finditer(text)]
