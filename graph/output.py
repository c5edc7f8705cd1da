"""Print answers as a table (rich), JSON or CSV.

A command hands over the JSON-ready answer and one or more :class:`Section`
values (a title, column headers and rows of strings) for the table and CSV
views. JSON always prints the whole answer.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass, field

MARKS = {"unverified": {"id": "⚠ belum terverifikasi", "en": "⚠ unverified"},
         "weak": {"id": "sumber lemah", "en": "weak source"}}


def mark(confidence: str | None, lang: str) -> str:
    """How a table shows a fact's confidence: blank when verified.

    >>> mark("unverified", "en")
    '⚠ unverified'
    """
    return MARKS.get(confidence or "", {}).get(lang, "")


@dataclass
class Section:
    title: str | None
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


def emit(answer, sections: list[Section], fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(answer, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt == "csv":
        write_csv(sections, out)
    else:
        write_table(sections, out)


def write_csv(sections: list[Section], out) -> None:
    """One CSV table; several sections get a leading ``section`` column."""
    writer = csv.writer(out, lineterminator="\n")
    if len(sections) == 1:
        writer.writerow(sections[0].columns)
        writer.writerows(sections[0].rows)
        return
    width = max(len(s.columns) for s in sections)
    writer.writerow(["section"] + [f"c{i + 1}" for i in range(width)])
    for sec in sections:
        for row in sec.rows:
            writer.writerow([sec.title or ""] + list(row))


def write_table(sections: list[Section], out) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich import box

    console = Console(file=out, width=max(120, Console(file=out).width), highlight=False,
                      soft_wrap=False, emoji=False)
    for sec in sections:
        table = Table(title=sec.title, box=box.SIMPLE_HEAD, title_justify="left",
                      show_lines=False, pad_edge=False)
        for col in sec.columns:
            table.add_column(col, overflow="fold")
        for row in sec.rows:
            table.add_row(*[escape(v) for v in row])
        console.print(table)


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` with control characters (terminal escapes among them) shown as ``\\xNN``.

    >>> printable("Kanim\x1b[31m")
    'Kanim\\x1b[31m'
    """
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def escape(value) -> str:
    """A cell for a rich table: markup escaped, control characters neutralised."""
    from rich.markup import escape as rich_escape

    return rich_escape(printable("" if value is None else str(value)))


def names(refs, key: str = "label") -> str:
    """Join the labels of a list of references."""
    return "; ".join(str(r.get(key, "")) for r in refs or [] if r)


def source_text(sources) -> str:
    """Sources as 'label <url>' joined, for CSV."""
    parts = []
    for src in sources or []:
        text = src.get("label", "")
        if src.get("url"):
            text += f" <{src['url']}>"
        parts.append(text)
    return "; ".join(parts)


def source_short(sources) -> str:
    """Sources as 'publisher date' joined, for tables (JSON and CSV carry the full form)."""
    parts = []
    for src in sources or []:
        if src.get("publisher"):
            parts.append(" ".join(str(x) for x in (src["publisher"], src.get("date")) if x))
        else:
            parts.append(src.get("short") or src.get("label", ""))
    return "; ".join(dict.fromkeys(parts))


def basis_text(refs) -> str:
    """Legal bases by their short names."""
    return "; ".join(r.get("short") or r.get("label", "") for r in refs or [] if r)
