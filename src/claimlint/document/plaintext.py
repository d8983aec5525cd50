"""Plain text: paragraphs split on blank lines, with headings and list items told apart.

Copy pasted from a CMS often has one paragraph, heading or bullet per line and no blank lines
between them, while hand-wrapped prose continues a sentence on the next line. A line therefore
continues the previous one only when that line has no closing punctuation and this one starts
in lower case; otherwise it starts a new block. A short single line without a final full stop
is a heading. ``# claimlint-…`` lines are suppression comments, not text.
"""

from __future__ import annotations

import re

from . import Block, Comment, TextBuilder

_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•+·▪◦‣]|\d{1,3}[.)])[ \t]+")
_DIRECTIVE = re.compile(r"[ \t]*#[ \t]*(claimlint-.*)$")
_CLOSED = tuple(".!?…:*†‡\"”)»")
_HEADING_MAX_WORDS = 14


def _lines(source: str):
    """(start offset, line text without line break) for every line."""
    start = 0
    for line in source.split("\n"):
        yield start, line.rstrip("\r")
        start += len(line) + 1


def _kind(lines: list[tuple[int, str]], is_list: bool) -> str:
    if is_list:
        return "list_item"
    if len(lines) == 1:
        # a trailing claim symbol ("…uykuyu destekler.*") does not make a sentence a heading
        text = lines[0][1].strip().rstrip("*†‡ ")
        if (
            len(text.split()) <= _HEADING_MAX_WORDS
            and not text.endswith((".", ",", ";"))
            and (text[:1].isupper() or text[:1].isdigit())
        ):
            return "heading"
    return "paragraph"


def parse(source: str) -> tuple[list[Block], list[Comment]]:
    """Blocks and comments of a plain-text document."""
    blocks: list[Block] = []
    comments: list[Comment] = []
    current: list[tuple[int, str]] = []
    current_is_list = False

    def flush() -> None:
        nonlocal current
        if current:
            builder = TextBuilder()
            for i, (start, text) in enumerate(current):
                if i:
                    builder.add("\n", start - 1)
                stripped = text.lstrip()
                builder.add(stripped.rstrip(), start + len(text) - len(stripped))
            if not builder.empty:
                blocks.append(builder.build(_kind(current, current_is_list)))
        current = []

    for start, line in _lines(source):
        directive = _DIRECTIVE.match(line)
        if directive:
            flush()
            comments.append(Comment(start + directive.start(1), start + len(line), directive.group(1)))
            continue
        if not line.strip():
            flush()
            continue
        marker = _LIST_MARKER.match(line)
        previous = current[-1][1].rstrip() if current else ""
        continues = current and not marker and not previous.endswith(_CLOSED) and line.lstrip()[:1].islower()
        if not continues:
            flush()
            current_is_list = bool(marker)
        if marker and not continues:
            current.append((start + marker.end(), line[marker.end() :]))
        else:
            current.append((start, line))
    flush()
    return blocks, comments
