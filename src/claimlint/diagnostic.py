"""Findings (what a check reports, in block coordinates) and Diagnostics (what users see)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Edit:
    """A proposed fix in block coordinates: replace the text from (start_block, start) to
    (end_block, end) with ``text``; with ``after_block`` set, add ``text`` as a new paragraph
    after that block instead."""

    text: str
    start_block: int = -1
    start: int = 0
    end_block: int = -1
    end: int = 0
    after_block: int | None = None


@dataclass(frozen=True)
class SourceEdit:
    """A fix in source coordinates: replace ``source[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """A check's result: a rule, a span of one block's text, and values for its message."""

    code: str
    block_index: int
    start: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    edit: Edit | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One reported problem. Lines and columns are 1-based; columns count characters and the
    end is exclusive. The JSON output is ``to_json()`` of this class: a stable contract."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    help: str
    sources: tuple[str, ...] = ()
    fixes: tuple[SourceEdit, ...] = ()

    @property
    def fixable(self) -> bool:
        """Whether ``--fix`` can repair this finding."""
        return bool(self.fixes)

    def to_json(self) -> dict[str, Any]:
        """The JSON object for ``--format json``."""
        data = asdict(self)
        data["sources"] = list(self.sources)
        del data["fixes"]
        data["fixable"] = self.fixable
        return data

    def sort_key(self) -> tuple:
        """Order: file, position, code."""
        return (self.path, self.line, self.column, self.code)
