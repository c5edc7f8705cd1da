"""Print answers as a table (rich), JSON or CSV.

A command hands over the JSON-ready answer and one or more :class:`Section`
values (a title, column headers and rows of strings) for the table and CSV
views. JSON always prints the whole answer.
"""

from __future__ import annotations

import csv
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
    """One table: a title, column headers for people, rows of strings.

    ``keys`` are the columns' stable English codes, used as CSV headers in
    every language; ``optional`` lists the keys a narrow terminal may drop,
    least useful first.
    """

    title: str | None
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    keys: list[str] | None = None
    optional: tuple[str, ...] = ()
    note: str | None = None                # printed under the table (CSV and JSON carry it as data)
    code: str | None = None                # the section's name in CSV, the same in every language


def emit(answer, sections: list[Section], fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write(json_text(answer))
        out.write("\n")
    elif fmt == "csv":
        write_csv(sections, out)
    else:
        write_table(sections, out)


def json_text(answer) -> str:
    """``answer`` as indented JSON, byte for byte what ``json.dumps(answer, ensure_ascii=False,
    indent=2, default=str)`` writes, at orjson's speed (a whole-country gaps answer is
    hundreds of megabytes).

    >>> print(json_text({"step": "Penyidikan", "regions": 2}))
    {
      "step": "Penyidikan",
      "regions": 2
    }
    """
    import orjson

    return orjson.dumps(answer, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=str).decode()


def write_csv(sections: list[Section], out) -> None:
    """One CSV table with English column codes; several sections get a leading
    ``section`` column and the union of their columns."""
    writer = csv.writer(out, lineterminator="\n")
    if len(sections) == 1:
        writer.writerow(sections[0].keys or sections[0].columns)
        writer.writerows(sections[0].rows)
        return
    header = list(dict.fromkeys(k for sec in sections for k in (sec.keys or sec.columns)))
    writer.writerow(["section", *header])
    for sec in sections:
        for row in sec.rows:
            cells = dict(zip(sec.keys or sec.columns, row))
            writer.writerow([sec.code or sec.title or "", *(cells.get(k, "") for k in header)])


def write_table(sections: list[Section], out) -> None:
    """Tables as wide as the terminal ($COLUMNS, else 80 when not a terminal): text wraps
    inside cells, and columns marked optional are dropped (and named) when it would not fit.
    A table whose longest words do not fit side by side even then is printed as records, one
    ``column  value`` line per field, so that no word is ever cut."""
    from rich.console import Console

    console = Console(file=out, highlight=False, soft_wrap=False, emoji=False)
    for sec in sections:
        table, dropped = fitted_table(console, sec)
        console.print(table if table is not None else records(sec))
        if sec.note:
            console.print(escape(sec.note))
        if dropped:
            console.print(f"  ({', '.join(dropped)}: --format csv / json)", style="dim")


def fitted_table(console, sec: Section):
    """The rich Table of ``sec`` that fits the console, and the headers it had to drop."""
    from rich import box
    from rich.table import Table

    keys = sec.keys or sec.columns
    drop: list[int] = []
    for key in (*sec.optional, None):
        keep = [i for i in range(len(sec.columns)) if i not in drop]
        widths = column_widths(sec, keep, console.width)
        if widths is not None or key is None:
            break
        if key in keys:
            drop.append(keys.index(key))
    if widths is None:
        return None, []
    table = Table(title=sec.title, box=box.SIMPLE_HEAD, title_justify="left", show_lines=False, pad_edge=False)
    for n, i in enumerate(keep):
        table.add_column(sec.columns[i], overflow="fold", width=widths[n])
    for row in sec.rows:
        table.add_row(*[escape(row[i]) for i in keep])
    return table, [sec.columns[i] for i in drop]


def records(sec: Section):
    """``sec`` as one block per row, a field per line (as ``psql``'s expanded display), for a
    terminal too narrow for its columns: values wrap at words beside their column's name."""
    from rich.console import Group
    from rich.table import Table

    blocks = [escape(sec.title)] if sec.title else []
    for row in sec.rows:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for column, value in zip(sec.columns, row):
            grid.add_row(escape(column), escape(value))
        blocks += [grid, ""]
    return Group(*blocks)


def column_widths(sec: Section, keep: list[int], width: int) -> list[int] | None:
    """Widths for the kept columns within ``width``, no word cut; None when none fit.

    Each column gets its longest word, and the room left is shared in
    proportion to how much more each would take to hold its longest cell.

    >>> column_widths(Section(None, ["a", "b"], [["Kantor Imigrasi Batulicin", "x"]]), [0, 1], 20)
    [14, 1]
    """
    from rich.cells import cell_len

    low = [longest_word(sec, i) for i in keep]
    high = [max(cell_len(printable(str(c))) for c in [sec.columns[i], *(row[i] for row in sec.rows)]) for i in keep]
    room = width - (3 * len(keep) - 1)
    if sum(high) <= room:
        return high
    if sum(low) > room:
        return None
    spare, want = room - sum(low), [h - lo for lo, h in zip(low, high)]
    return [lo + spare * w // sum(want) for lo, w in zip(low, want)]


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` with control characters (terminal escapes among them) shown as ``\xNN``.

    >>> printable("Kanim\x1b[31m")
    'Kanim\\x1b[31m'
    """
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def longest_word(sec: Section, i: int) -> int:
    """The width of the longest word in column ``i`` (header included); a status
    mark ("⚠ belum terverifikasi") counts as one word, so it is never broken, but two marks
    ("≈ tidak pasti; sumber lemah") may stand on two lines.

    >>> longest_word(Section(None, ["Status"], [["≈ uncertain; weak source"]], keys=["status"]), 0)
    12
    """
    from rich.cells import cell_len

    cells = [sec.columns[i], *(str(row[i]) for row in sec.rows)]
    whole = sec.keys is not None and sec.keys[i] == "status"
    return max((cell_len(word.strip()) for cell in cells
                for word in (re.split(r"(?<=;) ", printable(cell)) if whole else printable(cell).split())), default=0)


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
