"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards."""

from __future__ import annotations

import json

from .. import __version__
from ..diagnostic import Diagnostic

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(diagnostics: list[Diagnostic]) -> str:
    """A single-run SARIF log; each rule carries its regulation sources as help text."""
    rules: dict[str, dict] = {}
    results = []
    for d in diagnostics:
        if d.code not in rules:
            rules[d.code] = {
                "id": d.code,
                "name": d.name,
                "shortDescription": {"text": d.name},
                "help": {"text": "; ".join(d.sources)},
                "properties": {"sources": list(d.sources)},
            }
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": list(rules).index(d.code),
                "level": _LEVELS[d.severity],
                "message": {"text": f"{d.message} Help: {d.help}"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": d.path},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": d.end_column,
                            },
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimlint",
                        "version": __version__,
                        "rules": list(rules.values()),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
