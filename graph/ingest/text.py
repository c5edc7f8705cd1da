"""Reading an article: plain text or HTML, with its metadata lines, split into sentences with offsets."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

from graph.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
META = re.compile(r"^#\s*(source|date|url)\s*:\s*(.+)$", re.I)


class TextOnly(html.parser.HTMLParser):
    """Collects the visible text of an HTML page (scripts and styles dropped)."""

    SKIP = {"script", "style", "noscript", "template"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page.

    >>> html_to_text("<p>Kanim <b>Batulicin</b></p><script>x()</script>").strip()
    'Kanim Batulicin'
    """
    parser = TextOnly()
    parser.feed(markup)
    return re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts))


def read_article(path: str) -> tuple[str, dict]:
    """The article's text and its metadata (``# source:``, ``# date:`` header lines)."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size // (1024 * 1024)} MiB is more than an article "
                             f"({MAX_BYTES // (1024 * 1024)} MiB at most); split the file")
        raw = file.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if b"\x00" in raw[:65536]:
        raise InputError(f"{path}: is a binary file, not text; give a UTF-8 text or HTML page")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: is not UTF-8 text (byte {err.start}); convert it to UTF-8") from None
    text = CONTROL.sub(" ", text)     # NUL and other control characters become spaces: offsets stay
    if re.search(r"<(html|body|p|div)\b", text[:5000], re.I):
        text = html_to_text(text)
    meta, lines, started = {}, [], False
    for line in text.splitlines(keepends=True):
        if not started and line.lstrip().startswith("#"):
            found = META.match(line.strip())
            if found and len(lines) < 10:
                meta[found.group(1).lower()] = found.group(2).strip()
            lines.append(blank(line))     # header lines become spaces: offsets stay those of the file
            continue
        started = started or bool(line.strip())
        lines.append(line)
    body = "".join(lines)
    if not body.strip():
        raise InputError(f"{path}: is empty; give an article to read")
    return body, meta


def blank(line: str) -> str:
    """The line as spaces of the same length (its newline kept)."""
    return "".join(c if c in "\r\n" else " " for c in line)


ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]|(?:[A-Z][a-z]{0,3}\.)+[A-Z][a-z]{0,3}"
                          r"|Dr|dr|Drs|Dra|Ir|Prof|Pol|No|Hj|Jl|Plt|Plh|PLT|PLH|Pj|Pjs|Kec|Kab|Prov|Kel|Sdr|Sdri|drg|Kol|Let|Moh|Muh|Moch"
                          r"|Mochd|Mhd|Muhd|Abd|Ach|Inf|Arm|Art|Kav|Czi|Cba|Cpm|Mar|Pnb|Tek|Kes)\.$")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z0-9])|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``.

    >>> [ "Satu dua. Tiga."[a:b] for a, b in sentences("Satu dua. Tiga.")]
    ['Satu dua.', 'Tiga.']
    """
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.group().strip() == "" and not PARAGRAPH_BREAK.search(m.group()) \
                and ABBREVIATION.search(text, max(0, m.start() - 12), m.start()):
            continue                  # 'A. Maria', 'H.M. Rahmattullah', 'Dr. Sukmo': not a sentence end (a blank line is)
        if text[start:m.start()].strip():
            out.append(trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append(trim(text, start, len(text)))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
