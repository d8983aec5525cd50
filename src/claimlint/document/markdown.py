"""Markdown: blocks of visible text from a CommonMark (+ GFM tables) document.

markdown-it-py finds the block structure and the inline tokens, but tokens carry line numbers,
not columns. So each inline token's raw source is located on its lines, and its child tokens
are aligned with that raw text character by character: text is copied with its offsets,
emphasis markers and link targets are dropped, code spans and HTML become a masking space,
escapes and entities are decoded in place. A literal ``*`` (``kalitesi*``, ``\\*``) stays text.
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it import MarkdownIt

from . import Block, Comment, TextBuilder
from . import html as html_document

_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_CONTAINER_KINDS = {"list_item_open": "list_item", "blockquote_open": "blockquote"}


def _mask_front_matter(source: str) -> str:
    """Blank out YAML/TOML front matter, keeping every line break so line numbers hold."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source
    masked = re.sub(r"[^\n]", " ", match.group())
    return masked + source[match.end() :]


class _Lines:
    """Source lines with their offsets (without the line break, CR included or not)."""

    def __init__(self, source: str) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.source = source

    def text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.source)
        return self.source[start:end].rstrip("\r")


def _raw_lines(content: str, first_line: int, lines: _Lines) -> tuple[str, list[int]]:
    """Locate an inline token's content on its source lines: raw text + offset of each char."""
    raw: list[str] = []
    offsets: list[int] = []
    for i, piece in enumerate(content.split("\n")):
        line_number = first_line + i
        if line_number >= len(lines.starts):
            break
        line = lines.text(line_number)
        column = line.find(piece) if piece else len(line)
        if column < 0:  # tabs expanded by the parser: fall back to the text after the indent
            column = len(line) - len(line.lstrip())
            piece = line[column:]
        start = lines.starts[line_number] + column
        if i:
            raw.append("\n")
            offsets.append(start - 1)
        raw.append(piece)
        offsets.extend(range(start, start + len(piece)))
    return "".join(raw), offsets


def _table_cells(row: str) -> list[tuple[int, int]]:
    """[start, end) of each cell's stripped raw text in a table row (escaped pipes kept)."""
    cells = []
    start = 0
    i = 0
    while i <= len(row):
        if i == len(row) or (row[i] == "|" and (i == 0 or row[i - 1] != "\\")):
            cell = row[start:i]
            left = len(cell) - len(cell.lstrip())
            right = len(cell.rstrip())
            if i > 0 or cell.strip():
                cells.append((start + left, start + max(right, left)))
            start = i + 1
        i += 1
    if cells and row.lstrip().startswith("|") and not row[: cells[0][0]].strip("| \t"):
        cells = [c for c in cells if not (c[0] == c[1] and c is cells[0])]
    return [c for c in cells if c[1] > c[0] or len(cells) == 1]


