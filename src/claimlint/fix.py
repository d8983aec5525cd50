"""Applying fixes: minimal, idempotent, atomic, and faithful to the file's bytes.

A check proposes an Edit in block coordinates; here it becomes source edits. A rewrite is
reduced to the words that differ (whitespace, line breaks and unchanged words are kept as
they are), an addition is placed after its block as a new paragraph using the file's own line
ending. Files are written through a temporary file and an atomic rename, with the BOM, the
encoding (UTF-8) and the permissions they had: a crash never leaves a half-written file.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from pathlib import Path

from .diagnostic import Diagnostic, Edit, SourceEdit
from .document import Block, Document
from .matchkey import fold

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def newline_of(source: str) -> str:
    """The document's line ending: CRLF when any line ends with it."""
    return "\r\n" if "\r\n" in source else "\n"


def source_edits(edit: Edit, document: Document, blocks: list[Block]) -> tuple[SourceEdit, ...]:
    """The source edits that carry out ``edit`` (empty when it would change nothing)."""
    if edit.after_block is not None:
        block = blocks[edit.after_block]
        end = block.source_span(0, len(block.text))[1]
        newline = newline_of(document.source)
        return (SourceEdit(end, end, newline + newline + edit.text),)
    start = blocks[edit.start_block].source_offset(edit.start)
    end = blocks[edit.end_block].source_span(0, edit.end)[1] if edit.end else start
    return tuple(_minimal(document.source, start, end, edit.text))


def _minimal(source: str, start: int, end: int, wanted: str):
    """Replace only the words of source[start:end] that differ from ``wanted``."""
    have = _TOKEN.findall(source[start:end])
    want = _TOKEN.findall(wanted)
    offsets = [start]
    for token in have:
        offsets.append(offsets[-1] + len(token))
    matcher = difflib.SequenceMatcher(None, [_token_key(t) for t in have], [_token_key(t) for t in want], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            yield SourceEdit(offsets[i1], offsets[i2], "".join(want[j1:j2]))


def _token_key(token: str) -> str:
    """Tokens compare folded, and any white space equals any other."""
    return " " if token.isspace() else fold(token)


def apply_fixes(source: str, diagnostics: list[Diagnostic]) -> str:
    """``source`` with every fix applied; a fix overlapping one already taken is skipped (the
    next run takes it), so applying is always safe."""
    edits: list[SourceEdit] = []
    for diagnostic in diagnostics:
        for edit in diagnostic.fixes:
            if edit not in edits:
                edits.append(edit)
    taken: list[SourceEdit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if taken and edit.start < taken[-1].end:
            continue
        taken.append(edit)
    for edit in reversed(taken):
        source = source[: edit.start] + edit.text + source[edit.end :]
    return source


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a fix, for ``--diff``."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def write_atomically(path: Path, text: str, has_bom: bool) -> None:
    """Replace the file's content in one rename, keeping its BOM and permissions."""
    data = (b"\xef\xbb\xbf" if has_bom else b"") + text.encode("utf-8")
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
