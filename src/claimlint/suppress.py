"""Inline suppressions: ``claimlint-disable`` comments, and CL001 for the ones never used.

Directives (in ``<!-- … -->`` comments, or ``# …`` lines in plain text)::

    claimlint-disable CL101 CL3 -- reason     until claimlint-enable (or the end of the file)
    claimlint-enable [CODES]
    claimlint-disable-next-line CL101 -- reason
    claimlint-disable-line CL101              the comment's own line

Codes are prefixes (``CL1`` covers every disease-claim rule); no code means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Comment, Document

_DIRECTIVE = re.compile(
    r"^\s*claimlint-(disable-next-line|disable-line|disable|enable)\b(?P<codes>[^-]*?)(?:\s--\s*(?P<reason>.*?))?\s*$",
    re.DOTALL,
)
_CODE = re.compile(r"CL\d{0,3}")


@dataclass
class Directive:
    """A parsed suppression comment and the lines it covers."""

    action: str
    codes: tuple[str, ...]
    comment: Comment
    first_line: int
    last_line: int
    used: bool = False

    def covers(self, code: str, line: int) -> bool:
        """True if this directive silences ``code`` on ``line``."""
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.codes or any(code.startswith(prefix) for prefix in self.codes)

    @property
    def text(self) -> str:
        """The directive as written, for messages."""
        return " ".join(self.comment.body.split())


def parse_directives(document: Document) -> list[Directive]:
    """Directives of a document with the line ranges they cover."""
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    last_line = document.line_count + 1
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.body)
        if not match:
            continue
        action = match.group(1)
        codes = tuple(_CODE.findall(match.group("codes") or ""))
        start_line, _ = document.line_col(comment.start)
        end_line, _ = document.line_col(max(comment.end - 1, comment.start))
        if action == "enable":
            for directive in list(open_ranges):
                if not codes or set(codes) & set(directive.codes) or not directive.codes:
                    directive.last_line = start_line
                    open_ranges.remove(directive)
            continue
        if action == "disable-next-line":
            directive = Directive(action, codes, comment, end_line + 1, end_line + 1)
        elif action == "disable-line":
            directive = Directive(action, codes, comment, start_line, end_line)
        else:
            directive = Directive(action, codes, comment, start_line, last_line)
            open_ranges.append(directive)
        directives.append(directive)
    return directives


def is_suppressed(directives: list[Directive], code: str, line: int) -> bool:
    """Whether a finding is silenced; marks the directive(s) that silence it as used."""
    suppressed = False
    for directive in directives:
        if directive.covers(code, line):
            directive.used = True
            suppressed = True
    return suppressed
