"""Documents: a file's text split into blocks of plain text mapped exactly to the source.

Every checker reads ``Block.text``: the visible words of a paragraph, heading, list item, table
cell or image description, with markup removed (emphasis markers, link targets, code, HTML tags,
comments). Each character of ``Block.text`` keeps the offset of the character it came from, so
a finding at ``text[i:j]`` is reported at the exact line and column of the original file.
Columns count characters (code points), which is what editors show for UTF-8 text: a tab, an
astral-plane emoji or a combining accent each count once, and CRLF line ends do not shift them.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

_SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".text": "text",
}


class InputError(Exception):
    """A file that cannot be linted: unreadable, binary, or not valid UTF-8."""


@dataclass(frozen=True)
class Comment:
    """A comment in the source (``<!-- … -->`` or a ``#`` line in plain text)."""

    start: int
    end: int
    body: str


@dataclass
class Block:
    """A run of visible text that no sentence crosses: paragraph, heading, list item, cell…"""

    kind: str
    text: str
    # Sorted (text offset, source offset, length) pieces; a length of 1 with a text character
    # that is not in the source (a decoded entity, a space standing for masked code) is allowed.
    runs: list[tuple[int, int, int]]
    level: int = 0

    def source_offset(self, index: int) -> int:
        """Source offset of ``text[index]`` (``index == len(text)`` maps past the last char)."""
        if not self.runs:
            return 0
        if index >= len(self.text):
            text_start, source_start, length = self.runs[-1]
            return source_start + length
        text_start, source_start, length = self.runs[bisect_right(self._run_starts, index) - 1]
        return source_start + min(index - text_start, max(length - 1, 0))

    @cached_property
    def _run_starts(self) -> list[int]:
        return [run[0] for run in self.runs]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source [start, end) covering ``text[start:end]``."""
        if end <= start:
            offset = self.source_offset(start)
            return offset, offset
        return self.source_offset(start), self.source_offset(end - 1) + 1


class TextBuilder:
    """Accumulates a block's text piece by piece, recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int]] = []
        self._length = 0

    def add(self, text: str, source_start: int) -> None:
        """Append ``text`` copied verbatim from ``source[source_start:]``."""
        if not text:
            return
        last = self._runs[-1] if self._runs else None
        if last and last[0] + last[2] == self._length and last[1] + last[2] == source_start:
            self._runs[-1] = (last[0], last[1], last[2] + len(text))
        else:
            self._runs.append((self._length, source_start, len(text)))
        self._parts.append(text)
        self._length += len(text)

    def add_substitute(self, text: str, source_start: int) -> None:
        """Append characters that stand for ``source[source_start]`` (entity, masked code)."""
        for char in text:
            self._runs.append((self._length, source_start, 1))
            self._parts.append(char)
            self._length += 1

    @property
    def empty(self) -> bool:
        """True when nothing but whitespace has been added."""
        return not "".join(self._parts).strip()

    def build(self, kind: str, level: int = 0) -> Block:
        """The finished block (the builder can be reused after ``reset``)."""
        return Block(kind, "".join(self._parts), list(self._runs), level)

    def reset(self) -> None:
        """Start a new block."""
        self.__init__()


@dataclass
class Document:
    """A decoded file with its blocks, comments and line index."""

    path: str
    source: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    has_bom: bool = False

    def __post_init__(self) -> None:
        self._line_starts = [0] + [i + 1 for i, char in enumerate(self.source) if char == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count characters."""
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @property
    def line_count(self) -> int:
        """Number of lines (a final newline does not start a new one)."""
        count = len(self._line_starts)
        return count - 1 if self.source.endswith("\n") else count


def format_for(path: str, default: str = "text") -> str:
    """The document format implied by a file name's extension."""
    return _SUFFIX_FORMATS.get(PurePath(path).suffix.lower(), default)


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """Decode UTF-8 bytes (with or without BOM); raise InputError for binary or invalid data."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not linted")
    has_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None
    return text, has_bom


def compose(block: Block) -> Block:
    """The block with decomposed letters composed (NFC): "u" + U+0308 becomes "ü".

    Text pasted from macOS is often decomposed, and "ü" written as two code points would not
    match "ülser". Each composed letter maps to the source offset of its base letter; a mark
    that does not compose (the dot of a lower-cased İ) is dropped from the text, not the source.
    """
    if not any(unicodedata.combining(char) for char in block.text):
        return block
    builder = TextBuilder()
    index = 0
    text = block.text
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        if unicodedata.combining(text[index]):
            index = end  # a mark with no base letter: nothing visible to lint
            continue
        composed = unicodedata.normalize("NFC", text[index:end])[0]
        if end - index == 1:
            builder.add(composed, block.source_offset(index))
        else:
            builder.add_substitute(composed, block.source_offset(index))
        index = end
    return builder.build(block.kind, block.level)


def table_rows(document: Document) -> list[Block]:
    """One block per table row ("Magnesium citrate | 500 mg"): a salt and its figure sit in
    different cells, and a Supplement Facts row is read as one line."""
    rows: list[Block] = []
    current: list[Block] = []

    def flush() -> None:
        if len(current) > 1:
            builder = TextBuilder()
            for number, cell in enumerate(current):
                if number:
                    builder.add_substitute(" | ", cell.source_offset(0))
                for index, char in enumerate(cell.text):
                    builder.add(char, cell.source_offset(index))
            rows.append(builder.build("table_row"))
        current.clear()

    for block in document.blocks:
        if block.kind != "table_cell":
            flush()
            continue
        if current:
            gap = document.source[current[-1].source_offset(len(current[-1].text)) : block.source_offset(0)]
            if "\n" in gap:
                flush()
        current.append(block)
    flush()
    return rows


def parse(source: str, path: str, fmt: str, has_bom: bool = False) -> Document:
    """Split decoded text into blocks and comments according to its format."""
    from . import html, markdown, plaintext

    parser = {"markdown": markdown.parse, "html": html.parse, "text": plaintext.parse}[fmt]
    document = Document(path, source, fmt, has_bom=has_bom)
    blocks, document.comments = parser(source)
    document.blocks = [compose(block) for block in blocks]
    return document
