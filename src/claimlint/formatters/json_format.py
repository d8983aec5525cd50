"""``--format json``: a JSON array of diagnostic objects (the documented stable contract)."""

from __future__ import annotations

import json

from ..diagnostic import Diagnostic


def render(diagnostics: list[Diagnostic]) -> str:
    """The array, pretty-printed, non-ASCII kept readable."""
    return json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