class _Aligner:
    """Walks child tokens over the raw text, building the block text with exact offsets."""

    def __init__(self, raw: str, offsets: list[int], builder: TextBuilder, comments: list[Comment]):
        self.raw = raw
        self.offsets = offsets
        self.pos = 0
        self.builder = builder
        self.comments = comments

    def here(self) -> int:
        return self.offsets[min(self.pos, len(self.offsets) - 1)] if self.offsets else 0

    def walk(self, tokens) -> None:
        skipping_autolink = False
        for token in tokens:
            if skipping_autolink:
                if token.type == "link_close":
                    skipping_autolink = False
                continue
            handler = getattr(self, "on_" + token.type, None)
            if handler is not None:
                if handler(token) == "skip-autolink":
                    skipping_autolink = True
            elif token.type.endswith(("_open", "_close")):
                self.skip_literal(token.markup)

    def skip_literal(self, markup: str) -> None:
        if markup and self.raw.startswith(markup, self.pos):
            self.pos += len(markup)

    def on_text(self, token) -> None:
        wanted = token.content
        j = 0
        while j < len(wanted) and self.pos < len(self.raw):
            char = self.raw[self.pos]
            entity = _ENTITY.match(self.raw, self.pos) if char == "&" else None
            if entity and wanted.startswith(unescape(entity.group()), j):
                decoded = unescape(entity.group())
                self.builder.add_substitute(decoded, self.here())
                self.pos = entity.end()
                j += len(decoded)
            elif char == "\\" and self.raw[self.pos + 1 : self.pos + 2] == wanted[j]:
                self.pos += 1  # an escape: the next character is the literal one
            elif char == wanted[j]:
                start = j
                # copy the longest verbatim stretch at once (stopping at escapes and entities)
                while True:
                    self.pos += 1
                    j += 1
                    if not (
                        j < len(wanted)
                        and self.pos < len(self.raw)
                        and self.raw[self.pos] == wanted[j]
                        and self.raw[self.pos] not in "&\\"
                    ):
                        break
                self.builder.add(wanted[start:j], self.offsets[self.pos - (j - start)])
            elif char in " \t\n\\":
                self.pos += 1  # whitespace the parser collapsed, a hard-break backslash
            else:
                # Out of step (should not happen): keep the parser's text at the current place.
                self.builder.add_substitute(wanted[j], self.here())
                j += 1

    def on_softbreak(self, token) -> None:
        newline = self.raw.find("\n", self.pos)
        if newline < 0:
            return
        self.pos = newline
        self.builder.add("\n", self.offsets[newline])
        self.pos += 1
        while self.pos < len(self.raw) and self.raw[self.pos] in " \t":
            self.pos += 1

    on_hardbreak = on_softbreak

    def on_code_inline(self, token) -> None:
        ticks = re.match(r"`+", self.raw[self.pos :])
        if not ticks:
            return
        closing = re.compile(r"(?<!`)" + ticks.group() + r"(?!`)")
        end = closing.search(self.raw, self.pos + len(ticks.group()))
        self.builder.add_substitute(" ", self.here())
        self.pos = end.end() if end else self.pos + len(ticks.group())

    def on_html_inline(self, token) -> None:
        length = len(token.content)
        if token.content.startswith("<!--"):
            start = self.here()
            self.comments.append(Comment(start, start + length, token.content[4:-3]))
        self.builder.add_substitute(" ", self.here())
        self.pos += length

    def on_link_open(self, token):
        if token.markup == "autolink":
            end = self.raw.find(">", self.pos)
            self.builder.add_substitute(" ", self.here())
            self.pos = end + 1 if end >= 0 else self.pos
            return "skip-autolink"
        self.skip_literal("[")
        return None

    def on_link_close(self, token) -> None:
        self.skip_literal("]")
        self.skip_destination()

    def on_image(self, token) -> None:
        self.skip_literal("![")
        self.walk(token.children or [])
        self.skip_literal("]")
        self.skip_destination()

    def skip_destination(self) -> None:
        """Skip ``(url "title")`` or ``[label]`` after a link's text: not linted."""
        if self.raw.startswith("(", self.pos):
            depth = 0
            quote = None
            while self.pos < len(self.raw):
                char = self.raw[self.pos]
                self.pos += 1
                if char == "\\":
                    self.pos += 1
                elif quote:
                    quote = None if char == quote else quote
                elif char in "\"'" and depth == 1:
                    quote = char
                elif char == "(":
                    depth += 1
                elif char == ")":
                    depth -= 1
                    if depth == 0:
                        break
        elif self.raw.startswith("[", self.pos):
            end = self.raw.find("]", self.pos)
            self.pos = end + 1 if end >= 0 else self.pos


def parse(source: str) -> tuple[list[Block], list[Comment]]:
    """Blocks and comments of a Markdown document."""
    masked = _mask_front_matter(source)
    lines = _Lines(masked)
    blocks: list[Block] = []
    comments: list[Comment] = []
    containers: list[str] = []
    kind, level = "paragraph", 0
    row_cells: list[tuple[int, int]] = []
    row_line = 0
    for token in _PARSER.parse(masked):
        if token.type in _CONTAINER_KINDS:
            containers.append(_CONTAINER_KINDS[token.type])
        elif token.type in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif token.type == "heading_open":
            kind, level = "heading", int(token.tag[1])
        elif token.type in ("th_open", "td_open"):
            kind = "table_cell"
        elif token.type == "tr_open":
            row_line = token.map[0]
            row_cells = _table_cells(lines.text(row_line))
        elif token.type == "hr":
            # An empty block marks the break: "---" separates pages for the disclaimer scope.
            blocks.append(Block("thematic_break", "", [(0, lines.starts[token.map[0]], 0)]))
        elif token.type == "html_block":
            base = lines.starts[token.map[0]]
            end = lines.starts[token.map[1]] if token.map[1] < len(lines.starts) else len(masked)
            found_blocks, found_comments = html_document.parse_fragment(masked[base:end], base)
            blocks.extend(found_blocks)
            comments.extend(found_comments)
        elif token.type == "inline":
            if kind == "table_cell" and row_cells:
                start, end = row_cells.pop(0)
                line_start = lines.starts[row_line]
                raw, offsets = lines.text(row_line)[start:end], list(range(line_start + start, line_start + end))
            else:
                raw, offsets = _raw_lines(token.content, token.map[0], lines)
            builder = TextBuilder()
            _Aligner(raw, offsets, builder, comments).walk(token.children or [])
            if not builder.empty:
                block_kind = kind if kind != "paragraph" else (containers[-1] if containers else "paragraph")
                blocks.append(builder.build(block_kind, level))
        elif token.type in ("heading_close", "th_close", "td_close", "paragraph_close"):
            kind, level = "paragraph", 0
    blocks.sort(key=lambda block: block.source_offset(0))
    return blocks, comments
